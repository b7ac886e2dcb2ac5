#include "common/server/tls.h"

#include "absl/strings/str_cat.h"
#include "common/status/macros.h"
#include "common/status/status.h"

namespace paizhu::server {

void DefineTlsServerFlags(config::FlagSet& flags, absl::string_view client_ca_help) {
  flags.Define("tls-cert-file", "",
               "PEM certificate chain of the gRPC port (empty: plaintext, as in dev)");
  flags.Define("tls-key-file", "", "PEM private key of --tls-cert-file");
  flags.Define("client-ca-file", "", std::string(client_ca_help));
}

absl::StatusOr<std::string> ReadPemFile(absl::string_view flag, const std::string& path) {
  ASSIGN_OR_RETURN(std::string text, config::ReadSecretFile(flag, path));
  text.push_back('\n');
  return text;
}

absl::StatusOr<std::shared_ptr<grpc::ServerCredentials>> TlsServerCredentials(
    const config::FlagSet& flags, ClientCertificates client_certificates) {
  std::string cert_file = flags.Get("tls-cert-file");
  std::string key_file = flags.Get("tls-key-file");
  std::string ca_file = flags.Get("client-ca-file");
  if (cert_file.empty()) {
    if (!key_file.empty() || !ca_file.empty()) {
      return InvalidArgument("tls-cert-file", "FLAG_REQUIRED",
                             "--tls-key-file and --client-ca-file need --tls-cert-file");
    }
    return nullptr;
  }
  if (key_file.empty()) {
    return InvalidArgument("tls-key-file", "FLAG_REQUIRED", "--tls-cert-file needs --tls-key-file");
  }
  ASSIGN_OR_RETURN(std::string cert, ReadPemFile("tls-cert-file", cert_file));
  ASSIGN_OR_RETURN(std::string key, ReadPemFile("tls-key-file", key_file));
  grpc_ssl_client_certificate_request_type request = GRPC_SSL_DONT_REQUEST_CLIENT_CERTIFICATE;
  if (!ca_file.empty()) {
    request = client_certificates == ClientCertificates::kRequired
                  ? GRPC_SSL_REQUEST_AND_REQUIRE_CLIENT_CERTIFICATE_AND_VERIFY
                  : GRPC_SSL_REQUEST_CLIENT_CERTIFICATE_AND_VERIFY;
  }
  grpc::SslServerCredentialsOptions options(request);
  if (!ca_file.empty()) {
    ASSIGN_OR_RETURN(options.pem_root_certs, ReadPemFile("client-ca-file", ca_file));
  }
  options.pem_key_cert_pairs.push_back({std::move(key), std::move(cert)});
  return grpc::SslServerCredentials(options);
}

}  // namespace paizhu::server
