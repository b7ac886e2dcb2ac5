#include "services/gateway/api/proxy.h"

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "common/crypto/digest.h"
#include "common/log/log.h"
#include "common/server/call.h"
#include "common/status/grpc_status.h"
#include "common/status/status.h"

namespace paizhu::gateway {
namespace {

// Headers the gateway sets itself or that belong to one HTTP/2 hop.
bool ForwardsHeader(absl::string_view key) {
  return !(key == "authorization" || key == "x-request-id" || key == "content-type" ||
           key == "user-agent" || key == "te" || key == "host" || absl::StartsWith(key, ":") ||
           absl::StartsWith(key, "grpc-") || absl::StartsWith(key, "x-paizhu-"));
}

// A key gRPC accepts: lower-case letters, digits, '-', '_', '.'.
bool ValidHeaderKey(absl::string_view key) {
  if (key.empty()) return false;
  for (char c : key) {
    if (!(absl::ascii_islower(c) || absl::ascii_isdigit(c) || c == '-' || c == '_' || c == '.'))
      return false;
  }
  return true;
}

// gRPC aborts the process when it sends a default-constructed buffer; an empty message
// (all fields default) must still be a real, empty buffer.
void EnsureValid(grpc::ByteBuffer* buffer) {
  if (buffer->Valid()) return;
  grpc::Slice empty;
  *buffer = grpc::ByteBuffer(&empty, 1);
}

class ProxyCall final : public grpc::ServerGenericBidiReactor {
 public:
  ProxyCall(ProxyService* service, grpc::GenericCallbackServerContext* ctx)
      : service_(service), ctx_(ctx) {
    StartRead(&request_);
  }

  void OnReadDone(bool ok) override {
    if (!ok) return Fail(absl::InvalidArgumentError("no request message"));
    EnsureValid(&request_);
    auto route = service_->routes().Find(ctx_->method());
    if (!route.ok()) return Fail(route.status());
    route_ = *route;
    if (!route_->unary) {
      return Fail(MakeError(absl::StatusCode::kUnimplemented, "STREAMING_NOT_PROXIED",
                            "the gateway proxies unary methods only"));
    }
    request_id_ = server::CleanMetadataValue(Header("x-request-id"));
    if (request_id_.empty()) request_id_ = crypto::HexEncode(crypto::RandomBytes(8));

    std::string authorization = Header("authorization");
    if (!absl::StartsWithIgnoreCase(authorization, "bearer ")) {
      return Refuse("no bearer token");
    }
    auto claims = service_->jwt().Verify(absl::StripAsciiWhitespace(authorization.substr(7)));
    if (!claims.ok()) return Refuse(claims.status().message());
    person_ = claims->subject;
    absl::Time deadline =
        std::min(absl::FromChrono(ctx_->deadline()), absl::Now() + absl::Seconds(5));
    service_->resolver().Resolve(
        person_, deadline, request_id_,
        [this](absl::StatusOr<auth::Principal> principal) { OnResolved(std::move(principal)); });
  }

  void OnWriteDone(bool ok) override {}
  void OnDone() override { delete this; }

 private:
  void OnResolved(absl::StatusOr<auth::Principal> principal) {
    if (!principal.ok()) {
      if (principal.status().code() == absl::StatusCode::kUnauthenticated) {
        return Refuse(principal.status().message());
      }
      return Fail(principal.status());
    }
    if (absl::Status allowed = auth::Authorize(*principal, route_->access, ctx_->method());
        !allowed.ok()) {
      return Fail(allowed);
    }
    Backend* backend = service_->backend(route_->destination);
    if (backend == nullptr) {
      return Fail(Unavailable("NO_BACKEND", absl::StrCat("no address for ", route_->destination)));
    }
    upstream_ = grpc::ClientContext::FromCallbackServerContext(*ctx_);
    for (const auto& [key, value] : ctx_->client_metadata()) {
      std::string k(key.data(), key.size());
      if (!ForwardsHeader(k) || !ValidHeaderKey(k)) continue;
      std::string v(value.data(), value.size());
      upstream_->AddMetadata(k,
                             absl::EndsWith(k, "-bin") ? v : server::CleanMetadataValue(v, 4096));
    }
    upstream_->AddMetadata("x-request-id", request_id_);
    upstream_->AddMetadata(auth::kPrincipalMetadataKey,
                           backend->signer.Sign(*principal, route_->destination, ctx_->method()));
    backend->stub->UnaryCall(upstream_.get(), ctx_->method(), grpc::StubOptions(), &request_,
                             &response_, [this](grpc::Status status) {
                               if (status.ok()) {
                                 EnsureValid(&response_);
                                 StartWriteAndFinish(&response_, grpc::WriteOptions(), status);
                               } else {
                                 Finish(status);
                               }
                             });
  }

  std::string Header(absl::string_view key) const {
    auto range = ctx_->client_metadata().equal_range(grpc::string_ref(key.data(), key.size()));
    if (range.first == range.second) return "";
    return std::string(range.first->second.data(), range.first->second.size());
  }

  // Every authentication failure looks the same to the caller; the log says why.
  void Refuse(absl::string_view why) {
    log::Warn("unauthenticated call", {{"method", ctx_->method()},
                                       {"why", std::string(why)},
                                       {"peer", ctx_->peer()},
                                       {"request_id", request_id_}});
    Finish(ToGrpcStatus(Unauthenticated("UNAUTHENTICATED", "unauthenticated")));
  }

  void Fail(const absl::Status& status) {
    log::Info("call refused", {{"method", ctx_->method()},
                               {"person", person_},
                               {"code", absl::StatusCodeToString(status.code())},
                               {"reason", ErrorReason(status)},
                               {"request_id", request_id_}});
    Finish(ToGrpcStatus(status));
  }

  ProxyService* service_;
  grpc::GenericCallbackServerContext* ctx_;
  const Route* route_ = nullptr;
  grpc::ByteBuffer request_;
  grpc::ByteBuffer response_;
  std::unique_ptr<grpc::ClientContext> upstream_;
  std::string request_id_;
  std::string person_;
};

}  // namespace

grpc::ServerGenericBidiReactor* ProxyService::CreateReactor(
    grpc::GenericCallbackServerContext* ctx) {
  return new ProxyCall(this, ctx);
}

Backend* ProxyService::backend(const std::string& name) {
  auto it = backends_.find(name);
  return it == backends_.end() ? nullptr : &it->second;
}

}  // namespace paizhu::gateway
