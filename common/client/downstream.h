#pragma once
// A service's connection to another service: one channel, balanced per call
// (round_robin over every address the name resolves to), and per call a deadline, the
// request id and trace context of the call being served, and this service's signed
// identity. Includes gRPC: only api/ and main.cc code includes it.

#include <memory>
#include <string>
#include "absl/strings/string_view.h"

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "common/auth/principal.h"
#include "common/config/flags.h"
#include "common/server/call.h"
#include "grpcpp/channel.h"
#include "grpcpp/client_context.h"
#include "grpcpp/security/credentials.h"

namespace paizhu::client {

struct DownstreamOptions {
  std::string address;                        // host:port, or any gRPC target (dns:///svc.ns:50051)
  std::string audience;                       // the destination's name: org, clue, assess
  std::string health_service;                 // its readiness name (see MakeChannel)
  absl::Duration timeout = absl::Seconds(5);  // for calls not made on behalf of a caller
  int max_message_bytes = 16 << 20;
  // TLS towards the destination (UpstreamCredentials); null: plaintext.
  std::shared_ptr<grpc::ChannelCredentials> credentials;
};

// The gRPC target of an address: a bare `host:port` resolves as `dns:///host:port` (every
// address of a headless Service); a comma-separated list of IP `addr:port` (replicas on
// one machine: `127.0.0.1:7001,127.0.0.1:7002`, `localhost` allowed) becomes an `ipv4:`
// or `ipv6:` target; anything with a scheme is kept. INVALID_ARGUMENT for a list holding
// a host name (gRPC cannot resolve several names as one target).
absl::StatusOr<std::string> ChannelTarget(absl::string_view address);

// Channel arguments shared by every paizhu client: round_robin (calls balanced per call
// over every address, a dead one skipped), keepalive, sizes. With `health_service` (the
// destination's readiness name), calls go only to replicas that answer SERVING for it: a
// draining or unready replica gets no new calls. Null `credentials`: plaintext.
std::shared_ptr<grpc::Channel> MakeChannel(
    const std::string& address, int max_message_bytes, const std::string& health_service = "",
    std::shared_ptr<grpc::ChannelCredentials> credentials = nullptr);

class Downstream;

// Flags for calling `destination` (org, clue): --<destination>-addr and
// --<destination>-call-key-file (the call key derived for this service, CONTRACTS.md),
// and the --upstream-* TLS flags shared by every destination (upstream_tls.h).
void DefineDownstreamFlags(config::FlagSet& flags, absl::string_view destination);
// The downstream those flags describe, signing as `self`; both flags are required.
absl::StatusOr<std::unique_ptr<Downstream>> DownstreamFromFlags(const config::FlagSet& flags,
                                                                absl::string_view self,
                                                                absl::string_view destination);

class Downstream {
 public:
  Downstream(DownstreamOptions options, auth::PrincipalSigner signer);

  const std::shared_ptr<grpc::Channel>& channel() const { return channel_; }

  // Prepares a context for `method` ("/paizhu.org.v1.OrgService/GetUnit"). With a parent
  // call, its deadline bounds this one and its request id and trace travel on.
  std::unique_ptr<grpc::ClientContext> NewCall(absl::string_view method,
                                               const server::CallContext* parent = nullptr) const;

 private:
  DownstreamOptions options_;
  auth::PrincipalSigner signer_;
  std::shared_ptr<grpc::Channel> channel_;
};

}  // namespace paizhu::client
