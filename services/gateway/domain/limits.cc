#include "services/gateway/domain/limits.h"

#include <algorithm>
#include <fstream>
#include <iterator>

#include "absl/strings/str_cat.h"
#include "common/status/status.h"
#include "nlohmann/json.hpp"
#include "services/gateway/domain/audit.h"

namespace paizhu::gateway {
namespace {

using Json = nlohmann::json;

absl::Status Bad(absl::string_view why) {
  return InvalidArgument("rate-limits-file", "BAD_RATE_LIMITS", why);
}

absl::StatusOr<RateLimit> ParseLimit(const Json& value, const std::string& where) {
  if (!value.is_object()) return Bad(absl::StrCat(where, " must be an object"));
  RateLimit limit;
  for (const auto& [key, v] : value.items()) {
    if (key != "per_second" && key != "burst") {
      return Bad(absl::StrCat(where, ": unknown key \"", key, "\" (per_second, burst)"));
    }
    if (!v.is_number()) return Bad(absl::StrCat(where, ".", key, " must be a number"));
  }
  if (!value.contains("per_second") || !value.contains("burst")) {
    return Bad(absl::StrCat(where, " needs per_second and burst"));
  }
  limit.per_second = value["per_second"].get<double>();
  limit.burst = value["burst"].get<double>();
  if (!(limit.per_second > 0)) return Bad(absl::StrCat(where, ".per_second must be above 0"));
  if (!(limit.burst >= 1)) return Bad(absl::StrCat(where, ".burst must be at least 1"));
  return limit;
}

absl::Status ParseMap(const Json& value, const std::string& where,
                      std::map<std::string, RateLimit>* out) {
  if (!value.is_object()) return Bad(absl::StrCat(where, " must be an object"));
  for (const auto& [name, v] : value.items()) {
    auto limit = ParseLimit(v, absl::StrCat(where, ".", name));
    if (!limit.ok()) return limit.status();
    (*out)[name] = *limit;
  }
  return absl::OkStatus();
}

}  // namespace

void TokenBucket::Refill(absl::Time now) {
  if (now > last_) {
    tokens_ =
        std::min(limit_.burst, tokens_ + absl::ToDoubleSeconds(now - last_) * limit_.per_second);
    last_ = now;
  }
}

bool TokenBucket::TryTake(absl::Time now) {
  Refill(now);
  if (tokens_ < 1) return false;
  tokens_ -= 1;
  return true;
}

void TokenBucket::SetLimit(RateLimit limit, absl::Time now) {
  Refill(now);
  limit_ = limit;
  tokens_ = std::min(tokens_, limit_.burst);
}

double TokenBucket::tokens(absl::Time now) const {
  TokenBucket copy = *this;
  copy.Refill(now);
  return copy.tokens_;
}

absl::StatusOr<RateLimitPolicy> RateLimitPolicy::FromJson(absl::string_view text) {
  Json json = Json::parse(text.begin(), text.end(), nullptr, false);
  if (json.is_discarded()) return Bad("the rate limits file is not valid JSON");
  if (!json.is_object()) return Bad("the rate limits file must hold a JSON object");
  RateLimitPolicy policy;
  for (const auto& [key, value] : json.items()) {
    if (key == "default") {
      auto limit = ParseLimit(value, "default");
      if (!limit.ok()) return limit.status();
      policy.default_limit = *limit;
    } else if (key == "roles") {
      if (absl::Status s = ParseMap(value, "roles", &policy.roles); !s.ok()) return s;
    } else if (key == "systems") {
      if (absl::Status s = ParseMap(value, "systems", &policy.systems); !s.ok()) return s;
    } else {
      return Bad(absl::StrCat("unknown key \"", key, "\" (default, roles, systems)"));
    }
  }
  return policy;
}

absl::StatusOr<RateLimitPolicy> RateLimitPolicy::FromFile(const std::string& path) {
  std::ifstream in(path);
  if (!in) return Bad(absl::StrCat("cannot read the rate limits file ", path));
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  return FromJson(text);
}

std::optional<RateLimit> RateLimitPolicy::For(const auth::Principal& principal) const {
  if (principal.kind() == auth::Principal::SYSTEM) {
    auto it = systems.find(principal.subject());
    return it != systems.end() ? std::optional(it->second) : default_limit;
  }
  std::optional<RateLimit> best;
  for (const auto& grant : principal.roles()) {
    auto it = roles.find(grant.role());
    if (it != roles.end() && (!best || it->second.MoreGenerousThan(*best))) best = it->second;
  }
  return best ? best : default_limit;
}

bool RateLimiter::Allow(const auth::Principal& principal, absl::Time now) {
  std::optional<RateLimit> limit = policy_.For(principal);
  if (!limit.has_value()) return true;
  std::string key = PrincipalLabel(principal);
  std::lock_guard lock(mu_);
  TokenBucket* bucket = buckets_.Find(key);
  if (bucket == nullptr) {
    bucket = buckets_.Put(key, TokenBucket(*limit, now));
    if (bucket == nullptr) return true;  // tracking nobody: no limits
  } else if (!(bucket->limit() == *limit)) {
    bucket->SetLimit(*limit, now);  // the principal's roles changed
  }
  return bucket->TryTake(now);
}

}  // namespace paizhu::gateway
