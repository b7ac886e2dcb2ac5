#include "common/client/upstream_tls.h"

#include "common/server/tls.h"
#include "common/status/macros.h"
#include "common/status/status.h"

namespace paizhu::client {

void DefineUpstreamTlsFlags(config::FlagSet& flags) {
  flags.Define("upstream-ca-file", "",
               "PEM CA certificates that sign the called services' certificates (empty: "
               "plaintext calls)");
  flags.Define("upstream-cert-file", "",
               "PEM client certificate chain presented to the called services (mutual TLS)");
  flags.Define("upstream-key-file", "", "PEM private key of --upstream-cert-file");
}

absl::StatusOr<std::shared_ptr<grpc::ChannelCredentials>> UpstreamCredentials(
    const config::FlagSet& flags) {
  std::string ca_file = flags.Get("upstream-ca-file");
  std::string cert_file = flags.Get("upstream-cert-file");
  std::string key_file = flags.Get("upstream-key-file");
  if (cert_file.empty() != key_file.empty()) {
    return InvalidArgument(cert_file.empty() ? "upstream-cert-file" : "upstream-key-file",
                           "FLAG_REQUIRED",
                           "--upstream-cert-file and --upstream-key-file go together");
  }
  if (ca_file.empty()) {
    if (!cert_file.empty()) {
      return InvalidArgument("upstream-ca-file", "FLAG_REQUIRED",
                             "--upstream-cert-file needs --upstream-ca-file");
    }
    return grpc::InsecureChannelCredentials();
  }
  grpc::SslCredentialsOptions options;
  ASSIGN_OR_RETURN(options.pem_root_certs, server::ReadPemFile("upstream-ca-file", ca_file));
  if (!cert_file.empty()) {
    ASSIGN_OR_RETURN(options.pem_cert_chain, server::ReadPemFile("upstream-cert-file", cert_file));
    ASSIGN_OR_RETURN(options.pem_private_key, server::ReadPemFile("upstream-key-file", key_file));
  }
  return grpc::SslCredentials(options);
}

}  // namespace paizhu::client
