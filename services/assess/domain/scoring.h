#pragma once
// How a task's rule turns evidence into points, and how the bonus is capped. Each result
// says how it was reached, so a sheet can explain every point.

#include <optional>
#include <string>

#include "absl/status/statusor.h"
#include "services/assess/domain/points.h"
#include "services/assess/domain/scheme.h"

namespace paizhu::assess {

// An assessor's score of a manual task, or adjustment of any task.
struct ManualScore {
  Centipoints points = 0;
  std::string justification;  // required
};

struct TaskOutcome {
  Centipoints points = 0;
  std::string working;             // e.g. "min(1, 7/10) x 3 = 2.1"
  bool awaiting_assessor = false;  // a manual task nobody has scored yet (0 points)
};

// A metric rule's points for `value` (the metric over the period). Manual tasks: the
// assessor's score when there is one (checked by CheckManualScore), else 0, awaiting.
TaskOutcome ScoreTask(const Task& task, std::optional<double> value,
                      const std::optional<ManualScore>& manual);

// An assessor's score: a justification and points within the task's bounds (a manual
// rule's [min, max]; otherwise [0, points]). INVALID_ARGUMENT otherwise, field "points" or
// "justification".
absl::Status CheckManualScore(const Task& task, const ManualScore& score);

// The bonus items' points together, capped at the scheme's bonus_cap.
Centipoints CapBonus(const Scheme& scheme, Centipoints bonus_sum);

}  // namespace paizhu::assess
