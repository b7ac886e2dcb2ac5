#pragma once
// Large tables come from bulk SQL, not RPCs: copies of one real clue (registered through
// the service, so every column holds what the service writes), numbered PREFIX-1..N,
// with chosen columns computed from the copy's sequence number `s.seq`.

#include <cstdint>
#include <map>
#include <string>

#include "absl/status/status.h"
#include "tools/bench/bench_env.h"

namespace paizhu::bench {

// `overrides` maps a column of the clues table to an SQL expression over s.seq, e.g.
// {"handling_unit_code", "CONCAT('G', 1 + s.seq % 10)"}.
absl::Status SeedClues(const BenchEnv& env, int64_t model_id, const std::string& prefix,
                       int64_t rows, const std::map<std::string, std::string>& overrides = {});

}  // namespace paizhu::bench
