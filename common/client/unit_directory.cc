#include "common/client/unit_directory.h"

#include "common/names/resource_name.h"
#include "common/status/grpc_status.h"
#include "common/status/macros.h"
#include "common/status/status.h"

namespace paizhu::client {

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
  if (!status.ok()) {
    // Org's own reason (e.g. DB_UNAVAILABLE) is kept for the log; callers see UNAVAILABLE.
    absl::Status cause = FromGrpcStatus(status);
    return Unavailable("ORG_UNAVAILABLE", absl::StrCat("the organisation service did not answer (",
                                                       ErrorReason(cause), ")"));
  }
  auto bare = [](const std::string& name) {
    return name.rfind("units/", 0) == 0 ? name.substr(6) : name;
  };
  return UnitFacts{unit.kind(), bare(unit.guiding_office()), bare(unit.supervising_group())};
}

}  // namespace paizhu::client
