#include "tools/bench/process_cpu.h"

#include <unistd.h>

#include <fstream>
#include <iterator>
#include <sstream>

namespace paizhu::bench {

std::map<std::string, double> CpuMicros(const std::vector<WatchedProcess>& processes) {
  static const double kMicrosPerTick = 1e6 / static_cast<double>(sysconf(_SC_CLK_TCK));
  std::map<std::string, double> out;
  for (const WatchedProcess& p : processes) {
    if (p.pid <= 0) continue;
    std::ifstream file("/proc/" + std::to_string(p.pid) + "/stat");
    std::string text((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
    // The command name may hold spaces: fields are counted after its closing ')'.
    size_t close = text.rfind(')');
    if (close == std::string::npos) continue;
    std::istringstream fields(text.substr(close + 2));
    std::string field;
    double utime = 0, stime = 0;
    for (int i = 3; i <= 15 && fields >> field; ++i) {
      if (i == 14) utime = std::stod(field);
      if (i == 15) stime = std::stod(field);
    }
    out[p.name] = (utime + stime) * kMicrosPerTick;
  }
  return out;
}

}  // namespace paizhu::bench
