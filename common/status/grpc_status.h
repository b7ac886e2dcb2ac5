#pragma once
// The one conversion between absl::Status and grpc::Status. A gRPC status carries the
// reason as google.rpc.ErrorInfo and the field as google.rpc.BadRequest in its details
// (the `grpc-status-details-bin` trailer), so any client can read them.

#include "absl/status/status.h"
#include "grpcpp/support/status.h"

namespace paizhu {

inline constexpr char kErrorDomain[] = "paizhu";

grpc::Status ToGrpcStatus(const absl::Status& status);
// Keeps the reason and field of a paizhu error received from another service.
absl::Status FromGrpcStatus(const grpc::Status& status);

}  // namespace paizhu
