#include "services/clue/storage/mysql_calendar_repository.h"

#include <set>
#include <vector>

#include "absl/strings/str_cat.h"
#include "common/sql/transaction.h"
#include "common/status/macros.h"
#include "common/status/status.h"
#include "common/time/civil_date.h"

namespace paizhu::clue {
namespace {

// A bad stored row is our fault, not the caller's: INTERNAL, not INVALID_ARGUMENT.
absl::StatusOr<SpecialDay> DayFromRow(const sql::Rows& rows, size_t r) {
  auto day = ParseDate(rows.Str(r, 0), "calendar_days.day");
  const std::string& kind = rows.Str(r, 1);
  if (!day.ok() || (kind != "holiday" && kind != "workday")) {
    return Internal("BAD_CALENDAR_ROW",
                    absl::StrCat("calendar_days row '", rows.Str(r, 0), "' is malformed"));
  }
  return SpecialDay{*day, kind == "workday" ? DayKind::kWorkday : DayKind::kHoliday,
                    rows.Str(r, 2)};
}

constexpr char kCalendarVersion[] =
    "SELECT (SELECT COUNT(*) FROM calendar_years), (SELECT COALESCE(MAX(loaded_at), '') "
    "FROM calendar_years), (SELECT COUNT(*) FROM calendar_days)";

std::string VersionOf(const sql::Rows& rows) {
  return absl::StrCat(rows.Str(0, 0), "|", rows.Str(0, 1), "|", rows.Str(0, 2));
}

}  // namespace

absl::StatusOr<WorkingCalendar> MysqlCalendarRepository::LoadCalendar(absl::Time deadline) {
  ASSIGN_OR_RETURN(sql::Rows now, sql::QueryAlone(*pool_, deadline, kCalendarVersion));
  {
    std::lock_guard lock(mu_);
    if (cached_ && cached_version_ == VersionOf(now)) return *cached_;
  }
  std::vector<SpecialDay> days;
  std::set<int> years;
  std::string version;
  // One transaction: the reads see the same snapshot, so a year, its days and the version
  // they are cached under load together.
  RETURN_IF_ERROR(
      sql::RunInTransaction(*pool_, deadline, [&](sql::Transaction& tx) -> absl::Status {
        days.clear();
        years.clear();
        ASSIGN_OR_RETURN(sql::Rows v, tx.Query(kCalendarVersion));
        version = VersionOf(v);
        ASSIGN_OR_RETURN(sql::Rows rows,
                         tx.Query("SELECT day, kind, name FROM calendar_days ORDER BY day"));
        for (size_t r = 0; r < rows.size(); ++r) {
          ASSIGN_OR_RETURN(SpecialDay day, DayFromRow(rows, r));
          days.push_back(std::move(day));
        }
        ASSIGN_OR_RETURN(sql::Rows loaded, tx.Query("SELECT year FROM calendar_years"));
        for (size_t r = 0; r < loaded.size(); ++r) years.insert(static_cast<int>(loaded.Int(r, 0)));
        return absl::OkStatus();
      }));
  WorkingCalendar calendar(std::move(days), std::move(years));
  std::lock_guard lock(mu_);
  cached_version_ = version;
  cached_ = calendar;
  return calendar;
}

absl::Status MysqlCalendarRepository::ReplaceYear(int year, const std::vector<SpecialDay>& days,
                                                  const std::string& source, absl::Time deadline) {
  std::string first = absl::StrCat(year, "-01-01"), last = absl::StrCat(year, "-12-31");
  return sql::RunInTransaction(*pool_, deadline, [&](sql::Transaction& tx) -> absl::Status {
    RETURN_IF_ERROR(
        tx.Exec("DELETE FROM calendar_days WHERE day BETWEEN ? AND ?", {first, last}).status());
    for (const SpecialDay& d : days) {
      RETURN_IF_ERROR(
          tx.Exec("INSERT INTO calendar_days (day, kind, name) VALUES (?, ?, ?)",
                  {FormatDate(d.day),
                   std::string(d.kind == DayKind::kWorkday ? "workday" : "holiday"), d.name})
              .status());
    }
    return tx
        .Exec(
            "INSERT INTO calendar_years (year, source) VALUES (?, ?) ON DUPLICATE KEY UPDATE "
            "source = VALUES(source), loaded_at = CURRENT_TIMESTAMP(6)",
            {int64_t{year}, source})
        .status();
  });
}

}  // namespace paizhu::clue
