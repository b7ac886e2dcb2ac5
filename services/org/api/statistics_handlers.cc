// The report's table as of a date.

#include "absl/strings/str_cat.h"
#include "common/names/resource_name.h"
#include "common/status/macros.h"
#include "common/status/status.h"
#include "common/time/civil_date.h"
#include "services/org/api/convert.h"
#include "services/org/api/org_api.h"

namespace paizhu::org {

using server::CallContext;

grpc::Status OrgApi::GetStatistics(grpc::ServerContext* ctx,
                                   const v1::GetStatisticsRequest* request,
                                   v1::Statistics* response) {
  return gate_->Serve(ctx, Method("GetStatistics"), [&](const CallContext& call) -> absl::Status {
    StatisticsQuery query;
    ASSIGN_OR_RETURN(query.as_of, DateOrToday(request->as_of(), "as_of"));
    for (const std::string& group : request->groups()) {
      ASSIGN_OR_RETURN(std::string code, names::ParseName(group, "units", "groups"));
      query.groups.insert(code);
    }
    // Training person-times: as_of's calendar year unless a period is given.
    query.training_from = absl::CivilDay(query.as_of.year(), 1, 1);
    query.training_to = query.as_of;
    if (!request->training_from().empty()) {
      ASSIGN_OR_RETURN(query.training_from, ParseDate(request->training_from(), "training_from"));
    }
    if (!request->training_to().empty()) {
      ASSIGN_OR_RETURN(query.training_to, ParseDate(request->training_to(), "training_to"));
    }
    if (query.training_to < query.training_from) {
      return InvalidArgument("training_to", "EMPTY_PERIOD", "training_to: before training_from");
    }
    ASSIGN_OR_RETURN(auto input, repository_->LoadStatisticsInput(query.as_of, call.deadline));
    query.specialist_target_share = input.second;
    for (const std::string& group : query.groups) {
      bool known = false;
      for (const Unit& u : input.first.units) known |= u.code == group && u.kind == "group";
      if (!known) {
        return InvalidArgument("groups", "NOT_A_GROUP",
                               absl::StrCat("groups: units/", group, " is not a group"));
      }
    }
    OrgStatistics s = ComputeStatistics(input.first, query);
    response->set_as_of(FormatDate(query.as_of));
    response->set_groups(s.groups);
    response->set_authorized_posts(s.authorized_posts);
    response->set_staff(s.staff);
    for (const VacancyFigure& v : s.vacancies) {
      auto* out = response->add_vacancies();
      out->set_group(names::MakeName("units", v.group_code));
      out->set_post(v.post);
      out->set_authorized(v.authorized);
      out->set_filled(v.filled);
    }
    response->set_age_under_30(s.age_under_30);
    response->set_age_30_39(s.age_30_39);
    response->set_age_40_49(s.age_40_49);
    response->set_age_50_plus(s.age_50_plus);
    response->set_bachelor_or_above(s.bachelor_or_above);
    for (const auto& [level, count] : s.education) (*response->mutable_education())[level] = count;
    response->set_experience_under_3(s.experience_under_3);
    response->set_experience_3_to_5(s.experience_3_to_5);
    response->set_experience_5_plus(s.experience_5_plus);
    for (const auto& [specialty, count] : s.specialties)
      (*response->mutable_specialties())[specialty] = count;
    response->set_specialists(s.specialists);
    response->set_specialist_share(s.specialist_share);
    response->set_specialist_target_share(query.specialist_target_share);
    response->set_specialist_share_below_target(s.specialist_share_below_target);
    response->set_units_supervised(s.units_supervised);
    response->set_units_uncovered(s.units_uncovered);
    for (const std::string& gap : s.coverage_gaps)
      response->add_coverage_gaps(names::MakeName("units", gap));
    response->set_training_person_times(s.training_person_times);
    response->set_training_from(FormatDate(query.training_from));
    response->set_training_to(FormatDate(query.training_to));
    for (const ZoneComposition& z : s.zones) {
      v1::ZoneComposition* out = response->add_zones();
      out->set_zone(names::MakeName("zones", z.zone_code));
      out->set_display_name(z.display_name);
      out->set_office(names::MakeName("units", z.office_code));
      for (const std::string& g : z.group_codes) out->add_groups(names::MakeName("units", g));
      for (const std::string& t : z.township_codes) out->add_townships(names::MakeName("units", t));
    }
    return absl::OkStatus();
  });
}

}  // namespace paizhu::org
