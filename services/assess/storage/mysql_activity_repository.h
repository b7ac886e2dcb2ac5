#pragma once

#include "common/sql/pool.h"
#include "common/sql/transaction.h"
#include "services/assess/storage/activity_repository.h"

namespace paizhu::assess {

// Stores one ledger row inside `tx` (RecordActivity and ImportActivities); returns its id.
absl::StatusOr<int64_t> InsertActivity(sql::Transaction& tx, const Activity& activity);

class MysqlActivityRepository : public ActivityRepository {
 public:
  explicit MysqlActivityRepository(sql::Pool* pool) : pool_(pool) {}

  absl::StatusOr<Activity> Record(const Activity& activity, const sql::RequestKey& key,
                                  absl::Time deadline) override;
  absl::StatusOr<std::vector<Activity>> List(const ActivityFilter& filter,
                                             const ActivityCursor& after, int limit,
                                             absl::Time deadline) override;
  absl::StatusOr<std::map<std::string, int64_t>> SumCounts(const std::string& from_day,
                                                           const std::string& to_day,
                                                           absl::Time deadline) override;
  absl::StatusOr<std::map<std::string, std::map<std::string, int64_t>>> SumCountsFor(
      const std::vector<std::string>& codes, bool by_unit, const std::string& from_day,
      const std::string& to_day, absl::Time deadline) override;

 private:
  sql::Pool* pool_;
};

}  // namespace paizhu::assess
