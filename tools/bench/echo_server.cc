#include "tools/bench/echo_server.h"

#include "common/log/log.h"
#include "common/server/runner.h"
#include "paizhu/bench/v1/echo.grpc.pb.h"

namespace paizhu::bench {
namespace {

constexpr char kEchoService[] = "paizhu.bench.v1.EchoService";

class EchoService final : public v1::EchoService::CallbackService {
  grpc::ServerUnaryReactor* Echo(grpc::CallbackServerContext* ctx, const v1::EchoMessage* request,
                                 v1::EchoMessage* response) override {
    *response = *request;
    grpc::ServerUnaryReactor* reactor = ctx->DefaultReactor();
    reactor->Finish(grpc::Status::OK);
    return reactor;
  }
};

}  // namespace

int ServeEcho(const std::string& listen, const std::string& port_file) {
  server::BlockTerminationSignals();
  server::ServerOptions options;
  options.listen = listen;
  options.port_file = port_file;
  options.drain_delay = absl::ZeroDuration();
  EchoService echo;
  server::Runner runner(options);
  runner.AddService(&echo);
  runner.AddReadinessName(kEchoService);
  if (absl::Status s = runner.Start(); !s.ok()) {
    log::Error("cannot start", {{"why", s.message()}});
    return 1;
  }
  runner.SetReady(true);
  runner.WaitForShutdownSignal();
  return 0;
}

}  // namespace paizhu::bench
