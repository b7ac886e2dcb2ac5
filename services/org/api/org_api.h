#pragma once
// gRPC handlers of paizhu.org.v1.OrgService: proto <-> domain, nothing else.

#include "common/server/call.h"
#include "paizhu/org/v1/org.grpc.pb.h"
#include "services/org/storage/org_repository.h"

namespace paizhu::org {

class OrgApi final : public paizhu::org::v1::OrgService::Service {
 public:
  OrgApi(const server::CallGate* gate, OrgRepository* repository)
      : gate_(gate), repository_(repository) {}

  grpc::Status GetUnit(grpc::ServerContext* ctx, const v1::GetUnitRequest* request,
                       v1::Unit* response) override;
  grpc::Status ListUnits(grpc::ServerContext* ctx, const v1::ListUnitsRequest* request,
                         v1::ListUnitsResponse* response) override;
  grpc::Status CreateUnit(grpc::ServerContext* ctx, const v1::CreateUnitRequest* request,
                          v1::Unit* response) override;
  grpc::Status ResolvePrincipal(grpc::ServerContext* ctx,
                                const v1::ResolvePrincipalRequest* request,
                                paizhu::common::v1::Principal* response) override;
  grpc::Status GetPerson(grpc::ServerContext* ctx, const v1::GetPersonRequest* request,
                         v1::Person* response) override;

 private:
  const server::CallGate* gate_;
  OrgRepository* repository_;
};

}  // namespace paizhu::org
