#pragma once
// What the ledger use cases need from storage; storage/mysql_activity_repository.h is
// the MariaDB/MySQL implementation.

#include <map>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "common/sql/idempotency.h"
#include "services/assess/domain/activity.h"

namespace paizhu::assess {

struct ActivityFilter {
  std::string group_code;  // empty: any
  std::string from_day;    // YYYY-MM-DD or empty
  std::string to_day;
};

// Keyset position: rows strictly after (day, id).
struct ActivityCursor {
  std::string day;  // empty: from the start
  int64_t id = 0;
};

class ActivityRepository {
 public:
  virtual ~ActivityRepository() = default;
  virtual absl::StatusOr<Activity> Record(const Activity& activity, const sql::RequestKey& key,
                                          absl::Time deadline) = 0;
  virtual absl::StatusOr<std::vector<Activity>> List(const ActivityFilter& filter,
                                                     const ActivityCursor& after, int limit,
                                                     absl::Time deadline) = 0;
  // Sum of count per kind over activities dated from_day..to_day (both included).
  virtual absl::StatusOr<std::map<std::string, int64_t>> SumCounts(const std::string& from_day,
                                                                   const std::string& to_day,
                                                                   absl::Time deadline) = 0;
  // Per code (the group_code, or with by_unit the unit_code, among `codes`): sum of count
  // per "kind" and per "kind/subkind" over activities dated from_day..to_day.
  virtual absl::StatusOr<std::map<std::string, std::map<std::string, int64_t>>> SumCountsFor(
      const std::vector<std::string>& codes, bool by_unit, const std::string& from_day,
      const std::string& to_day, absl::Time deadline) = 0;
};

}  // namespace paizhu::assess
