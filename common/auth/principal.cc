#include "common/auth/principal.h"

#include "absl/strings/str_cat.h"
#include "common/config/flags.h"
#include "common/crypto/digest.h"
#include "common/status/macros.h"
#include "common/status/status.h"

namespace paizhu::auth {
namespace {

absl::Status Refuse(absl::string_view why) { return Unauthenticated(kReasonUnauthenticated, why); }

}  // namespace

absl::StatusOr<std::string> LoadKeyFile(absl::string_view flag_name, const std::string& path) {
  ASSIGN_OR_RETURN(std::string hex, config::ReadSecretFile(flag_name, path));
  auto key = crypto::HexDecode(hex);
  if (!key.ok() || key->size() < 32) {
    return InvalidArgument(flag_name, "BAD_KEY_FILE",
                           absl::StrCat("--", flag_name, " must hold at least 64 hex characters"));
  }
  return *key;
}

std::string DeriveCallKey(absl::string_view destination_key, absl::string_view caller_service) {
  return crypto::HmacSha256(destination_key, absl::StrCat("service:", caller_service));
}

PrincipalSigner PrincipalSigner::ForGateway(std::string destination_key) {
  return PrincipalSigner(kGatewaySigner, "", std::move(destination_key));
}

PrincipalSigner PrincipalSigner::ForService(std::string service_name, std::string call_key) {
  std::string signer = absl::StrCat("service:", service_name);
  return PrincipalSigner(std::move(signer), std::move(service_name), std::move(call_key));
}

std::string PrincipalSigner::Sign(Principal principal, absl::string_view audience,
                                  absl::string_view method, absl::Time now) const {
  principal.set_audience(std::string(audience));
  principal.set_method(std::string(method));
  principal.set_issued_at_unix(absl::ToUnixSeconds(now));
  principal.set_expires_at_unix(absl::ToUnixSeconds(now + kPrincipalValidity));
  common::v1::SignedPrincipal signed_principal;
  signed_principal.set_principal(principal.SerializeAsString());
  signed_principal.set_mac(crypto::HmacSha256(key_, signed_principal.principal()));
  signed_principal.set_signer(signer_);
  return signed_principal.SerializeAsString();
}

absl::StatusOr<Principal> PrincipalVerifier::Verify(absl::string_view metadata_value,
                                                    absl::string_view method,
                                                    absl::Time now) const {
  if (metadata_value.empty()) return Refuse("no principal metadata");
  common::v1::SignedPrincipal signed_principal;
  if (!signed_principal.ParseFromArray(metadata_value.data(),
                                       static_cast<int>(metadata_value.size()))) {
    return Refuse("principal metadata does not parse");
  }
  const std::string& signer = signed_principal.signer();
  std::string key;
  std::string calling_service;
  if (signer == kGatewaySigner) {
    key = own_key_;
  } else if (signer.starts_with("service:") && signer.size() > 8) {
    calling_service = signer.substr(8);
    key = DeriveCallKey(own_key_, calling_service);
  } else {
    return Refuse(absl::StrCat("unknown signer '", signer, "'"));
  }
  std::string expected = crypto::HmacSha256(key, signed_principal.principal());
  if (!crypto::ConstantTimeEquals(expected, signed_principal.mac())) {
    return Refuse(absl::StrCat("bad signature from '", signer, "'"));
  }
  Principal principal;
  if (!principal.ParseFromString(signed_principal.principal()))
    return Refuse("principal does not parse");
  // A service's call key only vouches for that service itself.
  if (!calling_service.empty() &&
      (principal.kind() != Principal::SERVICE || principal.subject() != calling_service)) {
    return Refuse(absl::StrCat("service '", calling_service, "' signed someone else's principal"));
  }
  if (principal.kind() == Principal::KIND_UNSPECIFIED || principal.subject().empty()) {
    return Refuse("principal has no kind or subject");
  }
  if (principal.audience() != service_name_) {
    return Refuse(
        absl::StrCat("principal is for '", principal.audience(), "', not '", service_name_, "'"));
  }
  if (principal.method() != method) {
    return Refuse(absl::StrCat("principal is for method '", principal.method(), "'"));
  }
  int64_t t = absl::ToUnixSeconds(now);
  int64_t skew = absl::ToInt64Seconds(kClockSkew);
  if (principal.issued_at_unix() > t + skew || principal.expires_at_unix() < t - skew) {
    return Refuse("principal is outside its validity window");
  }
  return principal;
}

}  // namespace paizhu::auth
