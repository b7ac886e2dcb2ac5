#include "services/org/domain/principal_resolution.h"

#include <algorithm>

namespace paizhu::org {

std::vector<std::string> VisibleUnits(const ResolvedPerson& person) {
  std::vector<std::string> units;
  for (const RoleGrant& grant : person.roles) {
    if (!grant.unit_code.empty()) units.push_back(grant.unit_code);
  }
  std::sort(units.begin(), units.end());
  units.erase(std::unique(units.begin(), units.end()), units.end());
  return units;
}

}  // namespace paizhu::org
