// Cases (立案 -> 审查调查 -> 审理 -> 决定 -> 归档): a case is its own resource, but every
// step locks and audits its clue, whose chain tells the whole story.

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

absl::Status CheckCaseEtag(const std::string& etag, const CaseFile& f) {
  if (etag.empty() || etag == absl::StrCat(f.version)) return absl::OkStatus();
  return Aborted("ETAG_MISMATCH", "the case changed since you read it; read it again");
}

bool HasRole(const Actor& actor, const char* wanted) {
  for (const auto& [role, unit] : actor.roles) {
    if (role == wanted) return true;
  }
  return false;
}

// Enters a case state on `start`, with the limit that runs there.
absl::Status EnterCaseState(CaseFile& f, const std::string& state, absl::CivilDay start,
                            const WorkingCalendar& calendar,
                            const std::vector<DeadlineRule>& rules) {
  f.state = state;
  ASSIGN_OR_RETURN(
      f.due, DueForState(calendar, rules, RuleForCaseState(state, f.returned_from_trial), start));
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<Clue> ClueApi::RunCaseStep(const CallContext& call, const std::string& name,
                                          const char* action, const std::string& etag,
                                          const StepBody& body) {
  ASSIGN_OR_RETURN(std::string number, names::ParseName(name, "cases", "name"));
  ASSIGN_OR_RETURN(std::optional<std::string> clue, clues_->ClueOfCase(number, call.deadline));
  if (!clue) return CaseNotFound(name);
  absl::StatusOr<Clue> out =
      RunClueStep(call, names::MakeName("clues", *clue), action, "",
                  [&](const StepContext& sc, Clue& c, StepEffects& effects) -> absl::Status {
                    RETURN_IF_ERROR(CheckCaseEtag(etag, *c.case_file));
                    return body(sc, c, effects);
                  });
  // A hidden case answers exactly as a missing one.
  if (!out.ok() && ErrorReason(out.status()) == "CLUE_NOT_FOUND") return CaseNotFound(name);
  return out;
}

grpc::Status ClueApi::FileCase(grpc::ServerContext* ctx, const v1::FileCaseRequest* request,
                               v1::Case* response) {
  return gate_->Serve(ctx, ClueMethod("FileCase"), [&](const CallContext& call) -> absl::Status {
    v1::FileCaseRequest canonical = *request;
    canonical.clear_request_id();
    sql::RequestKey key(request->request_id(), "FileCase", canonical.SerializeAsString());
    ASSIGN_OR_RETURN(
        Clue clue,
        RunClueStep(
            call, request->clue(), "file_case", "",
            [&](const StepContext& sc, Clue& c, StepEffects& effects) -> absl::Status {
              RETURN_IF_ERROR(CheckStep("file_case", c.state));
              RETURN_IF_ERROR(CheckActsOn(sc.actor, c.handling_unit_code, c.handler_codes));
              absl::CivilDay filed_on = sc.today;
              if (!request->filed_on().empty()) {
                ASSIGN_OR_RETURN(filed_on, ParseDate(request->filed_on(), "filed_on"));
                if (filed_on > sc.today) {
                  return InvalidArgument("filed_on", "DATE_IN_FUTURE", "filed_on: after today");
                }
                if (filed_on < c.received_on) {
                  return InvalidArgument("filed_on", "DATE_TOO_EARLY",
                                         "filed_on: before the clue was received");
                }
              }
              CaseFile f;
              f.filed_on = filed_on;
              RETURN_IF_ERROR(EnterCaseState(f, "investigation", filed_on, sc.calendar, sc.rules));
              c.case_file = f;
              c.state = "filed";
              c.result = "filed";
              c.due = DueDate{};  // the case's limits run from now on
              effects.file_case = true;
              return absl::OkStatus();
            },
            &key));
    if (!clue.case_file) return Internal("CASE_MISSING", "the filed case is missing");
    CaseToProto(clue, response);
    return absl::OkStatus();
  });
}

grpc::Status ClueApi::GetCase(grpc::ServerContext* ctx, const v1::GetCaseRequest* request,
                              v1::Case* response) {
  return gate_->Serve(ctx, ClueMethod("GetCase"), [&](const CallContext& call) -> absl::Status {
    ASSIGN_OR_RETURN(std::string number, names::ParseName(request->name(), "cases", "name"));
    ASSIGN_OR_RETURN(std::optional<std::string> clue_number,
                     clues_->ClueOfCase(number, call.deadline));
    if (!clue_number) return CaseNotFound(request->name());
    ASSIGN_OR_RETURN(std::optional<Clue> clue,
                     clues_->Get(*clue_number, ViewerOf(call.principal), call.deadline));
    if (!clue || !clue->case_file) return CaseNotFound(request->name());
    CaseToProto(*clue, response);
    if (clue->proposal) {
      ToProto(*clue->proposal, ApproverFor(clue->proposal->kind, {}, clue->recusal),
              response->mutable_proposal());
    }
    return absl::OkStatus();
  });
}

grpc::Status ClueApi::RequestExtension(grpc::ServerContext* ctx,
                                       const v1::RequestExtensionRequest* request,
                                       v1::Case* response) {
  return gate_->Serve(
      ctx, ClueMethod("RequestExtension"), [&](const CallContext& call) -> absl::Status {
        ASSIGN_OR_RETURN(
            Clue clue,
            RunCaseStep(
                call, request->name(), "request_extension", "",
                [&](const StepContext& sc, Clue& c, StepEffects& effects) -> absl::Status {
                  CaseFile& f = *c.case_file;
                  RETURN_IF_ERROR(CheckStep("request_extension", f.state));
                  bool trial = f.state == "trial";
                  if (trial ? !HasRole(sc.actor, "trial")
                            : !CheckActsOn(sc.actor, c.handling_unit_code, c.handler_codes).ok()) {
                    return PermissionDenied("NOT_HANDLING_UNIT",
                                            trial ? "the trial office asks for a trial extension"
                                                  : "the investigating unit asks for this one");
                  }
                  if (trial ? f.trial_extended : f.investigation_extended) {
                    return FailedPrecondition(
                        kReasonExtensionUsed,
                        absl::StrCat("the one extension of the ", f.state, " was already granted"));
                  }
                  int max_days = trial ? 30 : 90;
                  if (request->days() < 1 || request->days() > max_days) {
                    return InvalidArgument("days", "INVALID_EXTENSION",
                                           absl::StrCat("days: 1..", max_days, " for ", f.state));
                  }
                  if (c.proposal) {
                    return FailedPrecondition(kReasonProposalPending,
                                              "another proposal waits for its decision");
                  }
                  effects.new_proposal = Proposal{0,
                                                  "extension",
                                                  absl::StrCat(request->days()),
                                                  request->note(),
                                                  sc.actor.person,
                                                  sc.today};
                  return absl::OkStatus();
                }));
        CaseToProto(clue, response);
        ToProto(*clue.proposal, ApproverFor("extension", {}, clue.recusal),
                response->mutable_proposal());
        return absl::OkStatus();
      });
}

grpc::Status ClueApi::TransferToTrial(grpc::ServerContext* ctx, const v1::CaseStepRequest* request,
                                      v1::Case* response) {
  return gate_->Serve(
      ctx, ClueMethod("TransferToTrial"), [&](const CallContext& call) -> absl::Status {
        ASSIGN_OR_RETURN(
            Clue clue,
            RunCaseStep(call, request->name(), "transfer_to_trial", request->etag(),
                        [&](const StepContext& sc, Clue& c, StepEffects&) -> absl::Status {
                          CaseFile& f = *c.case_file;
                          RETURN_IF_ERROR(CheckStep("transfer_to_trial", f.state));
                          RETURN_IF_ERROR(
                              CheckActsOn(sc.actor, c.handling_unit_code, c.handler_codes));
                          if (c.proposal) {
                            return FailedPrecondition(kReasonProposalPending,
                                                      "an extension request waits for its "
                                                      "decision");
                          }
                          if (!c.trial_since) c.trial_since = sc.today;  // trial sees it now
                          return EnterCaseState(f, "trial", sc.today, sc.calendar, sc.rules);
                        }));
        CaseToProto(clue, response);
        return absl::OkStatus();
      });
}

grpc::Status ClueApi::ReturnForInvestigation(grpc::ServerContext* ctx,
                                             const v1::CaseStepRequest* request,
                                             v1::Case* response) {
  return gate_->Serve(
      ctx, ClueMethod("ReturnForInvestigation"), [&](const CallContext& call) -> absl::Status {
        if (request->note().empty()) {
          return InvalidArgument("note", "REASON_REQUIRED",
                                 "note: say what is to be investigated further");
        }
        ASSIGN_OR_RETURN(
            Clue clue,
            RunCaseStep(call, request->name(), "return_for_investigation", request->etag(),
                        [&](const StepContext& sc, Clue& c, StepEffects&) -> absl::Status {
                          CaseFile& f = *c.case_file;
                          RETURN_IF_ERROR(CheckStep("return_for_investigation", f.state));
                          if (c.proposal) {
                            return FailedPrecondition(kReasonProposalPending,
                                                      "an extension request waits for its "
                                                      "decision");
                          }
                          f.returned_from_trial = true;
                          return EnterCaseState(f, "investigation", sc.today, sc.calendar,
                                                sc.rules);
                        }));
        CaseToProto(clue, response);
        return absl::OkStatus();
      });
}

grpc::Status ClueApi::DecideCase(grpc::ServerContext* ctx, const v1::DecideCaseRequest* request,
                                 v1::Case* response) {
  return gate_->Serve(ctx, ClueMethod("DecideCase"), [&](const CallContext& call) -> absl::Status {
    absl::CivilDay today = TodayInChina();
    absl::CivilDay decided_on = today;
    if (!request->decided_on().empty()) {
      ASSIGN_OR_RETURN(decided_on, ParseDate(request->decided_on(), "decided_on"));
      if (decided_on > today) {
        return InvalidArgument("decided_on", "DATE_IN_FUTURE", "decided_on: after today");
      }
    }
    ASSIGN_OR_RETURN(std::vector<Outcome> outcomes,
                     OutcomesFromProto(request->outcomes(), decided_on, today));
    ASSIGN_OR_RETURN(
        Clue clue,
        RunCaseStep(call, request->name(), "decide", request->etag(),
                    [&](const StepContext& sc, Clue& c, StepEffects& effects) -> absl::Status {
                      CaseFile& f = *c.case_file;
                      RETURN_IF_ERROR(CheckStep("decide", f.state));
                      if (c.proposal) {
                        return FailedPrecondition(kReasonProposalPending,
                                                  "an extension request waits for its decision");
                      }
                      RETURN_IF_ERROR(CheckOutcomeSubjects(outcomes, c.subjects));
                      // Every person the case is about gets a decision.
                      for (const Subject& s : c.subjects) {
                        bool decided = false;
                        for (const Outcome& o : outcomes)
                          decided = decided || o.subject_name == s.name;
                        if (!decided) {
                          return InvalidArgument("outcomes", "SUBJECT_WITHOUT_OUTCOME",
                                                 absl::StrCat("outcomes: none for ", s.name));
                        }
                      }
                      if (decided_on < f.filed_on) {
                        return InvalidArgument("decided_on", "DATE_TOO_EARLY",
                                               "decided_on: before the case was filed");
                      }
                      effects.new_outcomes = outcomes;
                      f.decided_on = decided_on;
                      f.state = "decided";
                      f.due = DueDate{};
                      return absl::OkStatus();
                    }));
    CaseToProto(clue, response);
    return absl::OkStatus();
  });
}

grpc::Status ClueApi::ArchiveCase(grpc::ServerContext* ctx, const v1::CaseStepRequest* request,
                                  v1::Case* response) {
  return gate_->Serve(ctx, ClueMethod("ArchiveCase"), [&](const CallContext& call) -> absl::Status {
    ASSIGN_OR_RETURN(Clue clue,
                     RunCaseStep(call, request->name(), "archive", request->etag(),
                                 [&](const StepContext&, Clue& c, StepEffects&) -> absl::Status {
                                   RETURN_IF_ERROR(CheckStep("archive", c.case_file->state));
                                   c.case_file->state = "archived";
                                   return absl::OkStatus();
                                 }));
    CaseToProto(clue, response);
    return absl::OkStatus();
  });
}

}  // namespace paizhu::clue
