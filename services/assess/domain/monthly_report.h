#pragma once
// 一报告: each month every group reports last month's work and this month's plan, by a
// due day of that month (configurable: rule `monthly_report_due_day`, in force from a
// date). Whether a month's report is on time, late or missing is derived, never typed in.

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/civil_time.h"

namespace paizhu::assess {

// The default due day (the 5th), until a rule version says otherwise.
inline constexpr int kDefaultMonthlyReportDueDay = 5;

struct MonthlyReport {
  std::string group_code;
  absl::CivilMonth month;  // the month the report is for (its plan's month)
  absl::CivilDay submitted_on;
  std::string summary;
  std::string recorded_by;
};

// A due-day rule version: from `effective_from` on, reports are due on `due_day`
// (1..28, so every month has it).
struct DueDayRule {
  absl::CivilDay effective_from;
  int due_day = kDefaultMonthlyReportDueDay;
};

enum class ReportState { kOnTime, kLate, kMissing, kNotYetDue };
absl::string_view ReportStateName(ReportState state);  // on_time, late, missing, not_yet_due

struct MonthState {
  absl::CivilMonth month;
  absl::CivilDay due_on;
  ReportState state = ReportState::kNotYetDue;
  std::optional<absl::CivilDay> submitted_on;
};

// The due date of `month`'s report under `rules` (the version in force on the month's
// first day; none: the default).
absl::CivilDay DueOn(absl::CivilMonth month, const std::vector<DueDayRule>& rules);

// One group's months from..to (both included) as of `as_of`: a report submitted by its
// due date is on time, after it late; no report is missing once the due date has passed
// (as_of after it), else not yet due. `reports` are the group's, by month.
std::vector<MonthState> MonthStates(absl::CivilMonth from, absl::CivilMonth to,
                                    const std::map<absl::CivilMonth, absl::CivilDay>& reports,
                                    const std::vector<DueDayRule>& rules, absl::CivilDay as_of);

// "2026-03" -> the month; INVALID_ARGUMENT on `field` otherwise.
absl::StatusOr<absl::CivilMonth> ParseMonth(absl::string_view text, absl::string_view field);
std::string FormatMonth(absl::CivilMonth month);

// A report's own rules: submitted not before the month before its month (a plan is made
// ahead, never earlier) and not after `today`; summary at most 2000 characters.
absl::Status ValidateMonthlyReport(const MonthlyReport& report, absl::CivilDay today);

}  // namespace paizhu::assess
