#include "services/assess/api/report_api.h"

#include "absl/strings/str_cat.h"
#include "common/status/macros.h"
#include "common/status/status.h"
#include "common/time/civil_date.h"
#include "services/assess/api/source_error.h"

namespace paizhu::assess {
namespace {

using server::CallContext;

constexpr char kGetWorkReport[] = "/paizhu.assess.v1.ReportService/GetWorkReport";
constexpr char kGetStatistics[] = "/paizhu.org.v1.OrgService/GetStatistics";
constexpr char kGetClueStatistics[] = "/paizhu.clue.v1.ClueService/GetClueStatistics";

// The report's figures are int32 (JSON numbers); a count beyond that is a broken source.
absl::StatusOr<int32_t> Figure(int64_t value, absl::string_view what) {
  if (value < 0 || value > INT32_MAX) {
    return Internal("FIGURE_OUT_OF_RANGE", absl::StrCat(what, ": ", value, " is out of range"));
  }
  return static_cast<int32_t>(value);
}

}  // namespace

ReportApi::ReportApi(const server::CallGate* gate, ActivityRepository* activities,
                     const client::Downstream* org, const client::Downstream* clue)
    : gate_(gate),
      activities_(activities),
      org_(org),
      clue_(clue),
      org_stub_(org::v1::OrgService::NewStub(org->channel())),
      clue_stub_(clue::v1::ClueService::NewStub(clue->channel())) {}

// CONTRACTS.md, "The work report": staffing, coverage and training from org's statistics
// (as of as_of; trainings in from..to of people holding a group post that day), meetings
// and talks from the ledger, letters, problems, clues and outcomes from clue's totals.
grpc::Status ReportApi::GetWorkReport(grpc::ServerContext* ctx,
                                      const v1::GetWorkReportRequest* request,
                                      v1::WorkReport* response) {
  return gate_->Serve(ctx, kGetWorkReport, [&](const CallContext& call) -> absl::Status {
    ASSIGN_OR_RETURN(absl::CivilDay from, ParseDate(request->from(), "from"));
    ASSIGN_OR_RETURN(absl::CivilDay to, ParseDate(request->to(), "to"));
    if (to < from) return InvalidArgument("to", "END_BEFORE_START", "to: before from");
    absl::CivilDay as_of = to;
    if (!request->as_of().empty()) {
      ASSIGN_OR_RETURN(as_of, ParseDate(request->as_of(), "as_of"));
    }

    org::v1::GetStatisticsRequest org_request;
    org_request.set_as_of(FormatDate(as_of));
    org_request.set_training_from(FormatDate(from));
    org_request.set_training_to(FormatDate(to));
    org::v1::Statistics org_figures;
    auto org_call = org_->NewCall(kGetStatistics, &call);
    if (grpc::Status s = org_stub_->GetStatistics(org_call.get(), org_request, &org_figures);
        !s.ok()) {
      return SourceError("org", "GetStatistics", s);
    }

    clue::v1::GetClueStatisticsRequest clue_request;
    clue_request.set_from(FormatDate(from));
    clue_request.set_to(FormatDate(to));
    clue::v1::ClueStatistics clue_figures;
    auto clue_call = clue_->NewCall(kGetClueStatistics, &call);
    if (grpc::Status s =
            clue_stub_->GetClueStatistics(clue_call.get(), clue_request, &clue_figures);
        !s.ok()) {
      return SourceError("clue", "GetClueStatistics", s);
    }

    ASSIGN_OR_RETURN(auto sums,
                     activities_->SumCounts(FormatDate(from), FormatDate(to), call.deadline));
    auto sum = [&](const char* kind) -> int64_t {
      auto it = sums.find(kind);
      return it == sums.end() ? 0 : it->second;
    };

    v1::WorkReport& r = *response;
    r.set_from(FormatDate(from));
    r.set_to(FormatDate(to));
    r.set_as_of(FormatDate(as_of));
    r.set_groups(org_figures.groups());
    r.set_authorized_posts(org_figures.authorized_posts());
    r.set_staff(org_figures.staff());
    r.set_units_supervised(org_figures.units_supervised());
    r.set_units_uncovered(org_figures.units_uncovered());
    r.set_age_under_30(org_figures.age_under_30());
    r.set_age_30_39(org_figures.age_30_39());
    r.set_age_40_49(org_figures.age_40_49());
    r.set_age_50_plus(org_figures.age_50_plus());
    r.set_bachelor_or_above(org_figures.bachelor_or_above());
    r.set_experience_under_3(org_figures.experience_under_3());
    r.set_experience_3_to_5(org_figures.experience_3_to_5());
    r.set_experience_5_plus(org_figures.experience_5_plus());
    r.set_training_person_times(org_figures.training_person_times());
    ASSIGN_OR_RETURN(int32_t meetings, Figure(sum("meeting"), "meetings_attended"));
    ASSIGN_OR_RETURN(int32_t talks, Figure(sum("talk"), "talks_person_times"));
    r.set_meetings_attended(meetings);
    r.set_talks_person_times(talks);
    const clue::v1::ClueFigures& c = clue_figures.totals();
    ASSIGN_OR_RETURN(int32_t letters, Figure(c.letters_issued(), "letters_issued"));
    ASSIGN_OR_RETURN(int32_t problems, Figure(c.problems_tracked(), "problems_tracked"));
    ASSIGN_OR_RETURN(int32_t disposed, Figure(c.clues_disposed(), "clues_disposed"));
    ASSIGN_OR_RETURN(int32_t sanctioned, Figure(c.people_sanctioned(), "people_sanctioned"));
    ASSIGN_OR_RETURN(int32_t criticised, Figure(c.people_criticised(), "people_criticised"));
    r.set_letters_issued(letters);
    r.set_problems_tracked(problems);
    r.set_clues_disposed(disposed);
    r.set_people_sanctioned(sanctioned);
    r.set_people_criticised(criticised);
    return absl::OkStatus();
  });
}

}  // namespace paizhu::assess
