#include "tools/cli/state.h"

#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"
#include "common/status/status.h"

namespace paizhu::cli {
namespace {

std::string GetEnv(const char* name) {
  const char* value = std::getenv(name);
  return value == nullptr ? "" : value;
}

std::string ReadWhole(const std::string& path, bool* found) {
  std::ifstream in(path, std::ios::binary);
  *found = static_cast<bool>(in);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

}  // namespace

std::string FindStateDir(const std::string& state_flag) {
  if (!state_flag.empty()) return state_flag;
  if (std::string env = GetEnv("PAIZHU_STATE"); !env.empty()) return env;
  std::error_code error;
  std::filesystem::path dir = std::filesystem::current_path(error);
  if (error) return "";
  while (true) {
    if (std::filesystem::exists(dir / ".git", error)) return (dir / ".paizhu").string();
    if (!dir.has_parent_path() || dir.parent_path() == dir) return "";
    dir = dir.parent_path();
  }
}

std::string ShellUnquote(absl::string_view word) {
  std::string out;
  size_t i = 0;
  while (i < word.size()) {
    char c = word[i];
    if (c == '\'') {  // '...': everything literal up to the next quote
      size_t end = word.find('\'', i + 1);
      if (end == absl::string_view::npos) end = word.size();
      absl::StrAppend(&out, word.substr(i + 1, end - i - 1));
      i = end + 1;
    } else if (c == '"') {  // "...": backslash escapes only \ " $ `
      ++i;
      while (i < word.size() && word[i] != '"') {
        if (word[i] == '\\' && i + 1 < word.size() &&
            absl::string_view("\\\"$`").find(word[i + 1]) != absl::string_view::npos) {
          ++i;
        }
        out.push_back(word[i++]);
      }
      ++i;
    } else if (c == '\\' && i + 1 < word.size()) {
      out.push_back(word[i + 1]);
      i += 2;
    } else {
      out.push_back(c);
      ++i;
    }
  }
  return out;
}

std::map<std::string, std::string> ReadEnvFile(const std::string& path) {
  std::map<std::string, std::string> env;
  bool found = false;
  std::istringstream lines(ReadWhole(path, &found));
  std::string line;
  while (std::getline(lines, line)) {
    absl::string_view rest = absl::StripAsciiWhitespace(line);
    if (rest.empty() || rest[0] == '#') continue;
    absl::ConsumePrefix(&rest, "export ");
    rest = absl::StripLeadingAsciiWhitespace(rest);
    size_t eq = rest.find('=');
    if (eq == absl::string_view::npos || eq == 0) continue;
    env[std::string(rest.substr(0, eq))] = ShellUnquote(rest.substr(eq + 1));
  }
  return env;
}

std::string EnvSetting(const std::string& state_dir, const std::string& name,
                       const std::string& fallback) {
  if (state_dir.empty()) return fallback;
  auto env = ReadEnvFile(state_dir + "/env");
  auto it = env.find(name);
  return it == env.end() || it->second.empty() ? fallback : it->second;
}

absl::StatusOr<std::string> FindAddress(const std::string& addr_flag,
                                        const std::string& state_dir) {
  if (!addr_flag.empty()) return addr_flag;
  if (std::string env = GetEnv("PAIZHU_ADDR"); !env.empty()) return env;
  std::string from_file = EnvSetting(state_dir, "PAIZHU_ADDR", "");
  if (!from_file.empty()) return from_file;
  return NotFound("NO_GATEWAY_ADDRESS",
                  "no gateway address: give --addr, set PAIZHU_ADDR or run scripts/dev-up");
}

std::string FindToken(const std::string& token_file_flag, const std::string& state_dir) {
  bool found = false;
  if (!token_file_flag.empty()) {
    return std::string(absl::StripAsciiWhitespace(ReadWhole(token_file_flag, &found)));
  }
  if (std::string file = GetEnv("PAIZHU_TOKEN_FILE"); !file.empty()) {
    return std::string(absl::StripAsciiWhitespace(ReadWhole(file, &found)));
  }
  if (std::string token = GetEnv("PAIZHU_TOKEN"); !token.empty()) {
    return std::string(absl::StripAsciiWhitespace(token));
  }
  if (state_dir.empty()) return "";
  return std::string(absl::StripAsciiWhitespace(ReadWhole(state_dir + "/token", &found)));
}

}  // namespace paizhu::cli
