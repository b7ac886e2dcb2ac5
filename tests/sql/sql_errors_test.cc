// MySQL error numbers reach callers as the documented codes and reasons
// (common/sql/errors.h), produced by real statements on a real server.

#include <thread>

#include "absl/strings/str_cat.h"
#include "common/sql/errors.h"
#include "common/sql/pool.h"
#include "common/sql/transaction.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/support/mariadb.h"
#include "tests/support/status_matchers.h"

namespace paizhu::sql {
namespace {

using ::paizhu::testing::StatusIs;

class SqlErrorsTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto options = testing::CreateTestSchema(testing::SharedDatabase(), "errors");
    ASSERT_OK(options);
    options_ = new ConnectOptions(*options);
    auto conn = Connection::Open(*options_);
    ASSERT_OK(conn);
    ASSERT_OK((*conn)->ExecText(
        "CREATE TABLE parent (id INT PRIMARY KEY, name VARCHAR(5)) ENGINE=InnoDB"));
    ASSERT_OK(
        (*conn)->ExecText("CREATE TABLE child (id INT PRIMARY KEY, parent_id INT, "
                          "FOREIGN KEY (parent_id) REFERENCES parent (id)) ENGINE=InnoDB"));
    ASSERT_OK((*conn)->ExecText("INSERT INTO parent VALUES (1, 'a'), (2, 'b')"));
  }
  static ConnectOptions* options_;
};
ConnectOptions* SqlErrorsTest::options_ = nullptr;

TEST_F(SqlErrorsTest, DuplicateKeyIsAlreadyExists) {
  ASSERT_OK_AND_ASSIGN(auto conn, Connection::Open(*options_));
  EXPECT_THAT(conn->Exec("INSERT INTO parent VALUES (?, 'x')", {int64_t{1}}).status(),
              StatusIs(absl::StatusCode::kAlreadyExists, kReasonDuplicateKey));
  EXPECT_FALSE(conn->broken());
}

TEST_F(SqlErrorsTest, ForeignKeyViolationIsFailedPrecondition) {
  ASSERT_OK_AND_ASSIGN(auto conn, Connection::Open(*options_));
  EXPECT_THAT(conn->Exec("INSERT INTO child VALUES (1, ?)", {int64_t{99}}).status(),
              StatusIs(absl::StatusCode::kFailedPrecondition, kReasonForeignKey));
  ASSERT_OK(conn->Exec("INSERT INTO child VALUES (2, 2)"));
  EXPECT_THAT(conn->Exec("DELETE FROM parent WHERE id = 2").status(),
              StatusIs(absl::StatusCode::kFailedPrecondition, kReasonForeignKey));
}

TEST_F(SqlErrorsTest, DataTooLongIsInvalidArgument) {
  ASSERT_OK_AND_ASSIGN(auto conn, Connection::Open(*options_));
  EXPECT_THAT(
      conn->Exec("UPDATE parent SET name = ? WHERE id = 1", {std::string("too long")}).status(),
      StatusIs(absl::StatusCode::kInvalidArgument, kReasonDataTooLong));
}

TEST_F(SqlErrorsTest, LockWaitTimeoutIsAborted) {
  ASSERT_OK_AND_ASSIGN(auto holder, Connection::Open(*options_));
  ASSERT_OK_AND_ASSIGN(auto waiter, Connection::Open(*options_));
  ASSERT_OK(holder->ExecText("START TRANSACTION"));
  ASSERT_OK(holder->Exec("UPDATE parent SET name = 'h' WHERE id = 1"));
  ASSERT_OK(waiter->ExecText("SET SESSION innodb_lock_wait_timeout = 1"));
  ASSERT_OK(waiter->ExecText("START TRANSACTION"));
  EXPECT_THAT(waiter->Exec("UPDATE parent SET name = 'w' WHERE id = 1").status(),
              StatusIs(absl::StatusCode::kAborted, kReasonLockTimeout));
  ASSERT_OK(waiter->ExecText("ROLLBACK"));
  ASSERT_OK(holder->ExecText("ROLLBACK"));
}

TEST_F(SqlErrorsTest, DeadlockIsAborted) {
  ASSERT_OK_AND_ASSIGN(auto a, Connection::Open(*options_));
  ASSERT_OK_AND_ASSIGN(auto b, Connection::Open(*options_));
  ASSERT_OK(a->ExecText("START TRANSACTION"));
  ASSERT_OK(b->ExecText("START TRANSACTION"));
  ASSERT_OK(a->Query("SELECT * FROM parent WHERE id = 1 FOR UPDATE"));
  ASSERT_OK(b->Query("SELECT * FROM parent WHERE id = 2 FOR UPDATE"));
  // a waits for b's row in a thread; b then asks for a's row: one of them is the victim.
  absl::Status a_status;
  std::thread t([&] { a_status = a->Exec("UPDATE parent SET name = 'a' WHERE id = 2").status(); });
  std::this_thread::sleep_for(std::chrono::milliseconds(300));  // let a block first
  absl::Status b_status = b->Exec("UPDATE parent SET name = 'b' WHERE id = 1").status();
  if (b_status.ok()) {
    ASSERT_OK(b->ExecText("ROLLBACK"));
  }
  t.join();
  absl::Status victim = a_status.ok() ? b_status : a_status;
  EXPECT_THAT(victim, StatusIs(absl::StatusCode::kAborted, kReasonDeadlock));
  (void)a->ExecText("ROLLBACK");
  (void)b->ExecText("ROLLBACK");
}

TEST_F(SqlErrorsTest, KilledConnectionIsUnavailableAndBroken) {
  ASSERT_OK_AND_ASSIGN(auto victim, Connection::Open(*options_));
  ASSERT_OK_AND_ASSIGN(auto killer, Connection::Open(*options_));
  ASSERT_OK(killer->ExecText(absl::StrCat("KILL CONNECTION ", victim->server_id())));
  EXPECT_THAT(victim->Query("SELECT 1").status(),
              StatusIs(absl::StatusCode::kUnavailable, kReasonUnavailable));
  EXPECT_TRUE(victim->broken());
}

TEST_F(SqlErrorsTest, StatementPastItsTimeIsDeadlineExceeded) {
  ASSERT_OK_AND_ASSIGN(auto conn, Connection::Open(*options_));
  ASSERT_OK(conn->SetStatementTimeout(absl::Seconds(1)));
  EXPECT_THAT(conn->Query("SELECT SLEEP(3) FROM parent").status(),
              StatusIs(absl::StatusCode::kDeadlineExceeded, kReasonStatementTimeout));
}

TEST(SqlErrorMapping, UnknownServerErrorIsInternal) {
  EXPECT_THAT(MapSqlError(1146, "Table 'x.y' doesn't exist"),
              StatusIs(absl::StatusCode::kInternal, kReasonError));
}

}  // namespace
}  // namespace paizhu::sql
