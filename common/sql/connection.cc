#include "common/sql/connection.h"

#include <cppconn/driver.h>
#include <cppconn/exception.h>
#include <cppconn/prepared_statement.h>
#include <cppconn/resultset.h>
#include <cppconn/resultset_metadata.h>
#include <cppconn/statement.h>
#include <mysql_driver.h>

#include <mutex>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "common/sql/errors.h"
#include "common/status/macros.h"
#include "common/status/status.h"

namespace paizhu::sql {
namespace {

// The same behaviour on MariaDB and MySQL: strict, no silent truncation or zero dates.
constexpr char kSessionSetup[] =
    "SET SESSION sql_mode='STRICT_TRANS_TABLES,NO_ZERO_IN_DATE,NO_ZERO_DATE,"
    "ERROR_FOR_DIVISION_BY_ZERO,NO_ENGINE_SUBSTITUTION', time_zone='+00:00'";
// The variable's name differs between servers; this statement does not.
constexpr char kIsolation[] = "SET SESSION TRANSACTION ISOLATION LEVEL REPEATABLE READ";

::sql::mysql::MySQL_Driver* Driver() {
  // get_driver_instance is not thread-safe on first use.
  static std::once_flag once;
  static ::sql::mysql::MySQL_Driver* driver;
  std::call_once(once, [] { driver = ::sql::mysql::get_mysql_driver_instance(); });
  return driver;
}

int Seconds(absl::Duration d) {
  return std::max<int>(1, absl::ToInt64Seconds(absl::Ceil(d, absl::Seconds(1))));
}

}  // namespace

Connection::Connection(std::unique_ptr<::sql::Connection> conn) : conn_(std::move(conn)) {}
Connection::~Connection() {
  statements_.clear();  // statements before their connection
  conn_.reset();
}

absl::StatusOr<std::unique_ptr<Connection>> Connection::Open(const ConnectOptions& options) {
  ::sql::ConnectOptionsMap map;
  if (!options.socket.empty()) {
    map["hostName"] = std::string("unix://") + options.socket;
  } else {
    map["hostName"] = absl::StrCat("tcp://", options.host, ":", options.port);
  }
  map["userName"] = options.user;
  map["password"] = options.password;
  if (!options.database.empty()) map["schema"] = options.database;
  // Auto-reconnect would silently start a new session inside an open transaction.
  map["OPT_RECONNECT"] = false;
  map["OPT_CHARSET_NAME"] = std::string("utf8mb4");
  map["OPT_CONNECT_TIMEOUT"] = Seconds(options.connect_timeout);
  map["OPT_READ_TIMEOUT"] = Seconds(options.read_timeout);
  map["OPT_WRITE_TIMEOUT"] = Seconds(options.read_timeout);
  try {
    std::unique_ptr<::sql::Connection> raw(Driver()->connect(map));
    auto conn = std::unique_ptr<Connection>(new Connection(std::move(raw)));
    RETURN_IF_ERROR(conn->ExecText(kSessionSetup));
    RETURN_IF_ERROR(conn->ExecText(kIsolation));
    ASSIGN_OR_RETURN(Rows id, conn->Query("SELECT CONNECTION_ID()"));
    conn->server_id_ = id.Int(0, 0);
    return conn;
  } catch (const ::sql::SQLException& e) {
    int code = e.getErrorCode();
    // A refused login or a missing schema is not an outage but still not the caller's
    // fault; report it as unavailable with the server's words for the operator.
    if (code == 1045 || code == 1049 || code == 1044) {
      return MakeError(absl::StatusCode::kUnavailable, kReasonUnavailable,
                       absl::StrCat("cannot log in to the database: ", e.what()));
    }
    return MapSqlError(code == 0 ? 2003 : code, e.what());
  }
}

absl::Status Connection::Fail(int error_number, absl::string_view message) {
  // Connector reports some client-side failures with code 0; treat them as dead sessions.
  if (error_number == 0 || IsConnectionLost(error_number)) {
    broken_ = true;
    return MapSqlError(error_number == 0 ? 2013 : error_number, message);
  }
  // "Commands out of sync": the session's protocol state is lost; never reuse it.
  if (error_number == 2014) broken_ = true;
  return MapSqlError(error_number, message);
}

absl::StatusOr<::sql::PreparedStatement*> Connection::Prepare(absl::string_view sql,
                                                              const Params& params) {
  auto it = statements_.find(sql);
  if (it == statements_.end()) {
    std::unique_ptr<::sql::PreparedStatement> stmt(conn_->prepareStatement(std::string(sql)));
    it = statements_.emplace(std::string(sql), std::move(stmt)).first;
  }
  ::sql::PreparedStatement* stmt = it->second.get();
  for (size_t i = 0; i < params.size(); ++i) {
    unsigned index = static_cast<unsigned>(i + 1);
    std::visit(
        [&](const auto& v) {
          using T = std::decay_t<decltype(v)>;
          if constexpr (std::is_same_v<T, std::nullptr_t>) {
            stmt->setNull(index, 0);
          } else if constexpr (std::is_same_v<T, int64_t>) {
            stmt->setInt64(index, v);
          } else if constexpr (std::is_same_v<T, double>) {
            stmt->setDouble(index, v);
          } else {
            stmt->setString(index, v);
          }
        },
        params[i]);
  }
  return stmt;
}

absl::StatusOr<Rows> Connection::Query(absl::string_view sql, const Params& params) {
  Touch();
  try {
    ASSIGN_OR_RETURN(::sql::PreparedStatement * stmt, Prepare(sql, params));
    std::unique_ptr<::sql::ResultSet> rs(stmt->executeQuery());
    unsigned columns = rs->getMetaData()->getColumnCount();
    std::vector<Rows::Row> rows;
    while (rs->next()) {
      Rows::Row row(columns);
      for (unsigned c = 0; c < columns; ++c) {
        if (!rs->isNull(c + 1)) row[c] = std::string(rs->getString(c + 1));
      }
      rows.push_back(std::move(row));
    }
    return Rows(std::move(rows));
  } catch (const ::sql::SQLException& e) {
    return Fail(e.getErrorCode(), e.what());
  }
}

absl::StatusOr<int64_t> Connection::Exec(absl::string_view sql, const Params& params) {
  Touch();
  try {
    ASSIGN_OR_RETURN(::sql::PreparedStatement * stmt, Prepare(sql, params));
    return static_cast<int64_t>(stmt->executeUpdate());
  } catch (const ::sql::SQLException& e) {
    return Fail(e.getErrorCode(), e.what());
  }
}

absl::Status Connection::ExecText(absl::string_view sql) {
  Touch();
  try {
    std::unique_ptr<::sql::Statement> stmt(conn_->createStatement());
    stmt->execute(std::string(sql));
    // Drain any result so the session stays usable.
    do {
      std::unique_ptr<::sql::ResultSet> rs(stmt->getResultSet());
    } while (stmt->getMoreResults());
    return absl::OkStatus();
  } catch (const ::sql::SQLException& e) {
    return Fail(e.getErrorCode(), e.what());
  }
}

absl::Status Connection::SetStatementTimeout(absl::Duration timeout) {
  if (timeout <= absl::ZeroDuration()) {
    if (statement_timeout_ == absl::ZeroDuration()) return absl::OkStatus();
    RETURN_IF_ERROR(ExecText("SET SESSION max_statement_time=0"));
    statement_timeout_ = absl::ZeroDuration();
    return absl::OkStatus();
  }
  // The bound in force still fits: it stops no statement early and lets none run long
  // past the time left. Calls with similar deadlines thus share one setting.
  if (statement_timeout_ >= timeout && statement_timeout_ <= timeout + kStatementTimeoutSlack) {
    return absl::OkStatus();
  }
  // Rounded up to a tenth of a second, well inside the slack, so the next statements of
  // the same transaction fit it too.
  absl::Duration bound = absl::Ceil(timeout, absl::Milliseconds(100));
  RETURN_IF_ERROR(ExecText(
      absl::StrFormat("SET SESSION max_statement_time=%.1f", absl::ToDoubleSeconds(bound))));
  statement_timeout_ = bound;
  return absl::OkStatus();
}

bool Connection::Ping() {
  if (broken_) return false;
  auto rows = Query("SELECT 1");
  return rows.ok();
}

}  // namespace paizhu::sql
