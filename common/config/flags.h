#pragma once
// Configuration from flags and environment. Every flag --foo-bar can also be given as
// PAIZHU_FOO_BAR; a flag on the command line wins. Secrets are never flags: a flag named
// *_file names a file to read them from (ReadSecretFile).

#include <map>
#include <string>
#include <vector>
#include "absl/strings/string_view.h"

#include "absl/status/statusor.h"
#include "absl/time/time.h"

namespace paizhu::config {

class FlagSet {
 public:
  explicit FlagSet(std::string program) : program_(std::move(program)) {}

  // Declares a flag; bool flags take "true"/"false" or no value.
  void Define(std::string name, std::string default_value, std::string help, bool is_bool = false);

  // Parses argv then the environment. Unknown flags and stray arguments are errors.
  // "--help" returns a NotFound status whose message is the usage text.
  absl::Status Parse(int argc, const char* const* argv);

  std::string Get(absl::string_view name) const;
  absl::StatusOr<int> GetInt(absl::string_view name) const;
  absl::StatusOr<bool> GetBool(absl::string_view name) const;
  absl::StatusOr<absl::Duration> GetDuration(absl::string_view name) const;  // "5s", "250ms"
  std::string Usage() const;

 private:
  struct Flag {
    std::string value;
    std::string help;
    bool is_bool = false;
  };
  std::string program_;
  std::map<std::string, Flag, std::less<>> flags_;
};

// "foo-bar" -> "PAIZHU_FOO_BAR".
std::string EnvName(absl::string_view flag);

// Reads a secret from a file, trimming trailing whitespace; an empty path is an error.
absl::StatusOr<std::string> ReadSecretFile(absl::string_view flag_name, const std::string& path);

}  // namespace paizhu::config
