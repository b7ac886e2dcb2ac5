#pragma once
// The gateway's one handler: every call arrives here (a callback generic service), is
// admitted under the concurrency cap, authenticated (bearer JWT, verified tokens
// cached), resolved into a principal (cached briefly), rate limited per principal,
// authorised against the method's declared access, and forwarded to its service with the
// principal signed by that service's own key and a bounded deadline. Cancellation
// travels with it; the service's answer (status, reason and field included) goes back
// unchanged. Every call, whatever its outcome, leaves one access line in the log.

#include <map>
#include <memory>
#include <string>

#include "common/auth/principal.h"
#include "grpcpp/generic/async_generic_service.h"
#include "grpcpp/generic/generic_stub.h"
#include "services/gateway/api/principal_resolver.h"
#include "services/gateway/domain/authenticator.h"
#include "services/gateway/domain/deadline.h"
#include "services/gateway/domain/limits.h"
#include "services/gateway/domain/routes.h"

namespace paizhu::gateway {

struct Backend {
  std::unique_ptr<grpc::GenericStub> stub;
  auth::PrincipalSigner signer;  // holds the destination's key
};

struct ProxyOptions {
  DeadlinePolicy deadlines;
  int max_concurrent_calls = 1000;
};

class ProxyService final : public grpc::CallbackGenericService {
 public:
  // `limiter` may be null: no rate limits.
  ProxyService(RouteTable routes, std::map<std::string, Backend> backends,
               std::unique_ptr<Authenticator> authenticator,
               std::unique_ptr<PrincipalResolver> resolver, std::unique_ptr<RateLimiter> limiter,
               ProxyOptions options)
      : routes_(std::move(routes)),
        backends_(std::move(backends)),
        authenticator_(std::move(authenticator)),
        resolver_(std::move(resolver)),
        limiter_(std::move(limiter)),
        options_(options),
        in_flight_(options.max_concurrent_calls) {}

  grpc::ServerGenericBidiReactor* CreateReactor(grpc::GenericCallbackServerContext* ctx) override;

  const RouteTable& routes() const { return routes_; }
  Backend* backend(const std::string& name);
  Authenticator& authenticator() { return *authenticator_; }
  PrincipalResolver& resolver() { return *resolver_; }
  RateLimiter* limiter() { return limiter_.get(); }
  const ProxyOptions& options() const { return options_; }
  ConcurrencyLimit& in_flight() { return in_flight_; }

 private:
  RouteTable routes_;
  std::map<std::string, Backend> backends_;
  std::unique_ptr<Authenticator> authenticator_;
  std::unique_ptr<PrincipalResolver> resolver_;
  std::unique_ptr<RateLimiter> limiter_;
  ProxyOptions options_;
  ConcurrencyLimit in_flight_;
};

}  // namespace paizhu::gateway
