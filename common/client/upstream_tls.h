#pragma once
// TLS towards the services this process calls, from files: --upstream-ca-file (the CA
// that signs the services' certificates) and, for mutual TLS, --upstream-cert-file and
// --upstream-key-file (the certificate this process presents). All empty: plaintext, as
// in dev. Read once at start: renewed certificates take effect when the process restarts.
// A service's certificate must name the host of the address it is called at (e.g.
// DNS:paizhu-org for --org-addr=paizhu-org:50051).

#include <memory>

#include "absl/status/statusor.h"
#include "common/config/flags.h"
#include "grpcpp/security/credentials.h"

namespace paizhu::client {

void DefineUpstreamTlsFlags(config::FlagSet& flags);

// The channel credentials those flags describe (insecure when all are empty).
// INVALID_ARGUMENT for a certificate without its key (or the reverse), or either without
// --upstream-ca-file.
absl::StatusOr<std::shared_ptr<grpc::ChannelCredentials>> UpstreamCredentials(
    const config::FlagSet& flags);

}  // namespace paizhu::client
