#pragma once
// A scheme (考核评分细则): versioned data for one kind of target. Aspects hold tasks; each
// task has points and the rule that turns evidence (a catalogue metric, or an assessor's
// manual score) into points. Bonus items (亮点) sit outside the aspects and are capped
// together. A scheme in use is never changed: a change is a new version.

#include <optional>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "services/assess/domain/points.h"

namespace paizhu::assess {

enum class RuleKind {
  kManual,    // an assessor scores within [min, max] with a written justification
  kTarget,    // full points at the target, proportional below, zero below floor x target
  kPerEvent,  // points minus per_event for each event, floored at zero
  kYesNo,     // full points when the metric is above zero, else zero
  kBonus,     // per_event for each event, up to the item's points (bonus items only)
};

struct Rule {
  RuleKind kind = RuleKind::kManual;
  std::string metric;         // a catalogue metric; empty for manual
  double target = 0;          // kTarget: the value earning full points (> 0)
  double floor = 0;           // kTarget: a share 0..1 of the target below which it scores 0
  Centipoints per_event = 0;  // kPerEvent: points off per event; kBonus: points per event
  Centipoints min = 0;        // kManual: the bounds of the assessor's score
  Centipoints max = 0;
};

struct Task {
  std::string code;  // unique in the scheme, e.g. "B03"
  std::string name;
  std::string duty;  // the duty it scores, in the report's words
  Centipoints points = 0;
  Rule rule;
};

struct Aspect {
  std::string code;
  std::string name;
  Centipoints points = 0;  // the sum of its tasks' points
  std::vector<Task> tasks;
};

struct Scheme {
  std::string key;  // e.g. "group"; the versions of one scheme share it
  int version = 0;
  std::string title;
  std::string target_kind;  // group or supervised_unit
  Centipoints total = 0;    // the sum of every aspect's points (bonus excluded)
  Centipoints bonus_cap = 0;
  std::vector<Aspect> aspects;
  std::vector<Task> bonus;  // kBonus or kManual items, capped together at bonus_cap

  // schemes/{key}-v{version}
  std::string ResourceName() const;
  const Task* FindTask(const std::string& code) const;
  bool IsBonus(const std::string& code) const;
};

absl::string_view RuleKindName(RuleKind kind);  // manual, target, per_event, yes_no, bonus
std::optional<RuleKind> ParseRuleKind(absl::string_view name);

// Every problem of a scheme as INVALID_ARGUMENT with its field ("aspects[1].tasks[0].rule");
// the first found. Points that do not add up: POINTS_DO_NOT_ADD_UP; a metric outside the
// catalogue: UNKNOWN_METRIC; a metric of another kind of target: METRIC_NOT_FOR_TARGET.
absl::Status ValidateScheme(const Scheme& scheme);

// Parses "group-v3" (the id of schemes/group-v3) into its key and version.
absl::Status ParseSchemeId(absl::string_view id, std::string* key, int* version);

}  // namespace paizhu::assess
