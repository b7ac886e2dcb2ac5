#pragma once
// Turns an authenticated person code into their principal (roles, visible units) by
// asking the org service, as the gateway's own service identity. The gateway issue adds
// a bounded, short-lived cache here.

#include <functional>
#include <memory>
#include <string>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "common/auth/principal.h"
#include "grpcpp/channel.h"
#include "paizhu/org/v1/org.grpc.pb.h"

namespace paizhu::gateway {

class PrincipalResolver {
 public:
  PrincipalResolver(std::shared_ptr<grpc::Channel> org_channel, auth::PrincipalSigner org_signer);

  using Done = std::function<void(absl::StatusOr<auth::Principal>)>;
  // Calls `done` exactly once, on a gRPC thread. An unknown person is UNAUTHENTICATED.
  void Resolve(const std::string& person_code, absl::Time deadline, const std::string& request_id,
               Done done);

 private:
  std::unique_ptr<org::v1::OrgService::Stub> stub_;
  auth::PrincipalSigner signer_;
};

}  // namespace paizhu::gateway
