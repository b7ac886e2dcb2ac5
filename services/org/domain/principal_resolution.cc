#include "services/org/domain/principal_resolution.h"

#include <algorithm>

namespace paizhu::org {
namespace {

void SortUnique(std::vector<std::string>* units) {
  std::sort(units->begin(), units->end());
  units->erase(std::unique(units->begin(), units->end()), units->end());
}

}  // namespace

bool IsRole(const std::string& role) {
  for (const char* r : {"admin", "commission_leader", "case_manager", "office", "group", "township",
                        "trial", "petition", "assessor", "auditor"}) {
    if (role == r) return true;
  }
  return false;
}

std::vector<std::string> VisibleUnits(const RoleGrant& grant, const RoleScopeFacts& facts) {
  if (grant.role == "admin") return {};
  if (grant.role == "case_manager" || grant.role == "commission_leader") return {kAllUnits};
  std::vector<std::string> units = {grant.unit_code};
  if (grant.role == "office") {
    for (const auto* source : {&facts.groups_guided_by, &facts.townships_in_zones_of}) {
      auto it = source->find(grant.unit_code);
      if (it != source->end()) units.insert(units.end(), it->second.begin(), it->second.end());
    }
  }
  SortUnique(&units);
  return units;
}

std::vector<std::string> VisibleUnits(const ResolvedPerson& person, const RoleScopeFacts& facts) {
  std::vector<std::string> units;
  for (const RoleGrant& grant : person.roles) {
    std::vector<std::string> more = VisibleUnits(grant, facts);
    if (!more.empty() && more.front() == kAllUnits) return {kAllUnits};
    units.insert(units.end(), more.begin(), more.end());
  }
  SortUnique(&units);
  return units;
}

}  // namespace paizhu::org
