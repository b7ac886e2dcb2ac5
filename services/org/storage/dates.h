#pragma once
// Dates as org's tables hold them: DATE columns read back as YYYY-MM-DD, NULL = open.

#include <optional>
#include <string>

#include "absl/time/civil_time.h"
#include "common/sql/rows.h"

namespace paizhu::org {

// A date the database wrote; never malformed, so no status.
absl::CivilDay DateOf(const std::string& text);
std::optional<absl::CivilDay> OptionalDate(const sql::Rows& rows, size_t r, size_t c);
sql::Param DateParam(const std::optional<absl::CivilDay>& day);

}  // namespace paizhu::org
