#pragma once
// What a person may do, as the gateway needs it: their role grants in force on a date,
// their posts, and the units each role lets them see (CONTRACTS.md roles):
// - group, township, trial, petition, assessor, auditor: their own unit;
// - office: itself, the groups it guides and the townships of the zones it leads;
// - case_manager, commission_leader: every unit ("*");
// - admin: none (the administrator manages the organisation and sees no clue).

#include <map>
#include <string>
#include <vector>

namespace paizhu::org {

inline constexpr char kAllUnits[] = "*";

bool IsRole(const std::string& role);

struct RoleGrant {
  std::string role;
  std::string unit_code;  // empty for admin
};

struct HeldPost {
  std::string unit_code;
  std::string post;
};

struct ResolvedPerson {
  std::string code;
  std::string display_name;
  std::vector<RoleGrant> roles;
  std::vector<HeldPost> posts;
};

// The facts, in force on the resolution date, that widen an office's view.
struct RoleScopeFacts {
  std::map<std::string, std::vector<std::string>> groups_guided_by;       // office -> groups
  std::map<std::string, std::vector<std::string>> townships_in_zones_of;  // office -> townships
};

// Sorted, distinct unit codes, or {"*"}.
std::vector<std::string> VisibleUnits(const RoleGrant& grant, const RoleScopeFacts& facts);
std::vector<std::string> VisibleUnits(const ResolvedPerson& person, const RoleScopeFacts& facts);

}  // namespace paizhu::org
