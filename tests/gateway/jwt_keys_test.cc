// Token authentication with keys from a file: verified tokens are cached, the file is
// reloaded when it changes (at most once per interval), a broken file keeps the old
// keys, and new keys invalidate every cached token. The clock is passed in.

#include <openssl/evp.h>
#include <openssl/pem.h>
#include <stdio.h>

#include <fstream>
#include <memory>
#include <string>

#include "common/auth/jwt.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "services/gateway/domain/authenticator.h"
#include "services/gateway/domain/jwt_keys.h"
#include "tests/support/status_matchers.h"

namespace paizhu::gateway {
namespace {

using ::paizhu::testing::StatusIs;

constexpr char kIssuer[] = "paizhu-dev";
constexpr char kAudience[] = "paizhu";
const absl::Time kNow = absl::FromUnixSeconds(1'770'000'000);
const absl::Duration kInterval = absl::Seconds(5);

struct KeyPair {
  std::string private_pem;
  std::string public_pem;
};

KeyPair NewKey() {
  EVP_PKEY* key = EVP_EC_gen("P-256");
  EXPECT_NE(key, nullptr);
  auto pem = [](auto write) {
    BIO* bio = BIO_new(BIO_s_mem());
    write(bio);
    char* data = nullptr;
    long len = BIO_get_mem_data(bio, &data);
    std::string out(data, len);
    BIO_free(bio);
    return out;
  };
  KeyPair pair{
      pem([&](BIO* b) { PEM_write_bio_PrivateKey(b, key, nullptr, nullptr, 0, nullptr, nullptr); }),
      pem([&](BIO* b) { PEM_write_bio_PUBKEY(b, key); })};
  EVP_PKEY_free(key);
  return pair;
}

std::string Token(const KeyPair& key, const std::string& subject,
                  absl::Duration valid = absl::Minutes(5)) {
  auth::JwtClaims claims;
  claims.subject = subject;
  claims.issuer = kIssuer;
  claims.audience = kAudience;
  claims.issued_at = claims.not_before = kNow;
  claims.expires_at = kNow + valid;
  auto token = auth::MintEs256(key.private_pem, claims);
  EXPECT_TRUE(token.ok()) << token.status();
  return token.ok() ? *token : "";
}

class JwtKeysTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = ::testing::TempDir() + "/jwt-keys-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name() + ".pem";
    key_a_ = NewKey();
    key_b_ = NewKey();
  }
  void TearDown() override { std::remove(path_.c_str()); }

  // Replaces the file as deployments do: a new file renamed over the old one.
  void WriteKeys(const std::string& text) {
    std::string tmp = path_ + ".tmp";
    std::ofstream(tmp, std::ios::trunc) << text;
    ASSERT_EQ(std::rename(tmp.c_str(), path_.c_str()), 0);
  }

  std::unique_ptr<Authenticator> Open(size_t cache_size = 100) {
    auto store =
        JwtKeyStore::Open(path_, auth::JwtVerifierOptions{kIssuer, kAudience}, kInterval, kNow);
    EXPECT_TRUE(store.ok()) << store.status();
    if (!store.ok()) return nullptr;
    return std::make_unique<Authenticator>(*std::move(store), cache_size);
  }

  std::string path_;
  KeyPair key_a_;
  KeyPair key_b_;
};

TEST_F(JwtKeysTest, AVerifiedTokenIsServedFromTheCache) {
  WriteKeys(key_a_.public_pem);
  auto authn = Open();
  ASSERT_NE(authn, nullptr);
  std::string token = Token(key_a_, "P0001");
  ASSERT_OK_AND_ASSIGN(auth::JwtClaims first, authn->Authenticate(token, kNow));
  EXPECT_EQ(first.subject, "P0001");
  ASSERT_OK_AND_ASSIGN(auth::JwtClaims second, authn->Authenticate(token, kNow + absl::Seconds(1)));
  EXPECT_EQ(second.subject, "P0001");
  EXPECT_EQ(authn->cache().misses(), 1u);
  EXPECT_EQ(authn->cache().hits(), 1u);

  // Refused tokens are not cached: each is checked (and refused) again.
  std::string forged = Token(key_b_, "P0001");
  EXPECT_THAT(authn->Authenticate(forged, kNow),
              StatusIs(absl::StatusCode::kUnauthenticated, "UNAUTHENTICATED"));
  EXPECT_THAT(authn->Authenticate(forged, kNow),
              StatusIs(absl::StatusCode::kUnauthenticated, "UNAUTHENTICATED"));
  EXPECT_EQ(authn->cache().size(), 1u);
}

TEST_F(JwtKeysTest, ACachedTokenIsNotAcceptedPastItsExpiry) {
  WriteKeys(key_a_.public_pem);
  auto authn = Open();
  ASSERT_NE(authn, nullptr);
  std::string token = Token(key_a_, "P0001", absl::Seconds(60));
  ASSERT_OK(authn->Authenticate(token, kNow));
  // Past expiry and the verifier's 30 s clock-skew allowance: refused despite the cache.
  EXPECT_THAT(authn->Authenticate(token, kNow + absl::Seconds(91)),
              StatusIs(absl::StatusCode::kUnauthenticated));
  EXPECT_EQ(authn->cache().hits(), 0u);
}

TEST_F(JwtKeysTest, NewKeysAreUsedAfterTheIntervalAndOldTokensRefused) {
  WriteKeys(key_a_.public_pem);
  auto authn = Open();
  ASSERT_NE(authn, nullptr);
  std::string token_a = Token(key_a_, "P0001");
  std::string token_b = Token(key_b_, "P0002");
  ASSERT_OK(authn->Authenticate(token_a, kNow));

  WriteKeys(key_b_.public_pem);
  // Within the interval the file is not looked at: the old keys still hold.
  absl::Time soon = kNow + kInterval - absl::Milliseconds(1);
  EXPECT_OK(authn->Authenticate(token_a, soon));
  EXPECT_THAT(authn->Authenticate(token_b, soon), StatusIs(absl::StatusCode::kUnauthenticated));

  absl::Time later = kNow + kInterval;
  ASSERT_OK_AND_ASSIGN(auth::JwtClaims claims, authn->Authenticate(token_b, later));
  EXPECT_EQ(claims.subject, "P0002");
  // token_a was cached under the old keys: refused now all the same.
  EXPECT_THAT(authn->Authenticate(token_a, later), StatusIs(absl::StatusCode::kUnauthenticated));
  EXPECT_OK(authn->keys().last_reload_status());
  EXPECT_EQ(authn->keys().Current(later).generation, 2u);
}

TEST_F(JwtKeysTest, AnUnchangedFileIsNotReloaded) {
  WriteKeys(key_a_.public_pem);
  auto authn = Open();
  ASSERT_NE(authn, nullptr);
  EXPECT_EQ(authn->keys().Current(kNow + kInterval).generation, 1u);
  EXPECT_EQ(authn->keys().Current(kNow + 10 * kInterval).generation, 1u);
}

TEST_F(JwtKeysTest, ABrokenFileKeepsTheOldKeys) {
  WriteKeys(key_a_.public_pem);
  auto authn = Open();
  ASSERT_NE(authn, nullptr);
  std::string token_a = Token(key_a_, "P0001");

  WriteKeys("-----BEGIN PUBLIC KEY-----\ntruncated");
  absl::Time t1 = kNow + kInterval;
  EXPECT_OK(authn->Authenticate(token_a, t1));
  EXPECT_THAT(authn->keys().last_reload_status(),
              StatusIs(absl::StatusCode::kInvalidArgument, "NO_KEYS"));
  EXPECT_EQ(authn->keys().Current(t1).generation, 1u);

  // A missing file too.
  ASSERT_EQ(std::remove(path_.c_str()), 0);
  absl::Time t2 = t1 + kInterval;
  EXPECT_OK(authn->Authenticate(token_a, t2));
  EXPECT_THAT(authn->keys().last_reload_status(),
              StatusIs(absl::StatusCode::kInvalidArgument, "KEY_FILE_UNREADABLE"));

  // Fixed: the new keys load.
  WriteKeys(key_a_.public_pem + key_b_.public_pem);
  absl::Time t3 = t2 + kInterval;
  EXPECT_OK(authn->Authenticate(Token(key_b_, "P0002"), t3));
  EXPECT_OK(authn->Authenticate(token_a, t3));
  EXPECT_OK(authn->keys().last_reload_status());
}

TEST_F(JwtKeysTest, OpeningNeedsAReadableFileWithKeys) {
  EXPECT_THAT(JwtKeyStore::Open(path_, auth::JwtVerifierOptions{kIssuer, kAudience}, kInterval),
              StatusIs(absl::StatusCode::kInvalidArgument, "KEY_FILE_UNREADABLE"));
  WriteKeys("no keys here\n");
  EXPECT_THAT(JwtKeyStore::Open(path_, auth::JwtVerifierOptions{kIssuer, kAudience}, kInterval),
              StatusIs(absl::StatusCode::kInvalidArgument, "NO_KEYS"));
}

}  // namespace
}  // namespace paizhu::gateway
