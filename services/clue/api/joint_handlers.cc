// Joint cases (室组地): parties and their tasks, each change a step on the clue, applied
// under its row lock and audited in its chain.

#include "absl/strings/str_cat.h"
#include "common/names/resource_name.h"
#include "common/status/macros.h"
#include "common/status/status.h"
#include "common/time/civil_date.h"
#include "services/clue/api/clue_api.h"
#include "services/clue/api/clue_convert.h"

namespace paizhu::clue {
namespace {

using server::CallContext;

absl::StatusOr<std::vector<std::string>> People(
    const google::protobuf::RepeatedPtrField<std::string>& list, const char* field) {
  std::vector<std::string> out;
  for (const std::string& n : list) {
    ASSIGN_OR_RETURN(std::string code, names::ParseName(n, "people", field));
    out.push_back(code);
  }
  return out;
}

absl::Status HandlersRequired(const std::vector<std::string>& handlers) {
  if (!handlers.empty()) return absl::OkStatus();
  return InvalidArgument("handlers", "HANDLERS_REQUIRED",
                         "handlers: name at least one person who works the clue");
}

// The participant row for `unit`, added (state empty) when there is none yet.
Participant& ParticipantRow(Clue& c, const std::string& unit) {
  if (Participant* p = FindParticipant(c.participants, unit)) return *p;
  c.participants.push_back(Participant{});
  c.participants.back().unit_code = unit;
  return c.participants.back();
}

absl::StatusOr<Participant*> ExistingParticipant(Clue& c, const std::string& unit) {
  Participant* p = FindParticipant(c.participants, unit);
  if (!p) {
    return NotFound("PARTICIPANT_NOT_FOUND",
                    absl::StrCat("units/", unit, " is no party of clues/", c.number));
  }
  return p;
}

// A party asked for or added on `today` by `person`.
Participant NewParty(const std::string& unit, const std::vector<std::string>& handlers,
                     const std::string& state, const std::string& person, absl::CivilDay today,
                     const std::string& note) {
  Participant p;
  p.unit_code = unit;
  p.handler_codes = handlers;
  p.state = state;
  p.added_by = person;
  p.added_on = today;
  p.note = note;
  return p;
}

void Decide(Participant& p, const std::string& state, const Actor& actor, absl::CivilDay today,
            const std::string& note) {
  p.state = state;
  p.decided_by = actor.person;
  p.decided_on = today;
  p.decision_note = note;
}

bool HoldsRole(const Actor& actor, const std::string& role, const std::string& unit) {
  return actor.roles.count({role, unit}) > 0;
}

// Code points, not bytes: titles are Chinese.
size_t Utf8Length(const std::string& text) {
  size_t n = 0;
  for (unsigned char ch : text) n += (ch & 0xC0) != 0x80;
  return n;
}

}  // namespace

grpc::Status ClueApi::AskOfficeToJoin(grpc::ServerContext* ctx,
                                      const v1::AskOfficeToJoinRequest* request,
                                      v1::Clue* response) {
  return gate_->Serve(
      ctx, ClueMethod("AskOfficeToJoin"), [&](const CallContext& call) -> absl::Status {
        return RespondToStep(
            call, request->name(), "ask_office_to_join", response,
            [&](const StepContext& sc, Clue& c, StepEffects& effects) -> absl::Status {
              RETURN_IF_ERROR(CheckActsOn(sc.actor, c.handling_unit_code, c.handler_codes));
              RETURN_IF_ERROR(CheckMayAskOffice(sc.joint, c.participants));
              Participant& office = ParticipantRow(c, sc.joint.coordinating_office);
              office = NewParty(sc.joint.coordinating_office, {}, "requested", sc.actor.person,
                                sc.today, request->note());
              effects.participants_written.insert(office.unit_code);
              return absl::OkStatus();
            });
      });
}

grpc::Status ClueApi::AnswerJoinRequest(grpc::ServerContext* ctx,
                                        const v1::AnswerJoinRequestRequest* request,
                                        v1::Clue* response) {
  return gate_->Serve(
      ctx, ClueMethod("AnswerJoinRequest"), [&](const CallContext& call) -> absl::Status {
        ASSIGN_OR_RETURN(std::vector<std::string> handlers,
                         People(request->handlers(), "handlers"));
        if (request->accept()) {
          RETURN_IF_ERROR(HandlersRequired(handlers));
        }
        return RespondToStep(
            call, request->name(), "answer_join_request", response,
            [&](const StepContext& sc, Clue& c, StepEffects& effects) -> absl::Status {
              const std::string& office = sc.joint.coordinating_office;
              if (office.empty() || !HoldsRole(sc.actor, "office", office)) {
                return PermissionDenied("NOT_THE_OFFICE_ASKED",
                                        "only the office asked answers its join request");
              }
              Participant* p = FindParticipant(c.participants, office);
              if (!p || p->state != "requested") {
                return FailedPrecondition("NO_JOIN_REQUEST",
                                          absl::StrCat("units/", office, " was not asked to join"));
              }
              Decide(*p, request->accept() ? "active" : "declined", sc.actor, sc.today,
                     request->note());
              if (request->accept()) p->handler_codes = handlers;
              effects.participants_written.insert(office);
              return absl::OkStatus();
            });
      });
}

grpc::Status ClueApi::AddParticipant(grpc::ServerContext* ctx,
                                     const v1::AddParticipantRequest* request, v1::Clue* response) {
  return gate_->Serve(
      ctx, ClueMethod("AddParticipant"), [&](const CallContext& call) -> absl::Status {
        ASSIGN_OR_RETURN(std::string unit_code, names::ParseName(request->unit(), "units", "unit"));
        ASSIGN_OR_RETURN(std::vector<std::string> handlers,
                         People(request->handlers(), "handlers"));
        RETURN_IF_ERROR(HandlersRequired(handlers));
        ASSIGN_OR_RETURN(std::optional<client::UnitFacts> facts, units_->Lookup(unit_code, call));
        if (!facts) {
          return InvalidArgument("unit", "UNIT_NOT_FOUND",
                                 absl::StrCat(request->unit(), " does not exist"));
        }
        UnitInZone unit{unit_code, facts->kind, facts->zone};
        return RespondToStep(
            call, request->name(), "add_participant", response,
            [&](const StepContext& sc, Clue& c, StepEffects& effects) -> absl::Status {
              RETURN_IF_ERROR(CheckCoordinates(sc.actor, sc.joint));
              RETURN_IF_ERROR(CheckNewParticipant(unit, sc.joint, c.participants, "unit"));
              Participant& p = ParticipantRow(c, unit_code);
              p = NewParty(unit_code, handlers,
                           InLeadZone(unit, sc.joint) ? "active" : "awaiting_approval",
                           sc.actor.person, sc.today, request->note());
              effects.participants_written.insert(unit_code);
              return absl::OkStatus();
            });
      });
}

absl::Status ClueApi::DecideParticipant(const CallContext& call,
                                        const v1::DecideParticipantRequest& request, bool approve,
                                        v1::Clue* response) {
  ASSIGN_OR_RETURN(std::string unit_code, names::ParseName(request.unit(), "units", "unit"));
  return RespondToStep(
      call, request.name(), approve ? "approve_participant" : "reject_participant", response,
      [&](const StepContext& sc, Clue& c, StepEffects& effects) -> absl::Status {
        if (!MayApprove(Approver{"commission_leader", "", ""}, sc.actor)) {
          return PermissionDenied(kReasonNotApprover,
                                  "a participant from outside the zone is approved by a "
                                  "commission leader");
        }
        ASSIGN_OR_RETURN(Participant * p, ExistingParticipant(c, unit_code));
        RETURN_IF_ERROR(CheckParticipantStep("decide", *p));
        if (p->added_by == sc.actor.person) {
          return PermissionDenied(kReasonOwnProposal,
                                  "who added the participant cannot approve it");
        }
        Decide(*p, approve ? "active" : "declined", sc.actor, sc.today, request.note());
        effects.participants_written.insert(unit_code);
        return absl::OkStatus();
      });
}

grpc::Status ClueApi::ApproveParticipant(grpc::ServerContext* ctx,
                                         const v1::DecideParticipantRequest* request,
                                         v1::Clue* response) {
  return gate_->Serve(ctx, ClueMethod("ApproveParticipant"),
                      [&](const CallContext& call) -> absl::Status {
                        return DecideParticipant(call, *request, true, response);
                      });
}

grpc::Status ClueApi::RejectParticipant(grpc::ServerContext* ctx,
                                        const v1::DecideParticipantRequest* request,
                                        v1::Clue* response) {
  return gate_->Serve(ctx, ClueMethod("RejectParticipant"),
                      [&](const CallContext& call) -> absl::Status {
                        return DecideParticipant(call, *request, false, response);
                      });
}

grpc::Status ClueApi::RemoveParticipant(grpc::ServerContext* ctx,
                                        const v1::RemoveParticipantRequest* request,
                                        v1::Clue* response) {
  return gate_->Serve(
      ctx, ClueMethod("RemoveParticipant"), [&](const CallContext& call) -> absl::Status {
        ASSIGN_OR_RETURN(std::string unit_code, names::ParseName(request->unit(), "units", "unit"));
        return RespondToStep(
            call, request->name(), "remove_participant", response,
            [&](const StepContext& sc, Clue& c, StepEffects& effects) -> absl::Status {
              RETURN_IF_ERROR(CheckCoordinates(sc.actor, sc.joint));
              ASSIGN_OR_RETURN(Participant * p, ExistingParticipant(c, unit_code));
              RETURN_IF_ERROR(CheckParticipantStep("remove", *p));
              // Its access ends with this transaction: need-to-know reads the state.
              // One that never took part (asked, or awaiting approval) is withdrawn instead.
              Decide(*p, p->state == "active" ? "removed" : "withdrawn", sc.actor, sc.today,
                     request->note());
              CancelOpenTasks(c.tasks, unit_code);
              effects.participants_written.insert(unit_code);
              effects.tasks_written = true;
              return absl::OkStatus();
            });
      });
}

grpc::Status ClueApi::AssignTask(grpc::ServerContext* ctx, const v1::AssignTaskRequest* request,
                                 v1::Clue* response) {
  return gate_->Serve(ctx, ClueMethod("AssignTask"), [&](const CallContext& call) -> absl::Status {
    ASSIGN_OR_RETURN(std::string unit_code, names::ParseName(request->unit(), "units", "unit"));
    size_t length = Utf8Length(request->title());
    if (length == 0 || length > 200) {
      return InvalidArgument("title", "INVALID_TITLE", "title: 1 to 200 characters");
    }
    std::optional<absl::CivilDay> due;
    if (!request->due_date().empty()) {
      ASSIGN_OR_RETURN(due, ParseDate(request->due_date(), "due_date"));
    }
    return RespondToStep(
        call, request->name(), "assign_task", response,
        [&](const StepContext& sc, Clue& c, StepEffects& effects) -> absl::Status {
          if (!CheckActsOn(sc.actor, c.handling_unit_code, c.handler_codes).ok() &&
              !CheckCoordinates(sc.actor, sc.joint).ok()) {
            return PermissionDenied("NOT_HANDLING_UNIT",
                                    "tasks are set by the handling unit or the coordinating "
                                    "office");
          }
          if (due && *due < sc.today) {
            return InvalidArgument("due_date", "DATE_IN_PAST", "due_date: before today");
          }
          ASSIGN_OR_RETURN(Participant * p, ExistingParticipant(c, unit_code));
          RETURN_IF_ERROR(CheckParticipantStep("assign_task", *p));
          JointTask task;
          task.unit_code = unit_code;
          task.title = request->title();
          task.due_on = due;
          task.assigned_by = sc.actor.person;
          task.assigned_on = sc.today;
          c.tasks.push_back(task);
          effects.tasks_written = true;
          return absl::OkStatus();
        });
  });
}

absl::Status ClueApi::StepTask(const CallContext& call, const v1::TaskStepRequest& request,
                               bool complete, v1::Clue* response) {
  if (request.task_id() <= 0) {
    return InvalidArgument("task_id", "TASK_ID_REQUIRED", "task_id: the task you work on");
  }
  if (complete && request.note().empty()) {
    return InvalidArgument("note", "NOTE_REQUIRED", "note: say what was done");
  }
  return RespondToStep(call, request.name(), complete ? "complete_task" : "accept_task", response,
                       [&](const StepContext& sc, Clue& c, StepEffects& effects) -> absl::Status {
                         JointTask* task = FindTask(c.tasks, request.task_id());
                         if (!task) {
                           return NotFound(
                               "TASK_NOT_FOUND",
                               absl::StrCat("task ", request.task_id(), " is not on this clue"));
                         }
                         ASSIGN_OR_RETURN(Participant * p, ExistingParticipant(c, task->unit_code));
                         RETURN_IF_ERROR(CheckWorksTask(sc.actor, *p));
                         RETURN_IF_ERROR(CheckTaskStep(complete ? "complete" : "accept", *task));
                         if (complete) {
                           task->state = "completed";
                           task->completed_by = sc.actor.person;
                           task->completed_on = sc.today;
                           task->note = request.note();
                         } else {
                           task->state = "accepted";
                           task->accepted_by = sc.actor.person;
                         }
                         effects.tasks_written = true;
                         return absl::OkStatus();
                       });
}

grpc::Status ClueApi::AcceptTask(grpc::ServerContext* ctx, const v1::TaskStepRequest* request,
                                 v1::Clue* response) {
  return gate_->Serve(ctx, ClueMethod("AcceptTask"), [&](const CallContext& call) -> absl::Status {
    return StepTask(call, *request, false, response);
  });
}

grpc::Status ClueApi::CompleteTask(grpc::ServerContext* ctx, const v1::TaskStepRequest* request,
                                   v1::Clue* response) {
  return gate_->Serve(ctx, ClueMethod("CompleteTask"),
                      [&](const CallContext& call) -> absl::Status {
                        return StepTask(call, *request, true, response);
                      });
}

}  // namespace paizhu::clue
