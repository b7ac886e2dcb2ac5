#pragma once
// A child process for tests: started with argv, output to a log file, signalled, waited.

#include <sys/types.h>

#include <string>
#include <vector>

#include "absl/time/time.h"

namespace paizhu::testing {

class Subprocess {
 public:
  Subprocess() = default;
  Subprocess(const Subprocess&) = delete;
  Subprocess& operator=(const Subprocess&) = delete;
  ~Subprocess();  // kills a process still running

  // Starts argv[0] (a path) with stdout and stderr appended to `log_path`.
  bool Start(const std::vector<std::string>& argv, const std::string& log_path);
  bool Signal(int signal) const;
  // Waits for exit; returns the exit status (128+signal when killed), or -1 on timeout.
  int Wait(absl::Duration timeout);
  bool running() const { return pid_ > 0; }
  pid_t pid() const { return pid_; }

 private:
  pid_t pid_ = -1;
};

// A TCP port nobody listens on right now (bound to port 0, then released).
int FreePort();
// Reads a whole file; empty when missing.
std::string ReadFile(const std::string& path);
void WriteFile(const std::string& path, const std::string& text, int mode = 0600);
// A fresh directory under $TMPDIR, removed by the caller (or left for inspection).
std::string MakeTempDir(const std::string& prefix);
// Where the test binaries live (build/<type>/bin): the services are there too.
std::string BinaryDir();

}  // namespace paizhu::testing
