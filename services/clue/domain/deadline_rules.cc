#include "services/clue/domain/deadline_rules.h"

#include "absl/strings/str_cat.h"
#include "common/status/macros.h"
#include "common/status/status.h"
#include "common/time/civil_date.h"

namespace paizhu::clue {

std::string DeadlineRule::Describe() const {
  const char* unit_name = unit == DurationUnit::kWorkingDays    ? "working days"
                          : unit == DurationUnit::kCalendarDays ? "calendar days"
                                                                : "months";
  return absl::StrCat(name, " v", version, ": ", amount, " ", unit_name);
}

std::string RuleForClueState(const std::string& state) {
  if (state == "registered" || state == "assigned" || state == "under_review" ||
      state == "disposal_proposed") {
    return "disposal_opinion";
  }
  if (state == "inquiry") return "inquiry_reply";
  if (state == "verification") return "verification";
  return "";
}

std::string RuleForCaseState(const std::string& state, bool returned_from_trial) {
  if (state == "investigation") {
    return returned_from_trial ? "supplementary_investigation" : "investigation";
  }
  if (state == "trial") return "trial";
  return "";
}

absl::StatusOr<DeadlineRule> RuleInForce(const std::vector<DeadlineRule>& rules,
                                         const std::string& name, absl::CivilDay start) {
  const DeadlineRule* best = nullptr;
  for (const DeadlineRule& r : rules) {
    if (r.name != name || r.effective_from > start) continue;
    if (!best || r.effective_from > best->effective_from ||
        (r.effective_from == best->effective_from && r.version > best->version)) {
      best = &r;
    }
  }
  if (!best) {
    return FailedPrecondition("DEADLINE_RULE_MISSING",
                              absl::StrCat("no ", name, " rule in force on ", FormatDate(start)));
  }
  return *best;
}

absl::StatusOr<Deadline> ComputeDue(const WorkingCalendar& calendar, const DeadlineRule& rule,
                                    absl::CivilDay start, int extension_days) {
  ASSIGN_OR_RETURN(Deadline base, calendar.ComputeOrProvisional(start, rule.amount, rule.unit));
  base.explanation.insert(base.explanation.begin(),
                          absl::StrCat("rule ", rule.Describe(), ", from ", FormatDate(start)));
  if (extension_days == 0) return base;
  ASSIGN_OR_RETURN(Deadline extended, calendar.ComputeOrProvisional(base.due, extension_days,
                                                                    DurationUnit::kCalendarDays));
  base.explanation.push_back(absl::StrCat("approved extension of ", extension_days,
                                          " calendar days from ", FormatDate(base.due)));
  for (std::string& line : extended.explanation) base.explanation.push_back(std::move(line));
  base.due = extended.due;
  base.days_off_skipped += extended.days_off_skipped;
  base.makeup_workdays_counted += extended.makeup_workdays_counted;
  base.provisional = base.provisional || extended.provisional;
  return base;
}

absl::StatusOr<DueDate> DueForState(const WorkingCalendar& calendar,
                                    const std::vector<DeadlineRule>& rules,
                                    const std::string& rule_name, absl::CivilDay start) {
  DueDate due;
  if (rule_name.empty()) return due;
  ASSIGN_OR_RETURN(DeadlineRule rule, RuleInForce(rules, rule_name, start));
  ASSIGN_OR_RETURN(Deadline computed, ComputeDue(calendar, rule, start, 0));
  due.on = computed.due;
  due.rule = rule.name;
  due.rule_version = rule.version;
  due.start = start;
  due.provisional = computed.provisional;
  return due;
}

}  // namespace paizhu::clue
