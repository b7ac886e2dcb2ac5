#pragma once
// Who may call a method, read from its (paizhu.common.v1.access) option. The gateway
// checks people and systems; every service checks again, so a caller that reaches a
// service directly gets no more than through the gateway.

#include "absl/strings/string_view.h"

#include "absl/status/statusor.h"
#include "common/auth/principal.h"
#include "paizhu/common/v1/access.pb.h"

namespace paizhu::auth {

using MethodAccess = ::paizhu::common::v1::MethodAccess;

inline constexpr char kReasonMethodUndeclared[] = "METHOD_ACCESS_UNDECLARED";
inline constexpr char kReasonNotAllowed[] = "CALLER_NOT_ALLOWED";

// `path` is the gRPC path "/paizhu.org.v1.OrgService/GetUnit". NOT_FOUND when the method
// is unknown; FAILED_PRECONDITION when it declares no access (never callable).
absl::StatusOr<MethodAccess> FindMethodAccess(absl::string_view path);

// PERMISSION_DENIED unless the principal's roles, scopes or service name are declared.
absl::Status Authorize(const Principal& principal, const MethodAccess& access,
                       absl::string_view path);

}  // namespace paizhu::auth
