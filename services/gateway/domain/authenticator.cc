#include "services/gateway/domain/authenticator.h"

namespace paizhu::gateway {

absl::StatusOr<auth::JwtClaims> Authenticator::Authenticate(absl::string_view token,
                                                            absl::Time now) {
  JwtKeyStore::Keys keys = keys_->Current(now);
  // New keys: entries of the old ones would miss anyway (wrong generation); free them.
  uint64_t seen = generation_seen_.load();
  if (seen != keys.generation && generation_seen_.compare_exchange_strong(seen, keys.generation)) {
    cache_.Clear();
  }
  if (auto cached = cache_.Get(token, keys.generation, now)) return *std::move(cached);
  auto claims = keys.verifier->Verify(token, now);
  if (claims.ok()) cache_.Put(token, *claims, keys.generation, now);
  return claims;
}

}  // namespace paizhu::gateway
