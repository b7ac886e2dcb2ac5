// Schemes, monthly reports and work meetings through the gateway: the shipped schemes
// listed, a scheme whose points do not add up or that reads an unknown metric refused
// with its field, a new version stored beside the old; a year of monthly reports whose
// late and missing months are derived (counted here from the rows), a later due day;
// meetings with each group's attendance.

#include <map>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_replace.h"
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

class RegimeTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto stack = testing::Stack::Start();
    ASSERT_TRUE(stack.ok()) << stack.status();
    stack_ = stack->release();
    org_ = org::v1::OrgService::NewStub(stack_->Gateway());
    assess_ = AssessService::NewStub(stack_->Gateway());
    org::v1::ImportUnitsRequest units;
    for (auto [code, kind, parent] : std::vector<std::tuple<std::string, std::string, std::string>>{
             {"C", "commission", ""},
             {"O1", "supervision_office", "C"},
             {"G01", "group", "C"},
             {"G02", "group", "C"}}) {
      auto* row = units.add_rows();
      row->set_line(units.rows_size() + 1);
      row->set_code(code);
      row->set_kind(kind);
      row->set_name("单位" + code);
      row->set_parent(parent);
      row->set_established_on("2018-01-01");
      if (kind == "group") row->set_guiding_office("O1");
    }
    grpc::ClientContext ctx;
    ctx.AddMetadata("authorization", "Bearer " + stack_->Token("admin"));
    ImportResult result;
    grpc::Status s = org_->ImportUnits(&ctx, units, &result);
    ASSERT_TRUE(s.ok()) << s.error_message();
    ASSERT_EQ(result.imported(), 4) << result.DebugString();
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

  static testing::Stack* stack_;
  static std::unique_ptr<org::v1::OrgService::Stub> org_;
  static std::unique_ptr<AssessService::Stub> assess_;
};

testing::Stack* RegimeTest::stack_ = nullptr;
std::unique_ptr<org::v1::OrgService::Stub> RegimeTest::org_;
std::unique_ptr<AssessService::Stub> RegimeTest::assess_;

TEST_F(RegimeTest, ShippedSchemesValidationAndNewVersions) {
  assess::v1::ListSchemesRequest list;
  list.set_with_documents(true);
  ASSERT_OK_AND_ASSIGN(auto listed, Call(&AssessService::Stub::ListSchemes, list));
  ASSERT_EQ(listed.schemes_size(), 3);
  const assess::v1::Scheme& group = listed.schemes(0);
  EXPECT_EQ(group.name(), "schemes/group-v1");
  EXPECT_EQ(group.aspects(), 5);
  EXPECT_EQ(group.tasks(), 39);
  EXPECT_EQ(group.total(), "100");
  // Version 2 reads the risk register, the campaigns and the file catalogue.
  EXPECT_EQ(listed.schemes(1).name(), "schemes/group-v2");
  EXPECT_EQ(listed.schemes(1).tasks(), 39);
  EXPECT_EQ(listed.schemes(2).name(), "schemes/supervised_unit-v1");

  assess::v1::GetSchemeRequest get;
  get.set_name("schemes/group-v1");
  ASSERT_OK_AND_ASSIGN(auto got, Call(&AssessService::Stub::GetScheme, get));
  EXPECT_EQ(got.document(), group.document());
  get.set_name("schemes/group-v9");
  EXPECT_THAT(Call(&AssessService::Stub::GetScheme, get),
              StatusIs(absl::StatusCode::kNotFound, "SCHEME_NOT_FOUND"));

  // The first task's 3 points become 4: the aspect no longer adds up.
  std::string document = group.document();
  assess::v1::ValidateSchemeRequest validate;
  std::string broken = document;
  size_t at = broken.find("\"points\": 3");
  ASSERT_NE(at, std::string::npos);
  broken.replace(at, 11, "\"points\": 4");
  validate.set_document(broken);
  EXPECT_THAT(Call(&AssessService::Stub::ValidateScheme, validate),
              StatusIs(absl::StatusCode::kInvalidArgument, "POINTS_DO_NOT_ADD_UP"));
  validate.set_document(absl::StrReplaceAll(document, {{"\"study_checks\"", "\"parties\""}}));
  auto unknown = Call(&AssessService::Stub::ValidateScheme, validate);
  EXPECT_THAT(unknown, StatusIs(absl::StatusCode::kInvalidArgument, "UNKNOWN_METRIC"));
  EXPECT_THAT(unknown, HasField("aspects[0].tasks[0].rule.metric"));
  validate.set_document(document);
  EXPECT_OK(Call(&AssessService::Stub::ValidateScheme, validate).status());

  // Versions never change: version 1 again is refused, version 3 is stored beside it.
  assess::v1::CreateSchemeRequest create;
  create.set_document(
      absl::StrReplaceAll(document, {{"派驻纪检监察组工作考核评分细则", "二版细则"}}));
  EXPECT_THAT(Call(&AssessService::Stub::CreateScheme, create),
              StatusIs(absl::StatusCode::kAlreadyExists, "SCHEME_VERSION_EXISTS"));
  create.set_document(
      absl::StrReplaceAll(create.document(), {{"\"version\": 1", "\"version\": 3"}}));
  ASSERT_OK_AND_ASSIGN(auto v3, Call(&AssessService::Stub::CreateScheme, create));
  EXPECT_EQ(v3.name(), "schemes/group-v3");
  get.set_name("schemes/group-v1");
  ASSERT_OK_AND_ASSIGN(got, Call(&AssessService::Stub::GetScheme, get));
  EXPECT_EQ(got.title(), "派驻纪检监察组工作考核评分细则");
  // Only assessors and admins write schemes: a caller with no roles is refused.
  auto refused = Call(&AssessService::Stub::CreateScheme, create, "nobody");
  EXPECT_TRUE(refused.status().code() == absl::StatusCode::kPermissionDenied ||
              refused.status().code() == absl::StatusCode::kUnauthenticated)
      << refused.status();

  ASSERT_OK_AND_ASSIGN(auto metrics,
                       Call(&AssessService::Stub::ListMetrics, assess::v1::ListMetricsRequest()));
  std::map<std::string, std::string> sources;
  for (const auto& m : metrics.metrics()) sources[m.name()] = m.source();
  EXPECT_EQ(sources["training_person_times"], "org");
  EXPECT_EQ(sources["letters_issued"], "clue");
  EXPECT_EQ(sources["talks_person_times"], "ledger");
}

TEST_F(RegimeTest, AYearOfMonthlyReportsWithLateAndMissingMonthsDerived) {
  // G02's year: day of the month each report came in (0: none), all in the report's month.
  const std::vector<int> days = {3, 5, 6, 0, 12, 4, 0, 1, 5, 9, 0, 2};
  assess::v1::SubmitMonthlyReportRequest submit;
  submit.mutable_report()->set_group("units/G02");
  submit.mutable_report()->set_month("2021-01");
  submit.mutable_report()->set_submitted_on("2021-01-03");
  submit.mutable_report()->set_summary("上月工作和本月计划");
  submit.set_request_id("g02-2021-01");
  ASSERT_OK(Call(&AssessService::Stub::SubmitMonthlyReport, submit).status());
  ASSERT_OK(Call(&AssessService::Stub::SubmitMonthlyReport, submit).status());  // a retry
  submit.clear_request_id();
  EXPECT_THAT(Call(&AssessService::Stub::SubmitMonthlyReport, submit),
              StatusIs(absl::StatusCode::kAlreadyExists, "MONTHLY_REPORT_EXISTS"));
  submit.mutable_report()->set_group("units/O1");
  EXPECT_THAT(Call(&AssessService::Stub::SubmitMonthlyReport, submit),
              StatusIs(absl::StatusCode::kInvalidArgument, "NOT_A_GROUP"));

  assess::v1::ImportMonthlyReportsRequest import;
  for (int m = 2; m <= 12; ++m) {
    if (days[m - 1] == 0) continue;
    auto* row = import.add_rows();
    row->set_line(import.rows_size() + 1);
    row->set_group("G02");
    row->set_month(absl::StrFormat("2021-%02d", m));
    row->set_submitted_on(absl::StrFormat("2021-%02d-%02d", m, days[m - 1]));
  }
  auto* bad = import.add_rows();
  bad->set_line(import.rows_size() + 1);
  bad->set_group("G99");
  bad->set_month("2021-02");
  bad->set_submitted_on("2021-02-01");
  import.mutable_options()->set_mode(common::v1::GOOD_ROWS_ONLY);
  ASSERT_OK_AND_ASSIGN(ImportResult result,
                       Call(&AssessService::Stub::ImportMonthlyReports, import));
  EXPECT_EQ(result.imported(), import.rows_size() - 1);
  ASSERT_EQ(result.errors_size(), 1);
  EXPECT_EQ(result.errors(0).field(), "group");
  EXPECT_EQ(result.errors(0).reason(), "UNIT_NOT_FOUND");

  auto count = [&](int due_day, int from_month) {
    std::map<std::string, int> want;
    for (int m = 1; m <= 12; ++m) {
      int due = m >= from_month ? due_day : 5;
      if (days[m - 1] == 0)
        ++want["missing"];
      else if (days[m - 1] <= due)
        ++want["on_time"];
      else
        ++want["late"];
    }
    return want;
  };
  assess::v1::GetMonthlyReportStatesRequest states;
  states.set_group("units/G02");
  states.set_from_month("2021-01");
  states.set_to_month("2021-12");
  states.set_as_of("2022-01-31");
  ASSERT_OK_AND_ASSIGN(auto year, Call(&AssessService::Stub::GetMonthlyReportStates, states));
  std::map<std::string, int> want = count(5, 13);
  EXPECT_EQ(year.on_time(), want["on_time"]);
  EXPECT_EQ(year.late(), want["late"]);
  EXPECT_EQ(year.missing(), want["missing"]);
  ASSERT_EQ(year.months_size(), 12);
  EXPECT_EQ(year.months(3).state(), "missing");
  EXPECT_EQ(year.months(2).state(), "late");

  // From October reports are due on the 10th: October's report on the 9th is on time.
  assess::v1::SetMonthlyReportDueDayRequest rule;
  rule.mutable_rule()->set_effective_from("2021-10-01");
  rule.mutable_rule()->set_due_day(10);
  ASSERT_OK(Call(&AssessService::Stub::SetMonthlyReportDueDay, rule).status());
  EXPECT_THAT(Call(&AssessService::Stub::SetMonthlyReportDueDay, rule),
              StatusIs(absl::StatusCode::kAlreadyExists, "DUE_DAY_RULE_EXISTS"));
  rule.mutable_rule()->set_effective_from("2021-11-01");
  rule.mutable_rule()->set_due_day(31);
  EXPECT_THAT(Call(&AssessService::Stub::SetMonthlyReportDueDay, rule), HasField("rule.due_day"));
  ASSERT_OK_AND_ASSIGN(year, Call(&AssessService::Stub::GetMonthlyReportStates, states));
  want = count(10, 10);
  EXPECT_EQ(year.on_time(), want["on_time"]);
  EXPECT_EQ(year.late(), want["late"]);
  EXPECT_EQ(year.months(9).due_on(), "2021-10-10");
}

TEST_F(RegimeTest, WorkMeetingsWithEachGroupsAttendance) {
  assess::v1::RecordWorkMeetingRequest record;
  auto* m = record.mutable_meeting();
  m->set_kind("half_year");
  m->set_held_on("2021-07-15");
  m->set_title("半年工作研讨会");
  auto* a = m->add_attendance();
  a->set_group("units/G01");
  a->set_attended(true);
  a = m->add_attendance();
  a->set_group("units/G02");
  a->set_attended(false);
  a->set_note("请假");
  ASSERT_OK_AND_ASSIGN(auto stored, Call(&AssessService::Stub::RecordWorkMeeting, record));
  EXPECT_THAT(stored.name(), ::testing::StartsWith("work-meetings/"));
  assess::v1::RecordWorkMeetingRequest wrong = record;
  wrong.mutable_meeting()->mutable_attendance(0)->set_group("units/O1");
  EXPECT_THAT(Call(&AssessService::Stub::RecordWorkMeeting, wrong),
              StatusIs(absl::StatusCode::kInvalidArgument, "NOT_A_GROUP"));
  wrong = record;
  wrong.mutable_meeting()->set_kind("weekly");
  EXPECT_THAT(Call(&AssessService::Stub::RecordWorkMeeting, wrong), HasField("meeting.kind"));

  assess::v1::ListWorkMeetingsRequest list;
  list.set_from_date("2021-01-01");
  list.set_to_date("2021-12-31");
  ASSERT_OK_AND_ASSIGN(auto listed, Call(&AssessService::Stub::ListWorkMeetings, list));
  ASSERT_EQ(listed.meetings_size(), 1);
  ASSERT_EQ(listed.meetings(0).attendance_size(), 2);
  EXPECT_FALSE(listed.meetings(0).attendance(1).attended());
  EXPECT_EQ(listed.meetings(0).attendance(1).note(), "请假");
}

}  // namespace
}  // namespace paizhu
