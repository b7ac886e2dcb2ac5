#pragma once
// TLS on a server's gRPC port from files: --tls-cert-file and --tls-key-file turn it on,
// --client-ca-file makes it ask for client certificates signed by that CA. Certificates
// are read once at start: a renewed certificate takes effect when the pod restarts.

#include <memory>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "common/config/flags.h"
#include "grpcpp/security/server_credentials.h"

namespace paizhu::server {

// Whether a TLS port with --client-ca-file needs a client certificate on every call.
enum class ClientCertificates {
  kRequired,  // services: only the gateway and other services, each with its certificate
  kOptional,  // the gateway: people with tokens and systems with certificates share a port
};

// --tls-cert-file, --tls-key-file, --client-ca-file (all empty: plaintext).
void DefineTlsServerFlags(config::FlagSet& flags, absl::string_view client_ca_help);

// The port's credentials from those flags; null when they are empty (plaintext).
// INVALID_ARGUMENT for a key or CA without a certificate, or a certificate without a key.
absl::StatusOr<std::shared_ptr<grpc::ServerCredentials>> TlsServerCredentials(
    const config::FlagSet& flags, ClientCertificates client_certificates);

// A PEM file named by `flag`, its last line ended (a PEM parser wants it).
absl::StatusOr<std::string> ReadPemFile(absl::string_view flag, const std::string& path);

}  // namespace paizhu::server
