#pragma once
// Need-to-know (DOMAIN.md, Confidentiality): who sees which clue. Built from the
// principal the gateway forwards: the units each role lets the person see, and the
// person and the groups they lead for joint cases. storage/clue_rows.h VisibilitySql is
// the same rule as SQL.

#include <set>
#include <string>
#include <vector>

#include "services/clue/domain/joint_case.h"

namespace paizhu::clue {

struct Viewer {
  std::string actor;            // "person:P0001" for the audit trail
  bool sees_all = false;        // case_manager, commission_leader ("*")
  std::set<std::string> units;  // unit codes: handling or registering unit must be one
  bool sees_reporter = false;   // the petition role
  bool trial = false;           // the trial office: cases from their transfer to trial
  std::string person;           // person code ("" for systems and services)
  std::set<std::string> leads;  // units whose leader (or acting leader) the person is
  // The units of the caller's roles, in order: for which unit they acted (timeline.h).
  std::vector<std::string> role_units;
};

// A joint case's participant is seen through: its named handlers and its leader, while
// it is active; nobody else in the unit, and nobody once it is removed.
inline bool SeesAsParticipant(const Viewer& viewer, const std::vector<Participant>& participants) {
  for (const Participant& p : participants) {
    if (p.state != "active") continue;
    if (viewer.leads.count(p.unit_code)) return true;
    if (viewer.person.empty()) continue;
    for (const std::string& h : p.handler_codes) {
      if (h == viewer.person) return true;
    }
  }
  return false;
}

// A clue is visible through its handling unit or the unit that registered it; to the
// trial office once its case went to trial; to its joint case's active participants.
inline bool CanSee(const Viewer& viewer, const std::string& handling_unit,
                   const std::string& registering_unit, bool in_trial,
                   const std::vector<Participant>& participants) {
  return viewer.sees_all || viewer.units.count(handling_unit) > 0 ||
         viewer.units.count(registering_unit) > 0 || (viewer.trial && in_trial) ||
         SeesAsParticipant(viewer, participants);
}

}  // namespace paizhu::clue
