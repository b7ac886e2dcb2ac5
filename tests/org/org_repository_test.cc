// The org repository on a real MariaDB: rules that hold under concurrent writers.

#include <thread>

#include "absl/strings/str_cat.h"
#include "common/sql/migrator.h"
#include "common/sql/pool.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "services/org/storage/mysql_org_repository.h"
#include "tests/support/mariadb.h"
#include "tests/support/status_matchers.h"

namespace paizhu::generated {
std::vector<sql::MigrationFile> OrgMigrations();
}

namespace paizhu::org {
namespace {

using ::paizhu::testing::StatusIs;

absl::Time Soon() { return absl::Now() + absl::Seconds(30); }
const absl::CivilDay kStart(2018, 3, 1);

class OrgRepositoryTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_OK_AND_ASSIGN(sql::ConnectOptions options,
                         testing::CreateTestSchema(testing::SharedDatabase(), "org_repo"));
    pool_ = std::make_unique<sql::Pool>(sql::PoolOptions{options, 16});
    ASSERT_OK_AND_ASSIGN(sql::Lease lease, pool_->Acquire(Soon()));
    ASSERT_OK(sql::Migrator(options.database, generated::OrgMigrations()).Apply(*lease));
    repo_ = std::make_unique<MysqlOrgRepository>(pool_.get());
    ASSERT_OK(
        repo_->CreateUnit(MakeUnit("C", "commission", ""), sql::RequestKey("", "", ""), Soon()));
    for (const char* g : {"G1", "G2"}) {
      ASSERT_OK(repo_->CreateUnit(MakeUnit(g, "group", "C"), sql::RequestKey("", "", ""), Soon()));
    }
    ASSERT_OK(repo_->CreateUnit(MakeUnit("U1", "supervised_unit", ""), sql::RequestKey("", "", ""),
                                Soon()));
  }

  static Unit MakeUnit(const std::string& code, const std::string& kind,
                       const std::string& parent) {
    Unit u;
    u.code = code;
    u.kind = kind;
    u.display_name = code;
    u.parent_code = parent;
    u.established_on = kStart;
    return u;
  }

  std::unique_ptr<sql::Pool> pool_;
  std::unique_ptr<MysqlOrgRepository> repo_;
};

TEST_F(OrgRepositoryTest, ConcurrentAssignmentsNeverExceedTheQuota) {
  ASSERT_OK(repo_->SetPostQuota("G1", "staff", 1, "", kStart, Soon()));
  constexpr int kRacers = 8;
  for (int i = 0; i < kRacers; ++i) {
    Person p;
    p.code = absl::StrCat("P", i);
    p.display_name = p.code;
    ASSERT_OK(repo_->CreatePerson(p, sql::RequestKey("", "", ""), Soon()));
  }
  std::vector<absl::Status> results(kRacers);
  std::vector<std::thread> threads;
  for (int i = 0; i < kRacers; ++i) {
    threads.emplace_back([&, i] {
      PostAssignment a;
      a.person_code = absl::StrCat("P", i);
      a.unit_code = "G1";
      a.post = "staff";
      a.when.from = absl::CivilDay(2019, 1, 1);
      results[i] = repo_->AssignPost(a, Soon()).status();
    });
  }
  for (auto& t : threads) t.join();
  int won = 0, full = 0;
  for (const absl::Status& s : results) {
    won += s.ok();
    full += ErrorReason(s) == "QUOTA_FULL";
  }
  EXPECT_EQ(won, 1);
  EXPECT_EQ(full, kRacers - 1);
  ASSERT_OK_AND_ASSIGN(auto input, repo_->LoadStatisticsInput(absl::CivilDay(2019, 1, 1), Soon()));
  EXPECT_EQ(input.first.assignments.size(), 1u);
}

TEST_F(OrgRepositoryTest, TwoGroupsCannotBothTakeAUnitOnOneDate) {
  absl::Status a, b;
  std::thread t1([&] {
    a = repo_->AssignSupervision("U1", "G1", absl::CivilDay(2019, 1, 1), Soon()).status();
  });
  std::thread t2([&] {
    b = repo_->AssignSupervision("U1", "G2", absl::CivilDay(2019, 1, 1), Soon()).status();
  });
  t1.join();
  t2.join();
  EXPECT_NE(a.ok(), b.ok()) << a << " / " << b;
  EXPECT_THAT(a.ok() ? b : a,
              StatusIs(absl::StatusCode::kFailedPrecondition, "LATER_SUPERVISION_EXISTS"));
  ASSERT_OK_AND_ASSIGN(auto view, repo_->GetUnit("U1", absl::CivilDay(2019, 6, 1), Soon()));
  ASSERT_TRUE(view.has_value());
  EXPECT_EQ(view->supervising_group_code, a.ok() ? "G1" : "G2");
}

TEST_F(OrgRepositoryTest, AReassignmentClosesTheOldOneTheDayBefore) {
  ASSERT_OK(repo_->AssignSupervision("U1", "G1", kStart, Soon()));
  ASSERT_OK(repo_->AssignSupervision("U1", "G2", absl::CivilDay(2020, 1, 1), Soon()));
  ASSERT_OK_AND_ASSIGN(auto input, repo_->LoadStatisticsInput(absl::CivilDay(2020, 1, 1), Soon()));
  ASSERT_EQ(input.first.supervisions.size(), 2u);
  for (const SupervisionFact& f : input.first.supervisions) {
    if (f.group_code == "G1") {
      ASSERT_TRUE(f.when.to.has_value());
      EXPECT_EQ(*f.when.to, absl::CivilDay(2019, 12, 31));
    }
  }
}

}  // namespace
}  // namespace paizhu::org
