#include "common/sql/pool.h"

#include "absl/strings/str_cat.h"
#include "common/log/log.h"
#include "common/sql/errors.h"
#include "common/status/status.h"

namespace paizhu::sql {

Lease::Lease(Lease&& other) noexcept : pool_(other.pool_), conn_(std::move(other.conn_)) {
  other.pool_ = nullptr;
}

Lease& Lease::operator=(Lease&& other) noexcept {
  if (this != &other) {
    Release();
    pool_ = other.pool_;
    conn_ = std::move(other.conn_);
    other.pool_ = nullptr;
  }
  return *this;
}

Lease::~Lease() { Release(); }

void Lease::Release() {
  if (pool_ && conn_) pool_->Return(std::move(conn_));
  pool_ = nullptr;
}

absl::StatusOr<Lease> Pool::Acquire(absl::Time deadline) {
  absl::Time until = std::min(absl::Now() + options_.acquire_timeout, deadline);
  std::unique_lock lock(mu_);
  while (true) {
    // Reuse the most recently used idle session; ping it first if it sat long enough
    // for the server to have closed it.
    while (!idle_.empty()) {
      std::unique_ptr<Connection> conn = std::move(idle_.back());
      idle_.pop_back();
      bool stale = absl::Now() - conn->last_used() > options_.validate_after_idle;
      if (!stale) return Lease(this, std::move(conn));
      lock.unlock();
      bool alive = conn->Ping();
      lock.lock();
      if (alive) return Lease(this, std::move(conn));
      --open_;
      ++dropped_;
      log::Warn("dropped a dead database session", {{"connection_id", conn->server_id()}});
      lock.unlock();
      conn.reset();  // closing a dead socket must not hold the lock
      lock.lock();
    }
    if (open_ < options_.size) {
      ++open_;  // reserve the slot while connecting without the lock
      lock.unlock();
      auto conn = Connection::Open(options_.connect);
      lock.lock();
      if (!conn.ok()) {
        --open_;
        cv_.notify_one();
        return conn.status();
      }
      ++opened_;
      return Lease(this, *std::move(conn));
    }
    ++waiting_;
    std::cv_status waited = cv_.wait_until(lock, absl::ToChronoTime(until));
    --waiting_;
    if (waited == std::cv_status::timeout && idle_.empty() && open_ >= options_.size) {
      return MakeError(
          absl::StatusCode::kUnavailable, kReasonPoolExhausted,
          absl::StrCat("no database session free within the wait (pool size ", options_.size, ")"));
    }
  }
}

void Pool::Return(std::unique_ptr<Connection> conn) {
  std::unique_lock lock(mu_);
  if (conn->broken()) {
    --open_;
    ++dropped_;
    int64_t id = conn->server_id();
    lock.unlock();
    conn.reset();
    log::Warn("dropped a broken database session", {{"connection_id", id}});
  } else {
    idle_.push_back(std::move(conn));
    lock.unlock();
  }
  cv_.notify_one();
}

PoolStats Pool::Stats() const {
  std::lock_guard lock(mu_);
  return PoolStats{open_, static_cast<int>(idle_.size()), waiting_, opened_, dropped_};
}

}  // namespace paizhu::sql
