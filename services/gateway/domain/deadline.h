#pragma once
// The deadline of the call the gateway makes upstream: the client's own deadline, capped
// at now + the configured maximum, or now + the default when the client sent none. No
// call through the gateway runs unbounded, and no client can hold a backend longer than
// the maximum.

#include <optional>

#include "absl/status/status.h"
#include "absl/time/time.h"

namespace paizhu::gateway {

struct DeadlinePolicy {
  absl::Duration max = absl::Seconds(30);       // --max-call-timeout
  absl::Duration fallback = absl::Seconds(10);  // --default-call-timeout

  // Both positive, and the default no longer than the maximum.
  absl::Status Validate() const;
};

// `client` is the deadline the client sent, or nullopt for none.
absl::Time UpstreamDeadline(std::optional<absl::Time> client, absl::Time now,
                            const DeadlinePolicy& policy);

}  // namespace paizhu::gateway
