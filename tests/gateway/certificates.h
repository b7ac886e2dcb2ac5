#pragma once
// Throw-away certificates for TLS tests, made with the openssl command in a directory
// of the test's own: a CA signs a server certificate for localhost and clients' ones.

#include <memory>
#include <string>

#include "grpcpp/channel.h"

namespace paizhu::testing {

class Certificates {
 public:
  explicit Certificates(std::string dir) : dir_(std::move(dir)) {}

  // `name`.pem and `name`.key: a self-signed CA.
  bool MakeCa(const std::string& name);
  // `name`.pem and `name`.key for `subject` ("/O=City HR Bureau/CN=hr"), signed by `ca`,
  // with extra x509v3 `extensions` lines if any.
  bool MakeCert(const std::string& name, const std::string& subject, const std::string& ca,
                const std::string& extensions = "");
  // A server certificate `name` for localhost and 127.0.0.1.
  bool MakeServerCert(const std::string& name, const std::string& ca);

  std::string Path(const std::string& file) const { return dir_ + "/" + file; }
  std::string Read(const std::string& file) const;
  // What openssl said, for a failed step.
  std::string Log() const { return Read("openssl.log"); }

  // A TLS channel to `address` trusting `ca`, presenting the certificate `client` (its
  // .pem and .key) unless empty.
  std::shared_ptr<grpc::Channel> Channel(const std::string& address, const std::string& ca,
                                         const std::string& client) const;

 private:
  bool Run(const std::string& command) const;
  std::string dir_;
};

}  // namespace paizhu::testing
