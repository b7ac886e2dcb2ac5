#pragma once
// The scenarios of one run, each measured against its baseline in the same run:
//   B1 echo (the RPC baseline) · B2 echo through the gateway with authn + authz
//   B4 GetClue through the gateway · B4d the same straight to the clue service
//   D1 the same read by Connector/C++ (the DB baseline)
//   W1 single-row inserts (the write baseline) · W2 RegisterClue through the gateway
//   (audit entry + idempotency key) · W2d the same straight to the service
//   B1o/B2o B1 and B2 open-loop at one fixed rate
//   P1/P10000 ListClues page 1 and page 10,000 of a table seeded by bulk SQL

#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/statusor.h"
#include "tools/bench/bench_env.h"
#include "tools/bench/load.h"

namespace paizhu::bench {

struct RunSettings {
  std::string profile;  // full, quick or smoke
  absl::Duration warmup = absl::Seconds(2);
  absl::Duration window = absl::Seconds(10);
  int concurrency = 16;         // calls outstanding in closed loop (W1 = W2's)
  int channels = 4;             // gRPC channels (connections) they share
  int64_t list_rows = 1000000;  // clues seeded for P; page size = list_rows / 10,000
};

struct Figure {
  std::string id;        // B1
  std::string what;      // "echo, raw gRPC"
  std::string baseline;  // id of the figure it is compared with; empty for a baseline
  LoadOptions load;
  LoadResult result;
  // Printed beside the figure (the durability settings beside the writes).
  std::vector<std::pair<std::string, std::string>> notes;
};

// Runs every scenario; `progress` sees each figure as it is done.
absl::StatusOr<std::vector<Figure>> RunScenarios(
    BenchEnv& env, const RunSettings& settings, const std::function<void(const Figure&)>& progress);

}  // namespace paizhu::bench
