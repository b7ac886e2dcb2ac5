// The assessment service's storage on a real MariaDB: scheme versions stored once and
// never changed (shipped defaults included), the ledger's sums by kind over a period,
// monthly reports one per group and month, the due-day rule's versions, work meetings
// with attendance, and retries by request id.

#include "absl/strings/str_cat.h"
#include "common/sql/migrator.h"
#include "common/sql/pool.h"
#include "common/sql/transaction.h"
#include "common/time/civil_date.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "services/assess/domain/scheme_json.h"
#include "services/assess/storage/mysql_activity_repository.h"
#include "services/assess/storage/mysql_regime_repository.h"
#include "services/assess/storage/mysql_scheme_repository.h"
#include "tests/support/mariadb.h"
#include "tests/support/status_matchers.h"

namespace paizhu::generated {
std::vector<sql::MigrationFile> AssessMigrations();
std::vector<std::pair<std::string, std::string>> DefaultSchemes();
}  // namespace paizhu::generated

namespace paizhu::assess {
namespace {

using ::paizhu::testing::StatusIs;
using ::testing::ElementsAre;
using ::testing::Pair;

absl::Time Soon() { return absl::Now() + absl::Seconds(30); }

class AssessRepositoryTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_OK_AND_ASSIGN(options_,
                         testing::CreateTestSchema(testing::SharedDatabase(), "assess_repo"));
    pool_ = std::make_unique<sql::Pool>(sql::PoolOptions{options_, 4});
    ASSERT_OK_AND_ASSIGN(sql::Lease lease, pool_->Acquire(Soon()));
    ASSERT_OK(sql::Migrator(options_.database, generated::AssessMigrations()).Apply(*lease));
  }

  Scheme DefaultGroupScheme() {
    for (const auto& [file, json] : generated::DefaultSchemes()) {
      if (file == "group-v1.json") return *ParseSchemeJson(json);
    }
    ADD_FAILURE() << "group-v1.json is not shipped";
    return {};
  }

  sql::ConnectOptions options_;
  std::unique_ptr<sql::Pool> pool_;
};

TEST_F(AssessRepositoryTest, SchemeVersionsAreStoredOnceAndNeverChange) {
  MysqlSchemeRepository schemes(pool_.get());
  ASSERT_OK(schemes.InstallDefaults(generated::DefaultSchemes(), Soon()));
  ASSERT_OK(schemes.InstallDefaults(generated::DefaultSchemes(), Soon()));  // idempotent
  ASSERT_OK_AND_ASSIGN(std::vector<StoredScheme> all, schemes.List(Soon()));
  ASSERT_EQ(all.size(), 3u);
  EXPECT_EQ(all[0].scheme.ResourceName(), "schemes/group-v1");
  EXPECT_EQ(all[1].scheme.ResourceName(), "schemes/group-v2");
  EXPECT_EQ(all[2].scheme.ResourceName(), "schemes/supervised_unit-v1");

  Scheme changed = DefaultGroupScheme();
  changed.title = "改过的细则";
  EXPECT_THAT(schemes.Create(changed, "A1", Soon()),
              StatusIs(absl::StatusCode::kAlreadyExists, "SCHEME_VERSION_EXISTS"));
  changed.version = 4;  // the shipped versions are 1 and 2
  EXPECT_THAT(schemes.Create(changed, "A1", Soon()),
              StatusIs(absl::StatusCode::kFailedPrecondition, "SCHEME_VERSION_NOT_NEXT"));
  changed.version = 3;
  ASSERT_OK(schemes.Create(changed, "A1", Soon()).status());
  ASSERT_OK_AND_ASSIGN(std::optional<StoredScheme> v1, schemes.Get("group", 1, Soon()));
  ASSERT_TRUE(v1.has_value());
  EXPECT_EQ(v1->scheme.title, DefaultGroupScheme().title);
  ASSERT_OK_AND_ASSIGN(std::optional<StoredScheme> v3, schemes.Get("group", 3, Soon()));
  ASSERT_TRUE(v3.has_value());
  EXPECT_EQ(v3->scheme.title, "改过的细则");
  EXPECT_EQ(v3->created_by, "A1");

  // A shipped file edited in place is refused at start.
  changed.version = 1;
  std::vector<std::pair<std::string, std::string>> edited = {
      {"group-v1.json", SchemeToJson(changed)}};
  EXPECT_THAT(schemes.InstallDefaults(edited, Soon()),
              StatusIs(absl::StatusCode::kFailedPrecondition, "DEFAULT_SCHEME_CHANGED"));
}

TEST_F(AssessRepositoryTest, LedgerSumsCountsByKindWithinThePeriod) {
  MysqlActivityRepository activities(pool_.get());
  auto add = [&](const char* day, const char* kind, int count) {
    Activity a;
    a.group_code = "G01";
    a.unit_code = "U001";
    a.day = *ParseDate(day, "day");
    a.kind = kind;
    a.count = count;
    a.recorded_by = "P1";
    ASSERT_OK(sql::RunInTransaction(
        *pool_, Soon(), [&](sql::Transaction& tx) { return InsertActivity(tx, a).status(); }));
  };
  add("2020-12-31", "meeting", 100);  // before
  add("2021-01-01", "meeting", 2);
  add("2021-06-30", "meeting", 3);
  add("2021-12-31", "talk", 7);
  add("2022-01-01", "talk", 100);  // after
  ASSERT_OK_AND_ASSIGN(auto sums, activities.SumCounts("2021-01-01", "2021-12-31", Soon()));
  EXPECT_THAT(sums, ElementsAre(Pair("meeting", 5), Pair("talk", 7)));
}

TEST_F(AssessRepositoryTest, OneMonthlyReportPerGroupAndMonthAndRetriesReturnTheFirst) {
  MysqlRegimeRepository regime(pool_.get());
  MonthlyReport r;
  r.group_code = "G01";
  r.month = absl::CivilMonth(2021, 3);
  r.submitted_on = absl::CivilDay(2021, 3, 4);
  r.summary = "二月工作和三月计划";
  r.recorded_by = "P1";
  sql::RequestKey key("req-1", "SubmitMonthlyReport", "a");
  ASSERT_OK(regime.SubmitMonthlyReport(r, key, Soon()).status());
  ASSERT_OK_AND_ASSIGN(MonthlyReport again, regime.SubmitMonthlyReport(r, key, Soon()));
  EXPECT_EQ(again.submitted_on, r.submitted_on);
  MonthlyReport second = r;
  second.submitted_on = absl::CivilDay(2021, 3, 20);
  EXPECT_THAT(regime.SubmitMonthlyReport(second, sql::RequestKey("", "x", "y"), Soon()),
              StatusIs(absl::StatusCode::kAlreadyExists, "MONTHLY_REPORT_EXISTS"));
  ASSERT_OK_AND_ASSIGN(auto reports, regime.MonthlyReports("G01", absl::CivilMonth(2021, 1),
                                                           absl::CivilMonth(2021, 12), Soon()));
  EXPECT_THAT(reports, ElementsAre(Pair(absl::CivilMonth(2021, 3), absl::CivilDay(2021, 3, 4))));
}

TEST_F(AssessRepositoryTest, DueDayRulesAreVersionsFromTheDefault) {
  MysqlRegimeRepository regime(pool_.get());
  ASSERT_OK_AND_ASSIGN(std::vector<DueDayRule> rules, regime.DueDayRules(Soon()));
  ASSERT_EQ(rules.size(), 1u);
  EXPECT_EQ(rules[0].due_day, kDefaultMonthlyReportDueDay);
  ASSERT_OK(regime.AddDueDayRule({absl::CivilDay(2022, 1, 1), 10}, "A1", Soon()));
  EXPECT_THAT(regime.AddDueDayRule({absl::CivilDay(2022, 1, 1), 12}, "A1", Soon()),
              StatusIs(absl::StatusCode::kAlreadyExists, "DUE_DAY_RULE_EXISTS"));
  ASSERT_OK_AND_ASSIGN(rules, regime.DueDayRules(Soon()));
  EXPECT_EQ(DueOn(absl::CivilMonth(2021, 12), rules), absl::CivilDay(2021, 12, 5));
  EXPECT_EQ(DueOn(absl::CivilMonth(2022, 1), rules), absl::CivilDay(2022, 1, 10));
}

TEST_F(AssessRepositoryTest, WorkMeetingsKeepEachGroupsAttendance) {
  MysqlRegimeRepository regime(pool_.get());
  WorkMeeting m;
  m.kind = "quarterly";
  m.held_on = absl::CivilDay(2021, 4, 8);
  m.title = "一季度工作例会";
  m.recorded_by = "A1";
  m.attendance = {{"G01", true, ""}, {"G02", false, "请假"}};
  sql::RequestKey key("meeting-1", "RecordWorkMeeting", "a");
  ASSERT_OK_AND_ASSIGN(WorkMeeting stored, regime.RecordWorkMeeting(m, key, Soon()));
  ASSERT_OK_AND_ASSIGN(WorkMeeting retried, regime.RecordWorkMeeting(m, key, Soon()));
  EXPECT_EQ(retried.id, stored.id);
  m.kind = "half_year";
  m.held_on = absl::CivilDay(2021, 7, 15);
  m.attendance = {{"G01", false, ""}, {"G02", false, ""}};
  ASSERT_OK(regime.RecordWorkMeeting(m, sql::RequestKey("", "x", "y"), Soon()).status());
  ASSERT_OK_AND_ASSIGN(
      std::vector<WorkMeeting> all,
      regime.WorkMeetings(absl::CivilDay(2021, 1, 1), absl::CivilDay(2021, 12, 31), 100, Soon()));
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[0].attendance.size(), 2u);
  EXPECT_EQ(all[0].attendance[1].note, "请假");
  EXPECT_EQ(MeetingsMissed(all, "G01"), 1);
  EXPECT_EQ(MeetingsMissed(all, "G02"), 2);
  ASSERT_OK_AND_ASSIGN(all, regime.WorkMeetings(absl::CivilDay(2021, 5, 1),
                                                absl::CivilDay(2021, 12, 31), 100, Soon()));
  EXPECT_EQ(all.size(), 1u);
}

}  // namespace
}  // namespace paizhu::assess
