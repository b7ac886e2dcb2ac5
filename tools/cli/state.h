#pragma once
// Where the CLI finds its state folder, token and gateway address (CONTRACTS.md, Identity).
//   state folder: --state, else $PAIZHU_STATE, else .paizhu/ at the top of the git checkout
//   gateway:      --addr, else $PAIZHU_ADDR, else PAIZHU_ADDR in STATE/env
//   token:        --token-file, else $PAIZHU_TOKEN_FILE, else $PAIZHU_TOKEN, else STATE/token

#include <map>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace paizhu::cli {

// The state folder, or empty when none is given and the cwd is not in a git checkout.
std::string FindStateDir(const std::string& state_flag);

// One value of a `printf %q` shell word: plain text, backslash escapes, '...' and "..." parts.
std::string ShellUnquote(absl::string_view word);

// The `export NAME=value` lines of a file (STATE/env); empty when the file is missing.
std::map<std::string, std::string> ReadEnvFile(const std::string& path);

// A setting of STATE/env, or `fallback` when the folder, file or line is missing.
std::string EnvSetting(const std::string& state_dir, const std::string& name,
                       const std::string& fallback);

// The gateway address; NOT_FOUND when no source gives one.
absl::StatusOr<std::string> FindAddress(const std::string& addr_flag, const std::string& state_dir);

// The bearer token, or empty when there is none.
std::string FindToken(const std::string& token_file_flag, const std::string& state_dir);

}  // namespace paizhu::cli
