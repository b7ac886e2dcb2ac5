// Transactions roll back unless committed; RunInTransaction reruns a deadlocked body.

#include <atomic>
#include <thread>

#include "absl/synchronization/notification.h"
#include "common/sql/errors.h"
#include "common/sql/pool.h"
#include "common/sql/transaction.h"
#include "common/status/macros.h"
#include "common/status/status.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/support/mariadb.h"
#include "tests/support/status_matchers.h"

namespace paizhu::sql {
namespace {

using ::paizhu::testing::StatusIs;

absl::Time Soon() { return absl::Now() + absl::Seconds(20); }

class TransactionTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto options = testing::CreateTestSchema(testing::SharedDatabase(), "tx");
    ASSERT_OK(options);
    pool_ = std::make_unique<Pool>(PoolOptions{*options, 4});
    ASSERT_OK(RunInTransaction(*pool_, Soon(), [](Transaction& tx) -> absl::Status {
      RETURN_IF_ERROR(tx.Exec("CREATE TABLE account (id INT PRIMARY KEY, balance INT NOT NULL) "
                              "ENGINE=InnoDB")
                          .status());
      return tx.Exec("INSERT INTO account VALUES (1, 100), (2, 100)").status();
    }));
  }

  int64_t Balance(int id) {
    auto lease = pool_->Acquire();
    EXPECT_TRUE(lease.ok());
    auto rows = (*lease)->Query("SELECT balance FROM account WHERE id = ?", {int64_t{id}});
    EXPECT_TRUE(rows.ok());
    return rows->Int(0, 0);
  }

  std::unique_ptr<Pool> pool_;
};

TEST_F(TransactionTest, RollsBackUnlessCommitted) {
  {
    ASSERT_OK_AND_ASSIGN(Transaction tx, Transaction::Begin(*pool_, Soon()));
    ASSERT_OK(tx.Exec("UPDATE account SET balance = 0 WHERE id = 1"));
    // No Commit: leaving the scope must undo the update.
  }
  EXPECT_EQ(Balance(1), 100);
  {
    ASSERT_OK_AND_ASSIGN(Transaction tx, Transaction::Begin(*pool_, Soon()));
    ASSERT_OK(tx.Exec("UPDATE account SET balance = 50 WHERE id = 1"));
    ASSERT_OK(tx.Commit());
  }
  EXPECT_EQ(Balance(1), 50);
}

TEST_F(TransactionTest, FailedBodyRollsBackEverything) {
  absl::Status status = RunInTransaction(*pool_, Soon(), [](Transaction& tx) -> absl::Status {
    RETURN_IF_ERROR(tx.Exec("UPDATE account SET balance = balance - 30 WHERE id = 1").status());
    return FailedPrecondition("INSUFFICIENT", "stop half-way");
  });
  EXPECT_THAT(status, StatusIs(absl::StatusCode::kFailedPrecondition, "INSUFFICIENT"));
  EXPECT_EQ(Balance(1), 100);
}

TEST_F(TransactionTest, ForcedDeadlockIsRerunAndThenSucceeds) {
  // The rival holds row 2 with many changes behind it (so InnoDB picks our smaller
  // transaction as the victim), then asks for row 1 while our body holds it and asks for
  // row 2: a real deadlock on the first attempt only.
  absl::Notification body_holds_row1, rival_holds_row2, rival_done;
  std::thread rival([&] {
    auto lease = pool_->Acquire(Soon());
    ASSERT_OK(lease);
    ASSERT_OK((*lease)->ExecText("START TRANSACTION"));
    ASSERT_OK((*lease)->Exec("UPDATE account SET balance = balance + 1 WHERE id = 2"));
    ASSERT_OK((*lease)->Exec("INSERT INTO account SELECT 100 + seq, 0 FROM seq_1_to_200"));
    rival_holds_row2.Notify();
    body_holds_row1.WaitForNotification();
    // Blocks on row 1 until our first attempt is rolled back as the deadlock victim.
    ASSERT_OK((*lease)->Exec("UPDATE account SET balance = balance + 1 WHERE id = 1"));
    ASSERT_OK((*lease)->ExecText("COMMIT"));
    rival_done.Notify();
  });
  rival_holds_row2.WaitForNotification();
  std::atomic<int> attempts{0};
  absl::Status status = RunInTransaction(*pool_, Soon(), [&](Transaction& tx) -> absl::Status {
    int attempt = ++attempts;
    RETURN_IF_ERROR(tx.Query("SELECT balance FROM account WHERE id = 1 FOR UPDATE").status());
    if (attempt == 1) {
      body_holds_row1.Notify();
      // Let the rival block on row 1 before asking for row 2.
      std::this_thread::sleep_for(std::chrono::milliseconds(300));
    }
    RETURN_IF_ERROR(tx.Exec("UPDATE account SET balance = balance - 10 WHERE id = 2").status());
    return tx.Exec("UPDATE account SET balance = balance - 10 WHERE id = 1").status();
  });
  rival.join();
  EXPECT_OK(status);
  EXPECT_EQ(attempts.load(), 2);
  // Both transactions took effect once: the rival's +1 and our -10 on each row.
  EXPECT_EQ(Balance(1), 91);
  EXPECT_EQ(Balance(2), 91);
}

TEST_F(TransactionTest, RerunsAreBounded) {
  int attempts = 0;
  absl::Status status = RunInTransaction(*pool_, Soon(), [&](Transaction&) -> absl::Status {
    ++attempts;
    return Aborted(kReasonDeadlock, "always deadlocks");
  });
  EXPECT_THAT(status, StatusIs(absl::StatusCode::kAborted, kReasonDeadlock));
  EXPECT_EQ(attempts, RetryPolicy{}.max_attempts);
}

TEST_F(TransactionTest, OtherErrorsAreNotRerun) {
  int attempts = 0;
  absl::Status status = RunInTransaction(*pool_, Soon(), [&](Transaction& tx) -> absl::Status {
    ++attempts;
    return tx.Exec("INSERT INTO account VALUES (1, 0)").status();
  });
  EXPECT_THAT(status, StatusIs(absl::StatusCode::kAlreadyExists, kReasonDuplicateKey));
  EXPECT_EQ(attempts, 1);
}

TEST_F(TransactionTest, NothingStartsAfterTheDeadline) {
  bool ran = false;
  absl::Status status = RunInTransaction(*pool_, absl::Now() - absl::Seconds(1), [&](Transaction&) {
    ran = true;
    return absl::OkStatus();
  });
  EXPECT_EQ(status.code(), absl::StatusCode::kDeadlineExceeded);
  EXPECT_FALSE(ran);
}

}  // namespace
}  // namespace paizhu::sql
