#pragma once
// gRPC handlers of paizhu.assess.v1.AssessService: proto <-> domain, nothing else.

#include "common/client/unit_directory.h"
#include "common/server/call.h"
#include "paizhu/assess/v1/assess.grpc.pb.h"
#include "services/assess/storage/activity_repository.h"

namespace paizhu::assess {

class AssessApi final : public paizhu::assess::v1::AssessService::Service {
 public:
  AssessApi(const server::CallGate* gate, ActivityRepository* activities,
            const client::UnitDirectory* units)
      : gate_(gate), activities_(activities), units_(units) {}

  grpc::Status RecordActivity(grpc::ServerContext* ctx, const v1::RecordActivityRequest* request,
                              v1::Activity* response) override;
  grpc::Status ListActivities(grpc::ServerContext* ctx, const v1::ListActivitiesRequest* request,
                              v1::ListActivitiesResponse* response) override;

 private:
  const server::CallGate* gate_;
  ActivityRepository* activities_;
  const client::UnitDirectory* units_;
};

}  // namespace paizhu::assess
