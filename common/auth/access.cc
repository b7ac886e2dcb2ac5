#include "common/auth/access.h"

#include <algorithm>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "common/status/status.h"
#include "google/protobuf/descriptor.h"

namespace paizhu::auth {

absl::StatusOr<MethodAccess> FindMethodAccess(absl::string_view path) {
  // "/pkg.Service/Method" -> "pkg.Service.Method"
  std::string name(absl::StartsWith(path, "/") ? path.substr(1) : path);
  std::replace(name.begin(), name.end(), '/', '.');
  const auto* method = google::protobuf::DescriptorPool::generated_pool()->FindMethodByName(name);
  if (method == nullptr) {
    return NotFound("METHOD_NOT_FOUND", absl::StrCat("no method ", path));
  }
  if (!method->options().HasExtension(common::v1::access)) {
    return FailedPrecondition(kReasonMethodUndeclared,
                              absl::StrCat(path, " declares no access and cannot be called"));
  }
  return method->options().GetExtension(common::v1::access);
}

absl::Status Authorize(const Principal& principal, const MethodAccess& access,
                       absl::string_view path) {
  auto contains = [](const auto& list, const std::string& value) {
    return std::find(list.begin(), list.end(), value) != list.end();
  };
  switch (principal.kind()) {
    case Principal::PERSON:
      if (contains(access.roles(), "*")) return absl::OkStatus();
      for (const auto& grant : principal.roles()) {
        if (contains(access.roles(), grant.role())) return absl::OkStatus();
      }
      break;
    case Principal::SYSTEM:
      if (contains(access.scopes(), "*")) return absl::OkStatus();
      for (const auto& scope : principal.scopes()) {
        if (contains(access.scopes(), scope)) return absl::OkStatus();
      }
      break;
    case Principal::SERVICE:
      if (contains(access.services(), principal.subject())) return absl::OkStatus();
      break;
    default:
      break;
  }
  return PermissionDenied(kReasonNotAllowed, absl::StrCat("the caller may not call ", path));
}

}  // namespace paizhu::auth
