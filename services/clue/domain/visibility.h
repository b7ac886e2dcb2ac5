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
  bool trial = false;           // the trial office: cases from their transfer to trial
};

// A clue is visible through its handling unit or the unit that registered it; to the
// trial office once its case went to trial.
inline bool CanSee(const Viewer& viewer, const std::string& handling_unit,
                   const std::string& registering_unit, bool in_trial = false) {
  return viewer.sees_all || viewer.units.count(handling_unit) > 0 ||
         viewer.units.count(registering_unit) > 0 || (viewer.trial && in_trial);
}

}  // namespace paizhu::clue
