#include "services/assess/domain/scoring.h"

#include <algorithm>
#include <cmath>

#include "absl/strings/str_cat.h"
#include "common/status/status.h"

namespace paizhu::assess {
namespace {

std::string Figure(double v) {
  if (v == std::floor(v)) return absl::StrCat(static_cast<int64_t>(v));
  return absl::StrCat(std::round(v * 100) / 100);
}

int64_t Events(double value) { return std::max<int64_t>(0, std::llround(value)); }

}  // namespace

TaskOutcome ScoreTask(const Task& task, std::optional<double> value,
                      const std::optional<ManualScore>& manual) {
  const Rule& rule = task.rule;
  const std::string full = FormatPoints(task.points);
  TaskOutcome out;
  if (rule.kind == RuleKind::kManual) {
    if (!manual) {
      out.awaiting_assessor = true;
      out.working = "awaiting the assessor's score";
      return out;
    }
    out.points = manual->points;
    out.working = absl::StrCat("assessor: ", FormatPoints(manual->points), " of ", full);
    return out;
  }
  double v = value.value_or(0);
  switch (rule.kind) {
    case RuleKind::kTarget:
      if (v >= rule.target) {
        out.points = task.points;
        out.working = absl::StrCat(Figure(v), " >= target ", Figure(rule.target), ": ", full);
      } else if (v < rule.floor * rule.target) {
        out.points = 0;
        out.working = absl::StrCat(Figure(v), " < floor ", Figure(rule.floor * rule.target), ": 0");
      } else {
        out.points = ScalePoints(task.points, v, rule.target);
        out.working = absl::StrCat(Figure(v), "/", Figure(rule.target), " x ", full, " = ",
                                   FormatPoints(out.points));
      }
      break;
    case RuleKind::kPerEvent: {
      int64_t events = Events(v);
      out.points = std::max<Centipoints>(0, task.points - rule.per_event * events);
      out.working = absl::StrCat(full, " - ", events, " x ", FormatPoints(rule.per_event),
                                 ", at least 0 = ", FormatPoints(out.points));
      break;
    }
    case RuleKind::kYesNo:
      out.points = v > 0 ? task.points : 0;
      out.working =
          absl::StrCat(v > 0 ? "yes" : "no", " (", Figure(v), "): ", FormatPoints(out.points));
      break;
    case RuleKind::kBonus: {
      int64_t events = Events(v);
      out.points = std::min<Centipoints>(task.points, rule.per_event * events);
      out.working = absl::StrCat(events, " x ", FormatPoints(rule.per_event), ", at most ", full,
                                 " = ", FormatPoints(out.points));
      break;
    }
    case RuleKind::kManual:
      break;
  }
  if (manual) {  // an assessor's adjustment replaces the computed points
    out.working =
        absl::StrCat(out.working, "; adjusted by the assessor to ", FormatPoints(manual->points));
    out.points = manual->points;
  }
  return out;
}

absl::Status CheckManualScore(const Task& task, const ManualScore& score) {
  Centipoints low = 0;
  Centipoints high = task.points;
  if (task.rule.kind == RuleKind::kManual) {
    low = task.rule.min;
    high = task.rule.max;
  }
  if (score.points < low || score.points > high) {
    return InvalidArgument("points", "POINTS_OUT_OF_BOUNDS",
                           absl::StrCat("points: task ", task.code, " takes ", FormatPoints(low),
                                        " to ", FormatPoints(high)));
  }
  if (score.justification.find_first_not_of(" \t\r\n") == std::string::npos) {
    return InvalidArgument("justification", "JUSTIFICATION_REQUIRED",
                           "justification: say why the task earns these points");
  }
  return absl::OkStatus();
}

Centipoints CapBonus(const Scheme& scheme, Centipoints bonus_sum) {
  return std::min(scheme.bonus_cap, std::max<Centipoints>(0, bonus_sum));
}

}  // namespace paizhu::assess
