#include "common/config/flags.h"

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "common/status/status.h"

namespace paizhu::config {

void FlagSet::Define(std::string name, std::string default_value, std::string help, bool is_bool) {
  flags_[std::move(name)] = Flag{std::move(default_value), std::move(help), is_bool};
}

absl::Status FlagSet::Parse(int argc, const char* const* argv) {
  std::map<std::string, bool, std::less<>> given;
  for (int i = 1; i < argc; ++i) {
    absl::string_view arg = argv[i];
    if (arg == "--help" || arg == "-h") return NotFound("HELP", Usage());
    if (arg.substr(0, 2) != "--") {
      return InvalidArgument(arg, "UNEXPECTED_ARGUMENT",
                             absl::StrCat("unexpected argument '", arg, "'"));
    }
    arg.remove_prefix(2);
    std::string name(arg.substr(0, arg.find('=')));
    auto it = flags_.find(name);
    if (it == flags_.end()) {
      return InvalidArgument(name, "UNKNOWN_FLAG",
                             absl::StrCat("unknown flag --", name, "\n", Usage()));
    }
    if (arg.find('=') != absl::string_view::npos) {
      it->second.value = std::string(arg.substr(arg.find('=') + 1));
    } else if (it->second.is_bool) {
      it->second.value = "true";
    } else if (i + 1 < argc) {
      it->second.value = argv[++i];
    } else {
      return InvalidArgument(name, "FLAG_NEEDS_VALUE", absl::StrCat("--", name, " needs a value"));
    }
    given[name] = true;
  }
  for (auto& [name, flag] : flags_) {
    if (given.count(name)) continue;
    if (const char* env = std::getenv(EnvName(name).c_str())) flag.value = env;
  }
  return absl::OkStatus();
}

std::string FlagSet::Get(absl::string_view name) const {
  auto it = flags_.find(name);
  return it == flags_.end() ? std::string() : it->second.value;
}

absl::StatusOr<int> FlagSet::GetInt(absl::string_view name) const {
  int value = 0;
  if (!absl::SimpleAtoi(Get(name), &value)) {
    return InvalidArgument(name, "BAD_FLAG_VALUE", absl::StrCat("--", name, " must be an integer"));
  }
  return value;
}

absl::StatusOr<bool> FlagSet::GetBool(absl::string_view name) const {
  bool value = false;
  if (!absl::SimpleAtob(Get(name), &value)) {
    return InvalidArgument(name, "BAD_FLAG_VALUE",
                           absl::StrCat("--", name, " must be true or false"));
  }
  return value;
}

absl::StatusOr<absl::Duration> FlagSet::GetDuration(absl::string_view name) const {
  absl::Duration value;
  if (!absl::ParseDuration(Get(name), &value) || value < absl::ZeroDuration()) {
    return InvalidArgument(name, "BAD_FLAG_VALUE",
                           absl::StrCat("--", name, " must be a duration like 5s or 250ms"));
  }
  return value;
}

std::string FlagSet::Usage() const {
  std::ostringstream out;
  out << "usage: " << program_
      << " [flags]\n(each flag also as PAIZHU_<NAME> in the environment)\n";
  for (const auto& [name, flag] : flags_) {
    out << "  --" << name;
    if (!flag.value.empty()) out << " (default " << flag.value << ")";
    out << "\n      " << flag.help << "\n";
  }
  return out.str();
}

std::string EnvName(absl::string_view flag) {
  std::string out = "PAIZHU_";
  for (char c : flag) out += c == '-' ? '_' : absl::ascii_toupper(c);
  return out;
}

absl::StatusOr<std::string> ReadSecretFile(absl::string_view flag_name, const std::string& path) {
  if (path.empty()) {
    return InvalidArgument(flag_name, "SECRET_FILE_MISSING",
                           absl::StrCat("--", flag_name, " is required"));
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return InvalidArgument(flag_name, "SECRET_FILE_UNREADABLE",
                           absl::StrCat("cannot read --", flag_name, " file ", path));
  }
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  while (!text.empty() && absl::ascii_isspace(text.back())) text.pop_back();
  return text;
}

}  // namespace paizhu::config
