// The supervision records beside the ledger: the risk register (廉政风险点), special
// campaigns (专项整治 / 专项监督) and the file catalogue (内业 统一材料目录) with each
// group's checklist. Their metrics are counted in api/metric_gatherer.cc.

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "common/names/resource_name.h"
#include "common/status/macros.h"
#include "common/status/status.h"
#include "common/time/civil_date.h"
#include "services/assess/api/assess_api.h"

namespace paizhu::assess {
namespace {

using server::CallContext;

std::string Method(const char* name) {
  return absl::StrCat("/paizhu.assess.v1.AssessService/", name);
}

// A register or a period's campaigns in one answer.
constexpr int kMaxListed = 1000;

absl::StatusOr<int64_t> IdOf(const std::string& name, const char* collection,
                             const std::string& field) {
  ASSIGN_OR_RETURN(std::string id, names::ParseName(name, collection, field));
  int64_t out = 0;
  if (!absl::SimpleAtoi(id, &out) || out <= 0) {
    return InvalidArgument(field, "INVALID_NAME",
                           absl::StrCat(field, ": not ", collection, "/{id}"));
  }
  return out;
}

void ToProto(const RiskPoint& p, v1::RiskPoint* out) {
  out->set_name(absl::StrCat("risk-points/", p.id));
  out->set_group(names::MakeName("units", p.group_code));
  out->set_unit(names::MakeName("units", p.unit_code));
  out->set_category(p.category);
  out->set_description(p.description);
  out->set_measures(p.measures);
  out->set_state(p.state);
  out->set_identified_on(FormatDate(p.identified_on));
  if (p.reviewed_on) out->set_reviewed_on(FormatDate(*p.reviewed_on));
  out->set_etag(absl::StrCat(p.version));
}

void ToProto(const Campaign& c, v1::Campaign* out) {
  out->set_name(absl::StrCat("campaigns/", c.id));
  out->set_kind(c.kind);
  out->set_title(c.title);
  out->set_from(FormatDate(c.from));
  out->set_to(FormatDate(c.to));
  for (const CampaignUnit& u : c.units) {
    v1::CampaignUnit* o = out->add_units();
    o->set_unit(names::MakeName("units", u.unit_code));
    o->set_group(names::MakeName("units", u.group_code));
    if (u.followed_up_on) o->set_followed_up_on(FormatDate(*u.followed_up_on));
    o->set_problems_found(u.problems_found);
    o->set_problems_rectified(u.problems_rectified);
    o->set_findings(u.findings);
  }
}

}  // namespace

absl::StatusOr<client::UnitFacts> AssessApi::CheckSupervisedUnit(const std::string& code,
                                                                 const std::string& field,
                                                                 const CallContext& call) const {
  ASSIGN_OR_RETURN(std::optional<client::UnitFacts> facts, units_->Lookup(code, call));
  if (!facts) {
    return InvalidArgument(field, "UNIT_NOT_FOUND",
                           absl::StrCat(field, ": units/", code, " does not exist"));
  }
  if (facts->kind != "supervised_unit") {
    return InvalidArgument(field, "NOT_A_SUPERVISED_UNIT",
                           absl::StrCat(field, ": a ", facts->kind, ", not a supervised unit"));
  }
  return *facts;
}

grpc::Status AssessApi::RecordRiskPoint(grpc::ServerContext* ctx,
                                        const v1::RecordRiskPointRequest* request,
                                        v1::RiskPoint* response) {
  return gate_->Serve(ctx, Method("RecordRiskPoint"), [&](const CallContext& call) -> absl::Status {
    const v1::RiskPoint& in = request->risk_point();
    RiskPoint point;
    ASSIGN_OR_RETURN(point.group_code, names::ParseName(in.group(), "units", "risk_point.group"));
    ASSIGN_OR_RETURN(point.unit_code, names::ParseName(in.unit(), "units", "risk_point.unit"));
    ASSIGN_OR_RETURN(point.identified_on,
                     ParseDate(in.identified_on(), "risk_point.identified_on"));
    point.category = in.category();
    point.description = in.description();
    point.measures = in.measures();
    point.recorded_by = call.principal.subject();
    RETURN_IF_ERROR(ValidateRiskPoint(point, TodayInChina()));
    RETURN_IF_ERROR(CheckGroup(point.group_code, "risk_point.group", call));
    RETURN_IF_ERROR(CheckSupervisedUnit(point.unit_code, "risk_point.unit", call).status());
    v1::RecordRiskPointRequest canonical = *request;
    canonical.clear_request_id();
    sql::RequestKey key(request->request_id(), "RecordRiskPoint", canonical.SerializeAsString());
    ASSIGN_OR_RETURN(RiskPoint stored, records_->RecordRiskPoint(point, key, call.deadline));
    ToProto(stored, response);
    return absl::OkStatus();
  });
}

grpc::Status AssessApi::ReviewRiskPoint(grpc::ServerContext* ctx,
                                        const v1::ReviewRiskPointRequest* request,
                                        v1::RiskPoint* response) {
  return gate_->Serve(ctx, Method("ReviewRiskPoint"), [&](const CallContext& call) -> absl::Status {
    ASSIGN_OR_RETURN(int64_t id, IdOf(request->name(), "risk-points", "name"));
    ASSIGN_OR_RETURN(absl::CivilDay reviewed_on, ParseDate(request->reviewed_on(), "reviewed_on"));
    int64_t version = 0;
    if (!absl::SimpleAtoi(request->etag(), &version) || version < 1) {
      return InvalidArgument("etag", "INVALID_ETAG",
                             "etag: required; use the etag a read returned");
    }
    ASSIGN_OR_RETURN(RiskPoint point, records_->GetRiskPoint(id, call.deadline));
    RETURN_IF_ERROR(ValidateReview(point, request->state(), reviewed_on, TodayInChina()));
    if (request->measures().size() > 3000) {
      return InvalidArgument("measures", "TOO_LONG", "measures: at most 1000 characters");
    }
    point.state = request->state();
    point.reviewed_on = reviewed_on;
    if (!request->measures().empty()) point.measures = request->measures();
    point.version = version;
    ASSIGN_OR_RETURN(RiskPoint stored, records_->ReviewRiskPoint(point, call.deadline));
    ToProto(stored, response);
    return absl::OkStatus();
  });
}

grpc::Status AssessApi::ListRiskPoints(grpc::ServerContext* ctx,
                                       const v1::ListRiskPointsRequest* request,
                                       v1::ListRiskPointsResponse* response) {
  return gate_->Serve(ctx, Method("ListRiskPoints"), [&](const CallContext& call) -> absl::Status {
    std::string group, unit;
    if (!request->group().empty()) {
      ASSIGN_OR_RETURN(group, names::ParseName(request->group(), "units", "group"));
    }
    if (!request->unit().empty()) {
      ASSIGN_OR_RETURN(unit, names::ParseName(request->unit(), "units", "unit"));
    }
    ASSIGN_OR_RETURN(std::vector<RiskPoint> points,
                     records_->RiskPoints(group, unit, kMaxListed, call.deadline));
    for (const RiskPoint& p : points) ToProto(p, response->add_risk_points());
    return absl::OkStatus();
  });
}

grpc::Status AssessApi::CreateCampaign(grpc::ServerContext* ctx,
                                       const v1::CreateCampaignRequest* request,
                                       v1::Campaign* response) {
  return gate_->Serve(ctx, Method("CreateCampaign"), [&](const CallContext& call) -> absl::Status {
    const v1::Campaign& in = request->campaign();
    Campaign campaign;
    campaign.kind = in.kind();
    campaign.title = in.title();
    ASSIGN_OR_RETURN(campaign.from, ParseDate(in.from(), "campaign.from"));
    ASSIGN_OR_RETURN(campaign.to, ParseDate(in.to(), "campaign.to"));
    campaign.recorded_by = call.principal.subject();
    for (const v1::CampaignUnit& u : in.units()) {
      CampaignUnit unit;
      ASSIGN_OR_RETURN(unit.unit_code, names::ParseName(u.unit(), "units", "campaign.units"));
      campaign.units.push_back(std::move(unit));
    }
    RETURN_IF_ERROR(ValidateCampaign(campaign));
    for (CampaignUnit& u : campaign.units) {
      ASSIGN_OR_RETURN(client::UnitFacts facts,
                       CheckSupervisedUnit(u.unit_code, "campaign.units", call));
      if (facts.supervising_group.empty()) {
        return MakeError(absl::StatusCode::kFailedPrecondition, "UNIT_NOT_SUPERVISED",
                         absl::StrCat("campaign.units: units/", u.unit_code,
                                      " has no supervising group to follow it up"),
                         "campaign.units");
      }
      u.group_code = facts.supervising_group;
    }
    v1::CreateCampaignRequest canonical = *request;
    canonical.clear_request_id();
    sql::RequestKey key(request->request_id(), "CreateCampaign", canonical.SerializeAsString());
    ASSIGN_OR_RETURN(Campaign stored, records_->CreateCampaign(campaign, key, call.deadline));
    ToProto(stored, response);
    return absl::OkStatus();
  });
}

grpc::Status AssessApi::RecordCampaignFollowUp(grpc::ServerContext* ctx,
                                               const v1::RecordCampaignFollowUpRequest* request,
                                               v1::Campaign* response) {
  return gate_->Serve(
      ctx, Method("RecordCampaignFollowUp"), [&](const CallContext& call) -> absl::Status {
        ASSIGN_OR_RETURN(int64_t id, IdOf(request->campaign(), "campaigns", "campaign"));
        CampaignUnit follow_up;
        ASSIGN_OR_RETURN(follow_up.unit_code, names::ParseName(request->unit(), "units", "unit"));
        ASSIGN_OR_RETURN(follow_up.followed_up_on,
                         ParseDate(request->followed_up_on(), "followed_up_on"));
        follow_up.problems_found = request->problems_found();
        follow_up.problems_rectified = request->problems_rectified();
        follow_up.findings = request->findings();
        ASSIGN_OR_RETURN(Campaign campaign, records_->GetCampaign(id, call.deadline));
        RETURN_IF_ERROR(ValidateFollowUp(campaign, follow_up, TodayInChina()));
        RETURN_IF_ERROR(records_->RecordFollowUp(id, follow_up, call.deadline));
        ASSIGN_OR_RETURN(Campaign stored, records_->GetCampaign(id, call.deadline));
        ToProto(stored, response);
        return absl::OkStatus();
      });
}

grpc::Status AssessApi::GetCampaign(grpc::ServerContext* ctx, const v1::GetCampaignRequest* request,
                                    v1::Campaign* response) {
  return gate_->Serve(ctx, Method("GetCampaign"), [&](const CallContext& call) -> absl::Status {
    ASSIGN_OR_RETURN(int64_t id, IdOf(request->name(), "campaigns", "name"));
    ASSIGN_OR_RETURN(Campaign campaign, records_->GetCampaign(id, call.deadline));
    ToProto(campaign, response);
    return absl::OkStatus();
  });
}

grpc::Status AssessApi::ListCampaigns(grpc::ServerContext* ctx,
                                      const v1::ListCampaignsRequest* request,
                                      v1::ListCampaignsResponse* response) {
  return gate_->Serve(ctx, Method("ListCampaigns"), [&](const CallContext& call) -> absl::Status {
    ASSIGN_OR_RETURN(absl::CivilDay from, ParseDate(request->from_date(), "from_date"));
    ASSIGN_OR_RETURN(absl::CivilDay to, ParseDate(request->to_date(), "to_date"));
    ASSIGN_OR_RETURN(std::vector<Campaign> campaigns,
                     records_->Campaigns(from, to, kMaxListed, call.deadline));
    for (const Campaign& c : campaigns) ToProto(c, response->add_campaigns());
    return absl::OkStatus();
  });
}

grpc::Status AssessApi::RecordGroupFile(grpc::ServerContext* ctx,
                                        const v1::RecordGroupFileRequest* request,
                                        v1::GroupFile* response) {
  return gate_->Serve(ctx, Method("RecordGroupFile"), [&](const CallContext& call) -> absl::Status {
    const v1::GroupFile& in = request->file();
    GroupFile file;
    ASSIGN_OR_RETURN(file.group_code, names::ParseName(in.group(), "units", "file.group"));
    file.year = in.year();
    file.item_code = in.item();
    ASSIGN_OR_RETURN(file.kept_on, ParseDate(in.kept_on(), "file.kept_on"));
    file.location = in.location();
    file.recorded_by = call.principal.subject();
    ASSIGN_OR_RETURN(std::vector<FileItem> catalogue, records_->FileCatalogue(call.deadline));
    RETURN_IF_ERROR(ValidateGroupFile(file, catalogue, TodayInChina()));
    RETURN_IF_ERROR(CheckGroup(file.group_code, "file.group", call));
    RETURN_IF_ERROR(records_->RecordGroupFile(file, call.deadline));
    *response = in;
    response->set_kept_on(FormatDate(file.kept_on));
    return absl::OkStatus();
  });
}

grpc::Status AssessApi::GetFileChecklist(grpc::ServerContext* ctx,
                                         const v1::GetFileChecklistRequest* request,
                                         v1::FileChecklist* response) {
  return gate_->Serve(
      ctx, Method("GetFileChecklist"), [&](const CallContext& call) -> absl::Status {
        ASSIGN_OR_RETURN(std::string group, names::ParseName(request->group(), "units", "group"));
        if (request->year() < 2000 || request->year() > 9999) {
          return InvalidArgument("year", "INVALID_YEAR", "year: a year like 2021");
        }
        ASSIGN_OR_RETURN(std::vector<FileItem> catalogue, records_->FileCatalogue(call.deadline));
        ASSIGN_OR_RETURN(auto kept, records_->GroupFiles(group, request->year(), call.deadline));
        response->set_group(names::MakeName("units", group));
        response->set_year(request->year());
        for (const FileItem& item : catalogue) {
          v1::FileChecklistLine* line = response->add_lines();
          line->set_item(item.code);
          line->set_title(item.title);
          auto it = kept.find(item.code);
          if (it == kept.end()) continue;
          line->set_kept(true);
          line->set_kept_on(FormatDate(it->second.kept_on));
          line->set_location(it->second.location);
          response->set_kept(response->kept() + 1);
        }
        response->set_items(static_cast<int>(catalogue.size()));
        return absl::OkStatus();
      });
}

}  // namespace paizhu::assess
