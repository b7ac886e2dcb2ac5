#pragma once
// The gateway's one handler: every call arrives here (a callback generic service), is
// authenticated (bearer JWT), resolved into a principal, authorised against the
// method's declared access, and forwarded to its service with the principal signed by
// that service's own key. Deadline and cancellation travel with it; the service's answer
// (status, reason and field included) goes back unchanged.

#include <map>
#include <memory>
#include <string>

#include "common/auth/jwt.h"
#include "common/auth/principal.h"
#include "grpcpp/generic/async_generic_service.h"
#include "grpcpp/generic/generic_stub.h"
#include "services/gateway/api/principal_resolver.h"
#include "services/gateway/domain/routes.h"

namespace paizhu::gateway {

struct Backend {
  std::unique_ptr<grpc::GenericStub> stub;
  auth::PrincipalSigner signer;  // holds the destination's key
};

class ProxyService final : public grpc::CallbackGenericService {
 public:
  ProxyService(RouteTable routes, std::map<std::string, Backend> backends,
               std::unique_ptr<auth::JwtVerifier> jwt, std::unique_ptr<PrincipalResolver> resolver)
      : routes_(std::move(routes)),
        backends_(std::move(backends)),
        jwt_(std::move(jwt)),
        resolver_(std::move(resolver)) {}

  grpc::ServerGenericBidiReactor* CreateReactor(grpc::GenericCallbackServerContext* ctx) override;

  const RouteTable& routes() const { return routes_; }
  Backend* backend(const std::string& name);
  const auth::JwtVerifier& jwt() const { return *jwt_; }
  PrincipalResolver& resolver() { return *resolver_; }

 private:
  RouteTable routes_;
  std::map<std::string, Backend> backends_;
  std::unique_ptr<auth::JwtVerifier> jwt_;
  std::unique_ptr<PrincipalResolver> resolver_;
};

}  // namespace paizhu::gateway
