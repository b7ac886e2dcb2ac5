#include "services/gateway/api/proxy.h"

#include <chrono>
#include <map>
#include <mutex>
#include <optional>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "common/crypto/digest.h"
#include "common/log/log.h"
#include "common/metrics/metrics.h"
#include "common/server/call.h"
#include "common/status/grpc_status.h"
#include "common/status/status.h"
#include "grpc/grpc_security_constants.h"
#include "services/gateway/api/reflection_call.h"
#include "services/gateway/api/refusals.h"
#include "services/gateway/domain/audit.h"

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

std::string CodeName(grpc::StatusCode code) {
  return absl::StatusCodeToString(static_cast<absl::StatusCode>(code));
}

// Server metadata worth passing back to the client: not gRPC's own (status, details,
// encodings), and only what gRPC accepts to send.
template <typename Add>
void CopyServerMetadata(const std::multimap<grpc::string_ref, grpc::string_ref>& from, Add add) {
  for (const auto& [key, value] : from) {
    std::string k(key.data(), key.size());
    if (absl::StartsWith(k, "grpc-") || absl::StartsWith(k, ":") || k == "content-type" ||
        !ValidHeaderKey(k)) {
      continue;
    }
    std::string v(value.data(), value.size());
    add(k, absl::EndsWith(k, "-bin") ? v : server::CleanMetadataValue(v, 4096));
  }
}

class ProxyCall;

// The upstream half of a server-streaming call: one request out, then each message the
// service sends is handed to the client before the next is read (the client's pace
// bounds what the gateway holds: one message).
class UpstreamStream final : public grpc::ClientBidiReactor<grpc::ByteBuffer, grpc::ByteBuffer> {
 public:
  explicit UpstreamStream(ProxyCall* call) : call_(call) {}
  void OnReadDone(bool ok) override;
  void OnDone(const grpc::Status& status) override;

 private:
  ProxyCall* call_;
};

class ProxyCall final : public grpc::ServerGenericBidiReactor {
 public:
  ProxyCall(ProxyService* service, grpc::GenericCallbackServerContext* ctx)
      : service_(service), ctx_(ctx), start_(absl::Now()) {
    record_.method = ctx_->method();
    request_id_ = server::CleanMetadataValue(Header("x-request-id"));
    if (request_id_.empty()) request_id_ = crypto::HexEncode(crypto::RandomBytes(8));
    record_.request_id = request_id_;
    // gRPC reports "no deadline" as the largest time point.
    if (ctx_->deadline() != std::chrono::system_clock::time_point::max()) {
      client_deadline_ = absl::FromChrono(ctx_->deadline());
    }
    deadline_ = UpstreamDeadline(client_deadline_, start_, service_->options().deadlines);
    if (!service_->in_flight().TryAcquire()) {
      ConcurrencyRefusals().Increment();
      Fail(MakeError(absl::StatusCode::kResourceExhausted, kReasonTooManyCalls,
                     "the gateway is at its limit of concurrent calls; retry later"));
      return;
    }
    holds_slot_ = true;
    StartRead(&request_);
  }

  void OnReadDone(bool ok) override {
    if (!ok) {
      if (client_deadline_.has_value() && absl::Now() >= *client_deadline_) {
        return Fail(MakeError(absl::StatusCode::kDeadlineExceeded, "DEADLINE_EXCEEDED",
                              "the call's deadline passed"));
      }
      if (ctx_->IsCancelled()) {
        return Fail(MakeError(absl::StatusCode::kCancelled, "CANCELLED", "the call was cancelled"));
      }
      return Fail(absl::InvalidArgumentError("no request message"));
    }
    EnsureValid(&request_);
    auto route = service_->routes().Find(ctx_->method());
    if (!route.ok()) return Fail(route.status());
    route_ = *route;
    // Only for the access line; the bytes go upstream untouched.
    if (route_->request_prototype != nullptr) {
      record_.resource = ResourceNameOf(*route_->request_prototype, BufferBytes(request_));
    }
    if (route_->client_streaming) {
      return Fail(MakeError(absl::StatusCode::kUnimplemented, "STREAMING_NOT_PROXIED",
                            "the gateway does not proxy client-streaming methods"));
    }
    service_->Admit(
        *route_, ctx_->method(), CallerOf(*ctx_), deadline_, request_id_, &record_,
        [this](absl::StatusOr<auth::Principal> principal) { Forward(std::move(principal)); });
  }

  void OnWriteDone(bool ok) override {
    if (!route_ || !route_->server_streaming) return;
    std::optional<grpc::Status> finished;
    {
      std::lock_guard<std::mutex> lock(mu_);
      writing_ = false;
      finished = std::move(upstream_status_);
    }
    if (finished.has_value()) return CompleteFromUpstream(*finished);
    if (ok) {
      stream_->StartRead(&response_);
    } else {
      upstream_->TryCancel();  // the client went away; the upstream's end finishes the call
    }
  }

  void OnDone() override {
    if (holds_slot_) service_->in_flight().Release();
    delete this;
  }

  // ---- server streaming: called by UpstreamStream ----
  void OnUpstreamMessage() {
    if (!sent_initial_metadata_) {
      sent_initial_metadata_ = true;
      CopyServerMetadata(
          upstream_->GetServerInitialMetadata(),
          [this](const std::string& k, const std::string& v) { ctx_->AddInitialMetadata(k, v); });
    }
    {
      std::lock_guard<std::mutex> lock(mu_);
      writing_ = true;
    }
    EnsureValid(&response_);
    StartWrite(&response_);
  }

  void OnUpstreamDone(const grpc::Status& status) {
    {
      // A message still being written to the client: finish after it (OnWriteDone).
      std::lock_guard<std::mutex> lock(mu_);
      if (writing_) {
        upstream_status_ = status;
        return;
      }
    }
    CompleteFromUpstream(status);
  }

 private:
  void Forward(absl::StatusOr<auth::Principal> principal) {
    if (!principal.ok()) return Fail(principal.status());
    Backend* backend = service_->backend(route_->destination);
    if (backend == nullptr) {
      return Fail(Unavailable("NO_BACKEND", absl::StrCat("no address for ", route_->destination)));
    }
    upstream_ = grpc::ClientContext::FromCallbackServerContext(*ctx_);
    // gRPC sends the earlier of this and the propagated client deadline.
    upstream_->set_deadline(absl::ToChronoTime(deadline_));
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
    if (route_->server_streaming) {
      stream_ = std::make_unique<UpstreamStream>(this);
      backend->stub->PrepareBidiStreamingCall(upstream_.get(), ctx_->method(), grpc::StubOptions(),
                                              stream_.get());
      stream_->StartWriteLast(&request_, grpc::WriteOptions());
      stream_->StartRead(&response_);
      stream_->StartCall();
      return;
    }
    backend->stub->UnaryCall(upstream_.get(), ctx_->method(), grpc::StubOptions(), &request_,
                             &response_,
                             [this](grpc::Status status) { CompleteFromUpstream(status); });
  }

  // The service's answer goes back as it came: metadata, message (unary), status.
  void CompleteFromUpstream(const grpc::Status& status) {
    auto add_trailer = [this](const std::string& k, const std::string& v) {
      ctx_->AddTrailingMetadata(k, v);
    };
    CopyServerMetadata(upstream_->GetServerTrailingMetadata(), add_trailer);
    if (!status.ok()) return Complete(status, ErrorReason(FromGrpcStatus(status)));
    if (route_->server_streaming) return Complete(status, "");
    CopyServerMetadata(
        upstream_->GetServerInitialMetadata(),
        [this](const std::string& k, const std::string& v) { ctx_->AddInitialMetadata(k, v); });
    EnsureValid(&response_);
    Complete(status, "", &response_);
  }

  std::string Header(absl::string_view key) const {
    auto range = ctx_->client_metadata().equal_range(grpc::string_ref(key.data(), key.size()));
    if (range.first == range.second) return "";
    return std::string(range.first->second.data(), range.first->second.size());
  }

  void Fail(const absl::Status& status) { Complete(ToGrpcStatus(status), ErrorReason(status)); }

  // The one way a call ends: its access line, then the answer.
  void Complete(const grpc::Status& status, std::string reason,
                grpc::ByteBuffer* response = nullptr) {
    if (completed_) return;
    completed_ = true;
    record_.code = CodeName(status.error_code());
    record_.reason = std::move(reason);
    record_.latency = absl::Now() - start_;
    record_.deadline = deadline_ - start_;
    log::Info(kAccessLogMessage, AccessLogFields(record_));
    // Unknown methods share one label: a caller must not grow the metric without bound.
    bool known = route_ != nullptr || service_->routes().Find(ctx_->method()).ok();
    metrics_.Finish(known ? ctx_->method() : "unknown", record_.code);
    if (response != nullptr) {
      StartWriteAndFinish(response, grpc::WriteOptions(), status);
    } else {
      Finish(status);
    }
  }

  ProxyService* service_;
  grpc::GenericCallbackServerContext* ctx_;
  metrics::CallRecord metrics_;  // in flight until OnDone deletes this call
  const absl::Time start_;
  std::optional<absl::Time> client_deadline_;
  absl::Time deadline_;  // of the upstream call
  bool holds_slot_ = false;
  bool completed_ = false;
  const Route* route_ = nullptr;
  grpc::ByteBuffer request_;
  grpc::ByteBuffer response_;
  std::unique_ptr<grpc::ClientContext> upstream_;
  std::unique_ptr<UpstreamStream> stream_;
  std::mutex mu_;
  bool writing_ = false;                         // guarded by mu_
  std::optional<grpc::Status> upstream_status_;  // guarded by mu_: the end, held back
  bool sent_initial_metadata_ = false;
  std::string request_id_;
  AccessRecord record_;
};

void UpstreamStream::OnReadDone(bool ok) {
  // Not ok: the stream ended; OnDone brings its status.
  if (ok) call_->OnUpstreamMessage();
}

void UpstreamStream::OnDone(const grpc::Status& status) { call_->OnUpstreamDone(status); }

}  // namespace

std::string BufferBytes(const grpc::ByteBuffer& buffer) {
  std::vector<grpc::Slice> slices;
  if (!buffer.Dump(&slices).ok()) return "";
  std::string bytes;
  bytes.reserve(buffer.Length());
  for (const grpc::Slice& slice : slices) {
    bytes.append(reinterpret_cast<const char*>(slice.begin()), slice.size());
  }
  return bytes;
}

Caller CallerOf(const grpc::GenericCallbackServerContext& ctx) {
  Caller caller;
  auto authorization = ctx.client_metadata().find("authorization");
  if (authorization != ctx.client_metadata().end()) {
    caller.authorization.assign(authorization->second.data(), authorization->second.size());
  }
  caller.peer = ctx.peer();
  if (auto auth = ctx.auth_context(); auth != nullptr) {
    // Present only when the client sent a certificate, which the handshake verified.
    auto subject = auth->FindPropertyValues(GRPC_X509_SUBJECT_PROPERTY_NAME);
    if (!subject.empty()) {
      caller.has_certificate = true;
      caller.certificate_subject = std::string(subject.front().data(), subject.front().size());
    }
  }
  return caller;
}

grpc::ServerGenericBidiReactor* ProxyService::CreateReactor(
    grpc::GenericCallbackServerContext* ctx) {
  if (reflection_ != nullptr && ctx->method() == kReflectionMethod) {
    return NewReflectionCall(this, ctx);
  }
  return new ProxyCall(this, ctx);
}

Backend* ProxyService::backend(const std::string& name) {
  auto it = backends_.find(name);
  return it == backends_.end() ? nullptr : &it->second;
}

}  // namespace paizhu::gateway
