// The registry on a real MariaDB: gap-free numbers under concurrent registrations, one
// clue per request id, and an audit trail that SQL access cannot rewrite unseen.

#include <set>
#include <thread>

#include "absl/strings/str_cat.h"
#include "common/sql/migrator.h"
#include "common/sql/pool.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "services/clue/storage/mysql_clue_repository.h"
#include "tests/support/mariadb.h"
#include "tests/support/status_matchers.h"

namespace paizhu::generated {
std::vector<sql::MigrationFile> ClueMigrations();
}

namespace paizhu::clue {
namespace {

absl::Time Soon() { return absl::Now() + absl::Seconds(30); }

Clue NewClue(int year = 2026) {
  Clue c;
  c.received_on = absl::CivilDay(year, 3, 2);
  c.source = "petition";
  c.reporter = {"李四", "138", false};
  c.subjects = {{"张某", "U01", "局长", "正处", true, ""}};
  c.violations = {"integrity"};
  c.allegation = "收受礼金";
  c.handling_unit_code = "G1";
  c.registering_unit_code = "PET";
  return c;
}

class ClueRepositoryTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_OK_AND_ASSIGN(options_,
                         testing::CreateTestSchema(testing::SharedDatabase(), "clue_repo"));
    pool_ = std::make_unique<sql::Pool>(sql::PoolOptions{options_, 16});
    ASSERT_OK_AND_ASSIGN(sql::Lease lease, pool_->Acquire(Soon()));
    ASSERT_OK(sql::Migrator(options_.database, generated::ClueMigrations()).Apply(*lease));
    repo_ = std::make_unique<MysqlClueRepository>(pool_.get(), std::string(32, 'k'));
    viewer_.actor = "person:cm";
    viewer_.sees_all = true;
  }
  // Runs SQL as someone with database access but without the audit key.
  void Sql(const std::string& statement) {
    ASSERT_OK_AND_ASSIGN(sql::Lease lease, pool_->Acquire(Soon()));
    ASSERT_OK(lease->ExecText(statement));
  }
  ChainCheck Verify(const std::string& number) {
    auto check = repo_->VerifyAudit(number, Soon());
    EXPECT_TRUE(check.ok() && check->has_value());
    return **check;
  }
  // A clue with its registration and two reads: entries 1..3.
  std::string ClueWithThreeEntries() {
    auto clue = repo_->Register(NewClue(), sql::RequestKey("", "", ""), "person:pet", Soon());
    EXPECT_TRUE(clue.ok());
    for (int i = 0; i < 2; ++i) EXPECT_TRUE(repo_->Get(clue->number, viewer_, Soon()).ok());
    EXPECT_TRUE(Verify(clue->number).intact);
    EXPECT_EQ(Verify(clue->number).entries, 3);
    id_ = clue->id;
    return clue->number;
  }

  sql::ConnectOptions options_;
  std::unique_ptr<sql::Pool> pool_;
  std::unique_ptr<MysqlClueRepository> repo_;
  Viewer viewer_;
  int64_t id_ = 0;
};

TEST_F(ClueRepositoryTest, ConcurrentRegistrationsGetGapFreeNumbers) {
  constexpr int kClues = 16;
  std::vector<std::string> numbers(kClues);
  std::vector<std::thread> threads;
  for (int i = 0; i < kClues; ++i) {
    threads.emplace_back([&, i] {
      auto clue = repo_->Register(NewClue(), sql::RequestKey("", "", ""), "person:pet", Soon());
      ASSERT_OK(clue);
      numbers[i] = clue->number;
    });
  }
  for (auto& t : threads) t.join();
  std::set<std::string> distinct(numbers.begin(), numbers.end());
  std::set<std::string> expected;
  for (int i = 1; i <= kClues; ++i) expected.insert(ClueNumber(2026, i));
  EXPECT_EQ(distinct, expected);
  // Each year counts on its own.
  ASSERT_OK_AND_ASSIGN(Clue older, repo_->Register(NewClue(2025), sql::RequestKey("", "", ""),
                                                   "person:pet", Soon()));
  EXPECT_EQ(older.number, "XS2025-0001");
}

TEST_F(ClueRepositoryTest, ARetriedRegistrationReturnsTheFirstClue) {
  sql::RequestKey key("req-1", "RegisterClue", "same bytes");
  ASSERT_OK_AND_ASSIGN(Clue first, repo_->Register(NewClue(), key, "person:pet", Soon()));
  ASSERT_OK_AND_ASSIGN(Clue again, repo_->Register(NewClue(), key, "person:pet", Soon()));
  EXPECT_EQ(first.number, again.number);
  ASSERT_OK_AND_ASSIGN(auto all, repo_->List(viewer_, {}, 0, 100, Soon()));
  EXPECT_EQ(all.size(), 1u);
}

TEST_F(ClueRepositoryTest, ARegistrationAnswersWithTheClueAsStored) {
  // The answer is built from what was written, not read back: it must equal a read.
  Clue in = NewClue();
  in.subjects.push_back({"王某", "", "科长", "", false, "F-7", true});
  in.violations = {"integrity", "discipline"};
  in.handler_codes = {"p1", "p2"};
  in.recusal = true;
  in.due.on = absl::CivilDay(2026, 3, 31);
  in.due.rule = "disposal_opinion";
  in.due.rule_version = 1;
  in.due.start = absl::CivilDay(2026, 3, 2);
  in.due.extension_days = 5;  // not a clue column: a read gives 0
  sql::RequestKey key("req-stored", "RegisterClue", "bytes");
  ASSERT_OK_AND_ASSIGN(Clue answered, repo_->Register(in, key, "person:pet", Soon()));
  ASSERT_OK_AND_ASSIGN(Clue replayed, repo_->Register(in, key, "person:pet", Soon()));
  EXPECT_EQ(CanonicalText(answered), CanonicalText(replayed));
  EXPECT_EQ(answered.id, replayed.id);
  EXPECT_EQ(answered.version, replayed.version);
  EXPECT_EQ(answered.registered_by, replayed.registered_by);
  EXPECT_EQ(answered.registering_unit_code, replayed.registering_unit_code);
  EXPECT_EQ(answered.recusal, replayed.recusal);
  EXPECT_EQ(answered.due.start, replayed.due.start);
  EXPECT_EQ(answered.due.rule_version, replayed.due.rule_version);
  EXPECT_EQ(answered.due.extension_days, replayed.due.extension_days);
  EXPECT_EQ(answered.subjects.size(), 2u);
  // The next entry's digest_before is the read clue's: the chain stays intact.
  ASSERT_OK(repo_->Get(answered.number, viewer_, Soon()).status());
  EXPECT_TRUE(Verify(answered.number).intact);
}

TEST_F(ClueRepositoryTest, DeadlineRulesFollowTheTableThoughCached) {
  ASSERT_OK_AND_ASSIGN(std::vector<DeadlineRule> before, repo_->DeadlineRules(Soon()));
  ASSERT_OK_AND_ASSIGN(std::vector<DeadlineRule> cached, repo_->DeadlineRules(Soon()));
  EXPECT_EQ(cached.size(), before.size());
  Sql("INSERT INTO deadline_rules (name, version, amount, unit, effective_from) VALUES "
      "('inquiry_reply', 99, 20, 'working_days', '2030-01-01')");
  ASSERT_OK_AND_ASSIGN(std::vector<DeadlineRule> after, repo_->DeadlineRules(Soon()));
  ASSERT_EQ(after.size(), before.size() + 1);
  bool found = false;
  for (const DeadlineRule& r : after) found = found || (r.version == 99 && r.amount == 20);
  EXPECT_TRUE(found);
  Sql("UPDATE deadline_rules SET amount = 25 WHERE version = 99");
  ASSERT_OK_AND_ASSIGN(after, repo_->DeadlineRules(Soon()));
  found = false;
  for (const DeadlineRule& r : after) found = found || (r.version == 99 && r.amount == 25);
  EXPECT_TRUE(found);
}

TEST_F(ClueRepositoryTest, AnEditedRowIsFound) {
  std::string number = ClueWithThreeEntries();
  Sql(absl::StrCat("UPDATE clue_audit SET actor = 'person:nobody' WHERE clue_id = ", id_,
                   " AND seq = 2"));
  ChainCheck c = Verify(number);
  EXPECT_FALSE(c.intact);
  EXPECT_EQ(c.first_broken_seq, 2);
}

TEST_F(ClueRepositoryTest, AnEditedTimelineNoteIsFoundAndNotShown) {
  std::string number = ClueWithThreeEntries();  // the registration has a note
  ASSERT_OK_AND_ASSIGN(auto before, repo_->ListEvents(number, viewer_, 0, 10, false, Soon()));
  ASSERT_TRUE(before.has_value());
  ASSERT_FALSE(before->empty());
  EXPECT_FALSE(before->front().note.facts.empty());

  Sql(absl::StrCat("UPDATE clue_audit_notes SET facts = CONCAT(facts, 'x') WHERE clue_id = ", id_,
                   " AND seq = 1"));
  ChainCheck c = Verify(number);
  EXPECT_FALSE(c.intact);
  EXPECT_EQ(c.first_broken_seq, 1);
  EXPECT_THAT(c.problem, ::testing::HasSubstr("note"));
  ASSERT_OK_AND_ASSIGN(auto after, repo_->ListEvents(number, viewer_, 0, 10, false, Soon()));
  ASSERT_TRUE(after.has_value());
  EXPECT_EQ(after->front().action, "register");
  EXPECT_TRUE(after->front().note.facts.empty());
}

TEST_F(ClueRepositoryTest, AnEditWithAPlainHashRecomputedIsFound) {
  std::string number = ClueWithThreeEntries();
  Sql(
      absl::StrCat("UPDATE clue_audit SET digest_after = SHA2('rewritten', 256), mac = "
                   "SHA2(CONCAT(mac, 'x'), 256) "
                   "WHERE clue_id = ",
                   id_, " AND seq = 1"));
  EXPECT_EQ(Verify(number).first_broken_seq, 1);
}

TEST_F(ClueRepositoryTest, ADeletedTailIsFound) {
  std::string number = ClueWithThreeEntries();
  Sql(absl::StrCat("DELETE FROM clue_audit WHERE clue_id = ", id_, " AND seq = 3"));
  ChainCheck c = Verify(number);
  EXPECT_FALSE(c.intact);
  EXPECT_EQ(c.first_broken_seq, 3);
}

TEST_F(ClueRepositoryTest, AllOfOneCluesEntriesDeletedIsFound) {
  std::string number = ClueWithThreeEntries();
  Sql(absl::StrCat("DELETE FROM clue_audit WHERE clue_id = ", id_));
  EXPECT_FALSE(Verify(number).intact);
}

TEST_F(ClueRepositoryTest, AReorderIsFound) {
  std::string number = ClueWithThreeEntries();
  Sql(absl::StrCat("UPDATE clue_audit SET seq = 99 WHERE clue_id = ", id_, " AND seq = 1"));
  Sql(absl::StrCat("UPDATE clue_audit SET seq = 1 WHERE clue_id = ", id_, " AND seq = 2"));
  Sql(absl::StrCat("UPDATE clue_audit SET seq = 2 WHERE clue_id = ", id_, " AND seq = 99"));
  EXPECT_EQ(Verify(number).first_broken_seq, 1);
}

TEST_F(ClueRepositoryTest, ACheckpointFindsAChainDeletedWithItsHead) {
  std::string number = ClueWithThreeEntries();
  std::string other = ClueWithThreeEntries();  // id_ is now other's
  ASSERT_OK_AND_ASSIGN(Checkpoint first, repo_->TakeCheckpoint(Soon()));
  EXPECT_EQ(first.heads.size(), 2u);
  ASSERT_OK(repo_->Get(number, viewer_, Soon()).status());  // heads move on: still fine
  ASSERT_OK_AND_ASSIGN(Checkpoint second, repo_->TakeCheckpoint(Soon()));
  EXPECT_EQ(second.previous_mac, first.mac);
  ASSERT_OK_AND_ASSIGN(ChainCheck fine, repo_->VerifyCheckpoints(Soon()));
  EXPECT_TRUE(fine.intact) << fine.problem;
  EXPECT_EQ(fine.entries, 2);

  // All of one clue's entries and its head deleted: the chain alone looks empty and
  // whole, the checkpoint does not.
  Sql(absl::StrCat("DELETE FROM clue_audit WHERE clue_id = ", id_));
  Sql(absl::StrCat("DELETE FROM clue_audit_heads WHERE clue_id = ", id_));
  ASSERT_OK_AND_ASSIGN(ChainCheck broken, repo_->VerifyCheckpoints(Soon()));
  EXPECT_FALSE(broken.intact);
  EXPECT_THAT(broken.problem, ::testing::HasSubstr(other));

  // An edited checkpoint does not verify either.
  Sql("UPDATE audit_checkpoints SET heads = heads + 1 WHERE id = 1");
  ASSERT_OK_AND_ASSIGN(ChainCheck edited, repo_->VerifyCheckpoints(Soon()));
  EXPECT_FALSE(edited.intact);
  EXPECT_EQ(edited.first_broken_seq, 1);
}

TEST_F(ClueRepositoryTest, UnseenCluesAreMissingAndLeaveNoReadInTheTrail) {
  std::string number = ClueWithThreeEntries();
  Viewer stranger;
  stranger.actor = "person:g2";
  stranger.units = {"G2"};
  ASSERT_OK_AND_ASSIGN(std::optional<Clue> seen, repo_->Get(number, stranger, Soon()));
  EXPECT_FALSE(seen.has_value());
  ASSERT_OK_AND_ASSIGN(auto listed, repo_->List(stranger, {}, 0, 100, Soon()));
  EXPECT_TRUE(listed.empty());
  EXPECT_EQ(Verify(number).entries, 3);
}

}  // namespace
}  // namespace paizhu::clue
