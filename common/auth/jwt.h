#pragma once
// JSON Web Tokens for people, verified with OpenSSL. Only ES256 and RS256 are accepted,
// and the algorithm must match the key it is checked with: "none" and HMAC tokens (the
// classic confusion of signing with a public key) are refused. Keys come from a PEM file
// of one or more public keys named in config; nothing in a token selects or fetches a key.

#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"

namespace paizhu::auth {

struct JwtClaims {
  std::string subject;  // the bare person code
  std::string issuer;
  std::string audience;
  absl::Time issued_at = absl::UnixEpoch();
  absl::Time not_before = absl::UnixEpoch();
  absl::Time expires_at = absl::UnixEpoch();
};

struct JwtVerifierOptions {
  std::string issuer;
  std::string audience;
  absl::Duration clock_skew = absl::Seconds(30);
};

class JwtVerifier {
 public:
  // Reads every public key (EC P-256 or RSA) in the PEM file.
  static absl::StatusOr<std::unique_ptr<JwtVerifier>> FromPemFile(const std::string& path,
                                                                  JwtVerifierOptions options);
  static absl::StatusOr<std::unique_ptr<JwtVerifier>> FromPem(absl::string_view pem,
                                                              JwtVerifierOptions options);
  ~JwtVerifier();

  // UNAUTHENTICATED with the reason in the message (for the log) on any failure.
  absl::StatusOr<JwtClaims> Verify(absl::string_view token, absl::Time now = absl::Now()) const;

 private:
  struct Key;
  JwtVerifier(std::vector<std::unique_ptr<Key>> keys, JwtVerifierOptions options);
  std::vector<std::unique_ptr<Key>> keys_;
  JwtVerifierOptions options_;
};

// Signs claims with an EC P-256 private key (PEM): the dev login and tests.
absl::StatusOr<std::string> MintEs256(absl::string_view private_key_pem, const JwtClaims& claims);

}  // namespace paizhu::auth
