#pragma once
// The gateway's limits, all answered at once (RESOURCE_EXHAUSTED) rather than queued:
// - per-principal token buckets, configured in a JSON file (--rate-limits-file):
//     {"default": {"per_second": 50, "burst": 100},
//      "roles":   {"admin": {"per_second": 200, "burst": 400}},
//      "systems": {"hr": {"per_second": 20, "burst": 40}}}
//   A system gets its own entry, else the default; a person the most generous entry
//   among their roles, else the default. Without an applicable entry a caller is not
//   limited. Every key is optional; an unknown key is an error (a typo limits nobody).
// - a cap on the calls in flight (--max-concurrent-calls).

#include <atomic>
#include <map>
#include <mutex>
#include <optional>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "common/auth/principal.h"
#include "services/gateway/domain/lru.h"

namespace paizhu::gateway {

inline constexpr char kReasonRateLimited[] = "RATE_LIMITED";
inline constexpr char kReasonTooManyCalls[] = "TOO_MANY_CALLS";

struct RateLimit {
  double per_second = 0;  // refill rate, > 0
  double burst = 0;       // bucket size, >= 1
  // More generous: a higher rate, then a larger burst.
  bool MoreGenerousThan(const RateLimit& other) const {
    return per_second != other.per_second ? per_second > other.per_second : burst > other.burst;
  }
  bool operator==(const RateLimit&) const = default;
};

// A bucket of up to `burst` tokens refilled continuously at `per_second`; starts full.
class TokenBucket {
 public:
  TokenBucket(RateLimit limit, absl::Time now) : limit_(limit), tokens_(limit.burst), last_(now) {}

  // Takes one token if there is one.
  bool TryTake(absl::Time now);
  // A changed limit applies from now on; the tokens held stay (up to the new burst).
  void SetLimit(RateLimit limit, absl::Time now);
  double tokens(absl::Time now) const;
  const RateLimit& limit() const { return limit_; }

 private:
  void Refill(absl::Time now);
  RateLimit limit_;
  double tokens_;
  absl::Time last_;
};

struct RateLimitPolicy {
  std::optional<RateLimit> default_limit;
  std::map<std::string, RateLimit> roles;
  std::map<std::string, RateLimit> systems;

  static absl::StatusOr<RateLimitPolicy> FromJson(absl::string_view text);
  static absl::StatusOr<RateLimitPolicy> FromFile(const std::string& path);

  // The limit that applies to the principal; nullopt: not limited.
  std::optional<RateLimit> For(const auth::Principal& principal) const;
};

// One bucket per principal (kind and subject), the least recently seen forgotten beyond
// `max_tracked` principals (a forgotten one starts again with a full bucket).
class RateLimiter {
 public:
  explicit RateLimiter(RateLimitPolicy policy, size_t max_tracked = 100'000)
      : policy_(std::move(policy)), buckets_(max_tracked) {}

  // False when the principal's bucket is empty: refuse the call.
  bool Allow(const auth::Principal& principal, absl::Time now);
  const RateLimitPolicy& policy() const { return policy_; }

 private:
  const RateLimitPolicy policy_;
  std::mutex mu_;
  LruMap<std::string, TokenBucket> buckets_;
};

// Counts calls in flight; TryAcquire fails at the cap. Release once per acquired call.
class ConcurrencyLimit {
 public:
  explicit ConcurrencyLimit(int max) : max_(max) {}
  bool TryAcquire() {
    if (in_flight_.fetch_add(1) < max_) return true;
    in_flight_.fetch_sub(1);
    return false;
  }
  void Release() { in_flight_.fetch_sub(1); }
  int in_flight() const { return in_flight_.load(); }
  int max() const { return max_; }

 private:
  const int max_;
  std::atomic<int> in_flight_{0};
};

}  // namespace paizhu::gateway
