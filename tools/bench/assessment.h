#pragma once
// Scenario A: an assessment run (CreateRun through the gateway, as the administrator)
// for 10 groups over 2025, scored on the clue service's figures, with the year's clues
// fixed while the history before the year grows a hundredfold. A1 is the run over 1x
// history, A100 the same run over 100x: their ratio is how the run's cost grows with
// old data.

#include <cstdint>

#include "absl/status/statusor.h"
#include "tools/bench/bench_env.h"
#include "tools/bench/load.h"

namespace paizhu::bench {

class Assessment {
 public:
  // Adds groups G3..G10 to the city (G1, G2 exist), a scheme of clue metrics, and
  // `year_clues` clues of 2025 plus as many in the ten years before, copied from the
  // clue `model_id`.
  static absl::StatusOr<Assessment> Prepare(const BenchEnv& env, int64_t model_id,
                                            int64_t year_clues);
  // Seeds history until it holds `factor` times the year's clues.
  absl::Status GrowHistory(int factor);
  // One run (a new one every call: each has its own request_id).
  Call Run();

 private:
  Assessment(const BenchEnv& env, int64_t model_id, int64_t year_clues)
      : env_(&env), model_id_(model_id), year_clues_(year_clues) {}
  const BenchEnv* env_;
  int64_t model_id_;
  int64_t year_clues_;
  int history_factor_ = 0;
  std::string admin_token_;
  std::string scheme_;
};

}  // namespace paizhu::bench
