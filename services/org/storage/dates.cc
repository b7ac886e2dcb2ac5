#include "services/org/storage/dates.h"

#include "common/time/civil_date.h"

namespace paizhu::org {

absl::CivilDay DateOf(const std::string& text) {
  auto day = ParseDate(text, "db");
  return day.ok() ? *day : absl::CivilDay();
}

std::optional<absl::CivilDay> OptionalDate(const sql::Rows& rows, size_t r, size_t c) {
  if (rows.IsNull(r, c)) return std::nullopt;
  return DateOf(rows.Str(r, c));
}

sql::Param DateParam(const std::optional<absl::CivilDay>& day) {
  return day ? sql::Param(FormatDate(*day)) : sql::Param(nullptr);
}

}  // namespace paizhu::org
