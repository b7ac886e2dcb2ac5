#pragma once
// A bounded pool of database sessions. Connector/C++ has none.
// - at most `size` sessions; Acquire waits up to `acquire_timeout` (or the call's
//   deadline) for one and then fails with UNAVAILABLE / DB_POOL_EXHAUSTED;
// - a session that saw a dead-connection error is dropped and replaced, never reused;
//   one idle longer than `validate_after_idle` is pinged before it is handed out;
// - the database may be down when the pool is made: sessions are opened on demand.

#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "common/sql/connection.h"

namespace paizhu::sql {

struct PoolOptions {
  ConnectOptions connect;
  int size = 8;
  absl::Duration acquire_timeout = absl::Seconds(2);
  absl::Duration validate_after_idle = absl::Seconds(1);
};

struct PoolStats {
  int open = 0;  // sessions that exist (idle + leased)
  int idle = 0;
  int waiting = 0;      // callers waiting for a free session now
  int64_t opened = 0;   // sessions ever opened
  int64_t dropped = 0;  // sessions thrown away as broken
};

class Pool;

// A leased session; returns to its pool when destroyed (or is dropped when broken).
class Lease {
 public:
  Lease() = default;
  Lease(Lease&& other) noexcept;
  Lease& operator=(Lease&& other) noexcept;
  ~Lease();

  Connection* operator->() const { return conn_.get(); }
  Connection& operator*() const { return *conn_; }
  explicit operator bool() const { return conn_ != nullptr; }

 private:
  friend class Pool;
  Lease(Pool* pool, std::unique_ptr<Connection> conn) : pool_(pool), conn_(std::move(conn)) {}
  void Release();
  Pool* pool_ = nullptr;
  std::unique_ptr<Connection> conn_;
};

class Pool {
 public:
  explicit Pool(PoolOptions options) : options_(std::move(options)) {}
  Pool(const Pool&) = delete;
  Pool& operator=(const Pool&) = delete;

  // Waits until min(now + acquire_timeout, deadline).
  absl::StatusOr<Lease> Acquire(absl::Time deadline = absl::InfiniteFuture());
  PoolStats Stats() const;
  const PoolOptions& options() const { return options_; }

 private:
  friend class Lease;
  void Return(std::unique_ptr<Connection> conn);

  const PoolOptions options_;
  mutable std::mutex mu_;
  std::condition_variable cv_;
  std::deque<std::unique_ptr<Connection>> idle_;  // most recently used at the back
  int open_ = 0;
  int waiting_ = 0;
  int64_t opened_ = 0;
  int64_t dropped_ = 0;
};

}  // namespace paizhu::sql
