#pragma once
// A progress bar for long work (imports, exports, reports), drawn on stderr only when it is
// a terminal: piped or redirected output gets nothing extra.

#include <ostream>
#include <string>

namespace paizhu::cli {

class Progress {
 public:
  // `enabled`: draw at all (see StderrIsTerminal).
  Progress(std::ostream& err, bool enabled, std::string what)
      : err_(err), enabled_(enabled), what_(std::move(what)) {}
  ~Progress() { Done(); }

  // done of total (total 0: unknown, a count only).
  void Update(long done, long total);
  // Clears the line.
  void Done();

 private:
  std::ostream& err_;
  bool enabled_;
  bool drawn_ = false;
  std::string what_;
};

bool StderrIsTerminal();

}  // namespace paizhu::cli
