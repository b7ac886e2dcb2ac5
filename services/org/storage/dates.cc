#include "services/org/storage/dates.h"

#include "absl/strings/str_cat.h"
#include "common/status/macros.h"
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

absl::StatusOr<bool> EndInForce(sql::Transaction& tx, absl::string_view table,
                                absl::string_view condition, sql::Params params,
                                absl::CivilDay to) {
  std::string day = FormatDate(to);
  std::string where = absl::StrCat(" WHERE ", condition,
                                   " AND from_date <= ? AND (to_date IS NULL OR to_date >= ?)");
  params.insert(params.end(), {day, day});
  ASSIGN_OR_RETURN(sql::Rows count,
                   tx.Query(absl::StrCat("SELECT COUNT(*) FROM ", table, where), params));
  if (count.Int(0, 0) == 0) return false;
  params.insert(params.begin(), day);
  RETURN_IF_ERROR(
      tx.Exec(absl::StrCat("UPDATE ", table, " SET to_date = ?", where), params).status());
  return true;
}

}  // namespace paizhu::org
