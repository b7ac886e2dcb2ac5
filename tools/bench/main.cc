// paizhu-bench: the load generator. Starts its own MariaDB, echo backend and suite, runs
// every scenario against its baseline in the same run, prints a table (or --json), e.g.
//   paizhu-bench --quick          tables up to 100,000 rows, short windows (< 2 min)
//   paizhu-bench                  the full run (1,000,000 clues, 10 s windows)
//   paizhu-bench --smoke --json   seconds; what CI runs (structure and errors only)

#include <iostream>

#include "absl/strings/str_format.h"
#include "absl/time/clock.h"
#include "common/config/flags.h"
#include "common/server/process_tuning.h"
#include "common/status/status.h"
#include "tools/bench/bench_env.h"
#include "tools/bench/echo_server.h"
#include "tools/bench/report.h"
#include "tools/bench/scenarios.h"

namespace paizhu::bench {
namespace {

absl::StatusOr<RunSettings> SettingsFrom(const config::FlagSet& flags) {
  auto flag = [&](const char* name) { return flags.GetBool(name).value_or(false); };
  RunSettings s;
  s.profile = flag("smoke") ? "smoke" : flag("quick") ? "quick" : "full";
  if (s.profile == "quick") {
    s.warmup = absl::Milliseconds(500);
    s.window = absl::Seconds(3);
    s.list_rows = 100000;
  } else if (s.profile == "smoke") {
    s.warmup = absl::Milliseconds(100);
    s.window = absl::Milliseconds(400);
    s.list_rows = 10000;
    s.concurrency = 4;
    s.channels = 2;
  }
  if (!flags.Get("window").empty()) {
    auto window = flags.GetDuration("window");
    if (!window.ok()) return window.status();
    s.window = *window;
  }
  if (!flags.Get("concurrency").empty()) {
    auto concurrency = flags.GetInt("concurrency");
    if (!concurrency.ok()) return concurrency.status();
    if (*concurrency < 1) {
      return InvalidArgument("concurrency", "BAD_FLAG_VALUE", "--concurrency must be at least 1");
    }
    s.concurrency = *concurrency;
  }
  return s;
}

int Main(int argc, char** argv) {
  config::FlagSet flags("paizhu-bench");
  flags.Define("quick", "false", "short windows, tables up to 100,000 rows", true);
  flags.Define("smoke", "false", "a few seconds in all: checks that every scenario runs", true);
  flags.Define("json", "false", "print one JSON document instead of the table", true);
  flags.Define("window", "", "the measured window of each scenario (default by profile)");
  flags.Define("concurrency", "", "calls outstanding in closed loop (default 16)");
  flags.Define("serve-echo", "false", "internal: run as the echo backend", true);
  flags.Define("listen", "127.0.0.1:0", "internal: the echo backend's address");
  flags.Define("port-file", "", "internal: where the echo backend writes its port");
  if (absl::Status s = flags.Parse(argc, argv); !s.ok()) {
    std::cerr << s.message() << "\n";
    return ErrorReason(s) == "HELP" ? 0 : 2;
  }
  if (flags.GetBool("serve-echo").value_or(false)) {
    return ServeEcho(flags.Get("listen"), flags.Get("port-file"));
  }
  auto settings = SettingsFrom(flags);
  if (!settings.ok()) {
    std::cerr << settings.status().message() << "\n";
    return 2;
  }
  // The load generator's own gRPC clients pay the same lock and heap costs as servers.
  server::TuneProcessForServing();
  const bool json = flags.GetBool("json").value_or(false);
  const absl::Time started = absl::Now();
  std::cerr << "paizhu-bench (" << settings->profile << "): starting MariaDB and the suite\n";
  auto env = BenchEnv::Start();
  if (!env.ok()) {
    std::cerr << "cannot start: " << env.status().message() << "\n";
    return 1;
  }
  auto figures = RunScenarios(**env, *settings, [](const Figure& f) {
    std::cerr << absl::StrFormat("  %-7s %8.0f calls/s  p50 %.2f ms\n", f.id, f.result.throughput(),
                                 f.result.latency.Percentile(0.5) / 1000.0);
  });
  if (!figures.ok()) {
    std::cerr << "cannot run: " << figures.status().message() << "\n";
    return 1;
  }
  env->reset();
  std::vector<Target> targets = Targets(*figures);
  double elapsed = absl::ToDoubleSeconds(absl::Now() - started);
  if (json) {
    std::cout << Json(*settings, *figures, targets, elapsed).dump(2) << "\n";
  } else {
    std::cout << Table(*figures, targets)
              << absl::StrFormat("\n%s run, %.0f s in all\n", settings->profile, elapsed);
  }
  return 0;
}

}  // namespace
}  // namespace paizhu::bench

int main(int argc, char** argv) { return paizhu::bench::Main(argc, argv); }
