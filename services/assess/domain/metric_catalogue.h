#pragma once
// The one published catalogue of metrics a scheme's rules may read: what this service's
// ledgers, the organisation service and the clue service can count for a target over a
// run's period. A scheme naming anything else is refused (ValidateScheme).

#include <string>
#include <vector>

#include "absl/strings/string_view.h"

namespace paizhu::assess {

// Who counts the metric.
enum class MetricSource { kLedger, kOrg, kClue };

// The kinds of target a scheme scores (CONTRACTS.md unit kinds).
inline constexpr char kTargetGroup[] = "group";
inline constexpr char kTargetSupervisedUnit[] = "supervised_unit";

struct MetricDefinition {
  std::string name;  // e.g. "talks_person_times"
  MetricSource source;
  std::string target_kind;  // group or supervised_unit: whose figure it is
  bool percent = false;     // a share 0..100 (100 when nothing was due)
  std::string definition;   // what is counted, in the contracts' words
};

const std::vector<MetricDefinition>& MetricCatalogue();
// Nullptr when the catalogue has no such metric.
const MetricDefinition* FindMetric(absl::string_view name);
absl::string_view SourceName(MetricSource source);  // ledger, org, clue

}  // namespace paizhu::assess
