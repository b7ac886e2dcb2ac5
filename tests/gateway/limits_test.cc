// Rate limits and the concurrency cap: token buckets on an injected clock, the policy
// file, and which bucket a caller gets.

#include "services/gateway/domain/limits.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/support/status_matchers.h"

namespace paizhu::gateway {
namespace {

using ::paizhu::testing::StatusIs;

const absl::Time kNow = absl::FromUnixSeconds(1'770'000'000);

TEST(TokenBucketTest, AFullBucketAllowsTheBurstThenRefuses) {
  TokenBucket bucket({/*per_second=*/2, /*burst=*/3}, kNow);
  EXPECT_TRUE(bucket.TryTake(kNow));
  EXPECT_TRUE(bucket.TryTake(kNow));
  EXPECT_TRUE(bucket.TryTake(kNow));
  EXPECT_FALSE(bucket.TryTake(kNow));
  EXPECT_FALSE(bucket.TryTake(kNow + absl::Milliseconds(499)));
}

TEST(TokenBucketTest, RefillsAtTheRateUpToTheBurst) {
  TokenBucket bucket({2, 3}, kNow);
  for (int i = 0; i < 3; ++i) ASSERT_TRUE(bucket.TryTake(kNow));
  EXPECT_TRUE(bucket.TryTake(kNow + absl::Milliseconds(500)));  // one token per 500 ms
  EXPECT_FALSE(bucket.TryTake(kNow + absl::Milliseconds(500)));
  // A long pause fills the bucket, never beyond the burst.
  absl::Time later = kNow + absl::Hours(1);
  EXPECT_DOUBLE_EQ(bucket.tokens(later), 3);
  for (int i = 0; i < 3; ++i) EXPECT_TRUE(bucket.TryTake(later));
  EXPECT_FALSE(bucket.TryTake(later));
}

TEST(TokenBucketTest, SlowRatesAccumulateFractions) {
  TokenBucket bucket({0.5, 1}, kNow);
  ASSERT_TRUE(bucket.TryTake(kNow));
  EXPECT_FALSE(bucket.TryTake(kNow + absl::Seconds(1)));
  EXPECT_TRUE(bucket.TryTake(kNow + absl::Seconds(2)));
}

TEST(TokenBucketTest, AClockGoingBackwardsAddsNothing) {
  TokenBucket bucket({1, 1}, kNow);
  ASSERT_TRUE(bucket.TryTake(kNow));
  EXPECT_FALSE(bucket.TryTake(kNow - absl::Seconds(10)));
  EXPECT_TRUE(bucket.TryTake(kNow + absl::Seconds(1)));
}

TEST(TokenBucketTest, ALowerLimitKeepsAtMostTheNewBurst) {
  TokenBucket bucket({10, 10}, kNow);
  bucket.SetLimit({1, 2}, kNow);
  EXPECT_TRUE(bucket.TryTake(kNow));
  EXPECT_TRUE(bucket.TryTake(kNow));
  EXPECT_FALSE(bucket.TryTake(kNow));
}

constexpr char kPolicy[] = R"({
  "default": {"per_second": 50, "burst": 100},
  "roles": {"admin": {"per_second": 5, "burst": 10},
            "group": {"per_second": 20, "burst": 40},
            "office": {"per_second": 20, "burst": 60}},
  "systems": {"hr": {"per_second": 1, "burst": 2}}
})";

auth::Principal Person(std::initializer_list<const char*> roles) {
  auth::Principal p;
  p.set_kind(auth::Principal::PERSON);
  p.set_subject("P0001");
  for (const char* role : roles) p.add_roles()->set_role(role);
  return p;
}

auth::Principal System(const std::string& name) {
  auth::Principal p;
  p.set_kind(auth::Principal::SYSTEM);
  p.set_subject(name);
  return p;
}

TEST(RateLimitPolicyTest, APersonGetsTheMostGenerousOfTheirRolesElseTheDefault) {
  ASSERT_OK_AND_ASSIGN(RateLimitPolicy policy, RateLimitPolicy::FromJson(kPolicy));
  EXPECT_EQ(policy.For(Person({"admin"})), (RateLimit{5, 10}));
  // group and office rate alike; office's burst is larger.
  EXPECT_EQ(policy.For(Person({"admin", "group", "office"})), (RateLimit{20, 60}));
  EXPECT_EQ(policy.For(Person({"group", "admin"})), (RateLimit{20, 40}));
  // Roles without an entry fall back to the default; so does a person without roles.
  EXPECT_EQ(policy.For(Person({"auditor"})), (RateLimit{50, 100}));
  EXPECT_EQ(policy.For(Person({})), (RateLimit{50, 100}));
  EXPECT_EQ(policy.For(Person({"auditor", "admin"})), (RateLimit{5, 10}));
}

TEST(RateLimitPolicyTest, ASystemGetsItsOwnEntryElseTheDefault) {
  ASSERT_OK_AND_ASSIGN(RateLimitPolicy policy, RateLimitPolicy::FromJson(kPolicy));
  EXPECT_EQ(policy.For(System("hr")), (RateLimit{1, 2}));
  EXPECT_EQ(policy.For(System("petition")), (RateLimit{50, 100}));
}

TEST(RateLimitPolicyTest, WithoutADefaultUnlistedCallersAreNotLimited) {
  ASSERT_OK_AND_ASSIGN(RateLimitPolicy policy,
                       RateLimitPolicy::FromJson(R"({"roles": {"admin": {"per_second": 1,
                                                                         "burst": 1}}})"));
  EXPECT_FALSE(policy.For(Person({"group"})).has_value());
  EXPECT_FALSE(policy.For(System("hr")).has_value());
  EXPECT_TRUE(policy.For(Person({"admin"})).has_value());
  ASSERT_OK_AND_ASSIGN(RateLimitPolicy empty, RateLimitPolicy::FromJson("{}"));
  EXPECT_FALSE(empty.For(Person({"admin"})).has_value());
}

TEST(RateLimitPolicyTest, MistakesInTheFileAreRefused) {
  for (const char* bad : {
           "",
           "[]",
           "{\"defualt\": {\"per_second\": 1, \"burst\": 1}}",
           "{\"default\": {\"per_second\": 1}}",
           "{\"default\": {\"per_second\": 0, \"burst\": 1}}",
           "{\"default\": {\"per_second\": 1, \"burst\": 0.5}}",
           "{\"default\": {\"per_second\": \"1\", \"burst\": 1}}",
           "{\"default\": {\"per_second\": 1, \"burst\": 1, \"per_minute\": 3}}",
           "{\"roles\": [1]}",
           "{\"roles\": {\"admin\": 5}}",
           "{\"systems\": {\"hr\": {\"per_second\": -1, \"burst\": 1}}}",
       }) {
    EXPECT_THAT(RateLimitPolicy::FromJson(bad),
                StatusIs(absl::StatusCode::kInvalidArgument, "BAD_RATE_LIMITS"))
        << bad;
  }
  EXPECT_THAT(RateLimitPolicy::FromFile("/no/such/limits.json"),
              StatusIs(absl::StatusCode::kInvalidArgument, "BAD_RATE_LIMITS"));
}

TEST(RateLimiterTest, EachPrincipalHasItsOwnBucket) {
  ASSERT_OK_AND_ASSIGN(RateLimitPolicy policy,
                       RateLimitPolicy::FromJson(R"({"default": {"per_second": 1, "burst": 2}})"));
  RateLimiter limiter(std::move(policy));
  auth::Principal a = Person({"group"});
  auth::Principal b = Person({"group"});
  b.set_subject("P0002");
  EXPECT_TRUE(limiter.Allow(a, kNow));
  EXPECT_TRUE(limiter.Allow(a, kNow));
  EXPECT_FALSE(limiter.Allow(a, kNow));
  EXPECT_TRUE(limiter.Allow(b, kNow));                // another person is not held back
  EXPECT_TRUE(limiter.Allow(System("P0001"), kNow));  // nor a system of the same name
  EXPECT_TRUE(limiter.Allow(a, kNow + absl::Seconds(1)));
  EXPECT_FALSE(limiter.Allow(a, kNow + absl::Seconds(1)));
}

TEST(RateLimiterTest, FollowsAChangeOfRoles) {
  ASSERT_OK_AND_ASSIGN(RateLimitPolicy policy, RateLimitPolicy::FromJson(kPolicy));
  RateLimiter limiter(std::move(policy));
  auth::Principal admin = Person({"admin"});
  for (int i = 0; i < 10; ++i) ASSERT_TRUE(limiter.Allow(admin, kNow));
  EXPECT_FALSE(limiter.Allow(admin, kNow));
  // Granted the group role: a higher rate from now on, not a refilled bucket.
  auth::Principal promoted = Person({"admin", "group"});
  EXPECT_FALSE(limiter.Allow(promoted, kNow));
  EXPECT_TRUE(limiter.Allow(promoted, kNow + absl::Milliseconds(100)));  // 20/s: 2 tokens
}

TEST(RateLimiterTest, UnlimitedCallersAreAlwaysAllowed) {
  RateLimiter limiter(RateLimitPolicy{});
  for (int i = 0; i < 1000; ++i) ASSERT_TRUE(limiter.Allow(Person({"admin"}), kNow));
}

TEST(ConcurrencyLimitTest, RefusesAtTheCapAndFreesOnRelease) {
  ConcurrencyLimit limit(2);
  EXPECT_TRUE(limit.TryAcquire());
  EXPECT_TRUE(limit.TryAcquire());
  EXPECT_FALSE(limit.TryAcquire());
  EXPECT_EQ(limit.in_flight(), 2);  // a refusal holds no slot
  limit.Release();
  EXPECT_TRUE(limit.TryAcquire());
  EXPECT_FALSE(limit.TryAcquire());
  limit.Release();
  limit.Release();
  EXPECT_EQ(limit.in_flight(), 0);
}

}  // namespace
}  // namespace paizhu::gateway
