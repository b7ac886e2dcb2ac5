// The session pool: bounded, never hands out a dead session, and rides out a database
// restart: UNAVAILABLE during the outage, success after, with the same pool.

#include <atomic>
#include <mutex>
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

absl::Time Soon() { return absl::Now() + absl::Seconds(10); }

ConnectOptions FreshSchema(const ConnectOptions& server) {
  auto options = testing::CreateTestSchema(server, "pool");
  EXPECT_TRUE(options.ok()) << options.status();
  return *options;
}

void Kill(const ConnectOptions& options, int64_t connection_id) {
  auto killer = Connection::Open(options);
  ASSERT_OK(killer);
  ASSERT_OK((*killer)->ExecText(absl::StrCat("KILL CONNECTION ", connection_id)));
}

TEST(PoolTest, KilledSessionIsNeverHandedOutAgain) {
  ConnectOptions options = FreshSchema(testing::SharedDatabase());
  // Validate every idle session, so the check happens on the next Acquire.
  Pool pool(PoolOptions{options, 2, absl::Seconds(2), absl::ZeroDuration()});
  int64_t killed = 0;
  {
    ASSERT_OK_AND_ASSIGN(Lease lease, pool.Acquire(Soon()));
    killed = lease->server_id();
  }
  Kill(options, killed);
  for (int i = 0; i < 3; ++i) {
    ASSERT_OK_AND_ASSIGN(Lease lease, pool.Acquire(Soon()));
    EXPECT_NE(lease->server_id(), killed);
    EXPECT_OK(lease->Query("SELECT 1"));
  }
  EXPECT_EQ(pool.Stats().dropped, 1);
}

TEST(PoolTest, SessionKilledJustBeforeUseCostsNoCallerAnError) {
  ConnectOptions options = FreshSchema(testing::SharedDatabase());
  Pool pool(PoolOptions{options, 1});  // default: recent sessions are not pinged
  int64_t killed = 0;
  {
    ASSERT_OK_AND_ASSIGN(Lease lease, pool.Acquire(Soon()));
    killed = lease->server_id();
  }
  Kill(options, killed);
  int64_t used = 0;
  // The transaction meets the dead session at BEGIN, drops it and reruns on a new one.
  EXPECT_OK(RunInTransaction(pool, Soon(), [&](Transaction& tx) -> absl::Status {
    used = tx.connection_id();
    return tx.Query("SELECT 1").status();
  }));
  EXPECT_NE(used, killed);
  EXPECT_EQ(pool.Stats().dropped, 1);
  EXPECT_EQ(pool.Stats().open, 1);
}

TEST(PoolTest, BoundedSizeAndAcquireTimeout) {
  ConnectOptions options = FreshSchema(testing::SharedDatabase());
  Pool pool(PoolOptions{options, 1, absl::Milliseconds(200)});
  ASSERT_OK_AND_ASSIGN(Lease held, pool.Acquire(Soon()));
  absl::Time start = absl::Now();
  EXPECT_THAT(pool.Acquire(Soon()).status(),
              StatusIs(absl::StatusCode::kUnavailable, kReasonPoolExhausted));
  EXPECT_GE(absl::Now() - start, absl::Milliseconds(150));
  EXPECT_EQ(pool.Stats().open, 1);
  // A waiter is woken when the session comes back.
  std::thread release([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    held = Lease();
  });
  EXPECT_OK(pool.Acquire(Soon()));
  release.join();
}

TEST(PoolTest, DatabaseRestartGivesUnavailableThenRecovers) {
  ASSERT_OK_AND_ASSIGN(auto db, testing::PrivateMariaDb::Start());
  ConnectOptions options = FreshSchema(db->RootOptions());
  options.connect_timeout = absl::Seconds(1);
  Pool pool(PoolOptions{options, 4, absl::Seconds(1)});
  ASSERT_OK(RunInTransaction(pool, Soon(), [](Transaction& tx) {
    return tx.Exec("CREATE TABLE ticks (id INT AUTO_INCREMENT PRIMARY KEY) ENGINE=InnoDB").status();
  }));

  // Calls run all along: record what each one got.
  std::mutex mu;
  std::vector<absl::Status> results;
  std::atomic<bool> stop{false};
  std::thread caller([&] {
    while (!stop) {
      absl::Status s = RunInTransaction(pool, absl::Now() + absl::Seconds(2), [](Transaction& tx) {
        return tx.Exec("INSERT INTO ticks VALUES ()").status();
      });
      {
        std::lock_guard lock(mu);
        results.push_back(s);
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
  });
  auto wait_for = [&](auto predicate) {
    absl::Time until = absl::Now() + absl::Seconds(30);
    while (absl::Now() < until) {
      {
        std::lock_guard lock(mu);
        if (predicate(results)) return true;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    return false;
  };
  ASSERT_TRUE(wait_for([](const auto& r) { return r.size() >= 5; }));
  ASSERT_OK(db->Stop());
  size_t outage_start;
  {
    std::lock_guard lock(mu);
    outage_start = results.size();
  }
  ASSERT_TRUE(wait_for([&](const auto& r) { return r.size() >= outage_start + 3; }));
  size_t restart_begin;  // every result before this one was made while the server was down
  {
    std::lock_guard lock(mu);
    restart_begin = results.size();
  }
  ASSERT_OK(db->Restart());
  size_t back;
  {
    std::lock_guard lock(mu);
    back = results.size();
  }
  ASSERT_TRUE(wait_for([&](const auto& r) { return r.size() > back + 2 && r.back().ok(); }));
  stop = true;
  caller.join();

  int unavailable = 0, ok_after = 0;
  for (size_t i = outage_start + 1; i < restart_begin; ++i) {
    // During the outage every call fails the same, retryable way.
    EXPECT_EQ(results[i].code(), absl::StatusCode::kUnavailable) << results[i];
    unavailable += results[i].code() == absl::StatusCode::kUnavailable;
  }
  for (size_t i = back; i < results.size(); ++i) ok_after += results[i].ok();
  EXPECT_GE(unavailable, 2);
  EXPECT_GE(ok_after, 2);
  EXPECT_TRUE(results.back().ok()) << results.back();
}

}  // namespace
}  // namespace paizhu::sql
