#include "common/server/call.h"

#include "absl/strings/str_cat.h"
#include "common/auth/access.h"
#include "common/log/log.h"
#include "common/metrics/metrics.h"
#include "common/status/grpc_status.h"
#include "common/status/macros.h"
#include "common/status/status.h"

namespace paizhu::server {
namespace {

std::string Metadata(const grpc::ServerContext* ctx, const char* key) {
  auto range = ctx->client_metadata().equal_range(key);
  if (range.first == range.second) return "";
  return std::string(range.first->second.data(), range.first->second.size());
}

}  // namespace

std::string CleanMetadataValue(absl::string_view value, size_t max) {
  std::string out;
  for (char c : value.substr(0, max)) {
    if (c >= 0x20 && c <= 0x7e) out += c;
  }
  return out;
}

absl::StatusOr<CallContext> CallGate::Admit(grpc::ServerContext* ctx,
                                            absl::string_view method) const {
  CallContext call;
  call.method = std::string(method);
  call.request_id = CleanMetadataValue(Metadata(ctx, "x-request-id"));
  call.traceparent = CleanMetadataValue(Metadata(ctx, "traceparent"));
  absl::Time now = absl::Now();
  absl::Time deadline = absl::FromChrono(ctx->deadline());
  call.deadline = std::min(deadline, now + max_call_time_);

  auto principal = verifier_->Verify(Metadata(ctx, auth::kPrincipalMetadataKey), method, now);
  if (!principal.ok()) {
    // The caller learns only that it is unauthenticated; the log says why.
    log::Warn("refused call", {{"method", call.method},
                               {"why", principal.status().message()},
                               {"peer", ctx->peer()},
                               {"request_id", call.request_id}});
    return Unauthenticated(auth::kReasonUnauthenticated, "unauthenticated");
  }
  call.principal = *std::move(principal);
  ASSIGN_OR_RETURN(auth::MethodAccess access, auth::FindMethodAccess(method));
  RETURN_IF_ERROR(auth::Authorize(call.principal, access, method));
  return call;
}

grpc::Status CallGate::Serve(grpc::ServerContext* ctx, absl::string_view method,
                             const std::function<absl::Status(const CallContext&)>& body) const {
  metrics::CallRecord record;
  auto call = Admit(ctx, method);
  absl::Status status = call.ok() ? body(*call) : call.status();
  if (!status.ok()) {
    auto level = status.code() == absl::StatusCode::kInternal ||
                         status.code() == absl::StatusCode::kUnknown ||
                         status.code() == absl::StatusCode::kDataLoss
                     ? log::Level::kError
                     : log::Level::kInfo;
    log::Write(level, "call failed",
               {{"method", std::string(method)},
                {"code", absl::StatusCodeToString(status.code())},
                {"reason", ErrorReason(status)},
                {"field", ErrorField(status)},
                {"request_id", call.ok() ? call->request_id : ""}});
    // Internal detail (SQL text, stack of causes) stays in the log.
    if (status.code() == absl::StatusCode::kInternal) {
      status = MakeError(status.code(), ErrorReason(status), "internal error");
    }
  }
  record.Finish(method, absl::StatusCodeToString(status.code()));
  return ToGrpcStatus(status);
}

}  // namespace paizhu::server
