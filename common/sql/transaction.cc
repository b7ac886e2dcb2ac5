#include "common/sql/transaction.h"

#include <random>
#include <thread>

#include "common/log/log.h"
#include "common/sql/errors.h"
#include "common/status/macros.h"
#include "common/status/status.h"

namespace paizhu::sql {

absl::StatusOr<Transaction> Transaction::Begin(Pool& pool, absl::Time deadline) {
  ASSIGN_OR_RETURN(Lease lease, pool.Acquire(deadline));
  Transaction tx(std::move(lease), deadline);
  RETURN_IF_ERROR(tx.BoundNextStatement());
  RETURN_IF_ERROR(tx.lease_->ExecText("START TRANSACTION"));
  return tx;
}

Transaction::~Transaction() {
  if (!lease_ || done_ || lease_->broken()) return;
  // Rollback unless committed; a session that cannot roll back is dropped.
  if (!lease_->ExecText("ROLLBACK").ok()) lease_->MarkBroken();
}

absl::Status Transaction::CheckDeadline() const {
  if (absl::Now() >= deadline_) {
    return MakeError(absl::StatusCode::kDeadlineExceeded, "DEADLINE_EXCEEDED",
                     "the call's deadline passed before the transaction finished");
  }
  return absl::OkStatus();
}

absl::Status Transaction::BoundNextStatement() {
  RETURN_IF_ERROR(CheckDeadline());
  // Not only at BEGIN: a statement that waits for a lock late in the transaction must
  // not outlive the call by the time the transaction had at its start.
  absl::Duration left =
      deadline_ == absl::InfiniteFuture() ? absl::ZeroDuration() : deadline_ - absl::Now();
  return lease_->SetStatementTimeout(left);
}

absl::StatusOr<Rows> Transaction::Query(absl::string_view sql, const Params& params) {
  RETURN_IF_ERROR(BoundNextStatement());
  return lease_->Query(sql, params);
}

absl::StatusOr<int64_t> Transaction::Exec(absl::string_view sql, const Params& params) {
  RETURN_IF_ERROR(BoundNextStatement());
  return lease_->Exec(sql, params);
}

absl::Status Transaction::Commit() {
  // The last chance to give up cleanly: after COMMIT the work is acknowledged. (No new
  // bound here: the one in force fits, and a COMMIT is not a statement to interrupt.)
  RETURN_IF_ERROR(CheckDeadline());
  absl::Status status = lease_->ExecText("COMMIT");
  done_ = true;
  if (!status.ok() && lease_->broken()) {
    return MakeError(absl::StatusCode::kUnavailable, kReasonCommitUnknown,
                     "the database connection was lost during COMMIT; the outcome is unknown");
  }
  return status;
}

absl::Status RunInTransaction(Pool& pool, absl::Time deadline,
                              const std::function<absl::Status(Transaction&)>& body,
                              RetryPolicy policy) {
  thread_local std::minstd_rand jitter(std::random_device{}());
  absl::Duration backoff = policy.first_backoff;
  absl::Status status;
  for (int attempt = 1; attempt <= policy.max_attempts; ++attempt) {
    // Safe to rerun: the session died before COMMIT was sent (the server rolled back),
    // including at BEGIN on a session the server had already closed.
    bool lost = false;
    status = [&]() -> absl::Status {
      auto begun = Transaction::Begin(pool, deadline);
      if (!begun.ok()) {
        lost = ErrorReason(begun.status()) == kReasonUnavailable;
        return begun.status();
      }
      Transaction& tx = *begun;
      absl::Status s = body(tx);
      if (s.ok()) s = tx.Commit();
      lost = tx.connection_lost() && ErrorReason(s) != kReasonCommitUnknown;
      return s;
    }();
    if (status.ok()) return status;
    bool retry = IsRetryableTransactionError(status) || lost;
    if (!retry || attempt == policy.max_attempts) break;
    absl::Duration sleep = backoff + absl::Microseconds(jitter() % 1000);
    if (absl::Now() + sleep >= deadline) break;
    log::Info("rerunning transaction", {{"attempt", attempt + 1}, {"reason", ErrorReason(status)}});
    std::this_thread::sleep_for(absl::ToChronoNanoseconds(sleep));
    backoff *= 4;
  }
  return status;
}

absl::StatusOr<Rows> QueryAlone(Pool& pool, absl::Time deadline, absl::string_view sql,
                                const Params& params) {
  absl::StatusOr<Rows> rows;
  for (int attempt = 1; attempt <= 2; ++attempt) {
    ASSIGN_OR_RETURN(Lease lease, pool.Acquire(deadline));
    if (absl::Now() >= deadline) {
      return MakeError(absl::StatusCode::kDeadlineExceeded, "DEADLINE_EXCEEDED",
                       "the call's deadline passed before the statement started");
    }
    absl::Duration left =
        deadline == absl::InfiniteFuture() ? absl::ZeroDuration() : deadline - absl::Now();
    absl::Status bounded = lease->SetStatementTimeout(left);
    rows = bounded.ok() ? lease->Query(sql, params) : absl::StatusOr<Rows>(bounded);
    if (rows.ok() || !lease->broken()) return rows;
  }
  return rows;
}

}  // namespace paizhu::sql
