// The clue's life: each state change an RPC, applied under the clue's row lock.

#include "absl/strings/numbers.h"
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

absl::Status CheckEtag(const std::string& etag, int64_t version) {
  if (etag.empty() || etag == absl::StrCat(version)) return absl::OkStatus();
  return Aborted("ETAG_MISMATCH", "the clue changed since you read it; read it again");
}

// The handling unit as the approval rules see it, from org's facts of today.
HandlingUnit AsHandlingUnit(const std::string& code,
                            const std::optional<client::UnitFacts>& facts) {
  if (!facts) return HandlingUnit{code, "", "", false};
  return HandlingUnit{code, facts->kind, facts->guiding_office, facts->leader_vacant};
}

absl::Status CheckNoOpenProposal(const Clue& clue) {
  if (!clue.proposal) return absl::OkStatus();
  return FailedPrecondition(kReasonProposalPending,
                            absl::StrCat("proposal ", clue.proposal->id, " (", clue.proposal->kind,
                                         ") waits for its decision"));
}

Proposal NewProposal(const std::string& kind, const std::string& value, const std::string& note,
                     const Actor& actor, absl::CivilDay today) {
  return Proposal{0, kind, value, note, actor.person, today};
}

// A date field that defaults to today and may not lie in the future or before `earliest`.
absl::StatusOr<absl::CivilDay> DayOrToday(const std::string& text, const char* field,
                                          absl::CivilDay today, absl::CivilDay earliest) {
  if (text.empty()) return today;
  ASSIGN_OR_RETURN(absl::CivilDay day, ParseDate(text, field));
  if (day > today)
    return InvalidArgument(field, "DATE_IN_FUTURE", absl::StrCat(field, ": after today"));
  if (day < earliest) {
    return InvalidArgument(field, "DATE_TOO_EARLY",
                           absl::StrCat(field, ": before ", FormatDate(earliest)));
  }
  return day;
}

}  // namespace

absl::Status ClueApi::Respond(const CallContext& call, const Clue& clue, v1::Clue* response) const {
  ToProto(clue, true, ViewerOf(call.principal).sees_reporter, response);
  if (!clue.proposal) return absl::OkStatus();
  ASSIGN_OR_RETURN(std::optional<client::UnitFacts> facts,
                   units_->Lookup(clue.handling_unit_code, call));
  HandlingUnit unit = AsHandlingUnit(clue.handling_unit_code, facts);
  ToProto(*clue.proposal, ApproverFor(clue.proposal->kind, unit, clue.recusal),
          response->mutable_proposal());
  return absl::OkStatus();
}

absl::StatusOr<Clue> ClueApi::RunClueStep(const CallContext& call, const std::string& name,
                                          const char* action, const std::string& etag,
                                          const StepBody& body, const sql::RequestKey* key) {
  ASSIGN_OR_RETURN(std::string number, names::ParseName(name, "clues", "name"));
  StepContext sc;
  sc.call = &call;
  sc.actor = ActorOf(call.principal);
  sc.viewer = ViewerOf(call.principal);
  sc.today = TodayInChina();
  // Org facts and the calendar are read before the transaction: no remote call or big
  // read holds the clue's lock.
  ASSIGN_OR_RETURN(std::optional<std::string> unit, clues_->HandlingUnitOf(number, call.deadline));
  if (!unit) return ClueNotFound(name);
  ASSIGN_OR_RETURN(std::optional<client::UnitFacts> facts, units_->Lookup(*unit, call));
  sc.unit = AsHandlingUnit(*unit, facts);
  sc.joint = JointContext{*unit, sc.unit.kind, facts ? facts->zone : "", ""};
  std::string zone_office;
  if (sc.unit.kind == "township" && !sc.joint.lead_zone.empty()) {
    ASSIGN_OR_RETURN(std::optional<std::string> office,
                     units_->ZoneOffice(sc.joint.lead_zone, call));
    zone_office = office.value_or("");
  }
  sc.joint.coordinating_office = CoordinatingOffice(sc.unit, zone_office);
  ASSIGN_OR_RETURN(sc.calendar, calendars_->LoadCalendar(call.deadline));
  ASSIGN_OR_RETURN(sc.rules, clues_->DeadlineRules(call.deadline));
  ASSIGN_OR_RETURN(std::optional<Clue> clue,
                   clues_->ApplyStep(
                       number, sc.viewer, action,
                       [&](Clue& c, StepEffects& effects) -> absl::Status {
                         RETURN_IF_ERROR(CheckEtag(etag, c.version));
                         return body(sc, c, effects);
                       },
                       key, call.deadline));
  if (!clue) return ClueNotFound(name);
  return *clue;
}

absl::Status ClueApi::RespondToStep(const CallContext& call, const std::string& name,
                                    const char* action, v1::Clue* response, const StepBody& body) {
  ASSIGN_OR_RETURN(Clue clue, RunClueStep(call, name, action, "", body));
  return Respond(call, clue, response);
}

namespace {

// Enters `state` on `start`: the limit that runs there, if any.
absl::Status EnterClueState(Clue& c, const std::string& state, absl::CivilDay start,
                            const WorkingCalendar& calendar,
                            const std::vector<DeadlineRule>& rules) {
  c.state = state;
  ASSIGN_OR_RETURN(c.due, DueForState(calendar, rules, RuleForClueState(state), start));
  return absl::OkStatus();
}

// Carries out an approved clue proposal.
absl::Status ApplyApproved(Clue& c, const Proposal& p, absl::CivilDay today,
                           const WorkingCalendar& calendar,
                           const std::vector<DeadlineRule>& rules) {
  if (p.kind == "extension") {
    CaseFile& f = *c.case_file;
    int days = 0;
    if (!absl::SimpleAtoi(p.value, &days)) return Internal("BAD_PROPOSAL", "extension days");
    (f.state == "trial" ? f.trial_extended : f.investigation_extended) = true;
    ASSIGN_OR_RETURN(DeadlineRule rule, RuleInForce(rules, f.due.rule, *f.due.start));
    ASSIGN_OR_RETURN(Deadline extended, ComputeDue(calendar, rule, *f.due.start, days));
    f.due.extension_days = days;
    f.due.on = extended.due;
    f.due.provisional = extended.provisional;
    return absl::OkStatus();
  }
  if (p.kind == "disposal" && c.disposal.empty()) {
    c.disposal = p.value;  // the first disposal is the one the figures count
    c.disposed_on = today;
  }
  c.result = ResultAfterApproval(p);
  return EnterClueState(c, StateAfterApproval(p), today, calendar, rules);
}

}  // namespace

grpc::Status ClueApi::AssignClue(grpc::ServerContext* ctx, const v1::AssignClueRequest* request,
                                 v1::Clue* response) {
  return gate_->Serve(ctx, ClueMethod("AssignClue"), [&](const CallContext& call) -> absl::Status {
    std::vector<std::string> handlers;
    for (const std::string& h : request->handlers()) {
      ASSIGN_OR_RETURN(std::string code, names::ParseName(h, "people", "handlers"));
      handlers.push_back(code);
    }
    if (handlers.empty()) {
      return InvalidArgument("handlers", "HANDLERS_REQUIRED", "handlers: name at least one");
    }
    ASSIGN_OR_RETURN(Clue clue, RunClueStep(call, request->name(), "assign", request->etag(),
                                            [&](const StepContext& sc, Clue& c, StepEffects&) {
                                              RETURN_IF_ERROR(CheckStep("assign", c.state));
                                              RETURN_IF_ERROR(CheckActsOn(
                                                  sc.actor, c.handling_unit_code, c.handler_codes));
                                              c.handler_codes = handlers;
                                              c.state = "assigned";
                                              return absl::OkStatus();
                                            }));
    RETURN_IF_ERROR(Respond(call, clue, response));
    return absl::OkStatus();
  });
}

grpc::Status ClueApi::ReviewClue(grpc::ServerContext* ctx, const v1::ReviewClueRequest* request,
                                 v1::Clue* response) {
  return gate_->Serve(ctx, ClueMethod("ReviewClue"), [&](const CallContext& call) -> absl::Status {
    Review review;
    for (const std::string& a : request->attendees()) {
      ASSIGN_OR_RETURN(std::string code, names::ParseName(a, "people", "attendees"));
      review.attendee_codes.push_back(code);
    }
    // A collective decision (集体研判): not one person's.
    if (review.attendee_codes.size() < 3) {
      return InvalidArgument("attendees", "TOO_FEW_ATTENDEES",
                             "attendees: a collective review needs at least three people");
    }
    review.summary = request->summary();
    ASSIGN_OR_RETURN(
        Clue clue,
        RunClueStep(call, request->name(), "review", request->etag(),
                    [&](const StepContext& sc, Clue& c, StepEffects& effects) -> absl::Status {
                      RETURN_IF_ERROR(CheckStep("review", c.state));
                      RETURN_IF_ERROR(CheckActsOn(sc.actor, c.handling_unit_code, c.handler_codes));
                      ASSIGN_OR_RETURN(review.held_on, DayOrToday(request->held_on(), "held_on",
                                                                  sc.today, c.received_on));
                      effects.new_review = review;
                      c.state = "under_review";
                      return absl::OkStatus();
                    }));
    RETURN_IF_ERROR(Respond(call, clue, response));
    return absl::OkStatus();
  });
}

grpc::Status ClueApi::ProposeDisposal(grpc::ServerContext* ctx,
                                      const v1::ProposeDisposalRequest* request,
                                      v1::Clue* response) {
  return gate_->Serve(
      ctx, ClueMethod("ProposeDisposal"), [&](const CallContext& call) -> absl::Status {
        if (!IsDisposal(request->disposal())) {
          return InvalidArgument("disposal", "INVALID_DISPOSAL",
                                 "disposal: one of inquiry, verification, pending, closed");
        }
        ASSIGN_OR_RETURN(
            Clue clue,
            RunClueStep(call, request->name(), "propose_disposal", request->etag(),
                        [&](const StepContext& sc, Clue& c, StepEffects& effects) -> absl::Status {
                          RETURN_IF_ERROR(CheckStep("propose_disposal", c.state));
                          RETURN_IF_ERROR(
                              CheckActsOn(sc.actor, c.handling_unit_code, c.handler_codes));
                          RETURN_IF_ERROR(CheckNotRecused(sc.actor, sc.unit, c.recusal));
                          effects.new_proposal = NewProposal("disposal", request->disposal(),
                                                             request->note(), sc.actor, sc.today);
                          c.state = "disposal_proposed";
                          return absl::OkStatus();
                        }));
        RETURN_IF_ERROR(Respond(call, clue, response));
        return absl::OkStatus();
      });
}

grpc::Status ClueApi::ConcludeInquiry(grpc::ServerContext* ctx,
                                      const v1::ConcludeInquiryRequest* request,
                                      v1::Clue* response) {
  return gate_->Serve(
      ctx, ClueMethod("ConcludeInquiry"), [&](const CallContext& call) -> absl::Status {
        if (!IsInquiryResult(request->result())) {
          return InvalidArgument("result", "INVALID_RESULT",
                                 "result: one of cleared, first_form, closed, escalate");
        }
        ASSIGN_OR_RETURN(
            Clue clue,
            RunClueStep(
                call, request->name(), "conclude_inquiry", request->etag(),
                [&](const StepContext& sc, Clue& c, StepEffects& effects) -> absl::Status {
                  RETURN_IF_ERROR(CheckStep("conclude_inquiry", c.state));
                  RETURN_IF_ERROR(CheckNoOpenProposal(c));
                  RETURN_IF_ERROR(CheckActsOn(sc.actor, c.handling_unit_code, c.handler_codes));
                  RETURN_IF_ERROR(CheckNotRecused(sc.actor, sc.unit, c.recusal));
                  effects.new_proposal = NewProposal("inquiry_conclusion", request->result(),
                                                     request->note(), sc.actor, sc.today);
                  return absl::OkStatus();
                }));
        RETURN_IF_ERROR(Respond(call, clue, response));
        return absl::OkStatus();
      });
}

grpc::Status ClueApi::ReportVerification(grpc::ServerContext* ctx,
                                         const v1::ReportVerificationRequest* request,
                                         v1::Clue* response) {
  return gate_->Serve(
      ctx, ClueMethod("ReportVerification"), [&](const CallContext& call) -> absl::Status {
        if (!IsVerificationResult(request->result())) {
          return InvalidArgument("result", "INVALID_RESULT",
                                 "result: one of file_case, first_form, closed, transfer");
        }
        ASSIGN_OR_RETURN(
            Clue clue,
            RunClueStep(
                call, request->name(), "report_verification", request->etag(),
                [&](const StepContext& sc, Clue& c, StepEffects& effects) -> absl::Status {
                  RETURN_IF_ERROR(CheckStep("report_verification", c.state));
                  RETURN_IF_ERROR(CheckNoOpenProposal(c));
                  RETURN_IF_ERROR(CheckActsOn(sc.actor, c.handling_unit_code, c.handler_codes));
                  RETURN_IF_ERROR(CheckNotRecused(sc.actor, sc.unit, c.recusal));
                  effects.new_proposal = NewProposal("verification_report", request->result(),
                                                     request->note(), sc.actor, sc.today);
                  return absl::OkStatus();
                }));
        RETURN_IF_ERROR(Respond(call, clue, response));
        return absl::OkStatus();
      });
}

namespace {

// The decision's checks: the proposal named is the open one, the caller may decide it.
absl::Status CheckDecision(const v1::DecideProposalRequest& request, const Clue& c,
                           const Actor& actor, const HandlingUnit& unit) {
  if (!c.proposal || c.proposal->id != request.proposal_id()) {
    return Aborted(kReasonProposalDecided,
                   absl::StrCat("proposal ", request.proposal_id(),
                                " is not open (decided meanwhile, or superseded)"));
  }
  return CheckMayDecide(*c.proposal, actor, unit, c.recusal);
}

}  // namespace

grpc::Status ClueApi::ApproveProposal(grpc::ServerContext* ctx,
                                      const v1::DecideProposalRequest* request,
                                      v1::Clue* response) {
  return gate_->Serve(
      ctx, ClueMethod("ApproveProposal"), [&](const CallContext& call) -> absl::Status {
        if (request->proposal_id() <= 0) {
          return InvalidArgument("proposal_id", "PROPOSAL_ID_REQUIRED",
                                 "proposal_id: the proposal you decide");
        }
        ASSIGN_OR_RETURN(
            Clue clue,
            RunClueStep(call, request->name(), "approve", "",
                        [&](const StepContext& sc, Clue& c, StepEffects& effects) -> absl::Status {
                          RETURN_IF_ERROR(CheckDecision(*request, c, sc.actor, sc.unit));
                          Proposal p = *c.proposal;
                          effects.decision = StepEffects::Decision{p.id, true, sc.actor.person,
                                                                   sc.today, request->note()};
                          return ApplyApproved(c, p, sc.today, sc.calendar, sc.rules);
                        }));
        RETURN_IF_ERROR(Respond(call, clue, response));
        return absl::OkStatus();
      });
}

grpc::Status ClueApi::RejectProposal(grpc::ServerContext* ctx,
                                     const v1::DecideProposalRequest* request, v1::Clue* response) {
  return gate_->Serve(
      ctx, ClueMethod("RejectProposal"), [&](const CallContext& call) -> absl::Status {
        if (request->proposal_id() <= 0) {
          return InvalidArgument("proposal_id", "PROPOSAL_ID_REQUIRED",
                                 "proposal_id: the proposal you decide");
        }
        if (request->note().empty()) {
          return InvalidArgument("note", "REASON_REQUIRED", "note: say why it is rejected");
        }
        ASSIGN_OR_RETURN(
            Clue clue,
            RunClueStep(call, request->name(), "reject", "",
                        [&](const StepContext& sc, Clue& c, StepEffects& effects) -> absl::Status {
                          RETURN_IF_ERROR(CheckDecision(*request, c, sc.actor, sc.unit));
                          effects.decision = StepEffects::Decision{
                              c.proposal->id, false, sc.actor.person, sc.today, request->note()};
                          // A rejected disposal goes back to the review; others leave the
                          // state as it was.
                          if (c.proposal->kind == "disposal") c.state = "under_review";
                          return absl::OkStatus();
                        }));
        RETURN_IF_ERROR(Respond(call, clue, response));
        return absl::OkStatus();
      });
}

grpc::Status ClueApi::ReopenClue(grpc::ServerContext* ctx, const v1::ReopenClueRequest* request,
                                 v1::Clue* response) {
  return gate_->Serve(ctx, ClueMethod("ReopenClue"), [&](const CallContext& call) -> absl::Status {
    ASSIGN_OR_RETURN(
        Clue clue,
        RunClueStep(call, request->name(), "reopen", request->etag(),
                    [&](const StepContext& sc, Clue& c, StepEffects&) -> absl::Status {
                      RETURN_IF_ERROR(CheckStep("reopen", c.state));
                      RETURN_IF_ERROR(CheckActsOn(sc.actor, c.handling_unit_code, c.handler_codes));
                      // A new disposal opinion is due a month from the day it is taken
                      // up.
                      return EnterClueState(c, "under_review", sc.today, sc.calendar, sc.rules);
                    }));
    RETURN_IF_ERROR(Respond(call, clue, response));
    return absl::OkStatus();
  });
}

grpc::Status ClueApi::RecordOutcomes(grpc::ServerContext* ctx,
                                     const v1::RecordOutcomesRequest* request, v1::Clue* response) {
  return gate_->Serve(
      ctx, ClueMethod("RecordOutcomes"), [&](const CallContext& call) -> absl::Status {
        absl::CivilDay today = TodayInChina();
        ASSIGN_OR_RETURN(std::vector<Outcome> outcomes,
                         OutcomesFromProto(request->outcomes(), today, today));
        ASSIGN_OR_RETURN(
            Clue clue,
            RunClueStep(call, request->name(), "record_outcomes", "",
                        [&](const StepContext& sc, Clue& c, StepEffects& effects) -> absl::Status {
                          // A case's outcomes come with its decision (DecideCase).
                          RETURN_IF_ERROR(CheckStep("record_outcomes", c.state));
                          RETURN_IF_ERROR(
                              CheckActsOn(sc.actor, c.handling_unit_code, c.handler_codes));
                          RETURN_IF_ERROR(CheckOutcomeSubjects(outcomes, c.subjects));
                          effects.new_outcomes = outcomes;
                          return absl::OkStatus();
                        }));
        RETURN_IF_ERROR(Respond(call, clue, response));
        return absl::OkStatus();
      });
}

}  // namespace paizhu::clue
