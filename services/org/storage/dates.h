#pragma once
// Dates as org's tables hold them: DATE columns read back as YYYY-MM-DD, NULL = open.

#include <optional>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/civil_time.h"
#include "common/sql/rows.h"
#include "common/sql/transaction.h"

namespace paizhu::org {

// A date the database wrote; never malformed, so no status.
absl::CivilDay DateOf(const std::string& text);
std::optional<absl::CivilDay> OptionalDate(const sql::Rows& rows, size_t r, size_t c);
sql::Param DateParam(const std::optional<absl::CivilDay>& day);

// Ends on `to` the dated rows (from_date, to_date) of `table` matching `condition` (with
// `params`) that are in force on `to`; false when none is. One already ending on `to`
// counts: it is in force on it.
absl::StatusOr<bool> EndInForce(sql::Transaction& tx, absl::string_view table,
                                absl::string_view condition, sql::Params params, absl::CivilDay to);

}  // namespace paizhu::org
