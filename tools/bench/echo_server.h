#pragma once
// The echo backend of B1 and B2: a callback gRPC server doing nothing but answer, run
// as its own process (`paizhu-bench --serve-echo`) so that its CPU is counted apart.

#include <string>

namespace paizhu::bench {

// Serves until SIGTERM; writes the bound port to `port_file`. Returns the exit code.
int ServeEcho(const std::string& listen, const std::string& port_file);

}  // namespace paizhu::bench
