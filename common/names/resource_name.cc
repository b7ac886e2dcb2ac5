#include "common/names/resource_name.h"

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "common/status/status.h"

namespace paizhu::names {

bool IsValidCode(absl::string_view code) {
  if (code.empty() || code.size() > 32) return false;
  for (char c : code) {
    if (!absl::ascii_isalnum(static_cast<unsigned char>(c)) && c != '-' && c != '_') return false;
  }
  return true;
}

absl::StatusOr<std::string> ParseName(absl::string_view name, absl::string_view collection,
                                      absl::string_view field) {
  std::string prefix = absl::StrCat(collection, "/");
  if (!absl::StartsWith(name, prefix) || !IsValidCode(name.substr(prefix.size()))) {
    return InvalidArgument(field, "INVALID_NAME",
                           absl::StrCat(field, ": '", name, "' is not a name like ", collection,
                                        "/CODE (CODE: 1-32 letters, digits, '-' or '_')"));
  }
  return std::string(name.substr(prefix.size()));
}

absl::StatusOr<std::string> ParseNameOrCode(absl::string_view text, absl::string_view collection,
                                            absl::string_view field) {
  if (IsValidCode(text)) return std::string(text);
  return ParseName(text, collection, field);
}

std::string MakeName(absl::string_view collection, absl::string_view code) {
  return absl::StrCat(collection, "/", code);
}

}  // namespace paizhu::names
