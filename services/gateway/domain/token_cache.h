#pragma once
// A bounded cache of verified bearer tokens, so signature checks stay off the hot path.
// Keyed by the token's SHA-256 (the token itself is never stored), least recently used
// dropped first. An entry lives until the token's expiry, never past it, and only for
// the key generation it was verified under: after a key reload every token is verified
// again.

#include <atomic>
#include <cstdint>
#include <optional>
#include <string>

#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "common/auth/jwt.h"
#include "services/gateway/domain/lru.h"

namespace paizhu::gateway {

class VerifiedTokenCache {
 public:
  explicit VerifiedTokenCache(size_t capacity) : cache_(capacity) {}

  // The claims of `token` if it was verified under `generation` and is not yet expired.
  std::optional<auth::JwtClaims> Get(absl::string_view token, uint64_t generation, absl::Time now);
  // Remembers a token just verified under `generation`, until claims.expires_at.
  void Put(absl::string_view token, const auth::JwtClaims& claims, uint64_t generation,
           absl::Time now);
  void Clear() { cache_.Clear(); }

  size_t size() const { return cache_.size(); }
  uint64_t hits() const { return hits_; }
  uint64_t misses() const { return misses_; }

 private:
  struct Verified {
    auth::JwtClaims claims;
    uint64_t generation = 0;
  };
  ExpiringCache<std::string, Verified> cache_;
  std::atomic<uint64_t> hits_{0};
  std::atomic<uint64_t> misses_{0};
};

}  // namespace paizhu::gateway
