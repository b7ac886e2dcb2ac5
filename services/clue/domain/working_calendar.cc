#include "services/clue/domain/working_calendar.h"

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/string_view.h"
#include "common/status/macros.h"
#include "common/status/status.h"
#include "common/time/civil_date.h"

namespace paizhu::clue {
namespace {

bool IsWeekend(absl::CivilDay day) {
  absl::Weekday w = absl::GetWeekday(day);
  return w == absl::Weekday::saturday || w == absl::Weekday::sunday;
}

// "1 working day", "15 working days".
std::string Count(int n, absl::string_view unit) {
  return absl::StrCat(n, " ", unit, n == 1 ? "" : "s");
}

std::string Range(absl::CivilDay first, absl::CivilDay last) {
  if (first == last) return FormatDate(first);
  return absl::StrCat(FormatDate(first), "..", FormatDate(last));
}

// Consecutive days off, explained once per span rather than once per day: a holiday span
// by its name, or a plain weekend (name empty).
class DayOffSpans {
 public:
  void Add(absl::CivilDay day, absl::string_view name) {
    if (!spans_.empty() && spans_.back().last + 1 == day && spans_.back().name == name) {
      spans_.back().last = day;
      return;
    }
    spans_.push_back({day, day, std::string(name)});
  }

  // Appends the spans and forgets them: holidays with `holiday_note`, weekends with
  // `weekend_note` (not at all when it is empty).
  void Explain(std::vector<std::string>* out, absl::string_view holiday_note,
               absl::string_view weekend_note) {
    for (const Span& span : spans_) {
      if (!span.name.empty()) {
        out->push_back(absl::StrCat(Range(span.first, span.last), " ", span.name, holiday_note));
      } else if (!weekend_note.empty()) {
        out->push_back(absl::StrCat(Range(span.first, span.last), " weekend", weekend_note));
      }
    }
    spans_.clear();
  }

 private:
  struct Span {
    absl::CivilDay first;
    absl::CivilDay last;
    std::string name;
  };
  std::vector<Span> spans_;
};

absl::Status ValidateAmount(int amount, int max, absl::string_view unit) {
  if (amount >= 1 && amount <= max) return absl::OkStatus();
  return InvalidArgument(
      "amount", kReasonInvalidAmount,
      absl::StrCat("amount: ", amount, " is not between 1 and ", max, " ", unit));
}

}  // namespace

absl::Status ValidateDuration(int amount, DurationUnit unit) {
  switch (unit) {
    case DurationUnit::kWorkingDays:
    case DurationUnit::kCalendarDays:
      return ValidateAmount(amount, kMaxDays, "days");
    case DurationUnit::kMonths:
      return ValidateAmount(amount, kMaxMonths, "months");
    case DurationUnit::kUnspecified:
      break;
  }
  return InvalidArgument("unit", kReasonInvalidDurationUnit,
                         "unit: required, one of WORKING_DAYS, CALENDAR_DAYS, MONTHS");
}

WorkingCalendar::WorkingCalendar(std::vector<SpecialDay> days, std::set<int> loaded_years)
    : loaded_years_(std::move(loaded_years)) {
  for (SpecialDay& day : days) days_[day.day] = std::move(day);
}

const SpecialDay* WorkingCalendar::Find(absl::CivilDay day) const {
  auto it = days_.find(day);
  return it == days_.end() ? nullptr : &it->second;
}

bool WorkingCalendar::IsWorkingDay(absl::CivilDay day) const {
  if (const SpecialDay* special = Find(day)) return special->kind == DayKind::kWorkday;
  return !IsWeekend(day);
}

absl::Status WorkingCalendar::CheckLoaded(absl::CivilDay day) const {
  // Years stay small: dates come from ParseDate (up to 9999) plus at most ten years.
  if (IsLoaded(static_cast<int>(day.year())) || weekdays_where_unloaded_) return absl::OkStatus();
  return FailedPrecondition(
      kReasonCalendarNotLoaded,
      absl::StrCat("the working-day calendar for ", day.year(),
                   " is not loaded; load the State Council notice for ", day.year()));
}

absl::StatusOr<Deadline> WorkingCalendar::ComputeOrProvisional(absl::CivilDay start, int amount,
                                                               DurationUnit unit) const {
  absl::StatusOr<Deadline> exact = Compute(start, amount, unit);
  if (exact.ok() || ErrorReason(exact.status()) != kReasonCalendarNotLoaded) return exact;
  WorkingCalendar weekdays = *this;
  weekdays.weekdays_where_unloaded_ = true;
  absl::StatusOr<Deadline> guess = weekdays.Compute(start, amount, unit);
  if (!guess.ok()) return guess;
  guess->provisional = true;
  guess->explanation.push_back(
      "provisional: a year's calendar is not loaded, so it was counted Monday to Friday");
  return guess;
}

absl::StatusOr<Deadline> WorkingCalendar::Compute(absl::CivilDay start, int amount,
                                                  DurationUnit unit) const {
  RETURN_IF_ERROR(ValidateDuration(amount, unit));
  switch (unit) {
    case DurationUnit::kWorkingDays:
      return AddWorkingDays(start, amount);
    case DurationUnit::kCalendarDays:
      return AddCalendarDays(start, amount);
    case DurationUnit::kMonths:
      return AddMonths(start, amount);
    case DurationUnit::kUnspecified:
      break;
  }
  return ValidateDuration(amount, DurationUnit::kUnspecified);
}

absl::StatusOr<Deadline> WorkingCalendar::AddWorkingDays(absl::CivilDay start, int n) const {
  RETURN_IF_ERROR(ValidateDuration(n, DurationUnit::kWorkingDays));
  Deadline result;
  DayOffSpans spans;
  absl::CivilDay day = start;
  for (int counted = 0; counted < n;) {
    ++day;
    RETURN_IF_ERROR(CheckLoaded(day));
    const SpecialDay* special = Find(day);
    if (!IsWorkingDay(day)) {
      ++result.days_off_skipped;
      spans.Add(day, special ? special->name : "");
      continue;
    }
    // Spans are explained as they close, so the lines stay in date order.
    spans.Explain(&result.explanation, ": holiday, not counted", "");
    ++counted;
    if (special && IsWeekend(day)) {
      ++result.makeup_workdays_counted;
      result.explanation.push_back(
          absl::StrCat(FormatDate(day), " ", special->name, "调休: worked weekend day, counted"));
    }
  }
  result.due = day;
  result.explanation.push_back(
      absl::StrCat(Count(n, "working day"), " after ", FormatDate(start), ": ", FormatDate(day)));
  return result;
}

absl::Status WorkingCalendar::MoveToWorkingDay(Deadline* result) const {
  RETURN_IF_ERROR(CheckLoaded(result->due));
  if (!IsWorkingDay(result->due)) {
    DayOffSpans spans;
    while (!IsWorkingDay(result->due)) {
      const SpecialDay* special = Find(result->due);
      spans.Add(result->due, special ? special->name : "");
      ++result->days_off_skipped;
      ++result->due;
      RETURN_IF_ERROR(CheckLoaded(result->due));
    }
    spans.Explain(&result->explanation, ": holiday, a day off", ": a day off");
    result->explanation.push_back(absl::StrCat(
        "a period that ends on a day off runs to the next working day, ", FormatDate(result->due)));
  }
  // A Saturday due date surprises people unless they see it is a make-up workday.
  const SpecialDay* special = Find(result->due);
  if (special && special->kind == DayKind::kWorkday && IsWeekend(result->due)) {
    ++result->makeup_workdays_counted;
    result->explanation.push_back(absl::StrCat(FormatDate(result->due), " ", special->name,
                                               "调休: worked weekend day, a working day"));
  }
  return absl::OkStatus();
}

absl::StatusOr<Deadline> WorkingCalendar::AddCalendarDays(absl::CivilDay start, int n) const {
  RETURN_IF_ERROR(ValidateDuration(n, DurationUnit::kCalendarDays));
  Deadline result;
  result.due = start + n;
  RETURN_IF_ERROR(CheckLoaded(result.due));
  if (!IsWorkingDay(result.due)) {
    result.explanation.push_back(absl::StrCat(FormatDate(start), " + ", Count(n, "calendar day"),
                                              " = ", FormatDate(result.due)));
  }
  RETURN_IF_ERROR(MoveToWorkingDay(&result));
  result.explanation.push_back(absl::StrCat(Count(n, "calendar day"), " after ", FormatDate(start),
                                            ": ", FormatDate(result.due)));
  return result;
}

absl::StatusOr<Deadline> WorkingCalendar::AddMonths(absl::CivilDay start, int n) const {
  RETURN_IF_ERROR(ValidateDuration(n, DurationUnit::kMonths));
  absl::CivilMonth month = absl::CivilMonth(start) + n;
  absl::CivilDay last_of_month = absl::CivilDay(month + 1) - 1;
  bool clamped = start.day() > last_of_month.day();
  Deadline result;
  result.due = clamped ? last_of_month : absl::CivilDay(month.year(), month.month(), start.day());
  RETURN_IF_ERROR(CheckLoaded(result.due));
  if (clamped || !IsWorkingDay(result.due)) {
    std::string line =
        absl::StrCat(FormatDate(start), " + ", Count(n, "month"), " = ", FormatDate(result.due));
    if (clamped) {
      absl::StrAppend(&line, absl::StrFormat(" (%04d-%02d has no day %d: the month's last day)",
                                             month.year(), month.month(), start.day()));
    }
    result.explanation.push_back(std::move(line));
  }
  RETURN_IF_ERROR(MoveToWorkingDay(&result));
  result.explanation.push_back(
      absl::StrCat(Count(n, "month"), " after ", FormatDate(start), ": ", FormatDate(result.due)));
  return result;
}

}  // namespace paizhu::clue
