// Who may make a call: the caller's credentials to a principal, then the rate limit and
// the method's declared access. Shared by the gRPC proxy and the JSON endpoint.

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "common/auth/access.h"
#include "common/log/log.h"
#include "common/status/status.h"
#include "services/gateway/api/proxy.h"
#include "services/gateway/api/refusals.h"

namespace paizhu::gateway {
namespace {

// Every authentication failure looks the same to the caller; the log says why.
absl::Status Refuse(absl::string_view why, absl::string_view method, const Caller& caller,
                    const std::string& request_id) {
  AuthFailures().Increment();
  log::Warn("unauthenticated call", {{"method", std::string(method)},
                                     {"why", std::string(why)},
                                     {"peer", caller.peer},
                                     {"request_id", request_id}});
  return Unauthenticated(auth::kReasonUnauthenticated, "unauthenticated");
}

}  // namespace

void ProxyService::Admit(const Route& route, absl::string_view method, const Caller& caller,
                         absl::Time deadline, const std::string& request_id, AccessRecord* record,
                         AdmitDone done) {
  // Checked once the caller is known, against its roles or scopes.
  auto authorize = [this, &route, method = std::string(method), caller, request_id, record,
                    done = std::move(done)](absl::StatusOr<auth::Principal> principal) {
    if (!principal.ok()) {
      if (principal.status().code() == absl::StatusCode::kUnauthenticated) {
        return done(Refuse(principal.status().message(), method, caller, request_id));
      }
      return done(principal.status());
    }
    record->principal = PrincipalLabel(*principal);
    if (limiter_ != nullptr && !limiter_->Allow(*principal, absl::Now())) {
      RateLimited().Increment();
      return done(MakeError(absl::StatusCode::kResourceExhausted, kReasonRateLimited,
                            "too many calls from this caller; retry later"));
    }
    if (absl::Status allowed = auth::Authorize(*principal, route.access, method); !allowed.ok()) {
      return done(allowed);
    }
    done(std::move(principal));
  };

  // A verified client certificate: a system, whatever else the call carries.
  if (caller.has_certificate) {
    std::optional<auth::Principal> system;
    if (systems_ != nullptr) system = systems_->Find(caller.certificate_subject);
    if (!system.has_value()) {
      return authorize(
          Unauthenticated(auth::kReasonUnauthenticated,
                          absl::StrCat("certificate subject '", caller.certificate_subject,
                                       "' is not in the systems file")));
    }
    return authorize(*std::move(system));
  }
  if (!absl::StartsWithIgnoreCase(caller.authorization, "bearer ")) {
    return authorize(Unauthenticated(auth::kReasonUnauthenticated, "no bearer token"));
  }
  auto claims = authenticator_->Authenticate(
      absl::StripAsciiWhitespace(absl::string_view(caller.authorization).substr(7)));
  if (!claims.ok()) return authorize(claims.status());
  record->principal = absl::StrCat("person:", claims->subject);
  resolver_->Resolve(claims->subject, std::min(deadline, absl::Now() + absl::Seconds(5)),
                     request_id, std::move(authorize));
}

}  // namespace paizhu::gateway
