// The supervision records beside the ledger, through the gateway: the risk register
// (recorded, reviewed under its etag, refused with its field and nothing stored),
// special campaigns (each unit followed up by the group that supervises it), the file
// catalogue's checklist, attendance imported in every mode, and a run of the shipped
// group-v2 scheme whose risk-point, campaign and file tasks read them (points by hand).

#include <map>
#include <string>
#include <tuple>
#include <vector>

#include "absl/strings/str_cat.h"
#include "common/status/grpc_status.h"
#include "gmock/gmock.h"
#include "grpcpp/client_context.h"
#include "gtest/gtest.h"
#include "paizhu/assess/v1/assess.grpc.pb.h"
#include "paizhu/org/v1/org.grpc.pb.h"
#include "tests/support/stack.h"
#include "tests/support/status_matchers.h"

namespace paizhu {
namespace {

using assess::v1::AssessService;
using ::paizhu::common::v1::ImportResult;
using ::paizhu::testing::HasField;
using ::paizhu::testing::StatusIs;

class RecordsTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto stack = testing::Stack::Start();
    ASSERT_TRUE(stack.ok()) << stack.status();
    stack_ = stack->release();
    org_ = org::v1::OrgService::NewStub(stack_->Gateway());
    assess_ = AssessService::NewStub(stack_->Gateway());
    // G01 supervises U01 and U02, G02 supervises U03; nobody supervises U04.
    org::v1::ImportUnitsRequest units;
    for (auto [code, kind, parent, group] :
         std::vector<std::tuple<std::string, std::string, std::string, std::string>>{
             {"C", "commission", "", ""},
             {"O1", "supervision_office", "C", ""},
             {"G01", "group", "C", ""},
             {"G02", "group", "C", ""},
             {"U01", "supervised_unit", "", "G01"},
             {"U02", "supervised_unit", "", "G01"},
             {"U03", "supervised_unit", "", "G02"},
             {"U04", "supervised_unit", "", ""}}) {
      auto* row = units.add_rows();
      row->set_line(units.rows_size() + 1);
      row->set_code(code);
      row->set_kind(kind);
      row->set_name("单位" + code);
      row->set_parent(parent);
      row->set_established_on("2018-01-01");
      if (kind == "group") row->set_guiding_office("O1");
      if (!group.empty()) {
        row->set_supervising_group(group);
        row->set_supervised_since("2018-01-01");
      }
    }
    grpc::ClientContext ctx;
    ctx.AddMetadata("authorization", "Bearer " + stack_->Token("admin"));
    ImportResult result;
    grpc::Status s = org_->ImportUnits(&ctx, units, &result);
    ASSERT_TRUE(s.ok()) << s.error_message();
    ASSERT_EQ(result.imported(), 8) << result.DebugString();
  }
  static void TearDownTestSuite() {
    org_.reset();
    assess_.reset();
    delete stack_;
  }

  template <typename Request, typename Response>
  static absl::StatusOr<Response> Call(
      grpc::Status (AssessService::Stub::*method)(grpc::ClientContext*, const Request&, Response*),
      const Request& request, const std::string& as = "admin") {
    grpc::ClientContext ctx;
    ctx.set_deadline(absl::ToChronoTime(absl::Now() + absl::Seconds(20)));
    ctx.AddMetadata("authorization", "Bearer " + stack_->Token(as));
    Response response;
    grpc::Status status = (assess_.get()->*method)(&ctx, request, &response);
    if (!status.ok()) return FromGrpcStatus(status);
    return response;
  }

  static assess::v1::RecordRiskPointRequest Point(const std::string& group, const std::string& unit,
                                                  const std::string& category,
                                                  const std::string& day) {
    assess::v1::RecordRiskPointRequest r;
    r.mutable_risk_point()->set_group("units/" + group);
    r.mutable_risk_point()->set_unit("units/" + unit);
    r.mutable_risk_point()->set_category(category);
    r.mutable_risk_point()->set_description("工程项目招投标");
    r.mutable_risk_point()->set_measures("集体决策、全程纪实");
    r.mutable_risk_point()->set_identified_on(day);
    return r;
  }

  static int RiskPointsOf(const std::string& group) {
    assess::v1::ListRiskPointsRequest list;
    list.set_group("units/" + group);
    auto listed = Call(&AssessService::Stub::ListRiskPoints, list);
    EXPECT_OK(listed.status());
    return listed.ok() ? listed->risk_points_size() : -1;
  }

  static testing::Stack* stack_;
  static std::unique_ptr<org::v1::OrgService::Stub> org_;
  static std::unique_ptr<AssessService::Stub> assess_;
};

testing::Stack* RecordsTest::stack_ = nullptr;
std::unique_ptr<org::v1::OrgService::Stub> RecordsTest::org_;
std::unique_ptr<AssessService::Stub> RecordsTest::assess_;

TEST_F(RecordsTest, RiskRegisterRecordsReviewsAndRefuses) {
  ASSERT_OK_AND_ASSIGN(auto first, Call(&AssessService::Stub::RecordRiskPoint,
                                        Point("G01", "U01", "key_power", "2024-02-01")));
  EXPECT_EQ(first.state(), "open");
  EXPECT_EQ(first.group(), "units/G01");
  EXPECT_TRUE(first.reviewed_on().empty());
  ASSERT_OK(Call(&AssessService::Stub::RecordRiskPoint,
                 Point("G01", "U02", "problem_prone", "2024-05-01"))
                .status());
  // Before the period the run below scores: identified 2023, reviewed in 2024.
  ASSERT_OK_AND_ASSIGN(auto old, Call(&AssessService::Stub::RecordRiskPoint,
                                      Point("G01", "U01", "weak_management", "2023-03-01")));
  // Identified 2023 and never reviewed: not counted in 2024.
  ASSERT_OK(Call(&AssessService::Stub::RecordRiskPoint,
                 Point("G01", "U02", "weak_management", "2023-04-01"))
                .status());
  ASSERT_EQ(RiskPointsOf("G01"), 4);

  // Bad input: refused with its field, and nothing stored.
  auto bad =
      Call(&AssessService::Stub::RecordRiskPoint, Point("G01", "U01", "everything", "2024-02-01"));
  EXPECT_THAT(bad, StatusIs(absl::StatusCode::kInvalidArgument, "INVALID_RISK_CATEGORY"));
  EXPECT_THAT(bad, HasField("risk_point.category"));
  bad = Call(&AssessService::Stub::RecordRiskPoint, Point("G01", "G02", "key_power", "2024-02-01"));
  EXPECT_THAT(bad, StatusIs(absl::StatusCode::kInvalidArgument, "NOT_A_SUPERVISED_UNIT"));
  EXPECT_THAT(bad, HasField("risk_point.unit"));
  bad = Call(&AssessService::Stub::RecordRiskPoint, Point("U01", "U01", "key_power", "2024-02-01"));
  EXPECT_THAT(bad, StatusIs(absl::StatusCode::kInvalidArgument, "NOT_A_GROUP"));
  EXPECT_THAT(bad, HasField("risk_point.group"));
  bad = Call(&AssessService::Stub::RecordRiskPoint, Point("G01", "U01", "key_power", "2099-01-01"));
  EXPECT_THAT(bad, HasField("risk_point.identified_on"));
  EXPECT_EQ(RiskPointsOf("G01"), 4);

  // The yearly review under the etag; a stale etag changes nothing.
  assess::v1::ReviewRiskPointRequest review;
  review.set_name(old.name());
  review.set_state("controlled");
  review.set_reviewed_on("2024-03-15");
  review.set_etag(old.etag());
  ASSERT_OK_AND_ASSIGN(auto reviewed, Call(&AssessService::Stub::ReviewRiskPoint, review));
  EXPECT_EQ(reviewed.state(), "controlled");
  EXPECT_EQ(reviewed.reviewed_on(), "2024-03-15");
  EXPECT_EQ(reviewed.measures(), "集体决策、全程纪实");  // empty measures: unchanged
  EXPECT_NE(reviewed.etag(), old.etag());
  review.set_state("closed");
  EXPECT_THAT(Call(&AssessService::Stub::ReviewRiskPoint, review),
              StatusIs(absl::StatusCode::kAborted, "ETAG_MISMATCH"));
  review.set_etag(reviewed.etag());
  review.set_state("gone");
  EXPECT_THAT(Call(&AssessService::Stub::ReviewRiskPoint, review), HasField("state"));
  review.set_name("risk-points/999999");
  review.set_state("closed");
  EXPECT_THAT(Call(&AssessService::Stub::ReviewRiskPoint, review),
              StatusIs(absl::StatusCode::kNotFound, "RISK_POINT_NOT_FOUND"));

  assess::v1::ListRiskPointsRequest by_unit;
  by_unit.set_unit("units/U01");
  ASSERT_OK_AND_ASSIGN(auto listed, Call(&AssessService::Stub::ListRiskPoints, by_unit));
  ASSERT_EQ(listed.risk_points_size(), 2);
  EXPECT_EQ(listed.risk_points(1).state(), "controlled");
  // A person with no role may not read the register.
  EXPECT_FALSE(Call(&AssessService::Stub::ListRiskPoints, by_unit, "nobody").ok());
}

TEST_F(RecordsTest, CampaignsAreFollowedUpByTheSupervisingGroup) {
  assess::v1::CreateCampaignRequest create;
  auto* c = create.mutable_campaign();
  c->set_kind("special_rectification");
  c->set_title("校园餐专项整治");
  c->set_from("2024-03-01");
  c->set_to("2024-06-30");
  for (const char* unit : {"units/U01", "units/U02", "units/U03"}) c->add_units()->set_unit(unit);

  // An unsupervised unit, a unit twice, a bad kind: refused, nothing stored.
  assess::v1::CreateCampaignRequest bad = create;
  bad.mutable_campaign()->add_units()->set_unit("units/U04");
  auto refused = Call(&AssessService::Stub::CreateCampaign, bad);
  EXPECT_THAT(refused, StatusIs(absl::StatusCode::kFailedPrecondition, "UNIT_NOT_SUPERVISED"));
  EXPECT_THAT(refused, HasField("campaign.units"));
  bad = create;
  bad.mutable_campaign()->add_units()->set_unit("units/U01");
  EXPECT_THAT(Call(&AssessService::Stub::CreateCampaign, bad),
              StatusIs(absl::StatusCode::kInvalidArgument, "DUPLICATE_UNIT"));
  bad = create;
  bad.mutable_campaign()->set_kind("festival");
  EXPECT_THAT(Call(&AssessService::Stub::CreateCampaign, bad), HasField("campaign.kind"));
  assess::v1::ListCampaignsRequest list;
  list.set_from_date("2024-01-01");
  list.set_to_date("2024-12-31");
  ASSERT_OK_AND_ASSIGN(auto none, Call(&AssessService::Stub::ListCampaigns, list));
  EXPECT_EQ(none.campaigns_size(), 0);

  ASSERT_OK_AND_ASSIGN(auto campaign, Call(&AssessService::Stub::CreateCampaign, create));
  ASSERT_EQ(campaign.units_size(), 3);
  std::map<std::string, std::string> group_of;
  for (const auto& u : campaign.units()) group_of[u.unit()] = u.group();
  EXPECT_EQ(group_of["units/U01"], "units/G01");
  EXPECT_EQ(group_of["units/U02"], "units/G01");
  EXPECT_EQ(group_of["units/U03"], "units/G02");

  assess::v1::RecordCampaignFollowUpRequest follow;
  follow.set_campaign(campaign.name());
  follow.set_unit("units/U01");
  follow.set_followed_up_on("2024-04-10");
  follow.set_problems_found(3);
  follow.set_problems_rectified(4);
  follow.set_findings("食材采购未公开招标");
  EXPECT_THAT(Call(&AssessService::Stub::RecordCampaignFollowUp, follow),
              HasField("problems_rectified"));
  follow.set_problems_rectified(2);
  follow.set_unit("units/U04");
  EXPECT_THAT(Call(&AssessService::Stub::RecordCampaignFollowUp, follow),
              StatusIs(absl::StatusCode::kNotFound, "UNIT_NOT_IN_CAMPAIGN"));
  follow.set_unit("units/U01");
  follow.set_followed_up_on("2024-01-10");  // before the campaign began
  EXPECT_THAT(Call(&AssessService::Stub::RecordCampaignFollowUp, follow),
              HasField("followed_up_on"));
  follow.set_followed_up_on("2024-04-10");
  ASSERT_OK_AND_ASSIGN(auto followed, Call(&AssessService::Stub::RecordCampaignFollowUp, follow));
  EXPECT_EQ(followed.units(0).followed_up_on(), "2024-04-10");
  EXPECT_EQ(followed.units(0).problems_found(), 3);
  EXPECT_EQ(followed.units(0).findings(), "食材采购未公开招标");
  EXPECT_TRUE(followed.units(1).followed_up_on().empty());

  assess::v1::GetCampaignRequest get;
  get.set_name(campaign.name());
  ASSERT_OK_AND_ASSIGN(auto got, Call(&AssessService::Stub::GetCampaign, get));
  EXPECT_EQ(got.DebugString(), followed.DebugString());
  ASSERT_OK_AND_ASSIGN(auto listed, Call(&AssessService::Stub::ListCampaigns, list));
  EXPECT_EQ(listed.campaigns_size(), 1);
  list.set_to_date("2024-02-29");  // ends before the campaign began
  ASSERT_OK_AND_ASSIGN(listed, Call(&AssessService::Stub::ListCampaigns, list));
  EXPECT_EQ(listed.campaigns_size(), 0);
}

TEST_F(RecordsTest, FileChecklistShowsKeptAndMissingItems) {
  assess::v1::GetFileChecklistRequest checklist;
  checklist.set_group("units/G01");
  checklist.set_year(2024);
  ASSERT_OK_AND_ASSIGN(auto empty, Call(&AssessService::Stub::GetFileChecklist, checklist));
  const int items = empty.lines_size();
  ASSERT_GT(items, 3);
  EXPECT_EQ(empty.items(), items);
  EXPECT_EQ(empty.kept(), 0);

  for (const std::string& item : {empty.lines(0).item(), empty.lines(2).item(),
                                  empty.lines(5).item(), empty.lines(5).item()}) {
    assess::v1::RecordGroupFileRequest record;
    record.mutable_file()->set_group("units/G01");
    record.mutable_file()->set_year(2024);
    record.mutable_file()->set_item(item);
    record.mutable_file()->set_kept_on("2024-12-20");
    record.mutable_file()->set_location("档案柜A");
    ASSERT_OK(Call(&AssessService::Stub::RecordGroupFile, record).status());
  }
  assess::v1::RecordGroupFileRequest bad;
  bad.mutable_file()->set_group("units/G01");
  bad.mutable_file()->set_year(2024);
  bad.mutable_file()->set_item("F99");
  bad.mutable_file()->set_kept_on("2024-12-20");
  auto refused = Call(&AssessService::Stub::RecordGroupFile, bad);
  EXPECT_THAT(refused, StatusIs(absl::StatusCode::kInvalidArgument, "UNKNOWN_FILE_ITEM"));
  EXPECT_THAT(refused, HasField("file.item"));
  bad.mutable_file()->set_item(empty.lines(1).item());
  bad.mutable_file()->set_kept_on("2023-12-20");  // before the year it files
  EXPECT_THAT(Call(&AssessService::Stub::RecordGroupFile, bad), HasField("file.kept_on"));
  bad.mutable_file()->set_kept_on("2024-12-20");
  bad.mutable_file()->set_group("units/U01");
  EXPECT_THAT(Call(&AssessService::Stub::RecordGroupFile, bad),
              StatusIs(absl::StatusCode::kInvalidArgument, "NOT_A_GROUP"));

  ASSERT_OK_AND_ASSIGN(auto kept, Call(&AssessService::Stub::GetFileChecklist, checklist));
  EXPECT_EQ(kept.kept(), 3);  // the same item twice is one file
  EXPECT_TRUE(kept.lines(0).kept());
  EXPECT_FALSE(kept.lines(1).kept());
  EXPECT_EQ(kept.lines(5).location(), "档案柜A");
  checklist.set_year(2023);
  ASSERT_OK_AND_ASSIGN(auto other_year, Call(&AssessService::Stub::GetFileChecklist, checklist));
  EXPECT_EQ(other_year.kept(), 0);
}

assess::v1::AttendanceRow Row(int line, const std::string& kind, const std::string& held_on,
                              const std::string& group, const std::string& attended) {
  assess::v1::AttendanceRow row;
  row.set_line(line);
  row.set_kind(kind);
  row.set_held_on(held_on);
  row.set_title(kind + " " + held_on);
  row.set_group(group);
  row.set_attended(attended);
  return row;
}

TEST_F(RecordsTest, AttendanceImportsInEveryMode) {
  assess::v1::ImportAttendanceRequest request;
  *request.add_rows() = Row(2, "quarterly", "2024-04-08", "G01", "yes");
  *request.add_rows() = Row(3, "quarterly", "2024-04-08", "G02", "no");
  *request.add_rows() = Row(4, "half_year", "2024-07-10", "G01", "yes");
  *request.add_rows() = Row(5, "weekly", "2024-07-10", "G01", "yes");    // kind
  *request.add_rows() = Row(6, "yearly", "2024-13-01", "G01", "yes");    // held_on
  *request.add_rows() = Row(7, "yearly", "2024-12-20", "U01", "yes");    // not a group
  *request.add_rows() = Row(8, "yearly", "2024-12-20", "G01", "maybe");  // attended
  *request.add_rows() = Row(9, "quarterly", "2024-04-08", "G01", "no");  // again
  auto listed = [&] {
    assess::v1::ListWorkMeetingsRequest list;
    list.set_from_date("2024-01-01");
    list.set_to_date("2024-12-31");
    auto r = Call(&AssessService::Stub::ListWorkMeetings, list);
    EXPECT_OK(r.status());
    return r.ok() ? *r : assess::v1::ListWorkMeetingsResponse();
  };
  std::vector<std::tuple<int, std::string, std::string>> expected = {
      {5, "kind", "INVALID_MEETING_KIND"},
      {6, "held_on", "INVALID_DATE"},
      {7, "group", "NOT_A_GROUP"},
      {8, "attended", "INVALID_ATTENDED"},
      {9, "group", "DUPLICATE_ROW"}};
  auto errors_of = [](const ImportResult& r) {
    std::vector<std::tuple<int, std::string, std::string>> out;
    for (const auto& e : r.errors()) out.emplace_back(e.line(), e.field(), e.reason());
    return out;
  };

  // all_or_nothing (the default) with bad rows: every bad row listed, nothing stored.
  ASSERT_OK_AND_ASSIGN(auto all, Call(&AssessService::Stub::ImportAttendance, request));
  EXPECT_EQ(errors_of(all), expected);
  EXPECT_EQ(all.imported(), 0);
  EXPECT_EQ(listed().meetings_size(), 0);
  // validate_only with good_rows_only: the same answer, nothing stored.
  request.mutable_options()->set_mode(paizhu::common::v1::GOOD_ROWS_ONLY);
  request.mutable_options()->set_validate_only(true);
  ASSERT_OK_AND_ASSIGN(auto checked, Call(&AssessService::Stub::ImportAttendance, request));
  EXPECT_EQ(errors_of(checked), expected);
  EXPECT_EQ(listed().meetings_size(), 0);
  // good_rows_only: the three good rows make two meetings.
  request.mutable_options()->set_validate_only(false);
  ASSERT_OK_AND_ASSIGN(auto good, Call(&AssessService::Stub::ImportAttendance, request));
  EXPECT_EQ(good.imported(), 3);
  auto meetings = listed();
  ASSERT_EQ(meetings.meetings_size(), 2);
  EXPECT_EQ(meetings.meetings(0).kind(), "quarterly");
  EXPECT_EQ(meetings.meetings(0).title(), "quarterly 2024-04-08");
  ASSERT_EQ(meetings.meetings(0).attendance_size(), 2);
  EXPECT_TRUE(meetings.meetings(0).attendance(0).attended());
  EXPECT_FALSE(meetings.meetings(0).attendance(1).attended());
  EXPECT_EQ(meetings.meetings(1).attendance_size(), 1);

  // A later file: G02 joins the half-year seminar; G01 there again is refused.
  assess::v1::ImportAttendanceRequest later;
  *later.add_rows() = Row(2, "half_year", "2024-07-10", "G02", "no");
  *later.add_rows() = Row(3, "half_year", "2024-07-10", "G01", "yes");
  ASSERT_OK_AND_ASSIGN(auto again, Call(&AssessService::Stub::ImportAttendance, later));
  ASSERT_EQ(again.errors_size(), 1);
  EXPECT_EQ(again.errors(0).line(), 3);
  EXPECT_EQ(again.errors(0).reason(), "ATTENDANCE_EXISTS");
  EXPECT_EQ(again.errors(0).field(), "group");
  EXPECT_EQ(listed().meetings(1).attendance_size(), 1);
  later.mutable_rows()->RemoveLast();
  ASSERT_OK_AND_ASSIGN(again, Call(&AssessService::Stub::ImportAttendance, later));
  EXPECT_EQ(again.imported(), 1);
  EXPECT_EQ(listed().meetings(1).attendance_size(), 2);
  // Only admins and assessors import attendance.
  EXPECT_FALSE(Call(&AssessService::Stub::ImportAttendance, later, "nobody").ok());

  // Two yearly meetings recorded on one day: a row cannot tell which it joins.
  for (int i = 0; i < 2; ++i) {
    assess::v1::RecordWorkMeetingRequest record;
    record.mutable_meeting()->set_kind("yearly");
    record.mutable_meeting()->set_held_on("2024-12-30");
    record.mutable_meeting()->set_title(absl::StrCat("述责述廉会 ", i));
    auto* a = record.mutable_meeting()->add_attendance();
    a->set_group("units/G01");
    a->set_attended(true);
    ASSERT_OK(Call(&AssessService::Stub::RecordWorkMeeting, record).status());
  }
  assess::v1::ImportAttendanceRequest ambiguous;
  *ambiguous.add_rows() = Row(2, "yearly", "2024-12-30", "G02", "yes");
  ASSERT_OK_AND_ASSIGN(auto refused, Call(&AssessService::Stub::ImportAttendance, ambiguous));
  ASSERT_EQ(refused.errors_size(), 1);
  EXPECT_EQ(refused.errors(0).reason(), "AMBIGUOUS_MEETING");
  EXPECT_EQ(refused.errors(0).field(), "held_on");
  EXPECT_EQ(refused.imported(), 0);

  // More than 20,000 rows in one call: refused as a whole.
  assess::v1::ImportAttendanceRequest big;
  for (int i = 0; i < 20001; ++i)
    *big.add_rows() = Row(i + 2, "quarterly", "2024-10-10", "G01", "yes");
  EXPECT_THAT(Call(&AssessService::Stub::ImportAttendance, big),
              StatusIs(absl::StatusCode::kInvalidArgument, "TOO_MANY_ROWS"));
}

// group-v2's B08, C01 and E05 read the records the tests above stored (run after them:
// gtest runs a suite's tests in order). By hand, for 2024:
//   G01: risk points identified or reviewed in 2024: 2 new + 1 reviewed = 3 -> 3/6 x 3 = 1.5;
//        campaign units followed up 1 of 2 = 50% -> 50/100 x 3 = 1.5;
//        files kept 3 of the 12 catalogue items = 25% -> 25/100 x 2 = 0.5.
//   G02: no risk point, 0 of 1 campaign unit, no file: 0, 0, 0.
TEST_F(RecordsTest, GroupSchemeV2ScoresTheRecords) {
  assess::v1::GetFileChecklistRequest checklist;
  checklist.set_group("units/G01");
  checklist.set_year(2024);
  ASSERT_OK_AND_ASSIGN(auto files, Call(&AssessService::Stub::GetFileChecklist, checklist));
  const int items = files.items();
  ASSERT_EQ(items, 12);  // the catalogue as shipped (migration 0016)
  ASSERT_EQ(files.kept(), 3);

  assess::v1::CreateRunRequest create;
  create.set_scheme("schemes/group-v2");
  create.set_period("2024");
  ASSERT_OK_AND_ASSIGN(auto run, Call(&AssessService::Stub::CreateRun, create));
  ASSERT_EQ(run.ranking_size(), 2);

  auto sheet_of = [&](const std::string& group) {
    assess::v1::GetScoreSheetRequest get;
    get.set_run(run.name());
    get.set_target("units/" + group);
    auto sheet = Call(&AssessService::Stub::GetScoreSheet, get);
    EXPECT_OK(sheet.status());
    std::map<std::string, assess::v1::SheetLine> lines;
    if (sheet.ok()) {
      for (const auto& l : sheet->lines()) lines[l.task()] = l;
    }
    return lines;
  };
  auto g01 = sheet_of("G01");
  EXPECT_EQ(g01["B08"].metric(), "risk_points_reviewed");
  EXPECT_EQ(g01["B08"].value(), 3);
  EXPECT_EQ(g01["B08"].points(), "1.5");
  EXPECT_EQ(g01["C01"].metric(), "campaign_followup_percent");
  EXPECT_EQ(g01["C01"].value(), 50);
  EXPECT_EQ(g01["C01"].points(), "1.5");
  EXPECT_THAT(g01["C01"].evidence(), ::testing::HasSubstr("campaigns/"));
  EXPECT_EQ(g01["E05"].metric(), "file_catalogue_percent");
  EXPECT_DOUBLE_EQ(g01["E05"].value(), 300.0 / items);
  EXPECT_EQ(g01["E05"].points(), "0.5");  // 3 of the shipped 12 items: 25% of 2 points
  auto g02 = sheet_of("G02");
  EXPECT_EQ(g02["B08"].points(), "0");
  EXPECT_EQ(g02["C01"].value(), 0);
  EXPECT_EQ(g02["C01"].points(), "0");
  EXPECT_EQ(g02["E05"].points(), "0");

  // The explanation adds up to the total.
  assess::v1::GetScoreSheetRequest explain;
  explain.set_run(run.name());
  explain.set_target("units/G01");
  ASSERT_OK_AND_ASSIGN(auto explanation, Call(&AssessService::Stub::ExplainScore, explain));
  int64_t sum = 0;
  for (const auto& line : explanation.lines()) sum += line.centipoints();
  EXPECT_EQ(sum, explanation.total_centipoints());
}

}  // namespace
}  // namespace paizhu
