#pragma once
// Errors inside paizhu are absl::Status values carrying two payloads: a stable,
// machine-readable reason (e.g. "CLUE_NOT_FOUND") and, for bad input, the field at fault.
// common/status/grpc_status.h converts them once, at the gRPC edge.

#include <string>
#include "absl/strings/string_view.h"

#include "absl/status/status.h"

namespace paizhu {

// Builds a status with a reason and an optional field.
absl::Status MakeError(absl::StatusCode code, absl::string_view reason, absl::string_view message,
                       absl::string_view field = {});

// The common shapes, named by their gRPC code.
absl::Status InvalidArgument(absl::string_view field, absl::string_view reason,
                             absl::string_view message);
absl::Status NotFound(absl::string_view reason, absl::string_view message);
absl::Status AlreadyExists(absl::string_view reason, absl::string_view message);
absl::Status FailedPrecondition(absl::string_view reason, absl::string_view message);
absl::Status PermissionDenied(absl::string_view reason, absl::string_view message);
absl::Status Unauthenticated(absl::string_view reason, absl::string_view message);
absl::Status Aborted(absl::string_view reason, absl::string_view message);
absl::Status Unavailable(absl::string_view reason, absl::string_view message);
absl::Status Internal(absl::string_view reason, absl::string_view message);

// The reason of a status; for a status made without one, the code's name ("NOT_FOUND").
std::string ErrorReason(const absl::Status& status);
// The field of a bad-input status, or empty.
std::string ErrorField(const absl::Status& status);

}  // namespace paizhu
