// The bounded caches: least recently used dropped first, entries never returned at or
// after their expiry (the clock is passed in).

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "services/gateway/domain/lru.h"
#include "services/gateway/domain/principal_cache.h"
#include "services/gateway/domain/token_cache.h"

namespace paizhu::gateway {
namespace {

const absl::Time kNow = absl::FromUnixSeconds(1'770'000'000);

TEST(LruMapTest, DropsTheLeastRecentlyUsedBeyondCapacity) {
  LruMap<std::string, int> map(2);
  map.Put("a", 1);
  map.Put("b", 2);
  ASSERT_NE(map.Find("a"), nullptr);  // a is now the most recent
  map.Put("c", 3);                    // so b goes
  EXPECT_EQ(map.Find("b"), nullptr);
  ASSERT_NE(map.Find("a"), nullptr);
  EXPECT_EQ(*map.Find("a"), 1);
  ASSERT_NE(map.Find("c"), nullptr);
  EXPECT_EQ(map.size(), 2u);

  map.Put("a", 10);  // replacing refreshes too: c is the oldest now
  map.Put("d", 4);
  EXPECT_EQ(map.Find("c"), nullptr);
  EXPECT_EQ(*map.Find("a"), 10);
}

TEST(LruMapTest, CapacityZeroHoldsNothing) {
  LruMap<std::string, int> map(0);
  EXPECT_EQ(map.Put("a", 1), nullptr);
  EXPECT_EQ(map.Find("a"), nullptr);
  EXPECT_EQ(map.size(), 0u);
}

auth::JwtClaims ClaimsFor(const std::string& subject, absl::Time expires_at) {
  auth::JwtClaims claims;
  claims.subject = subject;
  claims.expires_at = expires_at;
  return claims;
}

TEST(VerifiedTokenCacheTest, MissThenHit) {
  VerifiedTokenCache cache(10);
  EXPECT_FALSE(cache.Get("token-a", 1, kNow).has_value());
  cache.Put("token-a", ClaimsFor("P0001", kNow + absl::Minutes(5)), 1, kNow);
  auto hit = cache.Get("token-a", 1, kNow + absl::Seconds(1));
  ASSERT_TRUE(hit.has_value());
  EXPECT_EQ(hit->subject, "P0001");
  EXPECT_FALSE(cache.Get("token-b", 1, kNow).has_value());
  EXPECT_EQ(cache.hits(), 1u);
  EXPECT_EQ(cache.misses(), 2u);
}

TEST(VerifiedTokenCacheTest, AnEntryEndsAtTheTokensExpiryNeverLater) {
  VerifiedTokenCache cache(10);
  absl::Time exp = kNow + absl::Seconds(60);
  cache.Put("token", ClaimsFor("P0001", exp), 1, kNow);
  EXPECT_TRUE(cache.Get("token", 1, exp - absl::Nanoseconds(1)).has_value());
  EXPECT_FALSE(cache.Get("token", 1, exp).has_value());
  EXPECT_FALSE(cache.Get("token", 1, kNow).has_value());  // dropped, not resurrected
  EXPECT_EQ(cache.size(), 0u);

  // A token verified at or after its expiry (within the verifier's skew) is not kept.
  cache.Put("late", ClaimsFor("P0002", kNow), 1, kNow);
  EXPECT_EQ(cache.size(), 0u);
}

TEST(VerifiedTokenCacheTest, OnlyForTheKeyGenerationItWasVerifiedUnder) {
  VerifiedTokenCache cache(10);
  cache.Put("token", ClaimsFor("P0001", kNow + absl::Minutes(5)), 1, kNow);
  EXPECT_FALSE(cache.Get("token", 2, kNow).has_value());
  EXPECT_TRUE(cache.Get("token", 1, kNow).has_value());
}

TEST(VerifiedTokenCacheTest, EvictsTheLeastRecentlyUsedToken) {
  VerifiedTokenCache cache(2);
  absl::Time exp = kNow + absl::Minutes(5);
  cache.Put("t1", ClaimsFor("P1", exp), 1, kNow);
  cache.Put("t2", ClaimsFor("P2", exp), 1, kNow);
  ASSERT_TRUE(cache.Get("t1", 1, kNow).has_value());
  cache.Put("t3", ClaimsFor("P3", exp), 1, kNow);
  EXPECT_FALSE(cache.Get("t2", 1, kNow).has_value());
  EXPECT_TRUE(cache.Get("t1", 1, kNow).has_value());
  EXPECT_TRUE(cache.Get("t3", 1, kNow).has_value());
  EXPECT_EQ(cache.size(), 2u);
}

TEST(VerifiedTokenCacheTest, SizeZeroCachesNothing) {
  VerifiedTokenCache cache(0);
  cache.Put("t1", ClaimsFor("P1", kNow + absl::Minutes(5)), 1, kNow);
  EXPECT_FALSE(cache.Get("t1", 1, kNow).has_value());
}

auth::Principal Person(const std::string& code, const std::string& role) {
  auth::Principal p;
  p.set_kind(auth::Principal::PERSON);
  p.set_subject(code);
  p.add_roles()->set_role(role);
  return p;
}

TEST(PrincipalCacheTest, HitsWithinTheTtlAndMissesAfter) {
  PrincipalCache cache(10, absl::Seconds(30));
  EXPECT_FALSE(cache.Get("P0001", kNow).has_value());
  cache.Put("P0001", Person("P0001", "group"), kNow);
  auto hit = cache.Get("P0001", kNow + absl::Seconds(29));
  ASSERT_TRUE(hit.has_value());
  EXPECT_EQ(hit->subject(), "P0001");
  ASSERT_EQ(hit->roles_size(), 1);
  EXPECT_EQ(hit->roles(0).role(), "group");
  EXPECT_FALSE(cache.Get("P0001", kNow + absl::Seconds(30)).has_value());
  EXPECT_EQ(cache.hits(), 1u);
  EXPECT_EQ(cache.misses(), 2u);
}

TEST(PrincipalCacheTest, AFreshAnswerReplacesTheOld) {
  PrincipalCache cache(10, absl::Seconds(30));
  cache.Put("P0001", Person("P0001", "group"), kNow);
  cache.Put("P0001", Person("P0001", "office"), kNow + absl::Seconds(20));
  auto hit = cache.Get("P0001", kNow + absl::Seconds(40));  // the second one's TTL
  ASSERT_TRUE(hit.has_value());
  EXPECT_EQ(hit->roles(0).role(), "office");
  EXPECT_EQ(cache.size(), 1u);
}

TEST(PrincipalCacheTest, IsBounded) {
  PrincipalCache cache(3, absl::Seconds(30));
  for (int i = 0; i < 10; ++i) {
    std::string code = "P" + std::to_string(i);
    cache.Put(code, Person(code, "group"), kNow);
  }
  EXPECT_EQ(cache.size(), 3u);
  EXPECT_FALSE(cache.Get("P6", kNow).has_value());
  for (const char* kept : {"P7", "P8", "P9"}) EXPECT_TRUE(cache.Get(kept, kNow).has_value());
}

TEST(PrincipalCacheTest, OffWithSizeZeroOrNoTtl) {
  PrincipalCache none(0, absl::Seconds(30));
  none.Put("P1", Person("P1", "group"), kNow);
  EXPECT_FALSE(none.Get("P1", kNow).has_value());
  PrincipalCache no_ttl(10, absl::ZeroDuration());
  no_ttl.Put("P1", Person("P1", "group"), kNow);
  EXPECT_FALSE(no_ttl.Get("P1", kNow).has_value());
}

}  // namespace
}  // namespace paizhu::gateway
