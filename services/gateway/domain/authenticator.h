#pragma once
// A person's bearer token to their verified claims: the keys in force (reloaded when
// their file changes), with a cache of tokens already verified in front of the signature
// check.

#include <memory>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "common/auth/jwt.h"
#include "services/gateway/domain/jwt_keys.h"
#include "services/gateway/domain/token_cache.h"

namespace paizhu::gateway {

class Authenticator {
 public:
  // `cache_size` 0 turns the cache off.
  Authenticator(std::unique_ptr<JwtKeyStore> keys, size_t cache_size)
      : keys_(std::move(keys)), cache_(cache_size) {}

  // UNAUTHENTICATED with the reason in the message (for the log) on any failure.
  absl::StatusOr<auth::JwtClaims> Authenticate(absl::string_view token,
                                               absl::Time now = absl::Now());

  JwtKeyStore& keys() { return *keys_; }
  const VerifiedTokenCache& cache() const { return cache_; }

 private:
  std::unique_ptr<JwtKeyStore> keys_;
  VerifiedTokenCache cache_;
  std::atomic<uint64_t> generation_seen_{0};
};

}  // namespace paizhu::gateway
