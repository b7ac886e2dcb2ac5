#pragma once
// Statutory time limits as versioned data (DOMAIN.md defaults, table deadline_rules):
// which limit runs in which state, and the due date a state entry computes.

#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/civil_time.h"
#include "services/clue/domain/working_calendar.h"

namespace paizhu::clue {

struct DeadlineRule {
  std::string name;  // disposal_opinion, inquiry_reply, verification, investigation, ...
  int version = 1;
  int amount = 0;
  DurationUnit unit = DurationUnit::kUnspecified;
  absl::CivilDay effective_from;
  std::string Describe() const;  // "inquiry_reply v1: 15 working days"
};

// The due date a clue or case carries, and how to recompute or explain it.
struct DueDate {
  std::optional<absl::CivilDay> on;  // nullopt: no limit runs in this state
  std::string rule;
  int rule_version = 0;
  std::optional<absl::CivilDay> start;
  int extension_days = 0;  // an approved extension, in calendar days after the base limit
  bool provisional = false;
};

// The limit that runs in a clue state ("" for none): disposal_opinion until the
// disposal is approved, inquiry_reply in inquiry, verification in verification.
std::string RuleForClueState(const std::string& state);
// investigation (supplementary_investigation after a return from trial), trial.
std::string RuleForCaseState(const std::string& state, bool returned_from_trial);

// The version of `name` in force on `start`: the latest effective on or before it.
absl::StatusOr<DeadlineRule> RuleInForce(const std::vector<DeadlineRule>& rules,
                                         const std::string& name, absl::CivilDay start);

// Computes the due date of `rule` from `start`, plus `extension_days` calendar days.
absl::StatusOr<Deadline> ComputeDue(const WorkingCalendar& calendar, const DeadlineRule& rule,
                                    absl::CivilDay start, int extension_days);

// A new due date for a state entered on `start` (or none when no limit runs).
absl::StatusOr<DueDate> DueForState(const WorkingCalendar& calendar,
                                    const std::vector<DeadlineRule>& rules,
                                    const std::string& rule_name, absl::CivilDay start);

}  // namespace paizhu::clue
