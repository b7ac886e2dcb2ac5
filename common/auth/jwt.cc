#include "common/auth/jwt.h"

#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/ec.h>
#include <openssl/ecdsa.h>
#include <openssl/evp.h>
#include <openssl/pem.h>

#include <cmath>
#include <fstream>

#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "common/status/macros.h"
#include "common/status/status.h"
#include "nlohmann/json.hpp"

namespace paizhu::auth {
namespace {

using Json = nlohmann::json;

absl::Status Refuse(absl::string_view why) { return Unauthenticated("UNAUTHENTICATED", why); }

struct BioFree {
  void operator()(BIO* b) const { BIO_free(b); }
};
struct PkeyFree {
  void operator()(EVP_PKEY* k) const { EVP_PKEY_free(k); }
};
struct MdCtxFree {
  void operator()(EVP_MD_CTX* c) const { EVP_MD_CTX_free(c); }
};
struct SigFree {
  void operator()(ECDSA_SIG* s) const { ECDSA_SIG_free(s); }
};
using PkeyPtr = std::unique_ptr<EVP_PKEY, PkeyFree>;

// JOSE ES256 signatures are r||s (32 bytes each); OpenSSL wants DER.
std::string RawToDer(absl::string_view raw) {
  std::unique_ptr<ECDSA_SIG, SigFree> sig(ECDSA_SIG_new());
  BIGNUM* r = BN_bin2bn(reinterpret_cast<const unsigned char*>(raw.data()), 32, nullptr);
  BIGNUM* s = BN_bin2bn(reinterpret_cast<const unsigned char*>(raw.data()) + 32, 32, nullptr);
  ECDSA_SIG_set0(sig.get(), r, s);
  unsigned char* der = nullptr;
  int len = i2d_ECDSA_SIG(sig.get(), &der);
  std::string out(reinterpret_cast<char*>(der), len > 0 ? len : 0);
  OPENSSL_free(der);
  return out;
}

std::string DerToRaw(absl::string_view der) {
  const unsigned char* p = reinterpret_cast<const unsigned char*>(der.data());
  std::unique_ptr<ECDSA_SIG, SigFree> sig(
      d2i_ECDSA_SIG(nullptr, &p, static_cast<long>(der.size())));
  if (!sig) return "";
  std::string raw(64, '\0');
  BN_bn2binpad(ECDSA_SIG_get0_r(sig.get()), reinterpret_cast<unsigned char*>(raw.data()), 32);
  BN_bn2binpad(ECDSA_SIG_get0_s(sig.get()), reinterpret_cast<unsigned char*>(raw.data()) + 32, 32);
  return raw;
}

bool VerifySha256(EVP_PKEY* key, absl::string_view data, absl::string_view signature) {
  std::unique_ptr<EVP_MD_CTX, MdCtxFree> ctx(EVP_MD_CTX_new());
  return EVP_DigestVerifyInit(ctx.get(), nullptr, EVP_sha256(), nullptr, key) == 1 &&
         EVP_DigestVerify(ctx.get(), reinterpret_cast<const unsigned char*>(signature.data()),
                          signature.size(), reinterpret_cast<const unsigned char*>(data.data()),
                          data.size()) == 1;
}

bool IsP256(EVP_PKEY* key) {
  char group[64] = {0};
  size_t len = 0;
  return EVP_PKEY_get_group_name(key, group, sizeof(group), &len) == 1 &&
         absl::string_view(group) == "prime256v1";
}

std::string Base64Url(absl::string_view bytes) { return absl::WebSafeBase64Escape(bytes); }

}  // namespace

struct JwtVerifier::Key {
  PkeyPtr pkey;
  std::string alg;  // the one algorithm this key verifies
};

JwtVerifier::JwtVerifier(std::vector<std::unique_ptr<Key>> keys, JwtVerifierOptions options)
    : keys_(std::move(keys)), options_(std::move(options)) {}
JwtVerifier::~JwtVerifier() = default;

absl::StatusOr<std::unique_ptr<JwtVerifier>> JwtVerifier::FromPemFile(const std::string& path,
                                                                      JwtVerifierOptions options) {
  std::ifstream in(path);
  if (!in) {
    return InvalidArgument("jwt-public-key-file", "KEY_FILE_UNREADABLE",
                           absl::StrCat("cannot read JWT key file ", path));
  }
  std::string pem((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  return FromPem(pem, std::move(options));
}

absl::StatusOr<std::unique_ptr<JwtVerifier>> JwtVerifier::FromPem(absl::string_view pem,
                                                                  JwtVerifierOptions options) {
  std::unique_ptr<BIO, BioFree> bio(BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())));
  std::vector<std::unique_ptr<Key>> keys;
  while (EVP_PKEY* raw = PEM_read_bio_PUBKEY(bio.get(), nullptr, nullptr, nullptr)) {
    auto key = std::make_unique<Key>();
    key->pkey.reset(raw);
    if (EVP_PKEY_get_base_id(raw) == EVP_PKEY_EC && IsP256(raw)) {
      key->alg = "ES256";
    } else if (EVP_PKEY_get_base_id(raw) == EVP_PKEY_RSA && EVP_PKEY_get_bits(raw) >= 2048) {
      key->alg = "RS256";
    } else {
      return InvalidArgument(
          "jwt-public-key-file", "UNSUPPORTED_KEY",
          "JWT keys must be EC P-256 (ES256) or RSA of 2048 bits or more (RS256)");
    }
    keys.push_back(std::move(key));
  }
  if (keys.empty()) {
    return InvalidArgument("jwt-public-key-file", "NO_KEYS",
                           "the JWT key file holds no public key");
  }
  return std::unique_ptr<JwtVerifier>(new JwtVerifier(std::move(keys), std::move(options)));
}

absl::StatusOr<JwtClaims> JwtVerifier::Verify(absl::string_view token, absl::Time now) const {
  std::vector<absl::string_view> parts = absl::StrSplit(token, '.');
  if (parts.size() != 3) return Refuse("token is not three base64url parts");
  std::string header_text, payload_text, signature;
  if (!absl::WebSafeBase64Unescape(parts[0], &header_text) ||
      !absl::WebSafeBase64Unescape(parts[1], &payload_text) ||
      !absl::WebSafeBase64Unescape(parts[2], &signature)) {
    return Refuse("token is not base64url");
  }
  Json header = Json::parse(header_text, nullptr, false);
  if (!header.is_object() || !header.contains("alg") || !header["alg"].is_string()) {
    return Refuse("token header has no alg");
  }
  std::string alg = header["alg"];
  if (alg != "ES256" && alg != "RS256")
    return Refuse(absl::StrCat("algorithm '", alg, "' is not allowed"));
  if (alg == "ES256") {
    if (signature.size() != 64) return Refuse("ES256 signature is not 64 bytes");
    signature = RawToDer(signature);
  }
  std::string signed_part = absl::StrCat(parts[0], ".", parts[1]);
  bool verified = false;
  for (const auto& key : keys_) {
    if (key->alg == alg && VerifySha256(key->pkey.get(), signed_part, signature)) {
      verified = true;
      break;
    }
  }
  if (!verified) return Refuse("signature does not verify with any configured key");

  Json claims = Json::parse(payload_text, nullptr, false);
  if (!claims.is_object()) return Refuse("claims are not a JSON object");
  auto str = [&](const char* name) -> std::string {
    return claims.contains(name) && claims[name].is_string() ? claims[name].get<std::string>() : "";
  };
  // NumericDates are seconds, possibly fractional (RFC 7519); one that is not a number or
  // lies beyond ±10^12 s refuses the token rather than being converted or ignored.
  for (const char* name : {"exp", "nbf", "iat"}) {
    if (!claims.contains(name)) continue;
    if (!claims[name].is_number() || !(std::fabs(claims[name].get<double>()) < 1e12))
      return Refuse(absl::StrCat("claim ", name, " is not a date"));
  }
  auto num = [&](const char* name) -> std::optional<int64_t> {
    if (!claims.contains(name)) return std::nullopt;
    return static_cast<int64_t>(claims[name].get<double>());
  };
  JwtClaims out;
  out.subject = str("sub");
  out.issuer = str("iss");
  if (out.subject.empty()) return Refuse("token has no subject");
  if (out.issuer != options_.issuer)
    return Refuse(absl::StrCat("issuer '", out.issuer, "' is not trusted"));
  bool audience_ok = false;
  if (claims.contains("aud") && claims["aud"].is_string()) {
    audience_ok = claims["aud"] == options_.audience;
  } else if (claims.contains("aud") && claims["aud"].is_array()) {
    for (const auto& a : claims["aud"]) audience_ok |= a.is_string() && a == options_.audience;
  }
  if (!audience_ok) return Refuse("token is not for this audience");
  out.audience = options_.audience;
  auto exp = num("exp");
  if (!exp) return Refuse("token has no expiry");
  out.expires_at = absl::FromUnixSeconds(*exp);
  if (now > out.expires_at + options_.clock_skew) return Refuse("token has expired");
  if (auto nbf = num("nbf")) {
    out.not_before = absl::FromUnixSeconds(*nbf);
    if (now + options_.clock_skew < out.not_before) return Refuse("token is not valid yet");
  }
  if (auto iat = num("iat")) out.issued_at = absl::FromUnixSeconds(*iat);
  return out;
}

absl::StatusOr<std::string> MintEs256(absl::string_view private_key_pem, const JwtClaims& claims) {
  std::unique_ptr<BIO, BioFree> bio(
      BIO_new_mem_buf(private_key_pem.data(), static_cast<int>(private_key_pem.size())));
  PkeyPtr key(PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, nullptr));
  if (!key || EVP_PKEY_get_base_id(key.get()) != EVP_PKEY_EC || !IsP256(key.get())) {
    return InvalidArgument("key", "BAD_SIGNING_KEY",
                           "the signing key is not an EC P-256 private key");
  }
  Json header = {{"alg", "ES256"}, {"typ", "JWT"}};
  Json payload = {{"sub", claims.subject},
                  {"iss", claims.issuer},
                  {"aud", claims.audience},
                  {"iat", absl::ToUnixSeconds(claims.issued_at)},
                  {"nbf", absl::ToUnixSeconds(claims.not_before)},
                  {"exp", absl::ToUnixSeconds(claims.expires_at)}};
  std::string signed_part = absl::StrCat(Base64Url(header.dump()), ".", Base64Url(payload.dump()));
  std::unique_ptr<EVP_MD_CTX, MdCtxFree> ctx(EVP_MD_CTX_new());
  size_t len = 0;
  if (EVP_DigestSignInit(ctx.get(), nullptr, EVP_sha256(), nullptr, key.get()) != 1 ||
      EVP_DigestSign(ctx.get(), nullptr, &len,
                     reinterpret_cast<const unsigned char*>(signed_part.data()),
                     signed_part.size()) != 1) {
    return Internal("SIGN_FAILED", "cannot sign the token");
  }
  std::string der(len, '\0');
  if (EVP_DigestSign(ctx.get(), reinterpret_cast<unsigned char*>(der.data()), &len,
                     reinterpret_cast<const unsigned char*>(signed_part.data()),
                     signed_part.size()) != 1) {
    return Internal("SIGN_FAILED", "cannot sign the token");
  }
  der.resize(len);
  return absl::StrCat(signed_part, ".", Base64Url(DerToRaw(der)));
}

}  // namespace paizhu::auth
