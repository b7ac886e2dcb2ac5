#pragma once
// Turns an authenticated person code into their principal (roles, visible units) by
// asking the org service, as the gateway's own service identity; answers are cached
// briefly per person (domain/principal_cache.h).

#include <functional>
#include <memory>
#include <string>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "common/auth/principal.h"
#include "grpcpp/channel.h"
#include "paizhu/org/v1/org.grpc.pb.h"
#include "services/gateway/domain/principal_cache.h"

namespace paizhu::gateway {

class PrincipalResolver {
 public:
  // `cache_size` 0 turns the cache off.
  PrincipalResolver(std::shared_ptr<grpc::Channel> org_channel, auth::PrincipalSigner org_signer,
                    size_t cache_size = 10'000, absl::Duration cache_ttl = absl::Seconds(30));

  using Done = std::function<void(absl::StatusOr<auth::Principal>)>;
  // Calls `done` exactly once: at once on a cache hit, else on a gRPC thread. An unknown
  // person is UNAUTHENTICATED.
  void Resolve(const std::string& person_code, absl::Time deadline, const std::string& request_id,
               Done done);

  const PrincipalCache& cache() const { return *cache_; }

 private:
  std::unique_ptr<org::v1::OrgService::Stub> stub_;
  auth::PrincipalSigner signer_;
  std::shared_ptr<PrincipalCache> cache_;  // shared with calls in flight
};

}  // namespace paizhu::gateway
