#pragma once
// One member of a zip archive (an .xlsx workbook's sheets), read with Debian's unzip, which
// scripts/lib/common.sh installs for the tests.

#include <cstdio>
#include <string>

#include "absl/strings/str_cat.h"

namespace paizhu::testing {

// The member's bytes, or "" when the archive or the member is not there.
inline std::string Unzip(const std::string& archive, const std::string& member) {
  std::string command = absl::StrCat("unzip -p '", archive, "' '", member, "' 2>/dev/null");
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) return "";
  std::string out;
  char buffer[4096];
  size_t n = 0;
  while ((n = fread(buffer, 1, sizeof buffer, pipe)) > 0) out.append(buffer, n);
  pclose(pipe);
  return out;
}

}  // namespace paizhu::testing
