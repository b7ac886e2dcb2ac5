#include "common/server/process_tuning.h"

#include <malloc.h>

#include <mutex>

#include "absl/synchronization/mutex.h"

namespace paizhu::server {

void TuneProcessForServing() {
  static std::once_flag once;
  std::call_once(once, [] {
    absl::SetMutexDeadlockDetectionMode(absl::OnDeadlockCycle::kIgnore);
    // Keep up to 32 MiB free at the top of each arena rather than returning it.
    mallopt(M_TRIM_THRESHOLD, 32 << 20);
  });
}

}  // namespace paizhu::server
