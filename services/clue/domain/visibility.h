#pragma once
// Need-to-know (DOMAIN.md, Confidentiality): who sees which clue. Built from the
// principal the gateway forwards: the units each role lets the person see.

#include <set>
#include <string>

namespace paizhu::clue {

struct Viewer {
  std::string actor;            // "person:P0001" for the audit trail
  bool sees_all = false;        // case_manager, commission_leader ("*")
  std::set<std::string> units;  // unit codes: handling or registering unit must be one
  bool sees_reporter = false;   // the petition role
};

// A clue is visible through its handling unit or the unit that registered it.
inline bool CanSee(const Viewer& viewer, const std::string& handling_unit,
                   const std::string& registering_unit) {
  return viewer.sees_all || viewer.units.count(handling_unit) > 0 ||
         viewer.units.count(registering_unit) > 0;
}

}  // namespace paizhu::clue
