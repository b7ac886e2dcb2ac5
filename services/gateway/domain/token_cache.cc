#include "services/gateway/domain/token_cache.h"

#include "common/crypto/digest.h"

namespace paizhu::gateway {

std::optional<auth::JwtClaims> VerifiedTokenCache::Get(absl::string_view token, uint64_t generation,
                                                       absl::Time now) {
  std::optional<Verified> found = cache_.Get(crypto::Sha256(token), now);
  if (!found.has_value() || found->generation != generation) {
    ++misses_;
    return std::nullopt;
  }
  ++hits_;
  return std::move(found->claims);
}

void VerifiedTokenCache::Put(absl::string_view token, const auth::JwtClaims& claims,
                             uint64_t generation, absl::Time now) {
  cache_.Put(crypto::Sha256(token), Verified{claims, generation}, claims.expires_at, now);
}

}  // namespace paizhu::gateway
