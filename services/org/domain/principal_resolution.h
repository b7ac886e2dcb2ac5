#pragma once
// What a person may do, as the gateway needs it: their role grants in force on a date
// and the units those roles let them see.

#include <optional>
#include <string>
#include <vector>

namespace paizhu::org {

struct RoleGrant {
  std::string role;
  std::string unit_code;  // empty for admin
};

struct ResolvedPerson {
  std::string code;
  std::string display_name;
  std::vector<RoleGrant> roles;
};

// The units a person's roles let them see (the organisation issue widens this with the
// groups an office guides and the units a group supervises).
std::vector<std::string> VisibleUnits(const ResolvedPerson& person);

}  // namespace paizhu::org
