#pragma once
// The paizhu commands: parsing the command line, calling the gateway, printing the answer.

#include <ostream>
#include <string>
#include <vector>

namespace paizhu::cli {

// The exit status of a command line: 0 success, 1 a failed call, 2 bad usage.
inline constexpr int kExitOk = 0;
inline constexpr int kExitFailed = 1;
inline constexpr int kExitUsage = 2;

// Runs the command line `args` (without the program name).
int Run(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

std::string Usage();

}  // namespace paizhu::cli
