#pragma once
// The working-day calendar (China's public holidays and 调休 make-up workdays) and the
// three ways a statutory time limit is counted on it.
//
// Rules:
// - A day named by a `workday` row is a working day (a weekend day worked instead); a day
//   named by a `holiday` row is not (weekend days inside a holiday span have rows too);
//   any other day is a working day from Monday to Friday.
// - The start day is never counted: a period starting on 2026-09-20 counts from 09-21.
// - WORKING_DAYS: the due date is the n-th working day after the start. Holidays and
//   weekends in between are passed over; make-up workdays count.
// - CALENDAR_DAYS: the due date is start + n. A period that ends on a day off runs to the
//   next working day (the statutory rule), and the explanation says so.
// - MONTHS: the same day of the month n months later, or that month's last day when it
//   is shorter (2026-01-31 + 1 month = 2026-02-28); then moved as for CALENDAR_DAYS.
// - Every day whose kind the answer depends on must lie in a loaded year; otherwise the
//   answer is FAILED_PRECONDITION / CALENDAR_NOT_LOADED naming the year, never a guess
//   on a plain Monday-to-Friday week. (The start day's own kind never matters.)
// - Amounts: 1..3650 days or 1..120 months, else INVALID_ARGUMENT on field "amount".

#include <map>
#include <set>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/time/civil_time.h"

namespace paizhu::clue {

inline constexpr char kReasonCalendarNotLoaded[] = "CALENDAR_NOT_LOADED";
inline constexpr char kReasonInvalidAmount[] = "INVALID_AMOUNT";
inline constexpr char kReasonInvalidDurationUnit[] = "INVALID_DURATION_UNIT";

inline constexpr int kMaxDays = 3650;
inline constexpr int kMaxMonths = 120;

enum class DayKind { kHoliday, kWorkday };

// One row of the official arrangement, e.g. {2026-10-10, kWorkday, "国庆节"}.
struct SpecialDay {
  absl::CivilDay day;
  DayKind kind = DayKind::kHoliday;
  std::string name;
};

enum class DurationUnit { kUnspecified, kWorkingDays, kCalendarDays, kMonths };

struct Deadline {
  absl::CivilDay due;
  std::vector<std::string> explanation;  // human-readable steps; the last one is the answer
  int days_off_skipped = 0;              // holidays and weekends passed over
  int makeup_workdays_counted = 0;       // weekend days worked instead (调休)
  bool provisional = false;              // a year it needed is not loaded: counted Monday to Friday
};

// INVALID_ARGUMENT unless `unit` is set and `amount` is in its range.
absl::Status ValidateDuration(int amount, DurationUnit unit);

class WorkingCalendar {
 public:
  // A later row for the same day replaces an earlier one.
  WorkingCalendar(std::vector<SpecialDay> days, std::set<int> loaded_years);

  // Does not check that the year is loaded: outside loaded years it is Monday to Friday.
  bool IsWorkingDay(absl::CivilDay day) const;
  bool IsLoaded(int year) const { return loaded_years_.count(year) > 0; }

  // Validates `unit` and `amount`, then dispatches to one of the three below.
  absl::StatusOr<Deadline> Compute(absl::CivilDay start, int amount, DurationUnit unit) const;

  // As Compute, but where a year it needs is not loaded, counts that year Monday to
  // Friday and marks the answer provisional (a state's due date must exist; it is
  // recomputed when the year is loaded).
  absl::StatusOr<Deadline> ComputeOrProvisional(absl::CivilDay start, int amount,
                                                DurationUnit unit) const;

  absl::StatusOr<Deadline> AddWorkingDays(absl::CivilDay start, int n) const;
  absl::StatusOr<Deadline> AddCalendarDays(absl::CivilDay start, int n) const;
  absl::StatusOr<Deadline> AddMonths(absl::CivilDay start, int n) const;

 private:
  // FAILED_PRECONDITION / CALENDAR_NOT_LOADED unless day's year is loaded.
  absl::Status CheckLoaded(absl::CivilDay day) const;
  const SpecialDay* Find(absl::CivilDay day) const;
  // Moves `result->due` past days off to the next working day, explaining why.
  absl::Status MoveToWorkingDay(Deadline* result) const;

  std::map<absl::CivilDay, SpecialDay> days_;
  std::set<int> loaded_years_;
  bool weekdays_where_unloaded_ = false;  // ComputeOrProvisional's second attempt
};

}  // namespace paizhu::clue
