#include "services/assess/domain/scheme.h"

#include <set>

#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "common/status/macros.h"
#include "common/status/status.h"
#include "services/assess/domain/metric_catalogue.h"

namespace paizhu::assess {
namespace {

constexpr char kInvalidScheme[] = "INVALID_SCHEME";

absl::Status Bad(const std::string& field, absl::string_view reason, absl::string_view what) {
  return InvalidArgument(field, reason, absl::StrCat(field, ": ", what));
}

bool IsKey(absl::string_view key) {
  if (key.empty() || key.size() > 40) return false;
  for (char c : key) {
    if (!absl::ascii_islower(c) && !absl::ascii_isdigit(c) && c != '_') return false;
  }
  return true;
}

bool IsCode(absl::string_view code) {
  if (code.empty() || code.size() > 16) return false;
  for (char c : code) {
    if (!absl::ascii_isalnum(c) && c != '.' && c != '-' && c != '_') return false;
  }
  return true;
}

absl::Status ValidateRule(const Task& task, const std::string& field,
                          const std::string& target_kind, bool bonus_item) {
  const Rule& rule = task.rule;
  const std::string at = absl::StrCat(field, ".rule");
  if (bonus_item && rule.kind != RuleKind::kBonus && rule.kind != RuleKind::kManual) {
    return Bad(at + ".kind", kInvalidScheme, "a bonus item is scored by a bonus or manual rule");
  }
  if (!bonus_item && rule.kind == RuleKind::kBonus) {
    return Bad(at + ".kind", kInvalidScheme, "bonus rules belong to the bonus items");
  }
  if (rule.kind == RuleKind::kManual) {
    if (!rule.metric.empty()) {
      return Bad(at + ".metric", kInvalidScheme, "a manual rule reads no metric");
    }
    if (rule.min < 0 || rule.min > rule.max || rule.max > task.points) {
      return Bad(at + ".max", "INVALID_BOUNDS",
                 absl::StrCat("bounds must satisfy 0 <= min <= max <= points (",
                              FormatPoints(task.points), ")"));
    }
    return absl::OkStatus();
  }
  const MetricDefinition* metric = FindMetric(rule.metric);
  if (metric == nullptr) {
    return Bad(at + ".metric", "UNKNOWN_METRIC",
               absl::StrCat("'", rule.metric, "' is not in the metric catalogue"));
  }
  if (metric->target_kind != target_kind) {
    return Bad(at + ".metric", "METRIC_NOT_FOR_TARGET",
               absl::StrCat("'", rule.metric, "' counts a ", metric->target_kind, ", not a ",
                            target_kind));
  }
  switch (rule.kind) {
    case RuleKind::kTarget:
      if (!(rule.target > 0) || (metric->percent && rule.target > 100)) {
        return Bad(at + ".target", kInvalidScheme,
                   metric->percent ? "a share's target lies in (0, 100]" : "above zero");
      }
      if (!(rule.floor >= 0 && rule.floor < 1)) {
        return Bad(at + ".floor", kInvalidScheme, "a share of the target in [0, 1)");
      }
      break;
    case RuleKind::kPerEvent:
    case RuleKind::kBonus:
      if (rule.per_event <= 0 || rule.per_event > task.points) {
        return Bad(at + ".per_event", kInvalidScheme,
                   absl::StrCat("above zero and at most the task's points (",
                                FormatPoints(task.points), ")"));
      }
      if (metric->percent) {
        return Bad(at + ".metric", kInvalidScheme, "events are counted, not a share");
      }
      break;
    default:
      break;
  }
  return absl::OkStatus();
}

absl::Status ValidateTask(const Task& task, const std::string& field,
                          const std::string& target_kind, bool bonus_item,
                          std::set<std::string>& codes) {
  if (!IsCode(task.code)) {
    return Bad(field + ".code", kInvalidScheme, "1 to 16 letters, digits, '.', '-' or '_'");
  }
  if (!codes.insert(task.code).second) {
    return Bad(field + ".code", "DUPLICATE_CODE",
               absl::StrCat("'", task.code, "' is used twice in the scheme"));
  }
  if (task.name.empty()) return Bad(field + ".name", kInvalidScheme, "required");
  if (task.points <= 0) return Bad(field + ".points", kInvalidScheme, "above zero");
  return ValidateRule(task, field, target_kind, bonus_item);
}

}  // namespace

std::string Scheme::ResourceName() const { return absl::StrCat("schemes/", key, "-v", version); }

const Task* Scheme::FindTask(const std::string& code) const {
  for (const Aspect& a : aspects) {
    for (const Task& t : a.tasks) {
      if (t.code == code) return &t;
    }
  }
  for (const Task& t : bonus) {
    if (t.code == code) return &t;
  }
  return nullptr;
}

bool Scheme::IsBonus(const std::string& code) const {
  for (const Task& t : bonus) {
    if (t.code == code) return true;
  }
  return false;
}

absl::string_view RuleKindName(RuleKind kind) {
  switch (kind) {
    case RuleKind::kManual:
      return "manual";
    case RuleKind::kTarget:
      return "target";
    case RuleKind::kPerEvent:
      return "per_event";
    case RuleKind::kYesNo:
      return "yes_no";
    case RuleKind::kBonus:
      return "bonus";
  }
  return "";
}

std::optional<RuleKind> ParseRuleKind(absl::string_view name) {
  for (RuleKind k : {RuleKind::kManual, RuleKind::kTarget, RuleKind::kPerEvent, RuleKind::kYesNo,
                     RuleKind::kBonus}) {
    if (RuleKindName(k) == name) return k;
  }
  return std::nullopt;
}

absl::Status ValidateScheme(const Scheme& scheme) {
  if (!IsKey(scheme.key)) {
    return Bad("key", kInvalidScheme, "1 to 40 lower-case letters, digits or '_'");
  }
  if (scheme.version < 1) return Bad("version", kInvalidScheme, "1 or more");
  if (scheme.title.empty()) return Bad("title", kInvalidScheme, "required");
  if (scheme.target_kind != kTargetGroup && scheme.target_kind != kTargetSupervisedUnit) {
    return Bad("target_kind", kInvalidScheme, "group or supervised_unit");
  }
  if (scheme.aspects.empty()) return Bad("aspects", kInvalidScheme, "at least one aspect");
  std::set<std::string> aspect_codes;
  std::set<std::string> task_codes;
  Centipoints sum = 0;
  for (size_t i = 0; i < scheme.aspects.size(); ++i) {
    const Aspect& aspect = scheme.aspects[i];
    const std::string field = absl::StrCat("aspects[", i, "]");
    if (!IsCode(aspect.code) || !aspect_codes.insert(aspect.code).second) {
      return Bad(field + ".code", kInvalidScheme, "a unique code");
    }
    if (aspect.name.empty()) return Bad(field + ".name", kInvalidScheme, "required");
    if (aspect.tasks.empty()) return Bad(field + ".tasks", kInvalidScheme, "at least one task");
    Centipoints aspect_sum = 0;
    for (size_t j = 0; j < aspect.tasks.size(); ++j) {
      const Task& task = aspect.tasks[j];
      RETURN_IF_ERROR(ValidateTask(task, absl::StrCat(field, ".tasks[", j, "]"), scheme.target_kind,
                                   false, task_codes));
      aspect_sum += task.points;
    }
    if (aspect_sum != aspect.points) {
      return Bad(field + ".points", "POINTS_DO_NOT_ADD_UP",
                 absl::StrCat(FormatPoints(aspect.points), " declared, its tasks add up to ",
                              FormatPoints(aspect_sum)));
    }
    sum += aspect_sum;
  }
  if (sum != scheme.total) {
    return Bad("total", "POINTS_DO_NOT_ADD_UP",
               absl::StrCat(FormatPoints(scheme.total), " declared, the aspects add up to ",
                            FormatPoints(sum)));
  }
  for (size_t j = 0; j < scheme.bonus.size(); ++j) {
    RETURN_IF_ERROR(ValidateTask(scheme.bonus[j], absl::StrCat("bonus[", j, "]"),
                                 scheme.target_kind, true, task_codes));
  }
  if (scheme.bonus_cap < 0 || (!scheme.bonus.empty() && scheme.bonus_cap == 0)) {
    return Bad("bonus_cap", kInvalidScheme, "above zero when the scheme has bonus items");
  }
  return absl::OkStatus();
}

absl::Status ParseSchemeId(absl::string_view id, std::string* key, int* version) {
  size_t dash = id.rfind("-v");
  if (dash == absl::string_view::npos || !absl::SimpleAtoi(id.substr(dash + 2), version) ||
      *version < 1 || !IsKey(id.substr(0, dash))) {
    return InvalidArgument("name", "INVALID_NAME",
                           absl::StrCat("name: '", id, "' is not schemes/{key}-v{version}"));
  }
  *key = std::string(id.substr(0, dash));
  return absl::OkStatus();
}

}  // namespace paizhu::assess
