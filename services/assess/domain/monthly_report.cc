#include "services/assess/domain/monthly_report.h"

#include <algorithm>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "common/status/status.h"

namespace paizhu::assess {

absl::string_view ReportStateName(ReportState state) {
  switch (state) {
    case ReportState::kOnTime:
      return "on_time";
    case ReportState::kLate:
      return "late";
    case ReportState::kMissing:
      return "missing";
    case ReportState::kNotYetDue:
      return "not_yet_due";
  }
  return "";
}

absl::CivilDay DueOn(absl::CivilMonth month, const std::vector<DueDayRule>& rules) {
  absl::CivilDay first(month);
  int due_day = kDefaultMonthlyReportDueDay;
  absl::CivilDay in_force_since = absl::CivilDay(1900, 1, 1);
  for (const DueDayRule& r : rules) {
    if (r.effective_from <= first && r.effective_from >= in_force_since) {
      in_force_since = r.effective_from;
      due_day = r.due_day;
    }
  }
  return absl::CivilDay(month.year(), month.month(), due_day);
}

std::vector<MonthState> MonthStates(absl::CivilMonth from, absl::CivilMonth to,
                                    const std::map<absl::CivilMonth, absl::CivilDay>& reports,
                                    const std::vector<DueDayRule>& rules, absl::CivilDay as_of) {
  std::vector<MonthState> out;
  for (absl::CivilMonth m = from; m <= to; ++m) {
    MonthState s;
    s.month = m;
    s.due_on = DueOn(m, rules);
    auto it = reports.find(m);
    if (it != reports.end() && it->second <= as_of) {
      s.submitted_on = it->second;
      s.state = it->second <= s.due_on ? ReportState::kOnTime : ReportState::kLate;
    } else {
      s.state = as_of > s.due_on ? ReportState::kMissing : ReportState::kNotYetDue;
    }
    out.push_back(s);
  }
  return out;
}

absl::StatusOr<absl::CivilMonth> ParseMonth(absl::string_view text, absl::string_view field) {
  int year = 0;
  int month = 0;
  if (text.size() != 7 || text[4] != '-' || !absl::SimpleAtoi(text.substr(0, 4), &year) ||
      !absl::SimpleAtoi(text.substr(5, 2), &month) || month < 1 || month > 12 || year < 1900) {
    return InvalidArgument(field, "INVALID_MONTH",
                           absl::StrCat(field, ": '", text, "' is not a month like 2026-03"));
  }
  return absl::CivilMonth(year, month);
}

std::string FormatMonth(absl::CivilMonth month) {
  return absl::StrFormat("%04d-%02d", month.year(), month.month());
}

absl::Status ValidateMonthlyReport(const MonthlyReport& report, absl::CivilDay today) {
  if (report.submitted_on > today) {
    return InvalidArgument("submitted_on", "DATE_IN_FUTURE",
                           "submitted_on: a report is recorded once it was submitted");
  }
  if (report.submitted_on < absl::CivilDay(report.month - 1)) {
    return InvalidArgument(
        "submitted_on", "SUBMITTED_TOO_EARLY",
        absl::StrCat("submitted_on: a report for ", FormatMonth(report.month),
                     " is submitted from ", FormatMonth(report.month - 1), " on"));
  }
  if (report.summary.size() > 6000) {
    return InvalidArgument("summary", "TOO_LONG", "summary: at most 2000 characters");
  }
  return absl::OkStatus();
}

}  // namespace paizhu::assess
