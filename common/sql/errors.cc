#include "common/sql/errors.h"

#include "absl/strings/str_cat.h"
#include "common/status/status.h"

namespace paizhu::sql {

bool IsConnectionLost(int error_number) {
  switch (error_number) {
    case 2002:  // can't connect through socket
    case 2003:  // can't connect to server
    case 2006:  // server has gone away
    case 2013:  // lost connection during query
    case 2055:  // lost connection at reading initial packet / system error
    case 1927:  // connection was killed (MariaDB)
    case 1053:  // server shutdown in progress
    case 4031:  // disconnected by the server because of inactivity (MySQL 8)
      return true;
    default:
      return false;
  }
}

absl::Status MapSqlError(int error_number, absl::string_view message) {
  // The server's text can echo row values; keep it out of client-facing messages but
  // keep the number, which is what an operator searches for.
  std::string text = absl::StrCat("database error ", error_number, ": ", message);
  using absl::StatusCode;
  if (IsConnectionLost(error_number)) {
    return MakeError(StatusCode::kUnavailable, kReasonUnavailable, text);
  }
  switch (error_number) {
    case 1062:
      return MakeError(StatusCode::kAlreadyExists, kReasonDuplicateKey, "duplicate key");
    case 1451:
    case 1452:
      return MakeError(StatusCode::kFailedPrecondition, kReasonForeignKey,
                       "a referenced row is missing or still referenced");
    case 1213:
      return MakeError(StatusCode::kAborted, kReasonDeadlock, "deadlock; transaction rolled back");
    case 1205:
      return MakeError(StatusCode::kAborted, kReasonLockTimeout, "lock wait timeout");
    case 1406:
      return MakeError(StatusCode::kInvalidArgument, kReasonDataTooLong, "a value is too long");
    case 1969:
    case 3024:
      return MakeError(StatusCode::kDeadlineExceeded, kReasonStatementTimeout,
                       "statement stopped at the call's deadline");
    case 1040:
      return MakeError(StatusCode::kUnavailable, kReasonTooManyConnections,
                       "database has too many connections");
    default:
      return MakeError(StatusCode::kInternal, kReasonError, text);
  }
}

bool IsRetryableTransactionError(const absl::Status& status) {
  std::string reason = ErrorReason(status);
  return reason == kReasonDeadlock || reason == kReasonLockTimeout;
}

}  // namespace paizhu::sql
