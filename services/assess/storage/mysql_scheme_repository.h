#pragma once

#include <string>
#include <utility>
#include <vector>

#include "common/sql/pool.h"
#include "services/assess/storage/scheme_repository.h"

namespace paizhu::assess {

class MysqlSchemeRepository : public SchemeRepository {
 public:
  explicit MysqlSchemeRepository(sql::Pool* pool) : pool_(pool) {}

  absl::StatusOr<StoredScheme> Create(const Scheme& scheme, const std::string& created_by,
                                      absl::Time deadline) override;
  absl::StatusOr<std::optional<StoredScheme>> Get(const std::string& key, int version,
                                                  absl::Time deadline) override;
  absl::StatusOr<std::vector<StoredScheme>> List(absl::Time deadline) override;

  // At start: stores each shipped scheme (file name, JSON) that is not stored yet. A
  // shipped version that differs from the stored one is an error: ship a new version.
  absl::Status InstallDefaults(const std::vector<std::pair<std::string, std::string>>& files,
                               absl::Time deadline);

 private:
  sql::Pool* pool_;
};

}  // namespace paizhu::assess
