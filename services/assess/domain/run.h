#pragma once
// An assessment run: a scheme version, a period, its targets, and per target the metric
// snapshot the sheet is computed from plus the assessor's audited adjustments. A draft
// can be recomputed (new snapshot) and adjusted; finalising freezes both, so later
// changes in the sources never change a final sheet.

#include <map>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "services/assess/domain/sheet.h"

namespace paizhu::assess {

// "2021" (year), "2021-H1"/"2021-H2" (half), "2021-Q1".."2021-Q4" (quarter), "2021-03"
// (month).
struct Period {
  std::string label;
  absl::CivilDay from;
  absl::CivilDay to;
};
absl::StatusOr<Period> ParsePeriod(absl::string_view label, absl::string_view field);

enum class RunState { kDraft, kFinal };
absl::string_view RunStateName(RunState state);  // draft, final

struct Adjustment {
  std::string target;  // units/{code}
  std::string task_code;
  ManualScore score;
  std::string adjusted_by;
  absl::Time adjusted_at;
};

struct Run {
  int64_t id = 0;
  std::string scheme_key;
  int scheme_version = 0;
  Period period;
  RunState state = RunState::kDraft;
  std::vector<GradeThreshold> grades;
  std::vector<std::string> targets;  // units/{code}, in the order given
  std::string created_by;
  std::string finalised_by;
  // Per target: the metric snapshot (metric name -> value and evidence).
  std::map<std::string, std::map<std::string, MetricValue>> snapshots;
  std::vector<Adjustment> adjustments;  // the audit trail, oldest first; the last per task counts
};

// The scores the assessor gave a target (the latest per task).
std::map<std::string, ManualScore> ManualScoresOf(const Run& run, const std::string& target);

}  // namespace paizhu::assess
