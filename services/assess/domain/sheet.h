#pragma once
// A score sheet: one target's points per task under a scheme, each with the metric value
// and evidence behind it and the rule's working; the bonus capped; a grade by thresholds;
// and an explanation whose lines add up exactly to the total (points are centipoints, so
// no rounding happens on a sum). Runs (computing, adjusting, freezing) build on this.

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "services/assess/domain/points.h"
#include "services/assess/domain/scheme.h"
#include "services/assess/domain/scoring.h"

namespace paizhu::assess {

// A metric's value for one target over the period, and what it was counted from.
struct MetricValue {
  double value = 0;
  std::string evidence;  // resource names or the query, e.g. "clue: units/G01 2021"
};

struct SheetLine {
  std::string aspect_code;  // empty for a bonus item
  std::string task_code;
  std::string task_name;
  Centipoints full = 0;
  std::optional<double> value;  // the metric's; none for manual tasks
  std::string evidence;
  TaskOutcome outcome;
};

struct Sheet {
  std::string target;  // units/{code}
  std::vector<SheetLine> lines;
  Centipoints base = 0;       // the aspects' tasks
  Centipoints bonus_sum = 0;  // the bonus items before the cap
  Centipoints bonus = 0;      // after it
  Centipoints total = 0;      // base + bonus
  bool complete = true;       // no manual task awaits the assessor
};

// Every task of the scheme scored from `metrics` (by metric name) and the assessor's
// `manual` scores and adjustments (by task code, already checked by CheckManualScore).
// A metric a rule reads but `metrics` lacks: FAILED_PRECONDITION METRIC_MISSING (never
// a silent zero).
absl::StatusOr<Sheet> ComputeSheet(const Scheme& scheme, const std::string& target,
                                   const std::map<std::string, MetricValue>& metrics,
                                   const std::map<std::string, ManualScore>& manual);

struct ExplainLine {
  std::string label;  // "B03 谈心谈话: 20/30 x 4 = 2.67"
  Centipoints points = 0;
};

// The sheet as lines that add up exactly to its total: one per task and bonus item, and
// when the bonus is capped, a negative line for the part above the cap.
std::vector<ExplainLine> Explain(const Sheet& sheet, const Scheme& scheme);

// A grade: the first threshold, from the highest, whose minimum the total reaches.
struct GradeThreshold {
  std::string grade;  // excellent, competent, basically_competent, incompetent
  Centipoints min_points = 0;
};
std::vector<GradeThreshold> DefaultGradeThresholds();  // 90, 75, 60, 0
// Thresholds strictly decreasing and ending at 0, grades named: else INVALID_ARGUMENT.
absl::Status ValidateGradeThresholds(const std::vector<GradeThreshold>& thresholds);
std::string Grade(Centipoints total, const std::vector<GradeThreshold>& thresholds);

struct Ranked {
  std::string target;
  Centipoints total = 0;
  int rank = 0;  // equal totals share a rank: 1, 1, 3
  std::string grade;
};
std::vector<Ranked> Rank(const std::vector<Sheet>& sheets,
                         const std::vector<GradeThreshold>& thresholds);

}  // namespace paizhu::assess
