#pragma once
// Structured logging: one JSON object per line on stderr.
//   log::Info("server started", {{"port", 40003}});
// Never log secrets, tokens, reporters' identities or clue contents.

#include "absl/strings/string_view.h"

#include "nlohmann/json.hpp"

namespace paizhu::log {

enum class Level { kDebug = 0, kInfo = 1, kWarn = 2, kError = 3 };

using Fields = nlohmann::json;  // an object; {} for none

void SetLevel(Level level);
bool ParseLevel(absl::string_view text, Level* level);
// Fields added to every line of this process (e.g. {"service": "org"}).
void SetProcessFields(Fields fields);

void Write(Level level, absl::string_view message, const Fields& fields = Fields::object());
inline void Debug(absl::string_view m, const Fields& f = Fields::object()) {
  Write(Level::kDebug, m, f);
}
inline void Info(absl::string_view m, const Fields& f = Fields::object()) {
  Write(Level::kInfo, m, f);
}
inline void Warn(absl::string_view m, const Fields& f = Fields::object()) {
  Write(Level::kWarn, m, f);
}
inline void Error(absl::string_view m, const Fields& f = Fields::object()) {
  Write(Level::kError, m, f);
}

}  // namespace paizhu::log
