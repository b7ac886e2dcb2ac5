#include "services/gateway/domain/systems.h"

#include <fstream>
#include <iterator>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "common/status/status.h"
#include "nlohmann/json.hpp"

namespace paizhu::gateway {
namespace {

absl::Status Bad(absl::string_view why) {
  return InvalidArgument("systems-file", "BAD_SYSTEMS_FILE", why);
}

bool ValidName(absl::string_view name) {
  if (name.empty()) return false;
  for (char c : name) {
    if (!(absl::ascii_islower(c) || absl::ascii_isdigit(c) || c == '-')) return false;
  }
  return true;
}

}  // namespace

absl::StatusOr<SystemDirectory> SystemDirectory::FromJson(absl::string_view json) {
  auto root = nlohmann::json::parse(json.begin(), json.end(), nullptr, false);
  if (!root.is_object() || !root.contains("systems") || !root["systems"].is_array()) {
    return Bad("the systems file must be a JSON object with a \"systems\" array");
  }
  SystemDirectory directory;
  for (const auto& entry : root["systems"]) {
    if (!entry.is_object()) return Bad("every system must be a JSON object");
    std::string subject = entry.value("subject", "");
    std::string name = entry.value("name", "");
    if (subject.empty()) return Bad("a system has no certificate \"subject\"");
    if (!ValidName(name)) {
      return Bad(absl::StrCat("system '", subject,
                              "': \"name\" must be lower-case letters, digits or '-'"));
    }
    if (!entry.contains("scopes") || !entry["scopes"].is_array() || entry["scopes"].empty()) {
      return Bad(absl::StrCat("system '", name, "' has no \"scopes\""));
    }
    auth::Principal principal;
    principal.set_kind(auth::Principal::SYSTEM);
    principal.set_subject(name);
    for (const auto& scope : entry["scopes"]) {
      if (!scope.is_string() || scope.get<std::string>().empty()) {
        return Bad(absl::StrCat("system '", name, "': every scope must be a non-empty string"));
      }
      principal.add_scopes(scope.get<std::string>());
    }
    if (!directory.systems_.emplace(subject, std::move(principal)).second) {
      return Bad(absl::StrCat("the subject '", subject, "' is listed twice"));
    }
  }
  return directory;
}

absl::StatusOr<SystemDirectory> SystemDirectory::FromFile(const std::string& path) {
  std::ifstream in(path);
  if (!in) return Bad(absl::StrCat("cannot read the systems file ", path));
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  return FromJson(text);
}

std::optional<auth::Principal> SystemDirectory::Find(absl::string_view certificate_subject) const {
  auto it = systems_.find(certificate_subject);
  if (it == systems_.end()) return std::nullopt;
  return it->second;
}

}  // namespace paizhu::gateway
