#include "services/gateway/domain/deadline.h"

#include <algorithm>

#include "common/status/status.h"

namespace paizhu::gateway {

absl::Status DeadlinePolicy::Validate() const {
  if (max <= absl::ZeroDuration()) {
    return InvalidArgument("max-call-timeout", "BAD_FLAG_VALUE",
                           "--max-call-timeout must be positive");
  }
  if (fallback <= absl::ZeroDuration() || fallback > max) {
    return InvalidArgument(
        "default-call-timeout", "BAD_FLAG_VALUE",
        "--default-call-timeout must be positive and at most --max-call-timeout");
  }
  return absl::OkStatus();
}

absl::Time UpstreamDeadline(std::optional<absl::Time> client, absl::Time now,
                            const DeadlinePolicy& policy) {
  absl::Time cap = now + policy.max;
  if (!client.has_value()) return std::min(now + policy.fallback, cap);
  return std::min(*client, cap);
}

}  // namespace paizhu::gateway
