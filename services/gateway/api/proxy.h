#pragma once
// The gateway's one handler: every call arrives here (a callback generic service), is
// admitted under the concurrency cap, authenticated (bearer JWT, verified tokens
// cached), resolved into a principal (cached briefly), rate limited per principal,
// authorised against the method's declared access, and forwarded to its service with the
// principal signed by that service's own key and a bounded deadline. Unary and
// server-streaming methods are proxied (the shape comes from the descriptors; gRPC
// delivers every generic call as bidi), the bytes untouched. Cancellation travels with
// the call; the service's answer (messages, status with reason and field, initial and
// trailing metadata) goes back unchanged. Every call, whatever its outcome, leaves one
// access line in the log.

#include <functional>
#include <map>
#include <memory>
#include <string>

#include "common/auth/principal.h"
#include "grpcpp/generic/async_generic_service.h"
#include "grpcpp/generic/generic_stub.h"
#include "services/gateway/api/principal_resolver.h"
#include "services/gateway/domain/audit.h"
#include "services/gateway/domain/authenticator.h"
#include "services/gateway/domain/deadline.h"
#include "services/gateway/domain/limits.h"
#include "services/gateway/domain/reflection.h"
#include "services/gateway/domain/routes.h"
#include "services/gateway/domain/systems.h"

namespace paizhu::gateway {

struct Backend {
  std::unique_ptr<grpc::GenericStub> stub;
  auth::PrincipalSigner signer;  // holds the destination's key
};

// Who is calling, as the transport saw it.
struct Caller {
  std::string authorization;  // the `authorization` header, e.g. "Bearer eyJ..."
  std::string peer;           // for the log
  // A client certificate the TLS handshake verified: the caller is a system.
  bool has_certificate = false;
  std::string certificate_subject;  // RFC 2253, e.g. "CN=hr,O=City HR Bureau"
};

// The caller of a call as its context shows it.
Caller CallerOf(const grpc::GenericCallbackServerContext& ctx);
// The serialized message in a buffer (the buffer itself is left as it was).
std::string BufferBytes(const grpc::ByteBuffer& buffer);

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

  // The systems that may call with a client certificate; without, every certificate
  // caller is refused.
  void SetSystems(std::unique_ptr<SystemDirectory> systems) { systems_ = std::move(systems); }
  // Server reflection of the public services for authenticated callers; without, a
  // reflection call is refused like any unrouted method.
  void SetReflection(std::unique_ptr<PublicReflection> reflection) {
    reflection_ = std::move(reflection);
  }
  const PublicReflection* reflection() const { return reflection_.get(); }

  grpc::ServerGenericBidiReactor* CreateReactor(grpc::GenericCallbackServerContext* ctx) override;

  // Authenticates the caller, resolves the person, applies the rate limit and checks the
  // method's declared access. Calls `done` exactly once (at once, or on a gRPC thread)
  // with the principal to forward, or the error to answer with: every authentication
  // failure is the same UNAUTHENTICATED (the log says why). Sets `record->principal`.
  using AdmitDone = std::function<void(absl::StatusOr<auth::Principal>)>;
  void Admit(const Route& route, absl::string_view method, const Caller& caller,
             absl::Time deadline, const std::string& request_id, AccessRecord* record,
             AdmitDone done);

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
  std::unique_ptr<SystemDirectory> systems_;
  std::unique_ptr<PublicReflection> reflection_;
  ProxyOptions options_;
  ConcurrencyLimit in_flight_;
};

}  // namespace paizhu::gateway
