#pragma once
// Inter-department systems: who a client certificate is. The gateway's TLS port asks for
// a client certificate and verifies one when presented (against --client-ca-file); the
// file named by --systems-file maps a verified certificate's subject to a system
// principal and its scopes:
//   {"systems": [{"subject": "CN=hr,O=City HR Bureau", "name": "hr",
//                 "scopes": ["people.read"]}]}
// The subject is compared exactly in RFC 2253 form, as the gateway logs it for a
// certificate it cannot map (`openssl x509 -noout -subject -nameopt RFC2253`).

#include <map>
#include <optional>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "common/auth/principal.h"

namespace paizhu::gateway {

class SystemDirectory {
 public:
  // INVALID_ARGUMENT (field `systems-file`) for a file that does not read or parse, a
  // system without a subject, a name (lower-case letters, digits, '-') or scopes, or a
  // subject listed twice.
  static absl::StatusOr<SystemDirectory> FromJson(absl::string_view json);
  static absl::StatusOr<SystemDirectory> FromFile(const std::string& path);

  // The system principal (kind SYSTEM, subject = its name, its scopes) of a certificate
  // subject, or nullopt for a subject the file does not list.
  std::optional<auth::Principal> Find(absl::string_view certificate_subject) const;
  size_t size() const { return systems_.size(); }

 private:
  std::map<std::string, auth::Principal, std::less<>> systems_;  // by certificate subject
};

}  // namespace paizhu::gateway
