#pragma once
// The edge of every handler: who is calling (verified principal, access checked), until
// when (deadline), and the one absl::Status -> grpc::Status conversion. A handler is:
//
//   grpc::Status OrgApi::GetUnit(grpc::ServerContext* ctx, const GetUnitRequest* req, Unit* out) {
//     return Serve(ctx, kGetUnit, [&](const CallContext& call) -> absl::Status { ... });
//   }
//
// This header includes gRPC: only api/ code includes it.

#include <functional>
#include <string>
#include "absl/strings/string_view.h"

#include "absl/status/status.h"
#include "absl/time/time.h"
#include "common/auth/principal.h"
#include "grpcpp/server_context.h"

namespace paizhu::server {

struct CallContext {
  auth::Principal principal;
  std::string method;       // "/paizhu.org.v1.OrgService/GetUnit"
  std::string request_id;   // x-request-id, forwarded to downstream calls
  std::string traceparent;  // W3C trace context, forwarded as is
  absl::Time deadline;      // the caller's deadline, capped by the server's maximum
};

// A metadata value safe to forward: printable ASCII only, at most `max` characters
// (gRPC aborts the process on sending a value with control characters).
std::string CleanMetadataValue(absl::string_view value, size_t max = 128);

class CallGate {
 public:
  // `max_call_time` bounds calls that arrive without a deadline.
  CallGate(const auth::PrincipalVerifier* verifier,
           absl::Duration max_call_time = absl::Seconds(30))
      : verifier_(verifier), max_call_time_(max_call_time) {}

  grpc::Status Serve(grpc::ServerContext* ctx, absl::string_view method,
                     const std::function<absl::Status(const CallContext&)>& body) const;

 private:
  absl::StatusOr<CallContext> Admit(grpc::ServerContext* ctx, absl::string_view method) const;
  const auth::PrincipalVerifier* verifier_;
  absl::Duration max_call_time_;
};

}  // namespace paizhu::server
