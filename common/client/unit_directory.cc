#include "common/client/unit_directory.h"

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "common/names/resource_name.h"
#include "common/status/grpc_status.h"
#include "common/status/macros.h"
#include "common/status/status.h"

namespace paizhu::client {
namespace {

std::string Bare(const std::string& name, absl::string_view collection) {
  return absl::StartsWith(name, collection) ? name.substr(collection.size()) : name;
}

// Org's own reason (e.g. DB_UNAVAILABLE) is kept for the log; callers see UNAVAILABLE.
absl::Status OrgUnavailable(const grpc::Status& status) {
  absl::Status cause = FromGrpcStatus(status);
  return Unavailable("ORG_UNAVAILABLE", absl::StrCat("the organisation service did not answer (",
                                                     ErrorReason(cause), ")"));
}

}  // namespace

UnitDirectory::UnitDirectory(std::unique_ptr<client::Downstream> org)
    : org_(std::move(org)), stub_(org::v1::OrgService::NewStub(org_->channel())) {}

absl::StatusOr<std::optional<std::string>> UnitDirectory::UnitKind(
    const std::string& code, const server::CallContext& call) const {
  ASSIGN_OR_RETURN(std::optional<UnitFacts> facts, Lookup(code, call));
  if (!facts) return std::nullopt;
  return facts->kind;
}

absl::StatusOr<std::optional<UnitFacts>> UnitDirectory::Lookup(
    const std::string& code, const server::CallContext& call) const {
  auto ctx = org_->NewCall("/paizhu.org.v1.OrgService/GetUnit", &call);
  org::v1::GetUnitRequest request;
  request.set_name(names::MakeName("units", code));
  org::v1::Unit unit;
  grpc::Status status = stub_->GetUnit(ctx.get(), request, &unit);
  if (status.error_code() == grpc::StatusCode::NOT_FOUND) return std::nullopt;
  if (!status.ok()) return OrgUnavailable(status);
  UnitFacts facts{unit.kind(), Bare(unit.guiding_office(), "units/"),
                  Bare(unit.supervising_group(), "units/"), Bare(unit.zone(), "zones/")};
  for (const auto& quota : unit.quotas()) {
    if (quota.post() == "leader" && quota.filled() == 0) facts.leader_vacant = true;
  }
  return facts;
}

absl::StatusOr<std::optional<std::string>> UnitDirectory::ZoneOffice(
    const std::string& zone_code, const server::CallContext& call) const {
  auto ctx = org_->NewCall("/paizhu.org.v1.OrgService/GetZone", &call);
  org::v1::GetZoneRequest request;
  request.set_name(names::MakeName("zones", zone_code));
  org::v1::Zone zone;
  grpc::Status status = stub_->GetZone(ctx.get(), request, &zone);
  if (status.error_code() == grpc::StatusCode::NOT_FOUND) return std::nullopt;
  if (!status.ok()) return OrgUnavailable(status);
  return Bare(zone.office(), "units/");
}

}  // namespace paizhu::client
