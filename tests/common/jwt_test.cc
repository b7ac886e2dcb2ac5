// JWT verification: ES256 tokens minted here verify; everything an attacker could send
// instead (other algorithms, other keys, edited claims, stale tokens) is refused.
// Keys are generated per run with OpenSSL 3.

#include "common/auth/jwt.h"

#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/ec.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rsa.h>

#include <memory>
#include <string>
#include <vector>

#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/time/time.h"
#include "common/crypto/digest.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "nlohmann/json.hpp"
#include "tests/support/status_matchers.h"

namespace paizhu::auth {
namespace {

using ::paizhu::testing::StatusIs;
using Json = nlohmann::json;

constexpr char kIssuer[] = "https://login.paizhu.test";
constexpr char kAudience[] = "paizhu";

struct PkeyFree {
  void operator()(EVP_PKEY* k) const { EVP_PKEY_free(k); }
};
struct BioFree {
  void operator()(BIO* b) const { BIO_free(b); }
};
struct MdCtxFree {
  void operator()(EVP_MD_CTX* c) const { EVP_MD_CTX_free(c); }
};
struct SigFree {
  void operator()(ECDSA_SIG* s) const { ECDSA_SIG_free(s); }
};
using Pkey = std::unique_ptr<EVP_PKEY, PkeyFree>;
using Bio = std::unique_ptr<BIO, BioFree>;

std::string BioText(BIO* bio) {
  char* data = nullptr;
  long len = BIO_get_mem_data(bio, &data);
  return std::string(data, len);
}

std::string PrivatePem(EVP_PKEY* key) {
  Bio bio(BIO_new(BIO_s_mem()));
  EXPECT_EQ(PEM_write_bio_PrivateKey(bio.get(), key, nullptr, nullptr, 0, nullptr, nullptr), 1);
  return BioText(bio.get());
}

std::string PublicPem(EVP_PKEY* key) {
  Bio bio(BIO_new(BIO_s_mem()));
  EXPECT_EQ(PEM_write_bio_PUBKEY(bio.get(), key), 1);
  return BioText(bio.get());
}

std::string B64(absl::string_view bytes) { return absl::WebSafeBase64Escape(bytes); }

// A SHA-256 signature as OpenSSL makes it: DER for EC, PKCS#1 v1.5 for RSA.
std::string SignSha256(EVP_PKEY* key, absl::string_view data) {
  std::unique_ptr<EVP_MD_CTX, MdCtxFree> ctx(EVP_MD_CTX_new());
  size_t len = 0;
  const auto* bytes = reinterpret_cast<const unsigned char*>(data.data());
  EXPECT_EQ(EVP_DigestSignInit(ctx.get(), nullptr, EVP_sha256(), nullptr, key), 1);
  EXPECT_EQ(EVP_DigestSign(ctx.get(), nullptr, &len, bytes, data.size()), 1);
  std::string sig(len, '\0');
  EXPECT_EQ(EVP_DigestSign(ctx.get(), reinterpret_cast<unsigned char*>(sig.data()), &len, bytes,
                           data.size()),
            1);
  sig.resize(len);
  return sig;
}

// JOSE ES256 signatures are r||s, 32 bytes each.
std::string DerToRaw(absl::string_view der) {
  const auto* p = reinterpret_cast<const unsigned char*>(der.data());
  std::unique_ptr<ECDSA_SIG, SigFree> sig(
      d2i_ECDSA_SIG(nullptr, &p, static_cast<long>(der.size())));
  EXPECT_NE(sig, nullptr);
  std::string raw(64, '\0');
  BN_bn2binpad(ECDSA_SIG_get0_r(sig.get()), reinterpret_cast<unsigned char*>(raw.data()), 32);
  BN_bn2binpad(ECDSA_SIG_get0_s(sig.get()), reinterpret_cast<unsigned char*>(raw.data()) + 32, 32);
  return raw;
}

// A token built by hand: any header and payload, signed ES256 or RS256 with `key`.
std::string HandToken(EVP_PKEY* key, const Json& header, const Json& payload) {
  std::string signed_part = absl::StrCat(B64(header.dump()), ".", B64(payload.dump()));
  std::string sig = SignSha256(key, signed_part);
  if (EVP_PKEY_get_base_id(key) == EVP_PKEY_EC) sig = DerToRaw(sig);
  return absl::StrCat(signed_part, ".", B64(sig));
}

class JwtTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    ec_key_ = EVP_EC_gen("P-256");
    other_ec_key_ = EVP_EC_gen("P-256");
    rsa_key_ = EVP_RSA_gen(2048);
    ASSERT_NE(ec_key_, nullptr);
    ASSERT_NE(other_ec_key_, nullptr);
    ASSERT_NE(rsa_key_, nullptr);
  }
  static void TearDownTestSuite() {
    EVP_PKEY_free(ec_key_);
    EVP_PKEY_free(other_ec_key_);
    EVP_PKEY_free(rsa_key_);
  }

  static JwtVerifierOptions Options() {
    JwtVerifierOptions options;
    options.issuer = kIssuer;
    options.audience = kAudience;
    return options;
  }

  JwtClaims Claims() const {
    JwtClaims claims;
    claims.subject = "P001";
    claims.issuer = kIssuer;
    claims.audience = kAudience;
    claims.issued_at = now_ - absl::Minutes(1);
    claims.not_before = now_ - absl::Minutes(1);
    claims.expires_at = now_ + absl::Minutes(10);
    return claims;
  }

  Json Payload() const {
    return {{"sub", "P001"},
            {"iss", kIssuer},
            {"aud", kAudience},
            {"iat", absl::ToUnixSeconds(now_ - absl::Minutes(1))},
            {"exp", absl::ToUnixSeconds(now_ + absl::Minutes(10))}};
  }

  std::string Mint(const JwtClaims& claims, EVP_PKEY* key = nullptr) {
    auto token = MintEs256(PrivatePem(key ? key : ec_key_), claims);
    EXPECT_TRUE(token.ok()) << token.status();
    return token.ok() ? *token : "";
  }

  static auto Refused() { return StatusIs(absl::StatusCode::kUnauthenticated, "UNAUTHENTICATED"); }

  static EVP_PKEY* ec_key_;
  static EVP_PKEY* other_ec_key_;
  static EVP_PKEY* rsa_key_;
  absl::Time now_ = absl::FromUnixSeconds(1767225600);  // 2026-01-01T00:00:00Z
};

EVP_PKEY* JwtTest::ec_key_ = nullptr;
EVP_PKEY* JwtTest::other_ec_key_ = nullptr;
EVP_PKEY* JwtTest::rsa_key_ = nullptr;

TEST_F(JwtTest, MintedTokenVerifies) {
  ASSERT_OK_AND_ASSIGN(auto verifier, JwtVerifier::FromPem(PublicPem(ec_key_), Options()));
  ASSERT_OK_AND_ASSIGN(JwtClaims claims, verifier->Verify(Mint(Claims()), now_));
  EXPECT_EQ(claims.subject, "P001");
  EXPECT_EQ(claims.issuer, kIssuer);
  EXPECT_EQ(claims.audience, kAudience);
  EXPECT_EQ(claims.expires_at, now_ + absl::Minutes(10));
  EXPECT_EQ(claims.issued_at, now_ - absl::Minutes(1));
}

TEST_F(JwtTest, MintedTokenHasEs256Header) {
  std::vector<std::string> parts = absl::StrSplit(Mint(Claims()), '.');
  ASSERT_EQ(parts.size(), 3u);
  std::string header;
  ASSERT_TRUE(absl::WebSafeBase64Unescape(parts[0], &header));
  EXPECT_EQ(Json::parse(header)["alg"], "ES256");
  std::string sig;
  ASSERT_TRUE(absl::WebSafeBase64Unescape(parts[2], &sig));
  EXPECT_EQ(sig.size(), 64u);
}

TEST_F(JwtTest, MintRefusesANonEcKey) {
  EXPECT_THAT(MintEs256(PrivatePem(rsa_key_), Claims()),
              StatusIs(absl::StatusCode::kInvalidArgument, "BAD_SIGNING_KEY"));
  EXPECT_THAT(MintEs256("not a pem", Claims()),
              StatusIs(absl::StatusCode::kInvalidArgument, "BAD_SIGNING_KEY"));
}

TEST_F(JwtTest, WrongIssuerIsRefused) {
  ASSERT_OK_AND_ASSIGN(auto verifier, JwtVerifier::FromPem(PublicPem(ec_key_), Options()));
  JwtClaims claims = Claims();
  claims.issuer = "https://evil.test";
  EXPECT_THAT(verifier->Verify(Mint(claims), now_), Refused());
}

TEST_F(JwtTest, WrongAudienceIsRefused) {
  ASSERT_OK_AND_ASSIGN(auto verifier, JwtVerifier::FromPem(PublicPem(ec_key_), Options()));
  JwtClaims claims = Claims();
  claims.audience = "another-app";
  EXPECT_THAT(verifier->Verify(Mint(claims), now_), Refused());
}

TEST_F(JwtTest, AudienceListContainingOursIsAccepted) {
  ASSERT_OK_AND_ASSIGN(auto verifier, JwtVerifier::FromPem(PublicPem(ec_key_), Options()));
  Json payload = Payload();
  payload["aud"] = {"another-app", kAudience};
  EXPECT_OK(verifier->Verify(HandToken(ec_key_, {{"alg", "ES256"}}, payload), now_));
  payload["aud"] = {"another-app"};
  EXPECT_THAT(verifier->Verify(HandToken(ec_key_, {{"alg", "ES256"}}, payload), now_), Refused());
}

TEST_F(JwtTest, ExpiredBeyondSkewIsRefused) {
  ASSERT_OK_AND_ASSIGN(auto verifier, JwtVerifier::FromPem(PublicPem(ec_key_), Options()));
  JwtClaims claims = Claims();
  claims.expires_at = now_ - absl::Seconds(31);
  EXPECT_THAT(verifier->Verify(Mint(claims), now_), Refused());
  claims.expires_at = now_ - absl::Hours(1);
  EXPECT_THAT(verifier->Verify(Mint(claims), now_), Refused());
}

TEST_F(JwtTest, ExpiredWithinSkewIsAccepted) {
  ASSERT_OK_AND_ASSIGN(auto verifier, JwtVerifier::FromPem(PublicPem(ec_key_), Options()));
  JwtClaims claims = Claims();
  claims.expires_at = now_ - absl::Seconds(10);
  EXPECT_OK(verifier->Verify(Mint(claims), now_));
}

TEST_F(JwtTest, NotBeforeInTheFutureIsRefused) {
  ASSERT_OK_AND_ASSIGN(auto verifier, JwtVerifier::FromPem(PublicPem(ec_key_), Options()));
  JwtClaims claims = Claims();
  claims.not_before = now_ + absl::Minutes(5);
  EXPECT_THAT(verifier->Verify(Mint(claims), now_), Refused());
}

TEST_F(JwtTest, HandBuiltTokenVerifies) {
  // The control for the hand-built tokens below.
  ASSERT_OK_AND_ASSIGN(auto verifier, JwtVerifier::FromPem(PublicPem(ec_key_), Options()));
  EXPECT_OK(
      verifier->Verify(HandToken(ec_key_, {{"alg", "ES256"}, {"typ", "JWT"}}, Payload()), now_));
}

TEST_F(JwtTest, MissingExpiryIsRefused) {
  ASSERT_OK_AND_ASSIGN(auto verifier, JwtVerifier::FromPem(PublicPem(ec_key_), Options()));
  Json payload = Payload();
  payload.erase("exp");
  EXPECT_THAT(verifier->Verify(HandToken(ec_key_, {{"alg", "ES256"}}, payload), now_), Refused());
}

// Dates that are not numbers, or beyond any int64 of seconds (the fuzzer's find: once
// converted with undefined behaviour), refuse the token; a fractional date is a date.
TEST_F(JwtTest, DatesOutOfRangeOrNotNumbersAreRefused) {
  ASSERT_OK_AND_ASSIGN(auto verifier, JwtVerifier::FromPem(PublicPem(ec_key_), Options()));
  for (const char* claim : {"exp", "nbf", "iat"}) {
    for (Json bad : {Json(1.7e120), Json(-1.7e120), Json("1900000000")}) {
      Json payload = Payload();
      payload[claim] = bad;
      EXPECT_THAT(verifier->Verify(HandToken(ec_key_, {{"alg", "ES256"}}, payload), now_),
                  Refused())
          << claim << "=" << bad.dump();
    }
  }
  Json payload = Payload();
  payload["exp"] = payload["exp"].get<double>() + 0.5;
  EXPECT_OK(verifier->Verify(HandToken(ec_key_, {{"alg", "ES256"}}, payload), now_));
}

TEST_F(JwtTest, MissingSubjectIsRefused) {
  ASSERT_OK_AND_ASSIGN(auto verifier, JwtVerifier::FromPem(PublicPem(ec_key_), Options()));
  Json payload = Payload();
  payload.erase("sub");
  EXPECT_THAT(verifier->Verify(HandToken(ec_key_, {{"alg", "ES256"}}, payload), now_), Refused());
}

TEST_F(JwtTest, AlgNoneIsRefused) {
  ASSERT_OK_AND_ASSIGN(auto verifier, JwtVerifier::FromPem(PublicPem(ec_key_), Options()));
  std::string token = absl::StrCat(B64(Json{{"alg", "none"}, {"typ", "JWT"}}.dump()), ".",
                                   B64(Payload().dump()), ".");
  EXPECT_THAT(verifier->Verify(token, now_), Refused());
}

TEST_F(JwtTest, Hs256SignedWithThePublicKeyIsRefused) {
  std::string public_pem = PublicPem(ec_key_);
  ASSERT_OK_AND_ASSIGN(auto verifier, JwtVerifier::FromPem(public_pem, Options()));
  std::string signed_part =
      absl::StrCat(B64(Json{{"alg", "HS256"}, {"typ", "JWT"}}.dump()), ".", B64(Payload().dump()));
  std::string token =
      absl::StrCat(signed_part, ".", B64(crypto::HmacSha256(public_pem, signed_part)));
  EXPECT_THAT(verifier->Verify(token, now_), Refused());
}

TEST_F(JwtTest, TamperedPayloadIsRefused) {
  ASSERT_OK_AND_ASSIGN(auto verifier, JwtVerifier::FromPem(PublicPem(ec_key_), Options()));
  std::vector<std::string> parts = absl::StrSplit(Mint(Claims()), '.');
  ASSERT_EQ(parts.size(), 3u);
  std::string payload_text;
  ASSERT_TRUE(absl::WebSafeBase64Unescape(parts[1], &payload_text));
  Json payload = Json::parse(payload_text);
  payload["sub"] = "ADMIN";
  std::string token = absl::StrCat(parts[0], ".", B64(payload.dump()), ".", parts[2]);
  EXPECT_THAT(verifier->Verify(token, now_), Refused());
}

TEST_F(JwtTest, TokenFromAnotherKeyIsRefused) {
  ASSERT_OK_AND_ASSIGN(auto verifier, JwtVerifier::FromPem(PublicPem(ec_key_), Options()));
  EXPECT_THAT(verifier->Verify(Mint(Claims(), other_ec_key_), now_), Refused());
}

TEST_F(JwtTest, GarbageTokensAreRefused) {
  ASSERT_OK_AND_ASSIGN(auto verifier, JwtVerifier::FromPem(PublicPem(ec_key_), Options()));
  EXPECT_THAT(verifier->Verify("", now_), Refused());
  EXPECT_THAT(verifier->Verify("a.b", now_), Refused());
  EXPECT_THAT(verifier->Verify("a.b.c.d", now_), Refused());
  EXPECT_THAT(verifier->Verify("!!.??.**", now_), Refused());
  EXPECT_THAT(verifier->Verify(absl::StrCat(B64("not json"), ".", B64("{}"), ".", B64("x")), now_),
              Refused());
}

TEST_F(JwtTest, PemWithTwoKeysVerifiesTokensOfEither) {
  ASSERT_OK_AND_ASSIGN(
      auto verifier,
      JwtVerifier::FromPem(PublicPem(ec_key_) + PublicPem(other_ec_key_), Options()));
  EXPECT_OK(verifier->Verify(Mint(Claims(), ec_key_), now_));
  EXPECT_OK(verifier->Verify(Mint(Claims(), other_ec_key_), now_));
}

TEST_F(JwtTest, Rs256TokenVerifiesWithRsaKey) {
  ASSERT_OK_AND_ASSIGN(auto verifier, JwtVerifier::FromPem(PublicPem(rsa_key_), Options()));
  ASSERT_OK_AND_ASSIGN(
      JwtClaims claims,
      verifier->Verify(HandToken(rsa_key_, {{"alg", "RS256"}, {"typ", "JWT"}}, Payload()), now_));
  EXPECT_EQ(claims.subject, "P001");
  EXPECT_EQ(claims.issuer, kIssuer);
}

TEST_F(JwtTest, Rs256TokenAgainstOnlyEcKeysIsRefused) {
  ASSERT_OK_AND_ASSIGN(
      auto verifier,
      JwtVerifier::FromPem(PublicPem(ec_key_) + PublicPem(other_ec_key_), Options()));
  EXPECT_THAT(verifier->Verify(HandToken(rsa_key_, {{"alg", "RS256"}}, Payload()), now_),
              Refused());
}

TEST_F(JwtTest, Es256TokenAgainstOnlyRsaKeyIsRefused) {
  ASSERT_OK_AND_ASSIGN(auto verifier, JwtVerifier::FromPem(PublicPem(rsa_key_), Options()));
  EXPECT_THAT(verifier->Verify(Mint(Claims()), now_), Refused());
}

TEST_F(JwtTest, Rs256HeaderOnEs256SignatureIsRefused) {
  ASSERT_OK_AND_ASSIGN(auto verifier,
                       JwtVerifier::FromPem(PublicPem(ec_key_) + PublicPem(rsa_key_), Options()));
  std::string signed_part =
      absl::StrCat(B64(Json{{"alg", "RS256"}}.dump()), ".", B64(Payload().dump()));
  std::string token =
      absl::StrCat(signed_part, ".", B64(DerToRaw(SignSha256(ec_key_, signed_part))));
  EXPECT_THAT(verifier->Verify(token, now_), Refused());
}

TEST_F(JwtTest, FromPemWithoutKeysIsRefused) {
  EXPECT_THAT(JwtVerifier::FromPem("", Options()),
              StatusIs(absl::StatusCode::kInvalidArgument, "NO_KEYS"));
  EXPECT_THAT(JwtVerifier::FromPem("just some text\n", Options()),
              StatusIs(absl::StatusCode::kInvalidArgument, "NO_KEYS"));
}

TEST_F(JwtTest, FromPemRefusesOtherCurvesAndShortRsa) {
  Pkey p384(EVP_EC_gen("P-384"));
  ASSERT_NE(p384, nullptr);
  EXPECT_THAT(JwtVerifier::FromPem(PublicPem(p384.get()), Options()),
              StatusIs(absl::StatusCode::kInvalidArgument, "UNSUPPORTED_KEY"));
  Pkey rsa1024(EVP_RSA_gen(1024));
  ASSERT_NE(rsa1024, nullptr);
  EXPECT_THAT(JwtVerifier::FromPem(PublicPem(rsa1024.get()), Options()),
              StatusIs(absl::StatusCode::kInvalidArgument, "UNSUPPORTED_KEY"));
}

TEST_F(JwtTest, FromPemFileMissingIsRefused) {
  EXPECT_THAT(JwtVerifier::FromPemFile(::testing::TempDir() + "/no/such.pem", Options()),
              StatusIs(absl::StatusCode::kInvalidArgument, "KEY_FILE_UNREADABLE"));
}

}  // namespace
}  // namespace paizhu::auth
