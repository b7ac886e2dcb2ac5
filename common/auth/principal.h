#pragma once
// The caller's identity as services see it. The gateway signs a person's or system's
// principal with the destination service's own key; a service calling another signs a
// SERVICE principal with a call key derived from the destination's key:
//     call_key(S -> D) = HMAC-SHA256(key_D, "service:" + S)
// so D, holding only key_D, can check both, and no service can forge a person for
// another. The signature covers audience, method and a short validity window.

#include <string>
#include "absl/strings/string_view.h"

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "paizhu/common/v1/principal.pb.h"

namespace paizhu::auth {

using Principal = ::paizhu::common::v1::Principal;

inline constexpr char kPrincipalMetadataKey[] = "x-paizhu-principal-bin";
inline constexpr char kGatewaySigner[] = "gateway";
inline constexpr char kReasonUnauthenticated[] = "UNAUTHENTICATED";

// Reads a key file (64 hex characters = 32 bytes) into raw key bytes.
absl::StatusOr<std::string> LoadKeyFile(absl::string_view flag_name, const std::string& path);
std::string DeriveCallKey(absl::string_view destination_key, absl::string_view caller_service);

class PrincipalSigner {
 public:
  // The gateway's signer for one destination, holding that destination's key.
  static PrincipalSigner ForGateway(std::string destination_key);
  // A service's signer towards one destination, holding its derived call key.
  static PrincipalSigner ForService(std::string service_name, std::string call_key);

  // Fills audience, method and the validity window, and returns the metadata value.
  std::string Sign(Principal principal, absl::string_view audience, absl::string_view method,
                   absl::Time now = absl::Now()) const;
  const std::string& service_name() const { return service_name_; }

 private:
  PrincipalSigner(std::string signer, std::string service_name, std::string key)
      : signer_(std::move(signer)), service_name_(std::move(service_name)), key_(std::move(key)) {}
  std::string signer_;
  std::string service_name_;  // empty for the gateway
  std::string key_;
};

class PrincipalVerifier {
 public:
  // `service_name` is this service's audience name (org, clue, assess).
  PrincipalVerifier(std::string service_name, std::string own_key)
      : service_name_(std::move(service_name)), own_key_(std::move(own_key)) {}

  // Every failure is UNAUTHENTICATED; the message says why (for the log, not the caller).
  absl::StatusOr<Principal> Verify(absl::string_view metadata_value, absl::string_view method,
                                   absl::Time now = absl::Now()) const;
  const std::string& service_name() const { return service_name_; }

 private:
  std::string service_name_;
  std::string own_key_;
};

// How long a signed principal stays valid: one call's hop, with clock skew.
inline constexpr absl::Duration kPrincipalValidity = absl::Seconds(60);
inline constexpr absl::Duration kClockSkew = absl::Seconds(5);

}  // namespace paizhu::auth
