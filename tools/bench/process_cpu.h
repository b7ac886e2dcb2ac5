#pragma once
// CPU time (user + system) of the processes a scenario involves, read from
// /proc/PID/stat before and after its measured window: the cost per call of every hop.

#include <sys/types.h>

#include <map>
#include <string>
#include <vector>

namespace paizhu::bench {

struct WatchedProcess {
  std::string name;  // bench, gateway, clue, org, echo, mariadb
  pid_t pid = -1;
};

// Microseconds of CPU each process has used so far (absent when it cannot be read).
std::map<std::string, double> CpuMicros(const std::vector<WatchedProcess>& processes);

}  // namespace paizhu::bench
