#pragma once

#include "common/sql/pool.h"
#include "services/assess/storage/run_repository.h"

namespace paizhu::assess {

class MysqlRunRepository : public RunRepository {
 public:
  explicit MysqlRunRepository(sql::Pool* pool) : pool_(pool) {}

  absl::StatusOr<Run> Create(const Run& run, const sql::RequestKey& key,
                             absl::Time deadline) override;
  absl::StatusOr<std::optional<Run>> Get(int64_t id, absl::Time deadline) override;
  absl::Status ReplaceSnapshots(int64_t id, const Snapshots& snapshots,
                                absl::Time deadline) override;
  absl::Status AddAdjustment(int64_t id, const Adjustment& adjustment,
                             absl::Time deadline) override;
  absl::Status Finalise(int64_t id, const std::string& by, absl::Time deadline) override;
  absl::StatusOr<std::vector<Run>> List(const RunFilter& filter, int64_t before_id, int limit,
                                        absl::Time deadline) override;

 private:
  sql::Pool* pool_;
};

}  // namespace paizhu::assess
