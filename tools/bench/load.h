#pragma once
// The load generator. Closed loop: `concurrency` workers each keep one call outstanding
// (spread over the scenario's channels). Open loop: calls are due at a fixed rate and
// each one's latency runs from when it was due, not from when a worker got to it, so a
// stall shows as latency instead of quietly lowering the rate (coordinated omission).
// A warm-up runs first; only calls that finish inside the measured window count. When no
// call has finished by the window's end, the window lasts until one does (at most
// kLongestWait), so a slow scenario on a loaded machine still gives a figure.

#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/time/time.h"
#include "tools/bench/histogram.h"
#include "tools/bench/process_cpu.h"

namespace paizhu::bench {

enum class LoopMode { kClosed, kOpen };

inline constexpr absl::Duration kLongestWait = absl::Seconds(30);

struct LoadOptions {
  LoopMode mode = LoopMode::kClosed;
  int concurrency = 8;  // closed: calls outstanding; open: workers at most
  double rate = 0;      // open: calls per second
  absl::Duration warmup = absl::Seconds(1);
  absl::Duration window = absl::Seconds(3);
};

struct LoadResult {
  Histogram latency;  // microseconds
  int64_t calls = 0;  // finished inside the window, errors included
  double seconds = 0;
  std::map<std::string, int64_t> errors;       // status code name -> count
  std::map<std::string, double> cpu_per_call;  // process -> CPU microseconds per call
  double throughput() const { return seconds > 0 ? calls / seconds : 0; }
};

// One call. `worker` is the caller's index in [0, concurrency), for per-worker state
// (its channel, its connection, its request counter).
using Call = std::function<absl::Status(int worker)>;

LoadResult RunLoad(const LoadOptions& options, const Call& call,
                   const std::vector<WatchedProcess>& processes);

}  // namespace paizhu::bench
