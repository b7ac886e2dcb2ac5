#include "services/clue/domain/joint_case.h"

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "common/status/status.h"
#include "services/clue/domain/workflow.h"

namespace paizhu::clue {
namespace {

bool IsOfficeKind(const std::string& kind) {
  return kind == "office" || absl::EndsWith(kind, "_office");
}

}  // namespace

std::string CoordinatingOffice(const HandlingUnit& lead, const std::string& zone_office) {
  if (lead.kind == "group") return lead.guiding_office;
  if (lead.kind == "township") return zone_office;
  return lead.code;  // an office leads its own joint cases
}

bool IsLiveParty(const std::string& state) {
  return state == "requested" || state == "awaiting_approval" || state == "active";
}

Participant* FindParticipant(std::vector<Participant>& participants, const std::string& unit) {
  for (Participant& p : participants) {
    if (p.unit_code == unit) return &p;
  }
  return nullptr;
}

JointTask* FindTask(std::vector<JointTask>& tasks, int64_t id) {
  for (JointTask& t : tasks) {
    if (t.id == id) return &t;
  }
  return nullptr;
}

absl::Status CheckMayAskOffice(const JointContext& joint,
                               const std::vector<Participant>& participants) {
  if (joint.lead_kind != "group" && joint.lead_kind != "township") {
    return FailedPrecondition("NOT_GROUP_OR_TOWNSHIP",
                              "only a clue handled by a group or a township asks its office");
  }
  if (joint.coordinating_office.empty()) {
    return FailedPrecondition(
        "NO_COORDINATING_OFFICE",
        absl::StrCat("units/", joint.lead_code, " has no guiding office or zone office to ask"));
  }
  for (const Participant& p : participants) {
    if (p.unit_code == joint.coordinating_office && IsLiveParty(p.state)) {
      return FailedPrecondition(kReasonAlreadyParty,
                                absl::StrCat("units/", p.unit_code, " is already ", p.state));
    }
  }
  return absl::OkStatus();
}

absl::Status CheckCoordinates(const Actor& actor, const JointContext& joint) {
  for (const auto& [role, unit] : actor.roles) {
    if (role == "case_manager") return absl::OkStatus();
    if (role == "office" && !unit.empty() && unit == joint.coordinating_office) {
      return absl::OkStatus();
    }
  }
  return PermissionDenied(
      kReasonNotCoordinator,
      absl::StrCat("the joint case is coordinated by ",
                   joint.coordinating_office.empty()
                       ? std::string("case management")
                       : absl::StrCat("units/", joint.coordinating_office, " or case management")));
}

absl::Status CheckNewParticipant(const UnitInZone& unit, const JointContext& joint,
                                 const std::vector<Participant>& participants,
                                 const std::string& field) {
  if (unit.kind != "group" && unit.kind != "township" && !IsOfficeKind(unit.kind)) {
    return InvalidArgument(field, "NOT_A_CASE_UNIT",
                           absl::StrCat(field, ": units/", unit.code, " is a ", unit.kind,
                                        "; a group, township or office takes part"));
  }
  if (unit.code == joint.lead_code) {
    return InvalidArgument(field, "PARTICIPANT_IS_LEAD",
                           absl::StrCat(field, ": units/", unit.code, " leads this clue"));
  }
  for (const Participant& p : participants) {
    if (p.unit_code == unit.code && IsLiveParty(p.state)) {
      return FailedPrecondition(kReasonAlreadyParty,
                                absl::StrCat("units/", unit.code, " is already ", p.state));
    }
  }
  return absl::OkStatus();
}

bool InLeadZone(const UnitInZone& unit, const JointContext& joint) {
  if (unit.code == joint.coordinating_office) return true;
  return !unit.zone.empty() && unit.zone == joint.lead_zone;
}

absl::Status CheckParticipantStep(const std::string& step, const Participant& p) {
  bool ok = (step == "answer" && p.state == "requested") ||
            (step == "decide" && p.state == "awaiting_approval") ||
            (step == "remove" && IsLiveParty(p.state)) ||
            (step == "assign_task" && p.state == "active");
  if (ok) return absl::OkStatus();
  return FailedPrecondition(
      kReasonIllegalTransition,
      absl::StrCat(step, " is not allowed for units/", p.unit_code, " in state ", p.state));
}

absl::Status CheckTaskStep(const std::string& step, const JointTask& task) {
  bool ok = (step == "accept" && task.state == "assigned") ||
            (step == "complete" && task.state == "accepted");
  if (ok) return absl::OkStatus();
  return FailedPrecondition(
      kReasonIllegalTransition,
      absl::StrCat(step, " is not allowed for task ", task.id, " in state ", task.state));
}

absl::Status CheckWorksTask(const Actor& actor, const Participant& participant) {
  if (participant.state == "active") {
    for (const std::string& h : participant.handler_codes) {
      if (!actor.person.empty() && h == actor.person) return absl::OkStatus();
    }
    if (actor.posts.count({participant.unit_code, "leader"})) return absl::OkStatus();
  }
  return PermissionDenied(kReasonNotTaskParty,
                          absl::StrCat("only the handlers of units/", participant.unit_code,
                                       " and its leader work its tasks"));
}

void CancelOpenTasks(std::vector<JointTask>& tasks, const std::string& unit) {
  for (JointTask& t : tasks) {
    if (t.unit_code == unit && (t.state == "assigned" || t.state == "accepted")) {
      t.state = "cancelled";
    }
  }
}

}  // namespace paizhu::clue
