#pragma once
// The access matrix, derived from the compiled descriptors: every method of every
// paizhu.* service linked into the binary, with its (paizhu.common.v1.access)
// declaration. Shared by the golden-file test and the check through the gateway.

#include <algorithm>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "google/protobuf/descriptor.h"
#include "google/protobuf/descriptor_database.h"
#include "paizhu/common/v1/access.pb.h"

namespace paizhu::testing {

// CONTRACTS.md's roles, in its order; the golden file's columns.
inline const std::vector<std::string>& Roles() {
  static const auto* roles = new std::vector<std::string>{
      "admin", "commission_leader", "case_manager", "office", "group", "township",
      "trial", "petition",          "assessor",     "auditor"};
  return *roles;
}
// The services that may be declared as direct callers (the gateway resolves people).
inline const std::vector<std::string>& CallingServices() {
  static const auto* services = new std::vector<std::string>{"org", "clue", "assess", "gateway"};
  return *services;
}

struct MethodEntry {
  std::string path;  // "/paizhu.org.v1.OrgService/GetUnit"
  const google::protobuf::MethodDescriptor* method = nullptr;
  bool declared = false;
  common::v1::MethodAccess access;

  bool AllowsRole(const std::string& role) const {
    const auto& roles = access.roles();
    return std::find(roles.begin(), roles.end(), "*") != roles.end() ||
           std::find(roles.begin(), roles.end(), role) != roles.end();
  }
  bool AllowsScope(const std::string& scope) const {
    const auto& scopes = access.scopes();
    return std::find(scopes.begin(), scopes.end(), scope) != scopes.end();
  }
};

// Every method of every paizhu.* service in the generated pool, sorted by path.
inline std::vector<MethodEntry> PublicMethods() {
  std::vector<std::string> files;
  google::protobuf::DescriptorPool::internal_generated_database()->FindAllFileNames(&files);
  std::vector<MethodEntry> out;
  const auto* pool = google::protobuf::DescriptorPool::generated_pool();
  for (const std::string& name : files) {
    if (!absl::StartsWith(name, "paizhu/")) continue;
    const auto* file = pool->FindFileByName(name);
    if (file == nullptr) continue;
    for (int s = 0; s < file->service_count(); ++s) {
      const auto* service = file->service(s);
      for (int m = 0; m < service->method_count(); ++m) {
        MethodEntry entry;
        entry.method = service->method(m);
        entry.path = absl::StrCat("/", service->full_name(), "/", entry.method->name());
        entry.declared = entry.method->options().HasExtension(common::v1::access);
        if (entry.declared) entry.access = entry.method->options().GetExtension(common::v1::access);
        out.push_back(std::move(entry));
      }
    }
  }
  std::sort(out.begin(), out.end(),
            [](const MethodEntry& a, const MethodEntry& b) { return a.path < b.path; });
  return out;
}

}  // namespace paizhu::testing
