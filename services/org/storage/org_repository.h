#pragma once
// What the org use cases need from storage. storage/mysql_org_repository.h implements it
// on MariaDB/MySQL; domain tests can use an in-memory fake.

#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "common/sql/idempotency.h"
#include "services/org/domain/principal_resolution.h"
#include "services/org/domain/unit.h"

namespace paizhu::org {

struct UnitFilter {
  std::string kind;         // empty: any
  std::string parent_code;  // empty: any
};

class OrgRepository {
 public:
  virtual ~OrgRepository() = default;

  virtual absl::StatusOr<std::optional<Unit>> GetUnit(const std::string& code,
                                                      absl::Time deadline) = 0;
  // Units with code > after_code, in code order, at most `limit`.
  virtual absl::StatusOr<std::vector<Unit>> ListUnits(const UnitFilter& filter,
                                                      const std::string& after_code, int limit,
                                                      absl::Time deadline) = 0;
  // Stores a validated unit. ALREADY_EXISTS if the code is taken; INVALID_ARGUMENT if the
  // parent is unknown. A retried request (same key) returns the unit it first created.
  virtual absl::StatusOr<Unit> CreateUnit(const Unit& unit, const sql::RequestKey& key,
                                          absl::Time deadline) = 0;

  // The person and their role grants in force on `as_of`; nullopt when unknown.
  virtual absl::StatusOr<std::optional<ResolvedPerson>> ResolvePerson(const std::string& code,
                                                                      absl::CivilDay as_of,
                                                                      absl::Time deadline) = 0;
  // Makes `code` an administrator from `as_of` unless some administrator exists.
  // Returns true when it created one.
  virtual absl::StatusOr<bool> EnsureAdministrator(const std::string& code, absl::CivilDay as_of,
                                                   absl::Time deadline) = 0;
};

}  // namespace paizhu::org
