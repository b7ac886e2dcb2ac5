#pragma once
// The organisation service's answer to ResolvePrincipal, kept per person for a short
// time (--principal-cache-ttl) in a bounded cache (--principal-cache-size, least recently
// used dropped first), so a person's burst of calls costs one resolution. A change of
// roles reaches the gateway within the TTL.

#include <optional>
#include <string>

#include "absl/time/time.h"
#include "common/auth/principal.h"
#include "services/gateway/domain/lru.h"

namespace paizhu::gateway {

class PrincipalCache {
 public:
  // `capacity` 0 or a non-positive `ttl` turns the cache off.
  PrincipalCache(size_t capacity, absl::Duration ttl) : ttl_(ttl), cache_(capacity) {}

  std::optional<auth::Principal> Get(const std::string& person, absl::Time now) {
    return cache_.Get(person, now);
  }
  void Put(const std::string& person, const auth::Principal& principal, absl::Time now) {
    cache_.Put(person, principal, now + ttl_, now);
  }

  size_t size() const { return cache_.size(); }
  uint64_t hits() const { return cache_.hits(); }
  uint64_t misses() const { return cache_.misses(); }

 private:
  absl::Duration ttl_;
  ExpiringCache<std::string, auth::Principal> cache_;
};

}  // namespace paizhu::gateway
