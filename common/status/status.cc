#include "common/status/status.h"

#include "absl/strings/cord.h"

namespace paizhu {
namespace {

constexpr char kReasonUrl[] = "paizhu.dev/reason";
constexpr char kFieldUrl[] = "paizhu.dev/field";

}  // namespace

absl::Status MakeError(absl::StatusCode code, absl::string_view reason, absl::string_view message,
                       absl::string_view field) {
  absl::Status status(code, message);
  if (!reason.empty()) status.SetPayload(kReasonUrl, absl::Cord(reason));
  if (!field.empty()) status.SetPayload(kFieldUrl, absl::Cord(field));
  return status;
}

absl::Status InvalidArgument(absl::string_view field, absl::string_view reason,
                             absl::string_view message) {
  return MakeError(absl::StatusCode::kInvalidArgument, reason, message, field);
}
absl::Status NotFound(absl::string_view reason, absl::string_view message) {
  return MakeError(absl::StatusCode::kNotFound, reason, message);
}
absl::Status AlreadyExists(absl::string_view reason, absl::string_view message) {
  return MakeError(absl::StatusCode::kAlreadyExists, reason, message);
}
absl::Status FailedPrecondition(absl::string_view reason, absl::string_view message) {
  return MakeError(absl::StatusCode::kFailedPrecondition, reason, message);
}
absl::Status PermissionDenied(absl::string_view reason, absl::string_view message) {
  return MakeError(absl::StatusCode::kPermissionDenied, reason, message);
}
absl::Status Unauthenticated(absl::string_view reason, absl::string_view message) {
  return MakeError(absl::StatusCode::kUnauthenticated, reason, message);
}
absl::Status Aborted(absl::string_view reason, absl::string_view message) {
  return MakeError(absl::StatusCode::kAborted, reason, message);
}
absl::Status Unavailable(absl::string_view reason, absl::string_view message) {
  return MakeError(absl::StatusCode::kUnavailable, reason, message);
}
absl::Status Internal(absl::string_view reason, absl::string_view message) {
  return MakeError(absl::StatusCode::kInternal, reason, message);
}

std::string ErrorReason(const absl::Status& status) {
  if (auto reason = status.GetPayload(kReasonUrl)) return std::string(*reason);
  if (status.ok()) return "";
  // Abseil names codes as gRPC does ("NOT_FOUND"): the default reason is the code's name.
  return absl::StatusCodeToString(status.code());
}

std::string ErrorField(const absl::Status& status) {
  if (auto field = status.GetPayload(kFieldUrl)) return std::string(*field);
  return "";
}

}  // namespace paizhu
