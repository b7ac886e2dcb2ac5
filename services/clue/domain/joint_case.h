#pragma once
// Joint cases (室组地, DOMAIN.md Clue workflow): a clue's lead unit (its handling unit)
// works it with participants, each a unit and the handlers it names, with tasks. Only an
// active participant's handlers and its group's leader see the clue (visibility.h).
//
//   participant: requested -answer-> active | declined        (a group or township asks its office)
//                awaiting_approval -approve-> active, -reject-> declined   (outside the zone)
//                (added in the zone) active;  requested | awaiting_approval | active -remove->
//                removed
//   task:        assigned -accept-> accepted -complete-> completed; open ones cancelled on removal

#include <optional>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/time/civil_time.h"

namespace paizhu::clue {

struct Actor;
struct HandlingUnit;

inline constexpr char kReasonAlreadyParty[] = "ALREADY_A_PARTY";
inline constexpr char kReasonNotCoordinator[] = "NOT_COORDINATING_OFFICE";
inline constexpr char kReasonNotTaskParty[] = "NOT_TASK_PARTY";

struct Participant {
  std::string unit_code;
  std::vector<std::string> handler_codes;
  std::string state;  // requested, awaiting_approval, active, declined, removed, withdrawn
  std::string added_by;
  absl::CivilDay added_on;
  std::string note;
  std::string decided_by;
  std::optional<absl::CivilDay> decided_on;
  std::string decision_note;
};

struct JointTask {
  int64_t id = 0;  // 0 until stored
  std::string unit_code;
  std::string title;
  std::string state = "assigned";  // assigned, accepted, completed, cancelled
  std::optional<absl::CivilDay> due_on;
  std::string assigned_by;
  absl::CivilDay assigned_on;
  std::string accepted_by;
  std::string completed_by;
  std::optional<absl::CivilDay> completed_on;
  std::string note;
};

// The lead unit's place in the organisation, and the office that coordinates its joint
// work: the handling office itself, a group's guiding office, a township's zone office.
struct JointContext {
  std::string lead_code;
  std::string lead_kind;
  std::string lead_zone;
  std::string coordinating_office;
};
std::string CoordinatingOffice(const HandlingUnit& lead, const std::string& zone_office);

// A unit proposed as a participant, as org describes it.
struct UnitInZone {
  std::string code;
  std::string kind;
  std::string zone;
};

// requested, awaiting_approval and active count as parties (one row per unit).
bool IsLiveParty(const std::string& state);
Participant* FindParticipant(std::vector<Participant>& participants, const std::string& unit);
JointTask* FindTask(std::vector<JointTask>& tasks, int64_t id);

// The handling group or township asks its coordinating office to take part.
absl::Status CheckMayAskOffice(const JointContext& joint,
                               const std::vector<Participant>& participants);
// Adds or removes participants and assigns their tasks: the coordinating office (role
// office there) or case management; otherwise PERMISSION_DENIED / NOT_COORDINATING_OFFICE.
absl::Status CheckCoordinates(const Actor& actor, const JointContext& joint);
// Whether `unit` may be a participant (a group, township or office, not the lead, not
// already a party): INVALID_ARGUMENT on `field` or FAILED_PRECONDITION / ALREADY_A_PARTY.
absl::Status CheckNewParticipant(const UnitInZone& unit, const JointContext& joint,
                                 const std::vector<Participant>& participants,
                                 const std::string& field);
// In the lead's collaboration zone (or its coordinating office): active at once;
// otherwise it waits for a commission leader's approval.
bool InLeadZone(const UnitInZone& unit, const JointContext& joint);

// FAILED_PRECONDITION / ILLEGAL_TRANSITION naming the state unless the participant may
// take `step`: answer (requested), decide (awaiting_approval), remove (a live party),
// assign_task (active).
absl::Status CheckParticipantStep(const std::string& step, const Participant& participant);

// A task's own steps: accept (assigned), complete (accepted).
absl::Status CheckTaskStep(const std::string& step, const JointTask& task);
// Accepting and completing a task: its participant's handlers or that group's leader.
absl::Status CheckWorksTask(const Actor& actor, const Participant& participant);

// Removal ends a participant's part: its open tasks are cancelled.
void CancelOpenTasks(std::vector<JointTask>& tasks, const std::string& unit);

}  // namespace paizhu::clue
