#pragma once

#include "common/sql/pool.h"
#include "services/assess/storage/activity_repository.h"

namespace paizhu::assess {

class MysqlActivityRepository : public ActivityRepository {
 public:
  explicit MysqlActivityRepository(sql::Pool* pool) : pool_(pool) {}

  absl::StatusOr<Activity> Record(const Activity& activity, const sql::RequestKey& key,
                                  absl::Time deadline) override;
  absl::StatusOr<std::vector<Activity>> List(const ActivityFilter& filter,
                                             const ActivityCursor& after, int limit,
                                             absl::Time deadline) override;

 private:
  sql::Pool* pool_;
};

}  // namespace paizhu::assess
