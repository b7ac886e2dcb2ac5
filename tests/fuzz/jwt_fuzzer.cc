// Fuzzes the JWT verifier (common/auth/jwt.cc). The first byte chooses what the rest is:
// even, a token as a client sends it; odd, a claims payload that this target signs with
// its own key, so the fuzzer also reaches the claim checks behind the signature.
// Whatever comes in: no crash, no undefined behaviour, and only a token with a subject,
// the trusted issuer and audience and an unexpired expiry is accepted.

#include <openssl/bn.h>
#include <openssl/ecdsa.h>
#include <openssl/evp.h>
#include <openssl/pem.h>

#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string>

#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"
#include "common/auth/jwt.h"

namespace {

using paizhu::auth::JwtVerifier;

const absl::Time kNow = absl::FromUnixSeconds(1800000000);

struct Fixture {
  EVP_PKEY* key = nullptr;
  std::unique_ptr<JwtVerifier> verifier;
};

const Fixture& Get() {
  static Fixture* fixture = [] {
    auto* f = new Fixture;
    f->key = EVP_EC_gen("P-256");
    BIO* pub = BIO_new(BIO_s_mem());
    PEM_write_bio_PUBKEY(pub, f->key);
    char* data = nullptr;
    long len = BIO_get_mem_data(pub, &data);
    auto verifier = JwtVerifier::FromPem(std::string(data, len), {"paizhu-dev", "paizhu"});
    BIO_free(pub);
    if (!verifier.ok()) std::abort();
    f->verifier = *std::move(verifier);
    return f;
  }();
  return *fixture;
}

// header.payload signed with ES256 (raw r||s), as a real issuer would.
std::string Sign(EVP_PKEY* key, const std::string& payload) {
  std::string signed_part = absl::StrCat(absl::WebSafeBase64Escape(R"({"alg":"ES256"})"), ".",
                                         absl::WebSafeBase64Escape(payload));
  EVP_MD_CTX* ctx = EVP_MD_CTX_new();
  unsigned char der[128];
  size_t der_len = sizeof(der);
  if (EVP_DigestSignInit(ctx, nullptr, EVP_sha256(), nullptr, key) != 1 ||
      EVP_DigestSign(ctx, der, &der_len, reinterpret_cast<const unsigned char*>(signed_part.data()),
                     signed_part.size()) != 1) {
    std::abort();
  }
  EVP_MD_CTX_free(ctx);
  const unsigned char* p = der;
  ECDSA_SIG* sig = d2i_ECDSA_SIG(nullptr, &p, static_cast<long>(der_len));
  std::string raw(64, '\0');
  BN_bn2binpad(ECDSA_SIG_get0_r(sig), reinterpret_cast<unsigned char*>(raw.data()), 32);
  BN_bn2binpad(ECDSA_SIG_get0_s(sig), reinterpret_cast<unsigned char*>(raw.data()) + 32, 32);
  ECDSA_SIG_free(sig);
  return absl::StrCat(signed_part, ".", absl::WebSafeBase64Escape(raw));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const Fixture& f = Get();
  std::string rest(reinterpret_cast<const char*>(data) + 1, size - 1);
  std::string token = (data[0] & 1) ? Sign(f.key, rest) : rest;
  auto claims = f.verifier->Verify(token, kNow);
  if (claims.ok()) {
    if (claims->subject.empty() || claims->issuer != "paizhu-dev" || claims->audience != "paizhu" ||
        claims->expires_at + absl::Seconds(30) < kNow) {
      std::abort();  // accepted a token it should have refused
    }
  }
  return 0;
}
