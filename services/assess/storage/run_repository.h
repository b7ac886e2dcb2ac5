#pragma once
// Stored runs: their snapshots and the adjustments' audit trail. Changes to a final run
// are refused (FAILED_PRECONDITION RUN_FINAL) under a row lock, so a finalise racing an
// adjustment or a recompute cannot let either slip past it.

#include <map>
#include <optional>
#include <string>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "common/sql/idempotency.h"
#include "services/assess/domain/run.h"

namespace paizhu::assess {

using Snapshots = std::map<std::string, std::map<std::string, MetricValue>>;

// Which runs ListRuns answers; empty fields do not filter.
struct RunFilter {
  std::string scheme_key;
  int scheme_version = 0;  // 0: every version of scheme_key
  int year = 0;            // the year the period begins in
  std::string state;       // draft, final
};

class RunRepository {
 public:
  virtual ~RunRepository() = default;
  // Stores a draft run with its snapshots; returns it with its id.
  virtual absl::StatusOr<Run> Create(const Run& run, const sql::RequestKey& key,
                                     absl::Time deadline) = 0;
  virtual absl::StatusOr<std::optional<Run>> Get(int64_t id, absl::Time deadline) = 0;
  // A draft's snapshots replaced by freshly gathered ones.
  virtual absl::Status ReplaceSnapshots(int64_t id, const Snapshots& snapshots,
                                        absl::Time deadline) = 0;
  virtual absl::Status AddAdjustment(int64_t id, const Adjustment& adjustment,
                                     absl::Time deadline) = 0;
  virtual absl::Status Finalise(int64_t id, const std::string& by, absl::Time deadline) = 0;
  // Newest first: runs with id < before_id (0: from the newest), at most `limit`; without
  // targets, snapshots or adjustments.
  virtual absl::StatusOr<std::vector<Run>> List(const RunFilter& filter, int64_t before_id,
                                                int limit, absl::Time deadline) = 0;
};

}  // namespace paizhu::assess
