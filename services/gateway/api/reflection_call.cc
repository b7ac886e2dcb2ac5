#include "services/gateway/api/reflection_call.h"

#include <chrono>
#include <optional>

#include "absl/status/statusor.h"
#include "absl/time/clock.h"
#include "common/crypto/digest.h"
#include "common/log/log.h"
#include "common/metrics/metrics.h"
#include "common/server/call.h"
#include "common/status/grpc_status.h"
#include "common/status/status.h"
#include "services/gateway/api/proxy.h"

namespace paizhu::gateway {
namespace {

// Who may reflect: any signed-in person, any mapped system.
Route ReflectionRoute() {
  Route route;
  route.destination = "gateway";
  route.access.add_roles("*");
  route.access.add_scopes("*");
  route.client_streaming = route.server_streaming = true;
  return route;
}

class ReflectionCall final : public grpc::ServerGenericBidiReactor {
 public:
  ReflectionCall(ProxyService* service, grpc::GenericCallbackServerContext* ctx)
      : service_(service), ctx_(ctx), start_(absl::Now()), route_(ReflectionRoute()) {
    record_.method = ctx_->method();
    auto id = ctx_->client_metadata().find("x-request-id");
    if (id != ctx_->client_metadata().end()) {
      record_.request_id =
          server::CleanMetadataValue(std::string(id->second.data(), id->second.size()));
    }
    if (record_.request_id.empty()) record_.request_id = crypto::HexEncode(crypto::RandomBytes(8));
    // Resolving the person may take this long at most (a stream usually has no deadline).
    absl::Time deadline = start_ + absl::Seconds(5);
    if (ctx_->deadline() != std::chrono::system_clock::time_point::max()) {
      deadline = std::min(deadline, absl::FromChrono(ctx_->deadline()));
    }
    record_.deadline = deadline - start_;
    // Nothing is read before the caller is known.
    service_->Admit(route_, ctx_->method(), CallerOf(*ctx_), deadline, record_.request_id, &record_,
                    [this](absl::StatusOr<auth::Principal> principal) {
                      if (!principal.ok()) return Fail(principal.status());
                      StartRead(&request_);
                    });
  }

  void OnReadDone(bool ok) override {
    if (!ok) return Complete(grpc::Status::OK, "");  // the client closed its side
    auto answer = service_->reflection()->Answer(BufferBytes(request_));
    if (!answer.ok()) return Fail(answer.status());
    grpc::Slice slice(*answer);
    response_ = grpc::ByteBuffer(&slice, 1);
    StartWrite(&response_);
  }

  void OnWriteDone(bool ok) override {
    if (!ok) {
      return Complete(grpc::Status(grpc::StatusCode::CANCELLED, "the client went away"),
                      "CANCELLED");
    }
    StartRead(&request_);
  }

  void OnDone() override { delete this; }

 private:
  void Fail(const absl::Status& status) { Complete(ToGrpcStatus(status), ErrorReason(status)); }

  void Complete(const grpc::Status& status, std::string reason) {
    if (completed_) return;
    completed_ = true;
    record_.code = absl::StatusCodeToString(static_cast<absl::StatusCode>(status.error_code()));
    record_.reason = std::move(reason);
    record_.latency = absl::Now() - start_;
    log::Info(kAccessLogMessage, AccessLogFields(record_));
    metrics_.Finish(ctx_->method(), record_.code);
    Finish(status);
  }

  ProxyService* service_;
  grpc::GenericCallbackServerContext* ctx_;
  const absl::Time start_;
  const Route route_;  // read by Admit until it answers
  metrics::CallRecord metrics_;
  AccessRecord record_;
  grpc::ByteBuffer request_;
  grpc::ByteBuffer response_;
  bool completed_ = false;
};

}  // namespace

grpc::ServerGenericBidiReactor* NewReflectionCall(ProxyService* service,
                                                  grpc::GenericCallbackServerContext* ctx) {
  return new ReflectionCall(service, ctx);
}

}  // namespace paizhu::gateway
