#include "services/org/api/org_api.h"

#include "absl/strings/str_cat.h"
#include "common/names/page_token.h"
#include "common/names/resource_name.h"
#include "common/status/macros.h"
#include "common/status/status.h"
#include "common/time/civil_date.h"

namespace paizhu::org {
namespace {

using server::CallContext;

constexpr char kService[] = "/paizhu.org.v1.OrgService/";

std::string Method(const char* name) { return absl::StrCat(kService, name); }

void ToProto(const Unit& unit, v1::Unit* out) {
  out->set_name(names::MakeName("units", unit.code));
  out->set_kind(unit.kind);
  out->set_display_name(unit.display_name);
  if (!unit.parent_code.empty()) out->set_parent(names::MakeName("units", unit.parent_code));
  out->set_established_on(FormatDate(unit.established_on));
  if (unit.dissolved_on) out->set_dissolved_on(FormatDate(*unit.dissolved_on));
  out->set_etag(absl::StrCat(unit.version));
}

absl::StatusOr<Unit> FromProto(const v1::CreateUnitRequest& request) {
  Unit unit;
  unit.code = request.unit_id();
  unit.kind = request.unit().kind();
  unit.display_name = request.unit().display_name();
  if (!request.unit().parent().empty()) {
    ASSIGN_OR_RETURN(unit.parent_code,
                     names::ParseName(request.unit().parent(), "units", "unit.parent"));
  }
  ASSIGN_OR_RETURN(unit.established_on,
                   ParseDate(request.unit().established_on(), "unit.established_on"));
  if (!request.unit().dissolved_on().empty()) {
    ASSIGN_OR_RETURN(unit.dissolved_on,
                     ParseDate(request.unit().dissolved_on(), "unit.dissolved_on"));
  }
  return unit;
}

}  // namespace

grpc::Status OrgApi::GetUnit(grpc::ServerContext* ctx, const v1::GetUnitRequest* request,
                             v1::Unit* response) {
  return gate_->Serve(ctx, Method("GetUnit"), [&](const CallContext& call) -> absl::Status {
    ASSIGN_OR_RETURN(std::string code, names::ParseName(request->name(), "units", "name"));
    ASSIGN_OR_RETURN(std::optional<Unit> unit, repository_->GetUnit(code, call.deadline));
    if (!unit) return NotFound("UNIT_NOT_FOUND", absl::StrCat(request->name(), " does not exist"));
    ToProto(*unit, response);
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
    ASSIGN_OR_RETURN(Unit unit, FromProto(*request));
    RETURN_IF_ERROR(ValidateNewUnit(unit));
    v1::CreateUnitRequest canonical = *request;
    canonical.clear_request_id();
    sql::RequestKey key(request->request_id(), "CreateUnit", canonical.SerializeAsString());
    ASSIGN_OR_RETURN(Unit created, repository_->CreateUnit(unit, key, call.deadline));
    ToProto(created, response);
    return absl::OkStatus();
  });
}

grpc::Status OrgApi::ResolvePrincipal(grpc::ServerContext* ctx,
                                      const v1::ResolvePrincipalRequest* request,
                                      paizhu::common::v1::Principal* response) {
  return gate_->Serve(
      ctx, Method("ResolvePrincipal"), [&](const CallContext& call) -> absl::Status {
        ASSIGN_OR_RETURN(std::string code, names::ParseName(request->person(), "people", "person"));
        absl::CivilDay as_of = TodayInChina();
        if (!request->as_of().empty()) {
          ASSIGN_OR_RETURN(as_of, ParseDate(request->as_of(), "as_of"));
        }
        ASSIGN_OR_RETURN(std::optional<ResolvedPerson> person,
                         repository_->ResolvePerson(code, as_of, call.deadline));
        if (!person)
          return NotFound("PERSON_NOT_FOUND", absl::StrCat(request->person(), " does not exist"));
        response->set_kind(paizhu::common::v1::Principal::PERSON);
        response->set_subject(person->code);
        for (const RoleGrant& grant : person->roles) {
          auto* out = response->add_roles();
          out->set_role(grant.role);
          if (!grant.unit_code.empty()) out->set_unit(names::MakeName("units", grant.unit_code));
        }
        for (const std::string& unit : VisibleUnits(*person)) {
          response->add_visible_units(names::MakeName("units", unit));
        }
        return absl::OkStatus();
      });
}

grpc::Status OrgApi::GetPerson(grpc::ServerContext* ctx, const v1::GetPersonRequest* request,
                               v1::Person* response) {
  return gate_->Serve(ctx, Method("GetPerson"), [&](const CallContext& call) -> absl::Status {
    ASSIGN_OR_RETURN(std::string code, names::ParseName(request->name(), "people", "name"));
    ASSIGN_OR_RETURN(std::optional<ResolvedPerson> person,
                     repository_->ResolvePerson(code, TodayInChina(), call.deadline));
    if (!person)
      return NotFound("PERSON_NOT_FOUND", absl::StrCat(request->name(), " does not exist"));
    response->set_name(names::MakeName("people", person->code));
    response->set_display_name(person->display_name);
    for (const RoleGrant& grant : person->roles) {
      response->add_roles(grant.unit_code.empty()
                              ? grant.role
                              : absl::StrCat(grant.role, "@units/", grant.unit_code));
    }
    return absl::OkStatus();
  });
}

}  // namespace paizhu::org
