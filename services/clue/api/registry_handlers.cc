// The registry: register, read, list, and verify the audit trail.

#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/time/time.h"
#include "common/names/page_token.h"
#include "common/names/resource_name.h"
#include "common/status/macros.h"
#include "common/status/status.h"
#include "common/time/civil_date.h"
#include "services/clue/api/clue_api.h"
#include "services/clue/api/clue_convert.h"

namespace paizhu::clue {
namespace {

using server::CallContext;

// The units whose registry the caller may register in: the units of its registering roles.
std::vector<std::string> RegisteringUnits(const auth::Principal& p) {
  std::vector<std::string> units;
  for (const auto& role : p.roles()) {
    for (const char* r : {"petition", "case_manager", "group", "office", "township"}) {
      if (role.role() == r && absl::StartsWith(role.unit(), "units/"))
        units.push_back(role.unit().substr(6));
    }
  }
  return units;
}

bool CanHandle(const std::string& kind) {
  return kind == "group" || kind == "township" || kind == "supervision_office" || kind == "office";
}

}  // namespace

grpc::Status ClueApi::RegisterClue(grpc::ServerContext* ctx, const v1::RegisterClueRequest* request,
                                   v1::Clue* response) {
  return gate_->Serve(
      ctx, ClueMethod("RegisterClue"), [&](const CallContext& call) -> absl::Status {
        const v1::Clue& in = request->clue();
        Clue clue;
        ASSIGN_OR_RETURN(clue.received_on, ParseDate(in.received_on(), "clue.received_on"));
        clue.source = in.source();
        clue.reporter = {in.reporter().name(), in.reporter().contact(), in.reporter().anonymous()};
        for (const auto& s : in.subjects()) {
          std::string unit;
          if (!s.unit().empty()) {
            ASSIGN_OR_RETURN(unit, names::ParseName(s.unit(), "units", "clue.subjects.unit"));
          }
          clue.subjects.push_back({s.name(), unit, s.position(), s.level(), s.party_member(),
                                   s.integrity_file(), s.unit_leadership()});
        }
        clue.violations.assign(in.violations().begin(), in.violations().end());
        clue.allegation = in.allegation();
        ASSIGN_OR_RETURN(clue.handling_unit_code,
                         names::ParseName(in.handling_unit(), "units", "clue.handling_unit"));
        for (const std::string& h : in.handlers()) {
          ASSIGN_OR_RETURN(std::string code, names::ParseName(h, "people", "clue.handlers"));
          clue.handler_codes.push_back(code);
        }
        RETURN_IF_ERROR(ValidateNewClue(clue, TodayInChina()));

        // The registrar: the caller's own unit, named when the caller has several.
        std::vector<std::string> mine = RegisteringUnits(call.principal);
        if (!in.registering_unit().empty()) {
          ASSIGN_OR_RETURN(
              clue.registering_unit_code,
              names::ParseName(in.registering_unit(), "units", "clue.registering_unit"));
          // A system (the letters-and-visits system, scope clues.submit) submits for the
          // office it names; org confirms the unit below.
          bool system = call.principal.kind() == auth::Principal::SYSTEM;
          if (system) {
            ASSIGN_OR_RETURN(std::optional<std::string> registrar,
                             units_->UnitKind(clue.registering_unit_code, call));
            if (!registrar) {
              return InvalidArgument("clue.registering_unit", "UNIT_NOT_FOUND",
                                     "clue.registering_unit: no such unit");
            }
          } else if (std::find(mine.begin(), mine.end(), clue.registering_unit_code) ==
                     mine.end()) {
            return PermissionDenied("NOT_YOUR_REGISTRY",
                                    "clue.registering_unit: not a unit you register for");
          }
        } else if (mine.size() == 1) {
          clue.registering_unit_code = mine.front();
        } else {
          return InvalidArgument("clue.registering_unit", "REGISTERING_UNIT_REQUIRED",
                                 "clue.registering_unit: name the unit you register for");
        }
        ASSIGN_OR_RETURN(std::optional<std::string> kind,
                         units_->UnitKind(clue.handling_unit_code, call));
        if (!kind)
          return InvalidArgument("clue.handling_unit", "UNIT_NOT_FOUND",
                                 "clue.handling_unit: no such unit");
        if (!CanHandle(*kind)) {
          return InvalidArgument(
              "clue.handling_unit", "CANNOT_HANDLE",
              absl::StrCat("clue.handling_unit: a ", *kind, " does not handle clues"));
        }
        // Recusal is fixed now, from today's org facts: a subject leads a unit that the
        // handling group supervises.
        for (const Subject& s : clue.subjects) {
          if (!s.unit_leadership || s.unit_code.empty() || *kind != "group") continue;
          ASSIGN_OR_RETURN(std::optional<client::UnitFacts> facts,
                           units_->Lookup(s.unit_code, call));
          if (facts && facts->supervising_group == clue.handling_unit_code) clue.recusal = true;
        }
        ASSIGN_OR_RETURN(WorkingCalendar calendar, calendars_->LoadCalendar(call.deadline));
        ASSIGN_OR_RETURN(std::vector<DeadlineRule> rules, clues_->DeadlineRules(call.deadline));
        ASSIGN_OR_RETURN(clue.due, DueForState(calendar, rules, RuleForClueState("registered"),
                                               clue.received_on));
        v1::RegisterClueRequest canonical = *request;
        canonical.clear_request_id();
        sql::RequestKey key(request->request_id(), "RegisterClue", canonical.SerializeAsString());
        Viewer viewer = ViewerOf(call.principal);
        ASSIGN_OR_RETURN(Clue stored, clues_->Register(clue, key, viewer.actor, call.deadline));
        ToProto(stored, true, viewer.sees_reporter, response);
        return absl::OkStatus();
      });
}

grpc::Status ClueApi::GetClue(grpc::ServerContext* ctx, const v1::GetClueRequest* request,
                              v1::Clue* response) {
  return gate_->Serve(ctx, ClueMethod("GetClue"), [&](const CallContext& call) -> absl::Status {
    ASSIGN_OR_RETURN(std::string number, names::ParseName(request->name(), "clues", "name"));
    Viewer viewer = ViewerOf(call.principal);
    ASSIGN_OR_RETURN(std::optional<Clue> clue, clues_->Get(number, viewer, call.deadline));
    if (!clue) return ClueNotFound(request->name());
    return Respond(call, *clue, response);
  });
}

grpc::Status ClueApi::ListClues(grpc::ServerContext* ctx, const v1::ListCluesRequest* request,
                                v1::ListCluesResponse* response) {
  return gate_->Serve(ctx, ClueMethod("ListClues"), [&](const CallContext& call) -> absl::Status {
    ClueFilter filter;
    if (!request->handling_unit().empty()) {
      ASSIGN_OR_RETURN(filter.handling_unit_code,
                       names::ParseName(request->handling_unit(), "units", "handling_unit"));
    }
    filter.state = request->state();
    if (!request->party().empty()) {
      ASSIGN_OR_RETURN(filter.party_unit_code,
                       names::ParseName(request->party(), "units", "party"));
    }
    filter.party_state = request->party_state();
    filter.source = request->source();
    if (!filter.source.empty() && !IsSource(filter.source)) {
      return InvalidArgument("source", "INVALID_SOURCE",
                             "source: one of petition, supervision, investigation, inspection, "
                             "audit, transfer, media, big_data, other");
    }
    if (!filter.party_state.empty() && filter.party_unit_code.empty()) {
      return InvalidArgument("party", "PARTY_REQUIRED", "party: name the unit party_state is of");
    }
    std::string fingerprint = PageFingerprint(filter);
    ASSIGN_OR_RETURN(
        names::PageRequest page,
        names::ParsePage(request->page_size(), request->page_token(), fingerprint, 50, 500));
    int64_t before = 0;
    if (!page.after_key.empty() && !absl::SimpleAtoi(page.after_key, &before)) {
      return InvalidArgument("page_token", "INVALID_PAGE_TOKEN", "page_token: damaged");
    }
    Viewer viewer = ViewerOf(call.principal);
    ASSIGN_OR_RETURN(std::vector<Clue> clues,
                     clues_->List(viewer, filter, before, page.limit + 1, call.deadline));
    bool more = static_cast<int>(clues.size()) > page.limit;
    if (more) clues.resize(page.limit);
    for (const Clue& c : clues) ToProto(c, false, false, response->add_clues());
    if (more)
      response->set_next_page_token(
          names::MakePageToken(absl::StrCat(clues.back().id), fingerprint));
    return absl::OkStatus();
  });
}

grpc::Status ClueApi::VerifyAuditChain(grpc::ServerContext* ctx,
                                       const v1::VerifyAuditChainRequest* request,
                                       v1::AuditVerification* response) {
  return gate_->Serve(
      ctx, ClueMethod("VerifyAuditChain"), [&](const CallContext& call) -> absl::Status {
        ASSIGN_OR_RETURN(std::string number, names::ParseName(request->clue(), "clues", "clue"));
        ASSIGN_OR_RETURN(std::optional<ChainCheck> check,
                         clues_->VerifyAudit(number, call.deadline));
        if (!check) return ClueNotFound(request->clue());
        response->set_intact(check->intact);
        response->set_entries(check->entries);
        response->set_first_broken_seq(check->first_broken_seq);
        response->set_problem(check->problem);
        return absl::OkStatus();
      });
}

grpc::Status ClueApi::CheckpointAuditHeads(grpc::ServerContext* ctx,
                                           const v1::CheckpointAuditHeadsRequest* request,
                                           v1::AuditCheckpoint* response) {
  return gate_->Serve(
      ctx, ClueMethod("CheckpointAuditHeads"), [&](const CallContext& call) -> absl::Status {
        ASSIGN_OR_RETURN(Checkpoint c, clues_->TakeCheckpoint(call.deadline));
        response->set_id(c.id);
        response->set_taken_at(absl::FormatTime(
            absl::RFC3339_sec, absl::FromUnixMicros(c.taken_at_micros), absl::UTCTimeZone()));
        response->set_heads(static_cast<int32_t>(c.heads.size()));
        response->set_digest(c.digest);
        return absl::OkStatus();
      });
}

grpc::Status ClueApi::VerifyAuditCheckpoints(grpc::ServerContext* ctx,
                                             const v1::VerifyAuditCheckpointsRequest* request,
                                             v1::AuditVerification* response) {
  return gate_->Serve(
      ctx, ClueMethod("VerifyAuditCheckpoints"), [&](const CallContext& call) -> absl::Status {
        ASSIGN_OR_RETURN(ChainCheck check, clues_->VerifyCheckpoints(call.deadline));
        response->set_intact(check.intact);
        response->set_entries(check.entries);
        response->set_first_broken_seq(check.first_broken_seq);
        response->set_problem(check.problem);
        return absl::OkStatus();
      });
}

}  // namespace paizhu::clue
