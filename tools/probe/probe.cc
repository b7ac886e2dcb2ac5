// paizhu-probe: asks a server's grpc.health.v1 service whether it is SERVING.
//   paizhu-probe --addr=127.0.0.1:40003 [--service=paizhu.org.v1.OrgService] [--wait=60s]
// Exit 0 when SERVING; 1 otherwise (after waiting up to --wait); 2 on bad usage.

#include <iostream>
#include <thread>

#include "absl/time/clock.h"
#include "common/config/flags.h"
#include "common/status/status.h"
#include "grpc/health/v1/health.grpc.pb.h"
#include "grpcpp/create_channel.h"

int main(int argc, char** argv) {
  paizhu::config::FlagSet flags("paizhu-probe");
  flags.Define("addr", "", "host:port of the server");
  flags.Define("service", "", "health name to check; empty = the server as a whole");
  flags.Define("wait", "0s", "keep asking until SERVING for this long");
  flags.Define("quiet", "false", "print nothing", true);
  if (absl::Status s = flags.Parse(argc, argv); !s.ok()) {
    std::cerr << s.message() << "\n";
    return paizhu::ErrorReason(s) == "HELP" ? 0 : 2;
  }
  auto wait = flags.GetDuration("wait");
  if (flags.Get("addr").empty() || !wait.ok()) {
    std::cerr << "paizhu-probe: --addr is required and --wait must be a duration\n";
    return 2;
  }
  bool quiet = flags.Get("quiet") == "true";
  absl::Time until = absl::Now() + *wait;
  std::string last;
  do {
    // A fresh channel each time: a channel that was refused once backs off for seconds,
    // which would hide a server that has just started listening.
    auto stub = grpc::health::v1::Health::NewStub(
        grpc::CreateChannel(flags.Get("addr"), grpc::InsecureChannelCredentials()));
    grpc::ClientContext ctx;
    ctx.set_deadline(absl::ToChronoTime(absl::Now() + absl::Seconds(2)));
    grpc::health::v1::HealthCheckRequest request;
    request.set_service(flags.Get("service"));
    grpc::health::v1::HealthCheckResponse response;
    grpc::Status status = stub->Check(&ctx, request, &response);
    if (status.ok() && response.status() == grpc::health::v1::HealthCheckResponse::SERVING) {
      if (!quiet) std::cout << flags.Get("addr") << " " << flags.Get("service") << " SERVING\n";
      return 0;
    }
    last = status.ok()
               ? grpc::health::v1::HealthCheckResponse::ServingStatus_Name(response.status())
               : status.error_message();
    if (absl::Now() < until) std::this_thread::sleep_for(std::chrono::milliseconds(100));
  } while (absl::Now() < until);
  if (!quiet) std::cerr << flags.Get("addr") << " " << flags.Get("service") << " " << last << "\n";
  return 1;
}
