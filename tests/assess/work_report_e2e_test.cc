// The work report and the activities import through the gateway, over a seeded city with
// distractors: activities outside the period, a training before its person held a group
// post, a post and a unit that begin after as_of, a supervised unit not yet covered,
// outcomes of an old clue decided in the period. Every expected figure is counted here,
// from the seed, by CONTRACTS.md's definitions ("The work report").
//
// Needs clue's GetClueStatistics and clue imports (WorkReportCountsWhatTheContractDefines).

#include <map>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/time/civil_time.h"
#include "common/status/grpc_status.h"
#include "common/time/civil_date.h"
#include "gmock/gmock.h"
#include "grpcpp/client_context.h"
#include "gtest/gtest.h"
#include "paizhu/assess/v1/assess.grpc.pb.h"
#include "paizhu/clue/v1/clue.grpc.pb.h"
#include "paizhu/org/v1/org.grpc.pb.h"
#include "tests/support/stack.h"
#include "tests/support/status_matchers.h"

namespace paizhu {
namespace {

using ::paizhu::common::v1::ImportResult;
using ::paizhu::testing::StatusIs;
using ::testing::ElementsAre;
using ::testing::IsEmpty;

using Problem = std::tuple<int, std::string, std::string>;  // line, field, reason

constexpr char kFrom[] = "2021-01-01";
constexpr char kTo[] = "2021-12-31";
constexpr char kAsOf[] = "2021-12-31";

absl::CivilDay Day(const std::string& text) { return *ParseDate(text, "day"); }
bool InPeriod(const std::string& day) { return Day(kFrom) <= Day(day) && Day(day) <= Day(kTo); }
int Years(const std::string& since, absl::CivilDay on) {
  absl::CivilDay s = Day(since);
  int years = static_cast<int>(on.year() - s.year());
  if (on.month() < s.month() || (on.month() == s.month() && on.day() < s.day())) --years;
  return years;
}

// ---- the seed ----

struct Unit {
  std::string code, kind, parent, established, posts, guiding, group, since;
};
const std::vector<Unit> kUnits = {
    {"C", "commission", "", "2018-01-01", "", "", "", ""},
    {"O1", "supervision_office", "C", "2018-01-01", "", "", "", ""},
    {"G01", "group", "C", "2018-03-01", "leader=1;deputy=1;staff=1", "O1", "", ""},
    {"G02", "group", "C", "2018-03-01", "leader=1;deputy=1;staff=2", "O1", "", ""},
    {"G03", "group", "C", "2022-06-01", "leader=1", "O1", "", ""},  // after as_of
    {"U001", "supervised_unit", "", "2018-03-01", "", "", "G01", "2018-03-01"},
    {"U002", "supervised_unit", "", "2018-03-01", "", "", "G02", "2018-03-01"},
    {"U003", "supervised_unit", "", "2018-03-01", "", "", "G01", "2022-01-01"},  // uncovered
    {"U004", "supervised_unit", "", "2022-03-01", "", "", "", ""},               // after as_of
};

struct Person {
  std::string code, birth, education, work_start, unit, post, since, vetted;
};
const std::vector<Person> kPeople = {
    {"P1", "1970-05-01", "bachelor", "2010-01-01", "G01", "leader", "2019-01-01", ""},
    {"P2", "1985-01-01", "master", "2018-03-01", "G01", "deputy", "2019-01-01", ""},
    {"P3", "1995-02-01", "college", "2020-01-01", "G02", "staff", "2021-06-01", ""},
    {"P4", "1975-07-07", "doctorate", "2000-01-01", "G02", "leader", "2022-03-01", "2022-02-01"},
    {"P5", "1980-01-01", "bachelor", "2005-01-01", "O1", "member", "2019-01-01", ""},
    {"P6", "1990-03-03", "college", "2015-01-01", "G02", "deputy", "2020-01-01", ""},
};

struct Training {
  std::string person, date;
};
const std::vector<Training> kTrainings = {
    {"P1", "2021-03-01"}, {"P1", "2021-09-01"},
    {"P2", "2021-05-01"}, {"P3", "2021-04-01"},  // before P3 held a group post
    {"P3", "2021-07-01"}, {"P5", "2021-05-01"},  // P5 holds no group post
    {"P1", "2020-12-31"},                        // before the period
};

struct LedgerRow {
  std::string group, unit, date, kind, subkind, count;
};
const std::vector<LedgerRow> kActivities = {
    {"G01", "U001", "2021-03-10", "meeting", "党组会", "2"},
    {"G01", "U001", "2021-12-31", "talk", "", "5"},
    {"G02", "U002", "2021-01-01", "meeting", "局办公会", ""},  // count empty = 1
    {"G02", "U002", "2020-12-31", "meeting", "", "3"},         // before the period
    {"G01", "U001", "2022-01-01", "talk", "", "4"},            // after it
    {"G01", "U003", "2021-05-05", "written_report", "", "7"},  // neither kind
    {"G02", "U002", "2021-08-08", "talk", "谈心谈话", "6"},
};

struct ClueLine {
  std::string number, received, person, disposed;
};
const std::vector<ClueLine> kClues = {
    {"XS2021-0001", "2021-02-01", "甲", "2021-02-20"},
    {"XS2021-0001", "2021-02-01", "乙", "2021-02-20"},
    {"XS2021-0002", "2021-11-20", "丙", "2022-01-05"},  // disposed after the period
    {"XS2020-0005", "2020-11-01", "丁", "2020-12-01"},  // disposed before it
};
struct Outcome {
  std::string clue, person, outcome, decided;
};
const std::vector<Outcome> kOutcomes = {
    {"XS2021-0001", "甲", "party_warning", "2021-06-01"},
    {"XS2021-0001", "甲", "gov_warning", "2021-06-02"},  // the same person once
    {"XS2021-0001", "乙", "criticism_education", "2021-07-01"},
    {"XS2020-0005", "丁", "party_serious_warning", "2021-01-15"},  // old clue, decided now
    {"XS2021-0002", "丙", "criticism_education", "2022-02-01"},    // after the period
};
struct Letter {
  std::string code, issued;
  int problems;
};
const std::vector<Letter> kLetters = {
    {"L2021-01", "2021-04-01", 3}, {"L2021-02", "2021-12-31", 1}, {"L2020-09", "2020-11-01", 2}};

bool IsGroupPost(const std::string& post) {
  return post == "leader" || post == "deputy" || post == "staff";
}

class WorkReportTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto stack = testing::Stack::Start();
    ASSERT_TRUE(stack.ok()) << stack.status();
    stack_ = stack->release();
    org_ = org::v1::OrgService::NewStub(stack_->Gateway());
    clue_ = clue::v1::ClueService::NewStub(stack_->Gateway());
    assess_ = assess::v1::AssessService::NewStub(stack_->Gateway());
    reports_ = assess::v1::ReportService::NewStub(stack_->Gateway());
    SeedOrganisation();
  }
  static void TearDownTestSuite() {
    org_.reset();
    clue_.reset();
    assess_.reset();
    reports_.reset();
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

  static void ExpectImported(const absl::StatusOr<ImportResult>& result, int rows) {
    ASSERT_OK(result.status());
    EXPECT_THAT(result->errors(), IsEmpty()) << result->errors(0).message();
    EXPECT_EQ(result->imported(), rows);
  }

  static void SeedOrganisation() {
    org::v1::ImportUnitsRequest units;
    int line = 1;
    for (const Unit& u : kUnits) {
      auto* row = units.add_rows();
      row->set_line(++line);
      row->set_code(u.code);
      row->set_kind(u.kind);
      row->set_name("单位" + u.code);
      row->set_parent(u.parent);
      row->set_established_on(u.established);
      row->set_posts(u.posts);
      row->set_guiding_office(u.guiding);
      row->set_supervising_group(u.group);
      row->set_supervised_since(u.since);
    }
    ExpectImported(Call(org_.get(), &org::v1::OrgService::Stub::ImportUnits, units), kUnits.size());
    org::v1::ImportPeopleRequest people;
    line = 1;
    for (const Person& p : kPeople) {
      auto* row = people.add_rows();
      row->set_line(++line);
      row->set_code(p.code);
      row->set_name("干部" + p.code);
      row->set_gender("female");
      row->set_birth_date(p.birth);
      row->set_education(p.education);
      row->set_work_start(p.work_start);
      row->set_unit(p.unit);
      row->set_post(p.post);
      row->set_post_since(p.since);
      row->set_vetted_on(p.vetted);
    }
    ExpectImported(Call(org_.get(), &org::v1::OrgService::Stub::ImportPeople, people),
                   kPeople.size());
    org::v1::ImportTrainingsRequest trainings;
    line = 1;
    for (const Training& t : kTrainings) {
      auto* row = trainings.add_rows();
      row->set_line(++line);
      row->set_person(t.person);
      row->set_course("业务培训");
      row->set_date(t.date);
      row->set_hours("8");
    }
    ExpectImported(Call(org_.get(), &org::v1::OrgService::Stub::ImportTrainings, trainings),
                   kTrainings.size());
    // P5 reads the report (assessor) and keeps the clue ledger (case_manager).
    org::v1::ImportRolesRequest roles;
    for (const char* role : {"assessor", "case_manager"}) {
      auto* row = roles.add_rows();
      row->set_line(roles.rows_size() + 1);
      row->set_person("P5");
      row->set_role(role);
      row->set_unit("C");
    }
    ExpectImported(Call(org_.get(), &org::v1::OrgService::Stub::ImportRoles, roles), 2);
  }

  static assess::v1::ImportActivitiesRequest LedgerRequest(const std::vector<LedgerRow>& rows) {
    assess::v1::ImportActivitiesRequest request;
    int line = 1;
    for (const LedgerRow& a : rows) {
      auto* row = request.add_rows();
      row->set_line(++line);
      row->set_group(a.group);
      row->set_unit(a.unit);
      row->set_date(a.date);
      row->set_kind(a.kind);
      row->set_subkind(a.subkind);
      row->set_count(a.count);
    }
    return request;
  }

  static absl::StatusOr<ImportResult> ImportLedger(const assess::v1::ImportActivitiesRequest& r) {
    return Call(assess_.get(), &assess::v1::AssessService::Stub::ImportActivities, r);
  }

  static int StoredActivities() {
    assess::v1::ListActivitiesRequest request;
    request.set_page_size(1000);
    auto listed = Call(assess_.get(), &assess::v1::AssessService::Stub::ListActivities, request);
    EXPECT_OK(listed.status());
    return listed.ok() ? listed->activities_size() : -1;
  }

  // Imports the ledger once (a retry with the same request_id stores nothing more).
  static void SeedLedgerOnce() {
    if (ledger_seeded_) return;
    assess::v1::ImportActivitiesRequest request = LedgerRequest(kActivities);
    request.mutable_options()->set_request_id("seed-ledger-1");
    ExpectImported(ImportLedger(request), kActivities.size());
    ledger_seeded_ = true;
  }

  static std::vector<Problem> Problems(const ImportResult& result) {
    std::vector<Problem> out;
    for (const auto& e : result.errors()) out.emplace_back(e.line(), e.field(), e.reason());
    return out;
  }

  static testing::Stack* stack_;
  static std::unique_ptr<org::v1::OrgService::Stub> org_;
  static std::unique_ptr<clue::v1::ClueService::Stub> clue_;
  static std::unique_ptr<assess::v1::AssessService::Stub> assess_;
  static std::unique_ptr<assess::v1::ReportService::Stub> reports_;
  static bool ledger_seeded_;
};

testing::Stack* WorkReportTest::stack_ = nullptr;
std::unique_ptr<org::v1::OrgService::Stub> WorkReportTest::org_;
std::unique_ptr<clue::v1::ClueService::Stub> WorkReportTest::clue_;
std::unique_ptr<assess::v1::AssessService::Stub> WorkReportTest::assess_;
std::unique_ptr<assess::v1::ReportService::Stub> WorkReportTest::reports_;
bool WorkReportTest::ledger_seeded_ = false;

TEST_F(WorkReportTest, ImportActivitiesChecksEveryRowAndChangesNothingUnlessAllAreGood) {
  std::vector<LedgerRow> rows = {
      {"G01", "U001", "2021-02-02", "meeting", "", "1"},
      {"G01", "U999", "2021-02-02", "talk", "", "1"},   // no such unit
      {"O1", "U001", "2021-02-02", "talk", "", "1"},    // an office, not a group
      {"G01", "U001", "2021-02-02", "party", "", "1"},  // not a kind
      {"G01", "U001", "2099-01-01", "talk", "", "1"},   // not done yet
      {"G01", "G02", "2021-02-02", "talk", "", "x"},    // a group as unit; bad count
  };
  int before = StoredActivities();
  absl::StatusOr<ImportResult> refused = ImportLedger(LedgerRequest(rows));
  ASSERT_OK(refused.status());
  EXPECT_EQ(refused->rows(), 6);
  EXPECT_EQ(refused->imported(), 0);
  EXPECT_THAT(
      Problems(*refused),
      ElementsAre(Problem{3, "unit", "UNIT_NOT_FOUND"}, Problem{4, "group", "NOT_A_GROUP"},
                  Problem{5, "kind", "INVALID_ACTIVITY_KIND"}, Problem{6, "date", "DATE_IN_FUTURE"},
                  Problem{7, "count", "INVALID_COUNT"}));
  EXPECT_EQ(StoredActivities(), before);

  assess::v1::ImportActivitiesRequest check = LedgerRequest({rows[0]});
  check.mutable_options()->set_validate_only(true);
  absl::StatusOr<ImportResult> checked = ImportLedger(check);
  ASSERT_OK(checked.status());
  EXPECT_THAT(checked->errors(), IsEmpty());
  EXPECT_EQ(checked->imported(), 0);
  EXPECT_EQ(StoredActivities(), before);

  assess::v1::ImportActivitiesRequest too_many;
  for (int i = 0; i < 20001; ++i) too_many.add_rows()->set_line(i + 2);
  EXPECT_THAT(ImportLedger(too_many),
              StatusIs(absl::StatusCode::kInvalidArgument, "TOO_MANY_ROWS"));
}

TEST_F(WorkReportTest, AGoodRowsOnlyImportStoresTheGoodRowsOnceAcrossRetries) {
  SeedLedgerOnce();
  int before = StoredActivities();
  assess::v1::ImportActivitiesRequest retry = LedgerRequest(kActivities);
  retry.mutable_options()->set_request_id("seed-ledger-1");
  ExpectImported(ImportLedger(retry), kActivities.size());
  EXPECT_EQ(StoredActivities(), before);
}

TEST_F(WorkReportTest, WorkReportCountsWhatTheContractDefines) {
  SeedLedgerOnce();
  // The clue ledger (the lead's clue imports).
  clue::v1::ImportCluesRequest clues;
  for (const ClueLine& c : kClues) {
    auto* row = clues.add_rows();
    row->set_line(clues.rows_size() + 1);
    row->set_number(c.number);
    row->set_received_on(c.received);
    row->set_source("petition");
    row->set_handling_unit("G01");
    row->set_subject_name(c.person);
    row->set_subject_unit("U001");
    row->set_subject_level("科级");
    row->set_disposal("verification");
    row->set_disposed_on(c.disposed);
  }
  // Clue imports one record per clue number (its rows are the persons reported).
  std::set<std::string> numbers;
  for (const ClueLine& c : kClues) numbers.insert(c.number);
  ExpectImported(Call(clue_.get(), &clue::v1::ClueService::Stub::ImportClues, clues, "P5"),
                 numbers.size());
  clue::v1::ImportOutcomesRequest outcomes;
  for (const Outcome& o : kOutcomes) {
    auto* row = outcomes.add_rows();
    row->set_line(outcomes.rows_size() + 1);
    row->set_clue(o.clue);
    row->set_subject_name(o.person);
    row->set_outcome(o.outcome);
    row->set_decided_on(o.decided);
  }
  ExpectImported(Call(clue_.get(), &clue::v1::ClueService::Stub::ImportOutcomes, outcomes, "P5"),
                 kOutcomes.size());
  clue::v1::ImportLettersRequest letters;
  clue::v1::ImportProblemsRequest problems;
  for (const Letter& l : kLetters) {
    auto* row = letters.add_rows();
    row->set_line(letters.rows_size() + 1);
    row->set_code(l.code);
    row->set_kind("combined");
    row->set_issuer("G01");
    row->set_unit("U001");
    row->set_issued_on(l.issued);
    row->set_reply_due("2022-06-30");
    for (int seq = 1; seq <= l.problems; ++seq) {
      auto* p = problems.add_rows();
      p->set_line(problems.rows_size() + 1);
      p->set_letter(l.code);
      p->set_seq(absl::StrCat(seq));
      p->set_description("问题");
      p->set_state("open");
    }
  }
  ExpectImported(Call(clue_.get(), &clue::v1::ClueService::Stub::ImportLetters, letters, "P5"),
                 kLetters.size());
  ExpectImported(Call(clue_.get(), &clue::v1::ClueService::Stub::ImportProblems, problems, "P5"),
                 problems.rows_size());

  // What the contract counts, from the seed.
  const absl::CivilDay as_of = Day(kAsOf);
  assess::v1::WorkReport want;
  want.set_from(kFrom);
  want.set_to(kTo);
  want.set_as_of(kAsOf);
  std::map<std::string, int> quota;
  for (const Unit& u : kUnits) {
    if (u.kind == "group" && Day(u.established) <= as_of) {
      want.set_groups(want.groups() + 1);
      for (char c : u.posts) quota[u.code] += (c >= '0' && c <= '9') ? c - '0' : 0;
      want.set_authorized_posts(want.authorized_posts() + quota[u.code]);
    }
    if (u.kind == "supervised_unit" && Day(u.established) <= as_of) {
      bool covered = !u.group.empty() && Day(u.since) <= as_of;
      if (covered) want.set_units_supervised(want.units_supervised() + 1);
      if (!covered) want.set_units_uncovered(want.units_uncovered() + 1);
    }
  }
  auto holds_group_post = [](const Person& p, absl::CivilDay day) {
    return IsGroupPost(p.post) && Day(p.since) <= day;
  };
  for (const Person& p : kPeople) {
    if (!holds_group_post(p, as_of)) continue;
    want.set_staff(want.staff() + 1);
    int age = Years(p.birth, as_of);
    if (age < 30)
      want.set_age_under_30(want.age_under_30() + 1);
    else if (age < 40)
      want.set_age_30_39(want.age_30_39() + 1);
    else if (age < 50)
      want.set_age_40_49(want.age_40_49() + 1);
    else
      want.set_age_50_plus(want.age_50_plus() + 1);
    if (p.education == "bachelor" || p.education == "master" || p.education == "doctorate") {
      want.set_bachelor_or_above(want.bachelor_or_above() + 1);
    }
    int experience = Years(p.work_start, as_of);
    if (experience < 3)
      want.set_experience_under_3(want.experience_under_3() + 1);
    else if (experience < 5)
      want.set_experience_3_to_5(want.experience_3_to_5() + 1);
    else
      want.set_experience_5_plus(want.experience_5_plus() + 1);
  }
  for (const Training& t : kTrainings) {
    for (const Person& p : kPeople) {
      if (p.code == t.person && InPeriod(t.date) && holds_group_post(p, Day(t.date))) {
        want.set_training_person_times(want.training_person_times() + 1);
      }
    }
  }
  for (const LedgerRow& a : kActivities) {
    if (!InPeriod(a.date)) continue;
    int count = a.count.empty() ? 1 : std::stoi(a.count);
    if (a.kind == "meeting") want.set_meetings_attended(want.meetings_attended() + count);
    if (a.kind == "talk") want.set_talks_person_times(want.talks_person_times() + count);
  }
  for (const Letter& l : kLetters) {
    if (!InPeriod(l.issued)) continue;
    want.set_letters_issued(want.letters_issued() + 1);
    want.set_problems_tracked(want.problems_tracked() + l.problems);
  }
  std::set<std::string> disposed;
  for (const ClueLine& c : kClues) {
    if (InPeriod(c.disposed)) disposed.insert(c.number);
  }
  want.set_clues_disposed(disposed.size());
  std::set<std::pair<std::string, std::string>> sanctioned, criticised;
  for (const Outcome& o : kOutcomes) {
    if (!InPeriod(o.decided)) continue;
    bool sanction = o.outcome.rfind("party_", 0) == 0 || o.outcome.rfind("gov_", 0) == 0;
    if (sanction) sanctioned.insert({o.clue, o.person});
    if (o.outcome == "criticism_education") criticised.insert({o.clue, o.person});
  }
  want.set_people_sanctioned(sanctioned.size());
  want.set_people_criticised(criticised.size());
  // The distractors are in the seed: the figures are not trivially everything.
  EXPECT_EQ(want.staff(), 4);
  EXPECT_LT(want.training_person_times(), static_cast<int>(kTrainings.size()));

  assess::v1::GetWorkReportRequest request;
  request.set_from(kFrom);
  request.set_to(kTo);
  request.set_as_of(kAsOf);
  absl::StatusOr<assess::v1::WorkReport> got =
      Call(reports_.get(), &assess::v1::ReportService::Stub::GetWorkReport, request, "P5");
  ASSERT_OK(got.status());
  EXPECT_EQ(got->DebugString(), want.DebugString());
}

TEST_F(WorkReportTest, OnlyTheDeclaredRolesReadTheReportAndBadDatesAreRefused) {
  assess::v1::GetWorkReportRequest request;
  request.set_from(kTo);
  request.set_to(kFrom);
  EXPECT_THAT(Call(reports_.get(), &assess::v1::ReportService::Stub::GetWorkReport, request, "P5"),
              StatusIs(absl::StatusCode::kInvalidArgument, "END_BEFORE_START"));
  request.set_from("2021-02-30");
  EXPECT_THAT(Call(reports_.get(), &assess::v1::ReportService::Stub::GetWorkReport, request, "P5"),
              StatusIs(absl::StatusCode::kInvalidArgument));
  request.set_from(kFrom);
  request.set_to(kTo);
  EXPECT_THAT(Call(reports_.get(), &assess::v1::ReportService::Stub::GetWorkReport, request, "P1"),
              StatusIs(absl::StatusCode::kPermissionDenied));
}

// Last: it stops the clue service.
TEST_F(WorkReportTest, AMissingSourceFailsTheReportAndNamesIt) {
  ASSERT_GT(stack_->pid("clue"), 0);
  ASSERT_EQ(kill(stack_->pid("clue"), SIGKILL), 0);
  assess::v1::GetWorkReportRequest request;
  request.set_from(kFrom);
  request.set_to(kTo);
  absl::StatusOr<assess::v1::WorkReport> got =
      Call(reports_.get(), &assess::v1::ReportService::Stub::GetWorkReport, request, "P5");
  EXPECT_THAT(got, StatusIs(absl::StatusCode::kUnavailable, "CLUE_UNAVAILABLE"));
  EXPECT_THAT(std::string(got.status().message()), ::testing::HasSubstr("clue"));
}

}  // namespace
}  // namespace paizhu
