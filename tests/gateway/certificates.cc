#include "tests/gateway/certificates.h"

#include "absl/strings/str_cat.h"
#include "grpcpp/create_channel.h"
#include "grpcpp/security/credentials.h"
#include "tests/support/process.h"

namespace paizhu::testing {

bool Certificates::Run(const std::string& command) const {
  return std::system((command + " >>" + Path("openssl.log") + " 2>&1").c_str()) == 0;
}

std::string Certificates::Read(const std::string& file) const { return ReadFile(Path(file)); }

bool Certificates::MakeCa(const std::string& name) {
  return Run(absl::StrCat("openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes",
                          " -days 1 -subj '/CN=", name, "' -keyout ", Path(name + ".key"), " -out ",
                          Path(name + ".pem")));
}

bool Certificates::MakeCert(const std::string& name, const std::string& subject,
                            const std::string& ca, const std::string& extensions) {
  WriteFile(Path(name + ".ext"),
            extensions.empty() ? "basicConstraints=CA:FALSE\n" : extensions + "\n");
  return Run(absl::StrCat("openssl req -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes",
                          " -subj '", subject, "' -keyout ", Path(name + ".key"), " -out ",
                          Path(name + ".csr"))) &&
         Run(absl::StrCat("openssl x509 -req -days 1 -in ", Path(name + ".csr"), " -CA ",
                          Path(ca + ".pem"), " -CAkey ", Path(ca + ".key"),
                          " -CAcreateserial -extfile ", Path(name + ".ext"), " -out ",
                          Path(name + ".pem")));
}

bool Certificates::MakeServerCert(const std::string& name, const std::string& ca) {
  return MakeCert(name, "/CN=localhost", ca,
                  "subjectAltName=DNS:localhost,IP:127.0.0.1\nextendedKeyUsage=serverAuth");
}

std::shared_ptr<grpc::Channel> Certificates::Channel(const std::string& address,
                                                     const std::string& ca,
                                                     const std::string& client) const {
  grpc::SslCredentialsOptions options;
  options.pem_root_certs = Read(ca + ".pem");
  if (!client.empty()) {
    options.pem_private_key = Read(client + ".key");
    options.pem_cert_chain = Read(client + ".pem");
  }
  grpc::ChannelArguments args;
  args.SetSslTargetNameOverride("localhost");
  return grpc::CreateCustomChannel(address, grpc::SslCredentials(options), args);
}

}  // namespace paizhu::testing
