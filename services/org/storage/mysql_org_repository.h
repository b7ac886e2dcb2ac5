#pragma once

#include "common/sql/pool.h"
#include "services/org/storage/org_repository.h"

namespace paizhu::org {

class MysqlOrgRepository : public OrgRepository {
 public:
  explicit MysqlOrgRepository(sql::Pool* pool) : pool_(pool) {}

  absl::StatusOr<std::optional<Unit>> GetUnit(const std::string& code,
                                              absl::Time deadline) override;
  absl::StatusOr<std::vector<Unit>> ListUnits(const UnitFilter& filter,
                                              const std::string& after_code, int limit,
                                              absl::Time deadline) override;
  absl::StatusOr<Unit> CreateUnit(const Unit& unit, const sql::RequestKey& key,
                                  absl::Time deadline) override;
  absl::StatusOr<std::optional<ResolvedPerson>> ResolvePerson(const std::string& code,
                                                              absl::CivilDay as_of,
                                                              absl::Time deadline) override;
  absl::StatusOr<bool> EnsureAdministrator(const std::string& code, absl::CivilDay as_of,
                                           absl::Time deadline) override;

 private:
  sql::Pool* pool_;
};

}  // namespace paizhu::org
