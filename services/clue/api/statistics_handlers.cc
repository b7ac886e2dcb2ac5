// Aggregates for the assessment service and for the people who may see them: counted
// over exactly what the caller may see, never clue contents.

#include "absl/strings/str_cat.h"
#include "common/names/resource_name.h"
#include "common/status/macros.h"
#include "common/status/status.h"
#include "common/time/civil_date.h"
#include "services/clue/api/clue_api.h"
#include "services/clue/api/clue_convert.h"
#include "services/clue/domain/statistics.h"

namespace paizhu::clue {
namespace {

using server::CallContext;

void ToProto(const ClueFigures& f, v1::ClueFigures* out) {
  out->set_clues_received(f.clues_received);
  for (const auto& [k, v] : f.received_by_source) (*out->mutable_received_by_source())[k] = v;
  out->set_clues_disposed(f.clues_disposed);
  out->set_disposed_on_time(f.disposed_on_time);
  for (const auto& [k, v] : f.disposed_by_disposal) (*out->mutable_disposed_by_disposal())[k] = v;
  out->set_cases_filed(f.cases_filed);
  out->set_joint_cases(f.joint_cases);
  out->set_people_sanctioned(f.people_sanctioned);
  out->set_people_criticised(f.people_criticised);
  for (const auto& [k, v] : f.people_by_outcome) (*out->mutable_people_by_outcome())[k] = v;
  for (const auto& [k, v] : f.people_by_form) (*out->mutable_people_by_form())[k] = v;
  out->set_letters_issued(f.letters_issued);
  out->set_problems_tracked(f.problems_tracked);
  out->set_problems_rectified(f.problems_rectified);
  out->set_letters_received(f.letters_received);
  out->set_letters_replied_on_time(f.letters_replied_on_time);
  out->set_problems_received(f.problems_received);
  out->set_problems_received_rectified(f.problems_received_rectified);
}

}  // namespace

grpc::Status ClueApi::GetClueStatistics(grpc::ServerContext* ctx,
                                        const v1::GetClueStatisticsRequest* request,
                                        v1::ClueStatistics* response) {
  return gate_->Serve(
      ctx, ClueMethod("GetClueStatistics"), [&](const CallContext& call) -> absl::Status {
        ASSIGN_OR_RETURN(absl::CivilDay from, ParseDate(request->from(), "from"));
        ASSIGN_OR_RETURN(absl::CivilDay to, ParseDate(request->to(), "to"));
        if (to < from) return InvalidArgument("to", "INVALID_PERIOD", "to: before from");
        if (to - from > 3660) {
          return InvalidArgument("to", "PERIOD_TOO_LONG", "to: at most ten years after from");
        }
        if (request->units_size() > 500) {
          return InvalidArgument("units", "TOO_MANY_UNITS", "units: at most 500");
        }
        std::vector<std::string> units;
        for (const std::string& u : request->units()) {
          ASSIGN_OR_RETURN(std::string code, names::ParseName(u, "units", "units"));
          units.push_back(code);
        }
        Viewer viewer = ViewerOf(call.principal);
        // The assessment service (its declared access) reads every unit's aggregates.
        if (call.principal.kind() == auth::Principal::SERVICE) viewer.sees_all = true;
        ASSIGN_OR_RETURN(StatisticsFacts facts,
                         clues_->LoadStatisticsFacts(viewer, from, to, call.deadline));
        ASSIGN_OR_RETURN(WorkingCalendar calendar, calendars_->LoadCalendar(call.deadline));
        ASSIGN_OR_RETURN(std::vector<DeadlineRule> rules, clues_->DeadlineRules(call.deadline));
        response->set_from(FormatDate(from));
        response->set_to(FormatDate(to));
        ToProto(CountFigures(facts, from, to, std::nullopt, calendar, rules),
                response->mutable_totals());
        for (const std::string& u : units) {
          auto* per = response->add_units();
          per->set_unit(names::MakeName("units", u));
          ToProto(CountFigures(facts, from, to, u, calendar, rules), per->mutable_figures());
        }
        return absl::OkStatus();
      });
}

}  // namespace paizhu::clue
