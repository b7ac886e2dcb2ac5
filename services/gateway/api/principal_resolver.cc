#include "services/gateway/api/principal_resolver.h"

#include "absl/time/clock.h"
#include "common/log/log.h"
#include "common/names/resource_name.h"
#include "common/status/grpc_status.h"
#include "common/status/status.h"

namespace paizhu::gateway {
namespace {

constexpr char kResolveMethod[] = "/paizhu.org.v1.OrgService/ResolvePrincipal";

// One resolution in flight: owns what the async call needs until it completes.
struct Pending {
  grpc::ClientContext ctx;
  org::v1::ResolvePrincipalRequest request;
  auth::Principal response;
  PrincipalResolver::Done done;
};

}  // namespace

PrincipalResolver::PrincipalResolver(std::shared_ptr<grpc::Channel> org_channel,
                                     auth::PrincipalSigner org_signer, size_t cache_size,
                                     absl::Duration cache_ttl)
    : stub_(org::v1::OrgService::NewStub(org_channel)),
      signer_(std::move(org_signer)),
      cache_(std::make_shared<PrincipalCache>(cache_size, cache_ttl)) {}

void PrincipalResolver::Resolve(const std::string& person_code, absl::Time deadline,
                                const std::string& request_id, Done done) {
  if (std::optional<auth::Principal> cached = cache_->Get(person_code, absl::Now())) {
    return done(*std::move(cached));
  }
  auto* pending = new Pending;
  pending->done = std::move(done);
  pending->request.set_person(names::MakeName("people", person_code));
  pending->ctx.set_deadline(absl::ToChronoTime(deadline));
  pending->ctx.AddMetadata("x-request-id", request_id);
  auth::Principal self;
  self.set_kind(auth::Principal::SERVICE);
  self.set_subject("gateway");
  pending->ctx.AddMetadata(auth::kPrincipalMetadataKey, signer_.Sign(self, "org", kResolveMethod));
  stub_->async()->ResolvePrincipal(
      &pending->ctx, &pending->request, &pending->response,
      [pending, person_code, cache = cache_](grpc::Status status) {
        std::unique_ptr<Pending> owned(pending);
        if (status.ok()) {
          cache->Put(person_code, owned->response, absl::Now());
          owned->done(std::move(owned->response));
        } else if (status.error_code() == grpc::StatusCode::NOT_FOUND) {
          owned->done(Unauthenticated("UNAUTHENTICATED", "the token's person does not exist"));
        } else {
          absl::Status failure = FromGrpcStatus(status);
          log::Warn("cannot resolve principal", {{"code", absl::StatusCodeToString(failure.code())},
                                                 {"reason", ErrorReason(failure)}});
          owned->done(
              Unavailable("PRINCIPAL_UNRESOLVED", "the organisation service did not answer"));
        }
      });
}

}  // namespace paizhu::gateway
