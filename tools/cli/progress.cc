#include "tools/cli/progress.h"

#include <unistd.h>

#include <algorithm>

#include "absl/strings/str_cat.h"

namespace paizhu::cli {

constexpr int kBarWidth = 30;

bool StderrIsTerminal() { return ::isatty(STDERR_FILENO) == 1; }

void Progress::Update(long done, long total) {
  if (!enabled_) return;
  std::string line = absl::StrCat("\r", what_, " ");
  if (total > 0) {
    int filled = static_cast<int>(kBarWidth * std::min(done, total) / total);
    absl::StrAppend(&line, "[", std::string(filled, '#'), std::string(kBarWidth - filled, ' '),
                    "] ", done, "/", total);
  } else if (done > 0) {
    absl::StrAppend(&line, done);
  } else {
    absl::StrAppend(&line, "...");
  }
  err_ << line << std::flush;
  drawn_ = true;
}

void Progress::Done() {
  if (!drawn_) return;
  err_ << "\r\033[K" << std::flush;
  drawn_ = false;
}

}  // namespace paizhu::cli
