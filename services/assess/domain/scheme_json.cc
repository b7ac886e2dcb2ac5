#include "services/assess/domain/scheme_json.h"

#include <initializer_list>

#include "absl/strings/str_cat.h"
#include "common/status/macros.h"
#include "common/status/status.h"
#include "nlohmann/json.hpp"

namespace paizhu::assess {
namespace {

using Json = nlohmann::json;
constexpr char kReason[] = "INVALID_SCHEME_JSON";

absl::Status Bad(const std::string& field, absl::string_view what) {
  return InvalidArgument(field, kReason,
                         absl::StrCat(field.empty() ? "scheme" : field, ": ", what));
}

absl::Status OnlyKeys(const Json& j, const std::string& field,
                      std::initializer_list<const char*> keys) {
  if (!j.is_object()) return Bad(field, "an object");
  for (const auto& [name, value] : j.items()) {
    bool known = false;
    for (const char* k : keys) known = known || name == k;
    if (!known) return Bad(field.empty() ? name : absl::StrCat(field, ".", name), "unknown key");
  }
  return absl::OkStatus();
}

std::string At(const std::string& field, const char* key) {
  return field.empty() ? key : absl::StrCat(field, ".", key);
}

absl::Status GetString(const Json& j, const std::string& field, const char* key, bool required,
                       std::string* out) {
  if (!j.contains(key)) return required ? Bad(At(field, key), "required") : absl::OkStatus();
  if (!j[key].is_string()) return Bad(At(field, key), "a string");
  *out = j[key].get<std::string>();
  return absl::OkStatus();
}

absl::Status GetNumber(const Json& j, const std::string& field, const char* key, bool required,
                       double* out) {
  if (!j.contains(key)) return required ? Bad(At(field, key), "required") : absl::OkStatus();
  if (!j[key].is_number()) return Bad(At(field, key), "a number");
  *out = j[key].get<double>();
  return absl::OkStatus();
}

absl::Status GetPoints(const Json& j, const std::string& field, const char* key, bool required,
                       Centipoints* out) {
  double value = 0;
  bool present = j.contains(key);
  RETURN_IF_ERROR(GetNumber(j, field, key, required, &value));
  if (!present) return absl::OkStatus();
  std::optional<Centipoints> points = PointsFromDecimal(value);
  if (!points) return Bad(At(field, key), "points at or above 0 with at most two decimals");
  *out = *points;
  return absl::OkStatus();
}

absl::StatusOr<Task> ParseTask(const Json& j, const std::string& field) {
  RETURN_IF_ERROR(OnlyKeys(j, field, {"code", "name", "duty", "points", "rule"}));
  Task t;
  RETURN_IF_ERROR(GetString(j, field, "code", true, &t.code));
  RETURN_IF_ERROR(GetString(j, field, "name", true, &t.name));
  RETURN_IF_ERROR(GetString(j, field, "duty", false, &t.duty));
  RETURN_IF_ERROR(GetPoints(j, field, "points", true, &t.points));
  const std::string rf = At(field, "rule");
  if (!j.contains("rule")) return Bad(rf, "required");
  const Json& r = j["rule"];
  RETURN_IF_ERROR(
      OnlyKeys(r, rf, {"kind", "metric", "target", "floor", "per_event", "min", "max"}));
  std::string kind;
  RETURN_IF_ERROR(GetString(r, rf, "kind", true, &kind));
  std::optional<RuleKind> parsed = ParseRuleKind(kind);
  if (!parsed) return Bad(At(rf, "kind"), "manual, target, per_event, yes_no or bonus");
  t.rule.kind = *parsed;
  bool manual = t.rule.kind == RuleKind::kManual;
  RETURN_IF_ERROR(GetString(r, rf, "metric", !manual, &t.rule.metric));
  RETURN_IF_ERROR(GetNumber(r, rf, "target", t.rule.kind == RuleKind::kTarget, &t.rule.target));
  RETURN_IF_ERROR(GetNumber(r, rf, "floor", false, &t.rule.floor));
  bool per_event = t.rule.kind == RuleKind::kPerEvent || t.rule.kind == RuleKind::kBonus;
  RETURN_IF_ERROR(GetPoints(r, rf, "per_event", per_event, &t.rule.per_event));
  t.rule.max = t.points;
  RETURN_IF_ERROR(GetPoints(r, rf, "min", false, &t.rule.min));
  RETURN_IF_ERROR(GetPoints(r, rf, "max", false, &t.rule.max));
  return t;
}

// Whole points as integers ("3", not "3.0"), as people write them.
Json AsNumber(Centipoints p) {
  if (p % 100 == 0) return Json(p / 100);
  return Json(static_cast<double>(p) / 100);
}

Json TaskToJson(const Task& t) {
  Json rule = {{"kind", std::string(RuleKindName(t.rule.kind))}};
  switch (t.rule.kind) {
    case RuleKind::kManual:
      rule["min"] = AsNumber(t.rule.min);
      rule["max"] = AsNumber(t.rule.max);
      break;
    case RuleKind::kTarget:
      rule["metric"] = t.rule.metric;
      rule["target"] = t.rule.target;
      rule["floor"] = t.rule.floor;
      break;
    case RuleKind::kPerEvent:
    case RuleKind::kBonus:
      rule["metric"] = t.rule.metric;
      rule["per_event"] = AsNumber(t.rule.per_event);
      break;
    case RuleKind::kYesNo:
      rule["metric"] = t.rule.metric;
      break;
  }
  return {{"code", t.code},
          {"name", t.name},
          {"duty", t.duty},
          {"points", AsNumber(t.points)},
          {"rule", rule}};
}

}  // namespace

absl::StatusOr<Scheme> ParseSchemeJson(absl::string_view text) {
  Json j = Json::parse(text.begin(), text.end(), nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) return Bad("", "not valid JSON");
  RETURN_IF_ERROR(OnlyKeys(
      j, "", {"key", "version", "title", "target_kind", "total", "bonus_cap", "aspects", "bonus"}));
  Scheme s;
  RETURN_IF_ERROR(GetString(j, "", "key", true, &s.key));
  double version = 0;
  RETURN_IF_ERROR(GetNumber(j, "", "version", true, &version));
  if (version != static_cast<int>(version)) return Bad("version", "a whole number");
  s.version = static_cast<int>(version);
  RETURN_IF_ERROR(GetString(j, "", "title", true, &s.title));
  RETURN_IF_ERROR(GetString(j, "", "target_kind", true, &s.target_kind));
  RETURN_IF_ERROR(GetPoints(j, "", "total", true, &s.total));
  RETURN_IF_ERROR(GetPoints(j, "", "bonus_cap", false, &s.bonus_cap));
  if (!j.contains("aspects") || !j["aspects"].is_array()) return Bad("aspects", "a list");
  for (size_t i = 0; i < j["aspects"].size(); ++i) {
    const Json& a = j["aspects"][i];
    const std::string field = absl::StrCat("aspects[", i, "]");
    RETURN_IF_ERROR(OnlyKeys(a, field, {"code", "name", "points", "tasks"}));
    Aspect aspect;
    RETURN_IF_ERROR(GetString(a, field, "code", true, &aspect.code));
    RETURN_IF_ERROR(GetString(a, field, "name", true, &aspect.name));
    RETURN_IF_ERROR(GetPoints(a, field, "points", true, &aspect.points));
    if (!a.contains("tasks") || !a["tasks"].is_array()) return Bad(field + ".tasks", "a list");
    for (size_t k = 0; k < a["tasks"].size(); ++k) {
      ASSIGN_OR_RETURN(Task task, ParseTask(a["tasks"][k], absl::StrCat(field, ".tasks[", k, "]")));
      aspect.tasks.push_back(std::move(task));
    }
    s.aspects.push_back(std::move(aspect));
  }
  if (j.contains("bonus")) {
    if (!j["bonus"].is_array()) return Bad("bonus", "a list");
    for (size_t k = 0; k < j["bonus"].size(); ++k) {
      ASSIGN_OR_RETURN(Task task, ParseTask(j["bonus"][k], absl::StrCat("bonus[", k, "]")));
      s.bonus.push_back(std::move(task));
    }
  }
  return s;
}

std::string SchemeToJson(const Scheme& s) {
  Json aspects = Json::array();
  for (const Aspect& a : s.aspects) {
    Json tasks = Json::array();
    for (const Task& t : a.tasks) tasks.push_back(TaskToJson(t));
    aspects.push_back(
        {{"code", a.code}, {"name", a.name}, {"points", AsNumber(a.points)}, {"tasks", tasks}});
  }
  Json bonus = Json::array();
  for (const Task& t : s.bonus) bonus.push_back(TaskToJson(t));
  Json j = {{"key", s.key},
            {"version", s.version},
            {"title", s.title},
            {"target_kind", s.target_kind},
            {"total", AsNumber(s.total)},
            {"bonus_cap", AsNumber(s.bonus_cap)},
            {"aspects", aspects},
            {"bonus", bonus}};
  return j.dump(2, ' ', false, Json::error_handler_t::replace);
}

}  // namespace paizhu::assess
