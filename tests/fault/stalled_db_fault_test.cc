// A database that stalls: other connections hold the row locks a registration needs
// (its idempotency key, then the year's clue counter). The caller gets DEADLINE_EXCEEDED
// before its deadline plus 2 s, the service's transaction lets go of its locks within the
// deadline plus 2 s, and nothing of the call is in the data: a retry with the same
// request_id registers the clue, once.

#include <optional>
#include <thread>

#include "absl/time/clock.h"
#include "common/sql/errors.h"
#include "gtest/gtest.h"
#include "tests/clue/clue_city.h"
#include "tests/fault/fault_support.h"
#include "tests/support/mariadb.h"
#include "tests/support/stack.h"
#include "tests/support/status_matchers.h"

namespace paizhu {
namespace {

using ::paizhu::testing::StatusIs;

// Whether a transaction of ours can lock the stalled call's idempotency key row without
// waiting: the row the call's own transaction inserted first, so the call still holds it
// exactly while its transaction is open. (Read committed: no gap lock that could hold
// the service up while we look.)
enum class KeyRow { kHeld, kFree, kError };
KeyRow ProbeKeyRow(sql::Connection& probe, const std::string& request_id) {
  if (!probe.ExecText("START TRANSACTION").ok()) return KeyRow::kError;
  auto rows =
      probe.Query("SELECT request_id FROM idempotency_keys WHERE request_id = ? FOR UPDATE NOWAIT",
                  {request_id});
  if (!probe.ExecText("ROLLBACK").ok()) return KeyRow::kError;
  if (rows.ok()) return KeyRow::kFree;
  return ErrorReason(rows.status()) == sql::kReasonLockTimeout ? KeyRow::kHeld : KeyRow::kError;
}

// The call stalls twice: its idempotency key waits for a first holder most of its time,
// then the year's counter waits for a second. The second wait starts 2.5 s into a 3 s
// call, so it must be bounded by the time the call has left then, not by what the
// transaction had when it began.
TEST(StalledDbTest, HeldRowLocksGiveDeadlineExceededReleaseTheCallsLocksAndCommitNothing) {
  ASSERT_OK_AND_ASSIGN(auto stack, testing::Stack::Start());
  ASSERT_OK(testing::SeedClueCity(*stack));
  ASSERT_OK(testing::Register(*stack, testing::Registration("stall-0")).status());

  const std::string schema = stack->Schema("clue");
  ASSERT_OK_AND_ASSIGN(auto key_holder, testing::OpenSchema(testing::SharedDatabase(), schema));
  ASSERT_OK_AND_ASSIGN(auto counter_holder, testing::OpenSchema(testing::SharedDatabase(), schema));
  ASSERT_OK_AND_ASSIGN(auto probe, testing::OpenSchema(testing::SharedDatabase(), schema));
  ASSERT_OK(probe->ExecText("SET SESSION TRANSACTION ISOLATION LEVEL READ COMMITTED"));
  ASSERT_OK(key_holder->ExecText("BEGIN"));
  ASSERT_OK(key_holder
                ->Exec("INSERT INTO idempotency_keys (request_id, method, request_hash) "
                       "VALUES ('stall-1', 'held by the test', '')")
                .status());
  ASSERT_OK(counter_holder->ExecText("BEGIN"));
  ASSERT_OK(counter_holder->Query("SELECT last FROM clue_counters WHERE year = 2026 FOR UPDATE")
                .status());

  const absl::Duration timeout = absl::Seconds(3);
  const absl::Time start = absl::Now();
  const absl::Time deadline = start + timeout;
  absl::StatusOr<clue::v1::Clue> stalled = absl::UnknownError("not answered");
  absl::Duration answered_after;
  std::thread caller([&] {
    stalled = testing::Register(*stack, testing::Registration("stall-1"), timeout);
    answered_after = absl::Now() - start;
  });
  absl::SleepFor(start + absl::Milliseconds(2500) - absl::Now());
  ASSERT_OK(key_holder->ExecText("ROLLBACK"));  // the call takes its key, then waits again

  // The call's transaction holds its key row (seen at least once), then lets it go.
  bool seen_held = false;
  std::optional<absl::Duration> released_after_deadline;
  KeyRow last = KeyRow::kError;
  while (absl::Now() < deadline + absl::Seconds(5)) {
    last = ProbeKeyRow(*probe, "stall-1");
    if (last == KeyRow::kError) break;
    if (last == KeyRow::kHeld) seen_held = true;
    if (last == KeyRow::kFree && seen_held) {
      released_after_deadline = absl::Now() - deadline;
      break;
    }
    absl::SleepFor(absl::Milliseconds(20));
  }
  caller.join();
  EXPECT_THAT(stalled, StatusIs(absl::StatusCode::kDeadlineExceeded, ""));
  EXPECT_LT(answered_after, timeout + absl::Seconds(2));
  EXPECT_NE(last, KeyRow::kError);
  EXPECT_TRUE(seen_held) << "the call never held its key row: the test did not stall it";
  ASSERT_TRUE(released_after_deadline.has_value())
      << "the call's transaction still held its row lock 5 s after the deadline";
  EXPECT_LT(*released_after_deadline, absl::Seconds(2));

  // Nothing of the stalled call is in the data, even once the counter is free; the retry
  // registers it, once.
  ASSERT_OK(counter_holder->ExecText("COMMIT"));
  ASSERT_OK_AND_ASSIGN(auto rows, probe->Query("SELECT COUNT(*) FROM clues"));
  EXPECT_EQ(rows.Int(0, 0), 1);
  ASSERT_OK_AND_ASSIGN(auto keys, probe->Query("SELECT COUNT(*) FROM idempotency_keys "
                                               "WHERE request_id = 'stall-1'"));
  EXPECT_EQ(keys.Int(0, 0), 0);
  ASSERT_OK_AND_ASSIGN(clue::v1::Clue retried,
                       testing::Register(*stack, testing::Registration("stall-1")));
  EXPECT_EQ(retried.name(), "clues/XS2026-0002");
  ASSERT_OK_AND_ASSIGN(std::vector<std::string> listed, testing::ListAllClues(*stack));
  EXPECT_EQ(listed.size(), 2u);
  ASSERT_OK_AND_ASSIGN(int chains, testing::VerifyAllAuditChains(*stack));
  std::cout << "deadline " << absl::FormatDuration(timeout) << ": caller answered after "
            << absl::FormatDuration(answered_after) << "; the call's row lock released "
            << absl::FormatDuration(released_after_deadline.value_or(absl::InfiniteDuration()))
            << " after the deadline\naudit chains verified: " << chains << "\n";
}

}  // namespace
}  // namespace paizhu
