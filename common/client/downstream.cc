#include "common/client/downstream.h"

#include <arpa/inet.h>

#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "common/client/upstream_tls.h"
#include "common/crypto/digest.h"
#include "common/status/macros.h"
#include "common/status/status.h"
#include "grpcpp/create_channel.h"
#include "grpcpp/security/credentials.h"
#include "grpcpp/support/channel_arguments.h"

namespace paizhu::client {

absl::StatusOr<std::string> ChannelTarget(absl::string_view address) {
  if (absl::StrContains(address, "://") || absl::StartsWith(address, "unix:") ||
      absl::StartsWith(address, "ipv4:") || absl::StartsWith(address, "ipv6:")) {
    return std::string(address);
  }
  // dns:/// resolves every address of a headless Service, so round_robin spreads calls.
  if (!absl::StrContains(address, ',')) return absl::StrCat("dns:///", address);
  std::vector<std::string> v4, v6;
  for (absl::string_view entry : absl::StrSplit(address, ',', absl::SkipWhitespace())) {
    entry = absl::StripAsciiWhitespace(entry);
    size_t colon = entry.rfind(':');
    std::string host(entry.substr(0, colon == absl::string_view::npos ? 0 : colon));
    absl::string_view port = colon == absl::string_view::npos ? "" : entry.substr(colon + 1);
    int port_number = 0;
    in_addr a4;
    in6_addr a6;
    if (!absl::SimpleAtoi(port, &port_number) || port_number <= 0 || port_number > 65535) {
      host.clear();
    }
    if (host == "localhost") host = "127.0.0.1";
    if (!host.empty() && inet_pton(AF_INET, host.c_str(), &a4) == 1) {
      v4.push_back(absl::StrCat(host, ":", port));
    } else if (host.size() > 2 && host.front() == '[' && host.back() == ']' &&
               inet_pton(AF_INET6, host.substr(1, host.size() - 2).c_str(), &a6) == 1) {
      v6.push_back(absl::StrCat(host, ":", port));
    } else {
      return InvalidArgument("address", "BAD_ADDRESS",
                             absl::StrCat("'", entry, "' in the list '", address,
                                          "' is not an IP address with a port"));
    }
  }
  if (!v4.empty() && !v6.empty()) {
    return InvalidArgument("address", "BAD_ADDRESS",
                           absl::StrCat("'", address, "' mixes IPv4 and IPv6 addresses"));
  }
  return v4.empty() ? absl::StrCat("ipv6:", absl::StrJoin(v6, ","))
                    : absl::StrCat("ipv4:", absl::StrJoin(v4, ","));
}

std::shared_ptr<grpc::Channel> MakeChannel(const std::string& address, int max_message_bytes,
                                           const std::string& health_service,
                                           std::shared_ptr<grpc::ChannelCredentials> credentials) {
  grpc::ChannelArguments args;
  // Client-side health checking: a replica that turns NOT_SERVING on SIGTERM stops getting
  // calls within its drain delay, before its server shuts down (gRPC cancels calls that
  // reach a server after its Shutdown began).
  std::string health =
      health_service.empty()
          ? ""
          : absl::StrCat(R"(,"healthCheckConfig":{"serviceName":")", health_service, R"("})");
  args.SetServiceConfigJSON(
      absl::StrCat(R"({"loadBalancingConfig":[{"round_robin":{}}])", health, "}"));
  // Each channel its own subchannels: gRPC 1.51 shares them across channels by address, and
  // two channels health-checking different services on one unreachable address crash it
  // (a pick on a subchannel with no connection). Every destination has its own address anyway.
  args.SetInt(GRPC_ARG_USE_LOCAL_SUBCHANNEL_POOL, 1);
  args.SetInt(GRPC_ARG_KEEPALIVE_TIME_MS, 30'000);
  args.SetInt(GRPC_ARG_KEEPALIVE_TIMEOUT_MS, 10'000);
  args.SetMaxReceiveMessageSize(max_message_bytes);
  args.SetMaxSendMessageSize(max_message_bytes);
  // A bad list was refused at start (ChannelTarget); here it fails every call.
  std::string target = ChannelTarget(address).value_or(address);
  return grpc::CreateCustomChannel(
      target, credentials ? std::move(credentials) : grpc::InsecureChannelCredentials(), args);
}

void DefineDownstreamFlags(config::FlagSet& flags, absl::string_view destination) {
  flags.Define(absl::StrCat(destination, "-addr"), "",
               absl::StrCat(destination, " service address"));
  flags.Define(absl::StrCat(destination, "-call-key-file"), "",
               absl::StrCat("call key towards the ", destination, " service"));
  DefineUpstreamTlsFlags(flags);  // once per process; defining again changes nothing
}

absl::StatusOr<std::unique_ptr<Downstream>> DownstreamFromFlags(const config::FlagSet& flags,
                                                                absl::string_view self,
                                                                absl::string_view destination) {
  std::string addr_flag = absl::StrCat(destination, "-addr");
  std::string key_flag = absl::StrCat(destination, "-call-key-file");
  std::string address = flags.Get(addr_flag);
  if (address.empty()) {
    return InvalidArgument(addr_flag, "FLAG_REQUIRED",
                           absl::StrCat("--", addr_flag, " is required"));
  }
  ASSIGN_OR_RETURN(std::string key, auth::LoadKeyFile(key_flag, flags.Get(key_flag)));
  ASSIGN_OR_RETURN(auto credentials, UpstreamCredentials(flags));
  std::string health =
      absl::StrCat("paizhu.", destination, ".v1.", absl::AsciiStrToUpper(destination.substr(0, 1)),
                   destination.substr(1), "Service");
  DownstreamOptions options{address, std::string(destination), std::move(health)};
  options.credentials = std::move(credentials);
  return std::make_unique<Downstream>(
      std::move(options), auth::PrincipalSigner::ForService(std::string(self), std::move(key)));
}

Downstream::Downstream(DownstreamOptions options, auth::PrincipalSigner signer)
    : options_(std::move(options)),
      signer_(std::move(signer)),
      channel_(MakeChannel(options_.address, options_.max_message_bytes, options_.health_service,
                           options_.credentials)) {}

std::unique_ptr<grpc::ClientContext> Downstream::NewCall(absl::string_view method,
                                                         const server::CallContext* parent) const {
  auto ctx = std::make_unique<grpc::ClientContext>();
  absl::Time deadline = absl::Now() + options_.timeout;
  if (parent != nullptr) deadline = std::min(deadline, parent->deadline);
  ctx->set_deadline(absl::ToChronoTime(deadline));
  std::string request_id = parent != nullptr && !parent->request_id.empty()
                               ? parent->request_id
                               : crypto::HexEncode(crypto::RandomBytes(8));
  ctx->AddMetadata("x-request-id", request_id);
  if (parent != nullptr && !parent->traceparent.empty()) {
    ctx->AddMetadata("traceparent", parent->traceparent);
  }
  auth::Principal self;
  self.set_kind(auth::Principal::SERVICE);
  self.set_subject(signer_.service_name());
  ctx->AddMetadata(auth::kPrincipalMetadataKey, signer_.Sign(self, options_.audience, method));
  return ctx;
}

}  // namespace paizhu::client
