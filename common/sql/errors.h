#pragma once
// MySQL/MariaDB error numbers -> absl::Status with a stable reason. The table:
//   1062 duplicate key            ALREADY_EXISTS       DB_DUPLICATE_KEY
//   1451, 1452 foreign key        FAILED_PRECONDITION  DB_FOREIGN_KEY
//   1213 deadlock                 ABORTED              DB_DEADLOCK        (transaction rerun)
//   1205 lock wait timeout        ABORTED              DB_LOCK_TIMEOUT    (transaction rerun)
//   1406 data too long            INVALID_ARGUMENT     DB_DATA_TOO_LONG
//   1969, 3024 statement timeout  DEADLINE_EXCEEDED    DB_STATEMENT_TIMEOUT
//   1040 too many connections     UNAVAILABLE          DB_TOO_MANY_CONNECTIONS
//   2002 2003 2006 2013 2055 1927 1053 4031  UNAVAILABLE  DB_UNAVAILABLE (connection is dead)
//   anything else                 INTERNAL             DB_ERROR

#include "absl/strings/string_view.h"

#include "absl/status/status.h"

namespace paizhu::sql {

inline constexpr char kReasonDuplicateKey[] = "DB_DUPLICATE_KEY";
inline constexpr char kReasonForeignKey[] = "DB_FOREIGN_KEY";
inline constexpr char kReasonDeadlock[] = "DB_DEADLOCK";
inline constexpr char kReasonLockTimeout[] = "DB_LOCK_TIMEOUT";
inline constexpr char kReasonDataTooLong[] = "DB_DATA_TOO_LONG";
inline constexpr char kReasonStatementTimeout[] = "DB_STATEMENT_TIMEOUT";
inline constexpr char kReasonTooManyConnections[] = "DB_TOO_MANY_CONNECTIONS";
inline constexpr char kReasonUnavailable[] = "DB_UNAVAILABLE";
inline constexpr char kReasonPoolExhausted[] = "DB_POOL_EXHAUSTED";
inline constexpr char kReasonError[] = "DB_ERROR";

// True when the error means the connection can no longer be used.
bool IsConnectionLost(int error_number);

absl::Status MapSqlError(int error_number, absl::string_view message);

// A whole transaction that failed with this status may be rerun.
bool IsRetryableTransactionError(const absl::Status& status);

}  // namespace paizhu::sql
