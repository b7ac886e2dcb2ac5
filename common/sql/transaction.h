#pragma once
// One use case = one transaction. A Transaction rolls back unless Commit() succeeded;
// RunInTransaction reruns the whole body after a deadlock, a lock wait timeout or a
// session lost before COMMIT (a bounded number of times, within the deadline).

#include <functional>
#include "absl/strings/string_view.h"

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "common/sql/pool.h"
#include "common/sql/rows.h"

namespace paizhu::sql {

// COMMIT was sent but no answer came: the transaction may or may not have happened.
// Never rerun automatically; a client retry with the same request_id is safe.
inline constexpr char kReasonCommitUnknown[] = "DB_COMMIT_OUTCOME_UNKNOWN";

class Transaction {
 public:
  // Takes a session and starts a transaction bounded by `deadline`: every statement
  // carries the time left when it starts (max_statement_time, see
  // Connection::SetStatementTimeout), so none runs more than kStatementTimeoutSlack past
  // the deadline, even one that waits for a lock late in the transaction; and nothing
  // starts after the deadline.
  static absl::StatusOr<Transaction> Begin(Pool& pool, absl::Time deadline);

  Transaction(Transaction&&) = default;
  Transaction& operator=(Transaction&&) = delete;
  ~Transaction();

  absl::StatusOr<Rows> Query(absl::string_view sql, const Params& params = {});
  absl::StatusOr<int64_t> Exec(absl::string_view sql, const Params& params = {});
  absl::Status Commit();

  // The session died inside this transaction (the server rolled it back).
  bool connection_lost() const { return lease_ && lease_->broken(); }
  int64_t connection_id() const { return lease_->server_id(); }

 private:
  Transaction(Lease lease, absl::Time deadline) : lease_(std::move(lease)), deadline_(deadline) {}
  absl::Status CheckDeadline() const;
  // CheckDeadline, then bounds the next statement by the time left.
  absl::Status BoundNextStatement();

  Lease lease_;
  absl::Time deadline_;
  bool done_ = false;
};

struct RetryPolicy {
  int max_attempts = 4;
  absl::Duration first_backoff = absl::Milliseconds(5);
};

absl::Status RunInTransaction(Pool& pool, absl::Time deadline,
                              const std::function<absl::Status(Transaction&)>& body,
                              RetryPolicy policy = {});

// One statement on its own (autocommit: it sees one consistent snapshot), bounded by
// `deadline` like a Transaction's, without the START TRANSACTION and COMMIT round trips.
// Rerun once on a session that turned out to be dead. For reads, e.g. a cache's check.
absl::StatusOr<Rows> QueryAlone(Pool& pool, absl::Time deadline, absl::string_view sql,
                                const Params& params = {});

}  // namespace paizhu::sql
