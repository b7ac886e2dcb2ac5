#include "tools/bench/load.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <thread>

namespace paizhu::bench {
namespace {

using Clock = std::chrono::steady_clock;

struct WorkerTally {
  Histogram latency;
  int64_t calls = 0;
  std::map<std::string, int64_t> errors;
};

}  // namespace

LoadResult RunLoad(const LoadOptions& options, const Call& call,
                   const std::vector<WatchedProcess>& processes) {
  const Clock::time_point start = Clock::now();
  const Clock::time_point window_start = start + absl::ToChronoNanoseconds(options.warmup);
  const Clock::time_point window_end = window_start + absl::ToChronoNanoseconds(options.window);
  // A figure needs a call: while none has finished in the window (one slow call on a loaded
  // machine), the window stays open past its end until one does, at most kLongestWait.
  const Clock::time_point hard_end = window_end + absl::ToChronoNanoseconds(kLongestWait);
  std::atomic<int64_t> counted{0};
  std::atomic<Clock::rep> last_late_finish{window_end.time_since_epoch().count()};
  auto open_at = [&](Clock::time_point t) {
    return t < window_end || (counted.load() == 0 && t < hard_end);
  };
  const int workers = std::max(1, options.concurrency);
  std::vector<WorkerTally> tallies(workers);
  std::atomic<int64_t> next_due{0};

  auto run = [&](int worker) {
    WorkerTally& tally = tallies[worker];
    while (true) {
      Clock::time_point began = Clock::now();
      if (options.mode == LoopMode::kOpen) {
        int64_t k = next_due.fetch_add(1);
        began = start + std::chrono::nanoseconds(static_cast<int64_t>(k * 1e9 / options.rate));
        if (!open_at(began)) return;
        std::this_thread::sleep_until(began);
      } else if (!open_at(began)) {
        return;
      }
      absl::Status status = call(worker);
      Clock::time_point done = Clock::now();
      if (done < window_start || (done > window_end && !open_at(done))) continue;
      if (done > window_end) {
        Clock::rep at = done.time_since_epoch().count();
        Clock::rep seen = last_late_finish.load();
        while (seen < at && !last_late_finish.compare_exchange_weak(seen, at)) {
        }
      }
      ++counted;
      ++tally.calls;
      tally.latency.Record(
          std::chrono::duration_cast<std::chrono::microseconds>(done - began).count());
      if (!status.ok()) ++tally.errors[absl::StatusCodeToString(status.code())];
    }
  };
  std::vector<std::thread> threads;
  for (int w = 0; w < workers; ++w) threads.emplace_back(run, w);
  std::this_thread::sleep_until(window_start);
  std::map<std::string, double> cpu_before = CpuMicros(processes);
  std::this_thread::sleep_until(window_end);
  while (counted.load() == 0 && Clock::now() < hard_end) {
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  std::map<std::string, double> cpu_after = CpuMicros(processes);
  for (std::thread& t : threads) t.join();
  const Clock::time_point measured_end{Clock::duration(last_late_finish.load())};

  LoadResult result;
  result.seconds = std::chrono::duration<double>(measured_end - window_start).count();
  for (const WorkerTally& t : tallies) {
    result.latency.Merge(t.latency);
    result.calls += t.calls;
    for (const auto& [code, n] : t.errors) result.errors[code] += n;
  }
  for (const auto& [name, after] : cpu_after) {
    auto before = cpu_before.find(name);
    if (before == cpu_before.end() || result.calls == 0) continue;
    result.cpu_per_call[name] = (after - before->second) / result.calls;
  }
  return result;
}

}  // namespace paizhu::bench
