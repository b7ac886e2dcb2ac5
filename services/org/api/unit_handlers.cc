// Units, quotas, supervision and zones.

#include "absl/strings/str_cat.h"
#include "common/names/page_token.h"
#include "common/names/resource_name.h"
#include "common/sql/idempotency.h"
#include "common/status/macros.h"
#include "common/status/status.h"
#include "common/time/civil_date.h"
#include "services/org/api/convert.h"
#include "services/org/api/org_api.h"
#include "services/org/domain/posts.h"

namespace paizhu::org {

using server::CallContext;

grpc::Status OrgApi::GetUnit(grpc::ServerContext* ctx, const v1::GetUnitRequest* request,
                             v1::Unit* response) {
  return gate_->Serve(ctx, Method("GetUnit"), [&](const CallContext& call) -> absl::Status {
    ASSIGN_OR_RETURN(std::string code, names::ParseName(request->name(), "units", "name"));
    ASSIGN_OR_RETURN(absl::CivilDay as_of, DateOrToday(request->as_of(), "as_of"));
    ASSIGN_OR_RETURN(std::optional<UnitView> view,
                     repository_->GetUnit(code, as_of, call.deadline));
    if (!view) return NotFound("UNIT_NOT_FOUND", absl::StrCat(request->name(), " does not exist"));
    ToProto(*view, response);
    return absl::OkStatus();
  });
}

grpc::Status OrgApi::ListUnits(grpc::ServerContext* ctx, const v1::ListUnitsRequest* request,
                               v1::ListUnitsResponse* response) {
  return gate_->Serve(ctx, Method("ListUnits"), [&](const CallContext& call) -> absl::Status {
    UnitFilter filter;
    if (!request->kind().empty()) {
      if (!IsUnitKind(request->kind())) {
        return InvalidArgument("kind", "INVALID_UNIT_KIND",
                               absl::StrCat("kind: '", request->kind(), "' is not a unit kind"));
      }
      filter.kind = request->kind();
    }
    if (!request->parent().empty()) {
      ASSIGN_OR_RETURN(filter.parent_code, names::ParseName(request->parent(), "units", "parent"));
    }
    std::string fingerprint = absl::StrCat("kind=", filter.kind, ";parent=", filter.parent_code);
    ASSIGN_OR_RETURN(names::PageRequest page,
                     names::ParsePage(request->page_size(), request->page_token(), fingerprint));
    // One more than asked tells whether another page exists.
    ASSIGN_OR_RETURN(std::vector<Unit> units,
                     repository_->ListUnits(filter, page.after_key, page.limit + 1, call.deadline));
    bool more = static_cast<int>(units.size()) > page.limit;
    if (more) units.resize(page.limit);
    for (const Unit& unit : units) ToProto(unit, response->add_units());
    if (more) response->set_next_page_token(names::MakePageToken(units.back().code, fingerprint));
    return absl::OkStatus();
  });
}

grpc::Status OrgApi::CreateUnit(grpc::ServerContext* ctx, const v1::CreateUnitRequest* request,
                                v1::Unit* response) {
  return gate_->Serve(ctx, Method("CreateUnit"), [&](const CallContext& call) -> absl::Status {
    Unit unit;
    unit.code = request->unit_id();
    unit.kind = request->unit().kind();
    unit.display_name = request->unit().display_name();
    if (!request->unit().parent().empty()) {
      ASSIGN_OR_RETURN(unit.parent_code,
                       names::ParseName(request->unit().parent(), "units", "unit.parent"));
    }
    if (!request->unit().guiding_office().empty()) {
      ASSIGN_OR_RETURN(unit.guiding_office_code, names::ParseName(request->unit().guiding_office(),
                                                                  "units", "unit.guiding_office"));
    }
    ASSIGN_OR_RETURN(unit.established_on,
                     ParseDate(request->unit().established_on(), "unit.established_on"));
    ASSIGN_OR_RETURN(unit.dissolved_on,
                     OptionalDate(request->unit().dissolved_on(), "unit.dissolved_on"));
    RETURN_IF_ERROR(ValidateNewUnit(unit));
    v1::CreateUnitRequest canonical = *request;
    canonical.clear_request_id();
    sql::RequestKey key(request->request_id(), "CreateUnit", canonical.SerializeAsString());
    ASSIGN_OR_RETURN(UnitView created, repository_->CreateUnit(unit, key, call.deadline));
    ToProto(created, response);
    return absl::OkStatus();
  });
}

grpc::Status OrgApi::UpdateUnit(grpc::ServerContext* ctx, const v1::UpdateUnitRequest* request,
                                v1::Unit* response) {
  return gate_->Serve(ctx, Method("UpdateUnit"), [&](const CallContext& call) -> absl::Status {
    const v1::Unit& in = request->unit();
    ASSIGN_OR_RETURN(std::string code, names::ParseName(in.name(), "units", "unit.name"));
    ASSIGN_OR_RETURN(int64_t version, ParseEtag(in.etag(), "unit.etag"));
    RETURN_IF_ERROR(
        CheckMask(request->update_mask(), {"display_name", "dissolved_on", "guiding_office"}));
    ASSIGN_OR_RETURN(std::optional<UnitView> current,
                     repository_->GetUnit(code, TodayInChina(), call.deadline));
    if (!current) return NotFound("UNIT_NOT_FOUND", absl::StrCat(in.name(), " does not exist"));
    Unit unit = current->unit;
    if (InMask(request->update_mask(), "display_name")) unit.display_name = in.display_name();
    if (InMask(request->update_mask(), "dissolved_on")) {
      ASSIGN_OR_RETURN(unit.dissolved_on, OptionalDate(in.dissolved_on(), "unit.dissolved_on"));
    }
    if (InMask(request->update_mask(), "guiding_office")) {
      unit.guiding_office_code.clear();
      if (!in.guiding_office().empty()) {
        ASSIGN_OR_RETURN(unit.guiding_office_code,
                         names::ParseName(in.guiding_office(), "units", "unit.guiding_office"));
      }
    }
    RETURN_IF_ERROR(ValidateNewUnit(unit));
    ASSIGN_OR_RETURN(UnitView updated, repository_->UpdateUnit(unit, version, call.deadline));
    ToProto(updated, response);
    return absl::OkStatus();
  });
}

grpc::Status OrgApi::DeleteUnit(grpc::ServerContext* ctx, const v1::DeleteUnitRequest* request,
                                google::protobuf::Empty* response) {
  return gate_->Serve(ctx, Method("DeleteUnit"), [&](const CallContext& call) -> absl::Status {
    ASSIGN_OR_RETURN(std::string code, names::ParseName(request->name(), "units", "name"));
    ASSIGN_OR_RETURN(int64_t version, ParseEtag(request->etag(), "etag"));
    return repository_->DeleteUnit(code, version, call.deadline);
  });
}

grpc::Status OrgApi::SetPostQuota(grpc::ServerContext* ctx, const v1::SetPostQuotaRequest* request,
                                  v1::Unit* response) {
  return gate_->Serve(ctx, Method("SetPostQuota"), [&](const CallContext& call) -> absl::Status {
    ASSIGN_OR_RETURN(std::string group, names::ParseName(request->unit(), "units", "unit"));
    if (!IsGroupPost(request->post())) {
      return InvalidArgument("post", "INVALID_POST",
                             "post: a group's posts are leader, deputy and staff");
    }
    if (request->count() < 0 || request->count() > 20) {
      return InvalidArgument("count", "INVALID_COUNT", "count: between 0 and 20");
    }
    ASSIGN_OR_RETURN(absl::CivilDay from, ParseDate(request->from_date(), "from_date"));
    ASSIGN_OR_RETURN(UnitView view,
                     repository_->SetPostQuota(group, request->post(), request->count(),
                                               request->rank_note(), from, call.deadline));
    ToProto(view, response);
    return absl::OkStatus();
  });
}

grpc::Status OrgApi::AssignSupervision(grpc::ServerContext* ctx,
                                       const v1::AssignSupervisionRequest* request,
                                       v1::Unit* response) {
  return gate_->Serve(
      ctx, Method("AssignSupervision"), [&](const CallContext& call) -> absl::Status {
        ASSIGN_OR_RETURN(std::string unit, names::ParseName(request->unit(), "units", "unit"));
        std::string group;
        if (!request->group().empty()) {
          ASSIGN_OR_RETURN(group, names::ParseName(request->group(), "units", "group"));
        }
        ASSIGN_OR_RETURN(absl::CivilDay from, ParseDate(request->from_date(), "from_date"));
        ASSIGN_OR_RETURN(UnitView view,
                         repository_->AssignSupervision(unit, group, from, call.deadline));
        ToProto(view, response);
        return absl::OkStatus();
      });
}

grpc::Status OrgApi::AssignLiaison(grpc::ServerContext* ctx,
                                   const v1::AssignLiaisonRequest* request, v1::Unit* response) {
  return gate_->Serve(ctx, Method("AssignLiaison"), [&](const CallContext& call) -> absl::Status {
    ASSIGN_OR_RETURN(std::string group, names::ParseName(request->group(), "units", "group"));
    ASSIGN_OR_RETURN(std::string leader, names::ParseName(request->leader(), "people", "leader"));
    ASSIGN_OR_RETURN(absl::CivilDay from, ParseDate(request->from_date(), "from_date"));
    ASSIGN_OR_RETURN(std::optional<absl::CivilDay> to, OptionalDate(request->to_date(), "to_date"));
    v1::AssignLiaisonRequest canonical = *request;
    canonical.clear_request_id();
    sql::RequestKey key(request->request_id(), "AssignLiaison", canonical.SerializeAsString());
    ASSIGN_OR_RETURN(UnitView view,
                     repository_->AssignLiaison(group, leader, from, to, key, call.deadline));
    ToProto(view, response);
    return absl::OkStatus();
  });
}

grpc::Status OrgApi::EndLiaison(grpc::ServerContext* ctx, const v1::EndLiaisonRequest* request,
                                v1::Unit* response) {
  return gate_->Serve(ctx, Method("EndLiaison"), [&](const CallContext& call) -> absl::Status {
    ASSIGN_OR_RETURN(std::string group, names::ParseName(request->group(), "units", "group"));
    ASSIGN_OR_RETURN(std::string leader, names::ParseName(request->leader(), "people", "leader"));
    ASSIGN_OR_RETURN(absl::CivilDay to, ParseDate(request->to_date(), "to_date"));
    ASSIGN_OR_RETURN(UnitView view, repository_->EndLiaison(group, leader, to, call.deadline));
    ToProto(view, response);
    return absl::OkStatus();
  });
}

grpc::Status OrgApi::CreateZone(grpc::ServerContext* ctx, const v1::CreateZoneRequest* request,
                                v1::Zone* response) {
  return gate_->Serve(ctx, Method("CreateZone"), [&](const CallContext& call) -> absl::Status {
    Zone zone;
    zone.code = request->zone_id();
    if (!names::IsValidCode(zone.code)) {
      return InvalidArgument("zone_id", "INVALID_CODE",
                             "zone_id: 1-32 letters, digits, '-' or '_'");
    }
    zone.display_name = request->zone().display_name();
    if (zone.display_name.empty()) {
      return InvalidArgument("zone.display_name", "INVALID_DISPLAY_NAME",
                             "zone.display_name: required");
    }
    ASSIGN_OR_RETURN(zone.office_code,
                     names::ParseName(request->zone().office(), "units", "zone.office"));
    ASSIGN_OR_RETURN(zone.established_on,
                     ParseDate(request->zone().established_on(), "zone.established_on"));
    v1::CreateZoneRequest canonical = *request;
    canonical.clear_request_id();
    sql::RequestKey key(request->request_id(), "CreateZone", canonical.SerializeAsString());
    ASSIGN_OR_RETURN(Zone created, repository_->CreateZone(zone, key, call.deadline));
    ToProto(created, response);
    return absl::OkStatus();
  });
}

grpc::Status OrgApi::GetZone(grpc::ServerContext* ctx, const v1::GetZoneRequest* request,
                             v1::Zone* response) {
  return gate_->Serve(ctx, Method("GetZone"), [&](const CallContext& call) -> absl::Status {
    ASSIGN_OR_RETURN(std::string code, names::ParseName(request->name(), "zones", "name"));
    ASSIGN_OR_RETURN(absl::CivilDay as_of, DateOrToday(request->as_of(), "as_of"));
    ASSIGN_OR_RETURN(std::optional<Zone> zone, repository_->GetZone(code, as_of, call.deadline));
    if (!zone) return NotFound("ZONE_NOT_FOUND", absl::StrCat(request->name(), " does not exist"));
    ToProto(*zone, response);
    return absl::OkStatus();
  });
}

grpc::Status OrgApi::ListZones(grpc::ServerContext* ctx, const v1::ListZonesRequest* request,
                               v1::ListZonesResponse* response) {
  return gate_->Serve(ctx, Method("ListZones"), [&](const CallContext& call) -> absl::Status {
    ASSIGN_OR_RETURN(absl::CivilDay as_of, DateOrToday(request->as_of(), "as_of"));
    // The read date is part of what a page shows: a token is for one date only.
    std::string fingerprint = absl::StrCat("as_of=", FormatDate(as_of));
    ASSIGN_OR_RETURN(names::PageRequest page,
                     names::ParsePage(request->page_size(), request->page_token(), fingerprint));
    ASSIGN_OR_RETURN(std::vector<Zone> zones,
                     repository_->ListZones(page.after_key, page.limit + 1, as_of, call.deadline));
    bool more = static_cast<int>(zones.size()) > page.limit;
    if (more) zones.resize(page.limit);
    for (const Zone& zone : zones) ToProto(zone, response->add_zones());
    if (more) response->set_next_page_token(names::MakePageToken(zones.back().code, fingerprint));
    return absl::OkStatus();
  });
}

grpc::Status OrgApi::UpdateZone(grpc::ServerContext* ctx, const v1::UpdateZoneRequest* request,
                                v1::Zone* response) {
  return gate_->Serve(ctx, Method("UpdateZone"), [&](const CallContext& call) -> absl::Status {
    const v1::Zone& in = request->zone();
    ASSIGN_OR_RETURN(std::string code, names::ParseName(in.name(), "zones", "zone.name"));
    ASSIGN_OR_RETURN(int64_t version, ParseEtag(in.etag(), "zone.etag"));
    RETURN_IF_ERROR(CheckMask(request->update_mask(), {"display_name", "dissolved_on"}));
    ASSIGN_OR_RETURN(std::optional<Zone> current,
                     repository_->GetZone(code, TodayInChina(), call.deadline));
    if (!current) return NotFound("ZONE_NOT_FOUND", absl::StrCat(in.name(), " does not exist"));
    Zone zone = *current;
    if (InMask(request->update_mask(), "display_name")) {
      zone.display_name = in.display_name();
      if (zone.display_name.empty()) {
        return InvalidArgument("zone.display_name", "INVALID_DISPLAY_NAME",
                               "zone.display_name: required");
      }
    }
    if (InMask(request->update_mask(), "dissolved_on")) {
      ASSIGN_OR_RETURN(zone.dissolved_on, OptionalDate(in.dissolved_on(), "zone.dissolved_on"));
    }
    ASSIGN_OR_RETURN(Zone updated, repository_->UpdateZone(zone, version, call.deadline));
    ToProto(updated, response);
    return absl::OkStatus();
  });
}

grpc::Status OrgApi::AddZoneMember(grpc::ServerContext* ctx,
                                   const v1::AddZoneMemberRequest* request, v1::Zone* response) {
  return gate_->Serve(ctx, Method("AddZoneMember"), [&](const CallContext& call) -> absl::Status {
    ASSIGN_OR_RETURN(std::string zone, names::ParseName(request->zone(), "zones", "zone"));
    ASSIGN_OR_RETURN(std::string unit, names::ParseName(request->unit(), "units", "unit"));
    ASSIGN_OR_RETURN(absl::CivilDay from, ParseDate(request->from_date(), "from_date"));
    ASSIGN_OR_RETURN(Zone updated, repository_->AddZoneMember(zone, unit, from, call.deadline));
    ToProto(updated, response);
    return absl::OkStatus();
  });
}

grpc::Status OrgApi::EndZoneMember(grpc::ServerContext* ctx,
                                   const v1::EndZoneMemberRequest* request, v1::Zone* response) {
  return gate_->Serve(ctx, Method("EndZoneMember"), [&](const CallContext& call) -> absl::Status {
    ASSIGN_OR_RETURN(std::string zone, names::ParseName(request->zone(), "zones", "zone"));
    ASSIGN_OR_RETURN(std::string unit, names::ParseName(request->unit(), "units", "unit"));
    ASSIGN_OR_RETURN(absl::CivilDay to, ParseDate(request->to_date(), "to_date"));
    ASSIGN_OR_RETURN(Zone updated, repository_->EndZoneMember(zone, unit, to, call.deadline));
    ToProto(updated, response);
    return absl::OkStatus();
  });
}

grpc::Status OrgApi::ChangeZoneOffice(grpc::ServerContext* ctx,
                                      const v1::ChangeZoneOfficeRequest* request,
                                      v1::Zone* response) {
  return gate_->Serve(
      ctx, Method("ChangeZoneOffice"), [&](const CallContext& call) -> absl::Status {
        ASSIGN_OR_RETURN(std::string zone, names::ParseName(request->zone(), "zones", "zone"));
        ASSIGN_OR_RETURN(std::string office,
                         names::ParseName(request->office(), "units", "office"));
        ASSIGN_OR_RETURN(absl::CivilDay from, ParseDate(request->from_date(), "from_date"));
        ASSIGN_OR_RETURN(int64_t version, ParseEtag(request->etag(), "etag"));
        ASSIGN_OR_RETURN(Zone updated,
                         repository_->ChangeZoneOffice(zone, office, from, version, call.deadline));
        ToProto(updated, response);
        return absl::OkStatus();
      });
}

}  // namespace paizhu::org
