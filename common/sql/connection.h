#pragma once
// One database session. Owned by the pool; repositories reach it through a Transaction.

#include <map>
#include <memory>
#include <string>
#include "absl/strings/string_view.h"

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "common/sql/rows.h"

namespace sql {
class Connection;
class PreparedStatement;
}  // namespace sql

namespace paizhu::sql {

// How far past the time it was given a statement may run before the server stops it.
inline constexpr absl::Duration kStatementTimeoutSlack = absl::Milliseconds(500);

struct ConnectOptions {
  std::string host = "127.0.0.1";
  int port = 3306;
  std::string socket;  // when set, used instead of host:port
  std::string user;
  std::string password;
  std::string database;  // may be empty (e.g. to create schemas)
  absl::Duration connect_timeout = absl::Seconds(2);
  // A read that hangs longer than this means the server is gone (a killed or frozen
  // server never answers); statements themselves are bounded by max_statement_time.
  absl::Duration read_timeout = absl::Seconds(60);
};

class Connection {
 public:
  static absl::StatusOr<std::unique_ptr<Connection>> Open(const ConnectOptions& options);
  ~Connection();
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  // Prepared (and cached) statements with ? placeholders.
  absl::StatusOr<Rows> Query(absl::string_view sql, const Params& params = {});
  // Returns the number of affected rows.
  absl::StatusOr<int64_t> Exec(absl::string_view sql, const Params& params = {});
  // Plain (unprepared) text, for DDL, SET and transaction control.
  absl::Status ExecText(absl::string_view sql);

  // Bounds every following statement (MariaDB max_statement_time) to at least `timeout`
  // and at most `timeout` + kStatementTimeoutSlack; zero = unbounded. The SET is sent only
  // when the bound in force falls outside that window, so calling it before every
  // statement with the time left costs a round trip only now and then.
  absl::Status SetStatementTimeout(absl::Duration timeout);

  // A round trip; false (and broken) when the server does not answer.
  bool Ping();

  // Set once any call saw a dead-connection error: the pool then drops it.
  bool broken() const { return broken_; }
  void MarkBroken() { broken_ = true; }
  int64_t server_id() const { return server_id_; }  // CONNECTION_ID(), for KILL and logs
  absl::Time last_used() const { return last_used_; }
  void Touch() { last_used_ = absl::Now(); }

 private:
  explicit Connection(std::unique_ptr<::sql::Connection> conn);
  absl::Status Fail(int error_number, absl::string_view message);
  absl::StatusOr<::sql::PreparedStatement*> Prepare(absl::string_view sql, const Params& params);

  std::unique_ptr<::sql::Connection> conn_;
  std::map<std::string, std::unique_ptr<::sql::PreparedStatement>, std::less<>> statements_;
  bool broken_ = false;
  int64_t server_id_ = 0;
  absl::Duration statement_timeout_ = absl::ZeroDuration();  // in force; zero = none
  absl::Time last_used_ = absl::Now();
};

}  // namespace paizhu::sql
