// A full run through the gateway over seeded ledgers, monthly reports, a work meeting
// and org's posts and trainings, scored by a scheme that reads the ledger and org (so it
// runs without clue): totals checked by hand, manual scores and adjustments within
// bounds with a justification (kept on the sheet), ranking and grades by the run's
// thresholds, explanations adding up to the total, a draft following its sources when
// recomputed and a final run never changing again. Last, a run whose source (clue) is
// down fails and names it.

#include <cstdio>
#include <fstream>
#include <map>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "common/status/grpc_status.h"
#include "gmock/gmock.h"
#include "grpcpp/client_context.h"
#include "gtest/gtest.h"
#include "paizhu/assess/v1/assess.grpc.pb.h"
#include "paizhu/org/v1/org.grpc.pb.h"
#include "tests/support/stack.h"
#include "tests/support/status_matchers.h"
#include "tests/support/unzip.h"

namespace paizhu {
namespace {

using assess::v1::AssessService;
using ::paizhu::common::v1::ImportResult;
using ::paizhu::testing::HasField;
using ::paizhu::testing::StatusIs;

// 20 points and a bonus capped at 1.5, reading the ledger, the regime and org.
constexpr char kScheme[] = R"({"key": "ledger_only", "version": 1, "title": "台账考核",
  "target_kind": "group", "total": 20, "bonus_cap": 1.5,
  "aspects": [
    {"code": "A", "name": "日常监督", "points": 15, "tasks": [
      {"code": "T1", "name": "谈心谈话", "points": 6,
       "rule": {"kind": "target", "metric": "talks_person_times", "target": 30, "floor": 0.2}},
      {"code": "T2", "name": "列席会议", "points": 4,
       "rule": {"kind": "target", "metric": "meetings_attended", "target": 10}},
      {"code": "T3", "name": "月报按时", "points": 3,
       "rule": {"kind": "per_event", "metric": "monthly_reports_late", "per_event": 1}},
      {"code": "T4", "name": "月报齐全", "points": 2,
       "rule": {"kind": "per_event", "metric": "monthly_reports_missing", "per_event": 0.5}}]},
    {"code": "B", "name": "队伍建设", "points": 5, "tasks": [
      {"code": "T5", "name": "学习培训", "points": 2,
       "rule": {"kind": "target", "metric": "training_person_times", "target": 2}},
      {"code": "T6", "name": "三例会", "points": 1,
       "rule": {"kind": "per_event", "metric": "work_meetings_missed", "per_event": 1}},
      {"code": "T7", "name": "内业管理", "points": 2, "rule": {"kind": "manual"}}]}],
  "bonus": [
    {"code": "X1", "name": "谈话亮点", "points": 2,
     "rule": {"kind": "bonus", "metric": "talks_person_times", "per_event": 0.1}}]})";

class RunTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto stack = testing::Stack::Start();
    ASSERT_TRUE(stack.ok()) << stack.status();
    stack_ = stack->release();
    org_ = org::v1::OrgService::NewStub(stack_->Gateway());
    assess_ = AssessService::NewStub(stack_->Gateway());
    Seed();
  }
  static void TearDownTestSuite() {
    org_.reset();
    assess_.reset();
    delete stack_;
  }

  static std::unique_ptr<grpc::ClientContext> As(const std::string& person) {
    auto ctx = std::make_unique<grpc::ClientContext>();
    ctx->set_deadline(absl::ToChronoTime(absl::Now() + absl::Seconds(20)));
    ctx->AddMetadata("authorization", "Bearer " + stack_->Token(person));
    return ctx;
  }

  template <typename Stub, typename Request, typename Response>
  static absl::StatusOr<Response> Call(Stub* stub,
                                       grpc::Status (Stub::*method)(grpc::ClientContext*,
                                                                    const Request&, Response*),
                                       const Request& request, const std::string& as = "admin") {
    Response response;
    grpc::Status status = (stub->*method)(As(as).get(), request, &response);
    if (!status.ok()) return FromGrpcStatus(status);
    return response;
  }
  template <typename Request, typename Response>
  static absl::StatusOr<Response> Assess(
      grpc::Status (AssessService::Stub::*method)(grpc::ClientContext*, const Request&, Response*),
      const Request& request, const std::string& as = "P9") {
    return Call(assess_.get(), method, request, as);
  }

  static void Imported(const absl::StatusOr<ImportResult>& r, int rows) {
    ASSERT_OK(r.status());
    ASSERT_EQ(r->errors_size(), 0) << r->errors(0).message();
    ASSERT_EQ(r->imported(), rows);
  }

  static void Talk(const std::string& group, const std::string& unit, const std::string& date,
                   int count) {
    assess::v1::RecordActivityRequest r;
    r.mutable_activity()->set_group("units/" + group);
    r.mutable_activity()->set_unit("units/" + unit);
    r.mutable_activity()->set_date(date);
    r.mutable_activity()->set_kind("talk");
    r.mutable_activity()->set_count(count);
    ASSERT_OK(Assess(&AssessService::Stub::RecordActivity, r, "admin").status());
  }

  static void Seed() {
    org::v1::ImportUnitsRequest units;
    struct U {
      const char *code, *kind, *parent, *posts, *group;
    };
    for (const U& u : std::vector<U>{{"C", "commission", "", "", ""},
                                     {"O1", "supervision_office", "C", "", ""},
                                     {"G01", "group", "C", "leader=1;deputy=1;staff=1", ""},
                                     {"G02", "group", "C", "leader=1;deputy=1;staff=1", ""},
                                     {"U001", "supervised_unit", "", "", "G01"},
                                     {"U002", "supervised_unit", "", "", "G02"}}) {
      auto* row = units.add_rows();
      row->set_line(units.rows_size() + 1);
      row->set_code(u.code);
      row->set_kind(u.kind);
      row->set_name(absl::StrCat("单位", u.code));
      row->set_parent(u.parent);
      row->set_established_on("2018-01-01");
      row->set_posts(u.posts);
      if (std::string(u.kind) == "group") row->set_guiding_office("O1");
      if (*u.group) {
        row->set_supervising_group(u.group);
        row->set_supervised_since("2018-01-01");
      }
    }
    Imported(Call(org_.get(), &org::v1::OrgService::Stub::ImportUnits, units), 6);
    org::v1::ImportPeopleRequest people;
    for (auto [code, unit, post] : std::vector<std::tuple<std::string, std::string, std::string>>{
             {"P1", "G01", "leader"}, {"P2", "G02", "staff"}, {"P9", "O1", "member"}}) {
      auto* row = people.add_rows();
      row->set_line(people.rows_size() + 1);
      row->set_code(code);
      row->set_name("干部" + code);
      row->set_gender("male");
      row->set_birth_date("1980-01-01");
      row->set_education("bachelor");
      row->set_work_start("2005-01-01");
      row->set_unit(unit);
      row->set_post(post);
      row->set_post_since("2019-01-01");
    }
    Imported(Call(org_.get(), &org::v1::OrgService::Stub::ImportPeople, people), 3);
    org::v1::ImportTrainingsRequest trainings;
    for (auto [person, date] : std::vector<std::pair<std::string, std::string>>{
             {"P1", "2021-03-01"}, {"P1", "2021-05-01"}, {"P2", "2021-06-01"}}) {
      auto* row = trainings.add_rows();
      row->set_line(trainings.rows_size() + 1);
      row->set_person(person);
      row->set_course("培训");
      row->set_date(date);
      row->set_hours("4");
    }
    Imported(Call(org_.get(), &org::v1::OrgService::Stub::ImportTrainings, trainings), 3);
    org::v1::ImportRolesRequest roles;
    auto* role = roles.add_rows();
    role->set_line(2);
    role->set_person("P9");
    role->set_role("assessor");
    role->set_unit("C");
    Imported(Call(org_.get(), &org::v1::OrgService::Stub::ImportRoles, roles), 1);

    // The ledger: G01 talks 12 + 9 and 4 meetings; G02 talks 3 and 10 meetings.
    assess::v1::ImportActivitiesRequest ledger;
    for (auto [group, unit, date, kind, count] :
         std::vector<std::tuple<std::string, std::string, std::string, std::string, std::string>>{
             {"G01", "U001", "2021-03-02", "talk", "12"},
             {"G01", "U001", "2021-08-02", "talk", "9"},
             {"G01", "U001", "2021-04-02", "meeting", "4"},
             {"G01", "U001", "2020-12-02", "talk", "50"},  // before the period
             {"G02", "U002", "2021-05-02", "talk", "3"},
             {"G02", "U002", "2021-06-02", "meeting", "10"}}) {
      auto* row = ledger.add_rows();
      row->set_line(ledger.rows_size() + 1);
      row->set_group(group);
      row->set_unit(unit);
      row->set_date(date);
      row->set_kind(kind);
      row->set_count(count);
    }
    Imported(Assess(&AssessService::Stub::ImportActivities, ledger, "admin"), 6);

    // Monthly reports: G01 every month on the 3rd but March on the 9th (late); G02 January
    // to June on the 1st, then none (6 missing).
    assess::v1::ImportMonthlyReportsRequest reports;
    for (int m = 1; m <= 12; ++m) {
      for (const char* group : {"G01", "G02"}) {
        if (std::string(group) == "G02" && m > 6) continue;
        int day = std::string(group) == "G02" ? 1 : (m == 3 ? 9 : 3);
        auto* row = reports.add_rows();
        row->set_line(reports.rows_size() + 1);
        row->set_group(group);
        row->set_month(absl::StrFormat("2021-%02d", m));
        row->set_submitted_on(absl::StrFormat("2021-%02d-%02d", m, day));
      }
    }
    Imported(Assess(&AssessService::Stub::ImportMonthlyReports, reports, "admin"), 18);

    // G02 missed the quarterly meeting.
    assess::v1::RecordWorkMeetingRequest meeting;
    meeting.mutable_meeting()->set_kind("quarterly");
    meeting.mutable_meeting()->set_held_on("2021-04-08");
    for (auto [group, attended] :
         std::vector<std::pair<std::string, bool>>{{"G01", true}, {"G02", false}}) {
      auto* a = meeting.mutable_meeting()->add_attendance();
      a->set_group("units/" + group);
      a->set_attended(attended);
    }
    ASSERT_OK(Assess(&AssessService::Stub::RecordWorkMeeting, meeting, "admin").status());

    assess::v1::CreateSchemeRequest scheme;
    scheme.set_document(kScheme);
    ASSERT_OK(Assess(&AssessService::Stub::CreateScheme, scheme, "admin").status());
  }

  static std::map<std::string, assess::v1::RankedTarget> Ranking(const assess::v1::Run& run) {
    std::map<std::string, assess::v1::RankedTarget> out;
    for (const auto& r : run.ranking()) out[r.target()] = r;
    return out;
  }

  static assess::v1::AdjustTaskRequest Adjust(const std::string& run, const std::string& target,
                                              const std::string& task, const std::string& points,
                                              const std::string& why) {
    assess::v1::AdjustTaskRequest r;
    r.set_run(run);
    r.set_target(target);
    r.set_task(task);
    r.set_points(points);
    r.set_justification(why);
    return r;
  }

  static testing::Stack* stack_;
  static std::unique_ptr<org::v1::OrgService::Stub> org_;
  static std::unique_ptr<AssessService::Stub> assess_;
};

testing::Stack* RunTest::stack_ = nullptr;
std::unique_ptr<org::v1::OrgService::Stub> RunTest::org_;
std::unique_ptr<AssessService::Stub> RunTest::assess_;

TEST_F(RunTest, AYearsRunScoredAdjustedRankedExplainedAndFrozen) {
  assess::v1::CreateRunRequest create;
  create.set_scheme("schemes/ledger_only-v1");
  create.set_period("2021");
  for (auto [grade, min] :
       std::vector<std::pair<std::string, std::string>>{{"excellent", "15"},
                                                        {"competent", "10"},
                                                        {"basically_competent", "5"},
                                                        {"incompetent", "0"}}) {
    auto* g = create.add_grades();
    g->set_grade(grade);
    g->set_min_points(min);
  }
  ASSERT_OK_AND_ASSIGN(assess::v1::Run run, Assess(&AssessService::Stub::CreateRun, create));
  EXPECT_EQ(run.state(), "draft");
  EXPECT_EQ(run.from(), "2021-01-01");
  ASSERT_EQ(run.ranking_size(), 2);         // every group existing at the period's end
  EXPECT_FALSE(run.ranking(0).complete());  // T7 awaits the assessor
  assess::v1::GetRunRequest name;
  name.set_name(run.name());
  EXPECT_THAT(Assess(&AssessService::Stub::FinaliseRun, name),
              StatusIs(absl::StatusCode::kFailedPrecondition, "SHEET_INCOMPLETE"));

  // Manual scores within bounds and with a reason; only assessors give them.
  EXPECT_THAT(Assess(&AssessService::Stub::AdjustTask,
                     Adjust(run.name(), "units/G01", "T7", "2.5", "超出")),
              StatusIs(absl::StatusCode::kInvalidArgument, "POINTS_OUT_OF_BOUNDS"));
  EXPECT_THAT(
      Assess(&AssessService::Stub::AdjustTask, Adjust(run.name(), "units/G01", "T7", "1.5", "")),
      StatusIs(absl::StatusCode::kInvalidArgument, "JUSTIFICATION_REQUIRED"));
  EXPECT_THAT(
      Assess(&AssessService::Stub::AdjustTask, Adjust(run.name(), "units/G01", "T9", "1", "x")),
      HasField("task"));
  EXPECT_THAT(Assess(&AssessService::Stub::AdjustTask,
                     Adjust(run.name(), "units/G01", "T7", "1.5", "目录基本齐全"), "admin"),
              StatusIs(absl::StatusCode::kPermissionDenied));
  ASSERT_OK(Assess(&AssessService::Stub::AdjustTask,
                   Adjust(run.name(), "units/G01", "T7", "1.5", "目录基本齐全"))
                .status());
  ASSERT_OK(Assess(&AssessService::Stub::AdjustTask,
                   Adjust(run.name(), "units/G02", "T7", "2", "目录齐全"))
                .status());

  // By hand. G01: talks 21/30 x 6 = 4.2; meetings 4/10 x 4 = 1.6; one late report 3 - 1
  // = 2; none missing 2; trainings 2/2: 2; no meeting missed 1; files 1.5: 14.3; bonus
  // 21 x 0.1 = 2.1, the item's cap 2, the scheme's 1.5: 15.8 (excellent).
  // G02: talks 3 < floor 6: 0; meetings 10: 4; late 0: 3; missing 6 x 0.5 = 3 > 2: 0;
  // trainings 1/2 x 2 = 1; one meeting missed: 0; files 2: 10; bonus 0.3: 10.3 (competent).
  ASSERT_OK_AND_ASSIGN(run, Assess(&AssessService::Stub::GetRun, name));
  auto ranking = Ranking(run);
  EXPECT_EQ(ranking["units/G01"].total(), "15.8");
  EXPECT_EQ(ranking["units/G01"].rank(), 1);
  EXPECT_EQ(ranking["units/G01"].grade(), "excellent");
  EXPECT_EQ(ranking["units/G02"].total(), "10.3");
  EXPECT_EQ(ranking["units/G02"].rank(), 2);
  EXPECT_EQ(ranking["units/G02"].grade(), "competent");

  assess::v1::GetScoreSheetRequest sheet_of;
  sheet_of.set_run(run.name());
  sheet_of.set_target("units/G01");
  ASSERT_OK_AND_ASSIGN(auto explained, Assess(&AssessService::Stub::ExplainScore, sheet_of));
  int64_t sum = 0;
  for (const auto& line : explained.lines()) sum += line.centipoints();
  EXPECT_EQ(sum, explained.total_centipoints());
  EXPECT_EQ(explained.total(), "15.8");
  EXPECT_EQ(explained.lines_size(), 9);  // 7 tasks, 1 bonus item, the cap
  EXPECT_EQ(explained.lines(8).points(), "-0.5");
  ASSERT_OK_AND_ASSIGN(auto sheet, Assess(&AssessService::Stub::GetScoreSheet, sheet_of));
  std::map<std::string, assess::v1::SheetLine> lines;
  for (const auto& l : sheet.lines()) lines[l.task()] = l;
  EXPECT_EQ(lines["T1"].value(), 21);
  EXPECT_EQ(lines["T1"].points(), "4.2");
  EXPECT_THAT(lines["T1"].evidence(), ::testing::HasSubstr("units/G01"));
  EXPECT_THAT(lines["T3"].evidence(), ::testing::HasSubstr("2021-03"));
  EXPECT_EQ(lines["T7"].adjusted_by(), "P9");
  EXPECT_EQ(lines["T7"].justification(), "目录基本齐全");

  // A draft follows its sources when recomputed: G02 records 30 more person-times.
  // G02: talks 33 >= 30: 6, total 16 + bonus 1.5 = 17.5, now first.
  Talk("G02", "U002", "2021-09-09", 30);
  ASSERT_OK_AND_ASSIGN(run, Assess(&AssessService::Stub::RecomputeRun, name));
  ranking = Ranking(run);
  EXPECT_EQ(ranking["units/G02"].total(), "17.5");
  EXPECT_EQ(ranking["units/G02"].rank(), 1);
  EXPECT_EQ(ranking["units/G01"].total(), "15.8");

  // Final: later source changes change nothing.
  ASSERT_OK_AND_ASSIGN(run, Assess(&AssessService::Stub::FinaliseRun, name));
  EXPECT_EQ(run.state(), "final");
  Talk("G01", "U001", "2021-10-10", 100);
  EXPECT_THAT(Assess(&AssessService::Stub::RecomputeRun, name),
              StatusIs(absl::StatusCode::kFailedPrecondition, "RUN_FINAL"));
  EXPECT_THAT(
      Assess(&AssessService::Stub::AdjustTask, Adjust(run.name(), "units/G01", "T7", "2", "再评")),
      StatusIs(absl::StatusCode::kFailedPrecondition, "RUN_FINAL"));
  ASSERT_OK_AND_ASSIGN(run, Assess(&AssessService::Stub::GetRun, name));
  EXPECT_EQ(Ranking(run)["units/G01"].total(), "15.8");
  ASSERT_OK_AND_ASSIGN(sheet, Assess(&AssessService::Stub::GetScoreSheet, sheet_of));
  for (const auto& l : sheet.lines()) {
    if (l.task() == "T1") {
      EXPECT_EQ(l.value(), 21);
    }
  }

  // The export: a workbook with the ranking and one sheet per target, read back here.
  assess::v1::ExportRunRequest export_request;
  export_request.set_name(run.name());
  ASSERT_OK_AND_ASSIGN(auto xlsx, Assess(&AssessService::Stub::ExportRun, export_request));
  EXPECT_EQ(xlsx.file_name(), absl::StrCat("run-", run.name().substr(5), ".xlsx"));
  std::string path = absl::StrCat(::testing::TempDir(), "/", xlsx.file_name());
  {
    std::ofstream out(path, std::ios::binary);
    out << xlsx.content();
  }
  std::string workbook = testing::Unzip(path, "xl/workbook.xml");
  EXPECT_THAT(workbook, ::testing::HasSubstr("name=\"排名\""));
  EXPECT_THAT(workbook, ::testing::HasSubstr("name=\"G01\""));
  EXPECT_THAT(workbook, ::testing::HasSubstr("name=\"G02\""));
  std::string strings = testing::Unzip(path, "xl/sharedStrings.xml");
  for (const char* text : {"排名", "考核对象", "总分", "等次", "任务编号", "计分过程", "谈心谈话",
                           "目录基本齐全", "excellent"}) {
    EXPECT_THAT(strings, ::testing::HasSubstr(text));
  }
  // The ranking sheet holds G02 first with 17.5, G01 second with 15.8.
  std::string ranking_xml = testing::Unzip(path, "xl/worksheets/sheet1.xml");
  EXPECT_THAT(ranking_xml, ::testing::HasSubstr("<v>17.5</v>"));
  EXPECT_THAT(ranking_xml, ::testing::HasSubstr("<v>15.8</v>"));
  EXPECT_LT(ranking_xml.find("<v>17.5</v>"), ranking_xml.find("<v>15.8</v>"));
  // G01's sheet: its total, and T1's value 21 and points 4.2.
  std::string g01 = testing::Unzip(path, "xl/worksheets/sheet2.xml");
  for (const char* v : {"<v>15.8</v>", "<v>21</v>", "<v>4.2</v>"}) {
    EXPECT_THAT(g01, ::testing::HasSubstr(v));
  }

  export_request.set_format("csv");
  ASSERT_OK_AND_ASSIGN(auto csv, Assess(&AssessService::Stub::ExportRun, export_request));
  EXPECT_EQ(csv.content().substr(0, 3), "\xEF\xBB\xBF");
  EXPECT_THAT(csv.content(), ::testing::StartsWith("\xEF\xBB\xBF考核对象,排名,等次,总分,方面"));
  EXPECT_THAT(csv.content(), ::testing::HasSubstr("units/G01,2,excellent,15.8,A,T1,谈心谈话,6,"
                                                  "talks_person_times,21,4.2,"));
  export_request.set_format("pdf");
  EXPECT_THAT(Assess(&AssessService::Stub::ExportRun, export_request), HasField("format"));
}

// The figures page offers runs to choose from: ListRuns by scheme, year and state, newest
// first, page by page, each page token bound to its filter.
TEST_F(RunTest, RunsAreListedBySchemeYearAndState) {
  auto create = [](const std::string& period) {
    assess::v1::CreateRunRequest r;
    r.set_scheme("schemes/ledger_only-v1");
    r.set_period(period);
    return Assess(&AssessService::Stub::CreateRun, r);
  };
  ASSERT_OK_AND_ASSIGN(assess::v1::Run year, create("2022"));
  ASSERT_OK_AND_ASSIGN(assess::v1::Run half, create("2022-H2"));
  ASSERT_OK_AND_ASSIGN(assess::v1::Run later, create("2023-Q1"));
  auto list = [](assess::v1::ListRunsRequest r) {
    std::vector<assess::v1::Run> out;
    for (int pages = 0; pages < 100; ++pages) {
      auto page = Assess(&AssessService::Stub::ListRuns, r);
      EXPECT_TRUE(page.ok()) << page.status();
      if (!page.ok()) break;
      out.insert(out.end(), page->runs().begin(), page->runs().end());
      if (page->next_page_token().empty()) break;
      r.set_page_token(page->next_page_token());
    }
    return out;
  };
  auto names = [](const std::vector<assess::v1::Run>& runs) {
    std::vector<std::string> out;
    for (const auto& r : runs) out.push_back(r.name());
    return out;
  };

  assess::v1::ListRunsRequest in_2022;
  in_2022.set_scheme("schemes/ledger_only-v1");
  in_2022.set_year(2022);
  in_2022.set_page_size(1);
  std::vector<assess::v1::Run> runs = list(in_2022);
  EXPECT_THAT(names(runs), ::testing::ElementsAre(half.name(), year.name()));  // newest first
  ASSERT_EQ(runs.size(), 2u);
  EXPECT_EQ(runs[1].period(), "2022");
  EXPECT_EQ(runs[1].from(), "2022-01-01");
  EXPECT_EQ(runs[1].to(), "2022-12-31");
  EXPECT_EQ(runs[1].state(), "draft");
  EXPECT_EQ(runs[1].scheme(), "schemes/ledger_only-v1");
  EXPECT_EQ(runs[1].ranking_size(), 0);  // GetRun has the ranking

  assess::v1::ListRunsRequest every_version;
  every_version.set_scheme("schemes/ledger_only");
  EXPECT_THAT(names(list(every_version)),
              ::testing::IsSupersetOf({year.name(), half.name(), later.name()}));
  assess::v1::ListRunsRequest other_scheme;
  other_scheme.set_scheme("schemes/group-v1");
  other_scheme.set_year(2023);
  EXPECT_THAT(names(list(other_scheme)), ::testing::Not(::testing::Contains(later.name())));
  assess::v1::ListRunsRequest final_only;
  final_only.set_state("final");
  for (const auto& r : list(final_only)) EXPECT_EQ(r.state(), "final") << r.name();
  EXPECT_THAT(names(list(final_only)), ::testing::Not(::testing::Contains(year.name())));

  // Bad filters are refused with their field; a token serves only its own filter.
  assess::v1::ListRunsRequest bad;
  bad.set_year(1999);
  EXPECT_THAT(Assess(&AssessService::Stub::ListRuns, bad),
              StatusIs(absl::StatusCode::kInvalidArgument, "INVALID_YEAR"));
  EXPECT_THAT(Assess(&AssessService::Stub::ListRuns, bad), HasField("year"));
  bad.set_year(0);
  bad.set_state("open");
  EXPECT_THAT(Assess(&AssessService::Stub::ListRuns, bad), HasField("state"));
  ASSERT_OK_AND_ASSIGN(assess::v1::ListRunsResponse first,
                       Assess(&AssessService::Stub::ListRuns, in_2022));
  ASSERT_FALSE(first.next_page_token().empty());
  assess::v1::ListRunsRequest moved = in_2022;
  moved.set_year(2023);
  moved.set_page_token(first.next_page_token());
  EXPECT_THAT(Assess(&AssessService::Stub::ListRuns, moved),
              StatusIs(absl::StatusCode::kInvalidArgument, "INVALID_PAGE_TOKEN"));
}

TEST_F(RunTest, BadRunsAreRefused) {
  assess::v1::CreateRunRequest create;
  create.set_scheme("schemes/ledger_only-v7");
  create.set_period("2021");
  EXPECT_THAT(Assess(&AssessService::Stub::CreateRun, create),
              StatusIs(absl::StatusCode::kNotFound, "SCHEME_NOT_FOUND"));
  create.set_scheme("schemes/ledger_only-v1");
  create.set_period("2021-Q5");
  EXPECT_THAT(Assess(&AssessService::Stub::CreateRun, create), HasField("period"));
  create.set_period("2021-H1");
  create.add_targets("units/U001");
  EXPECT_THAT(Assess(&AssessService::Stub::CreateRun, create),
              StatusIs(absl::StatusCode::kInvalidArgument, "INVALID_TARGET"));
}

// The shipped group scheme reads clue's figures too: every metric is gathered, and the
// draft's explanation adds up to its total.
TEST_F(RunTest, TheShippedGroupSchemeRunsOverEveryGroup) {
  assess::v1::CreateRunRequest create;
  create.set_scheme("schemes/group-v1");
  create.set_period("2021");
  ASSERT_OK_AND_ASSIGN(assess::v1::Run run, Assess(&AssessService::Stub::CreateRun, create));
  ASSERT_EQ(run.ranking_size(), 2);
  EXPECT_FALSE(run.ranking(0).complete());  // its manual tasks await the assessor
  assess::v1::GetScoreSheetRequest sheet_of;
  sheet_of.set_run(run.name());
  sheet_of.set_target("units/G01");
  ASSERT_OK_AND_ASSIGN(auto sheet, Assess(&AssessService::Stub::GetScoreSheet, sheet_of));
  EXPECT_EQ(sheet.lines_size(), 39 + 3);
  ASSERT_OK_AND_ASSIGN(auto explained, Assess(&AssessService::Stub::ExplainScore, sheet_of));
  int64_t sum = 0;
  for (const auto& line : explained.lines()) sum += line.centipoints();
  EXPECT_EQ(sum, explained.total_centipoints());
  EXPECT_GT(explained.total_centipoints(), 0);
}

// Last: it stops the clue service.
TEST_F(RunTest, ARunWhoseSourceIsDownFailsAndNamesIt) {
  ASSERT_EQ(kill(stack_->pid("clue"), SIGKILL), 0);
  assess::v1::CreateRunRequest create;
  create.set_scheme("schemes/group-v1");  // reads clue's figures
  create.set_period("2021");
  auto failed = Assess(&AssessService::Stub::CreateRun, create);
  EXPECT_THAT(failed, StatusIs(absl::StatusCode::kUnavailable, "CLUE_UNAVAILABLE"));
}

}  // namespace
}  // namespace paizhu
