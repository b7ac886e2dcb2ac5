#include "common/server/runner.h"

#include <signal.h>

#include <fstream>
#include <thread>

#include "absl/strings/str_cat.h"
#include "common/log/log.h"
#include "common/server/process_tuning.h"
#include "common/status/macros.h"
#include "common/status/status.h"
#include "grpcpp/ext/proto_server_reflection_plugin.h"
#include "grpcpp/health_check_service_interface.h"
#include "grpcpp/impl/server_builder_option.h"
#include "grpcpp/impl/server_builder_plugin.h"
#include "grpcpp/security/server_credentials.h"
#include "grpcpp/server_builder.h"

namespace paizhu::server {
namespace {

// Linking gRPC's reflection library turns its plugin on for every server built after;
// this option takes it off one server again.
class WithoutReflection final : public grpc::ServerBuilderOption {
 public:
  void UpdateArguments(grpc::ChannelArguments*) override {}
  void UpdatePlugins(std::vector<std::unique_ptr<grpc::ServerBuilderPlugin>>* plugins) override {
    std::erase_if(*plugins, [](const auto& p) { return p->name() == "proto_server_reflection"; });
  }
};

}  // namespace

void DefineServerFlags(config::FlagSet& flags) {
  flags.Define("listen", "127.0.0.1:0", "gRPC address to serve on (port 0 = any free port)");
  flags.Define("port-file", "", "write the bound gRPC port to this file once serving");
  flags.Define("health-port", "-1", "plaintext port serving only grpc.health.v1 (-1 = none)");
  flags.Define("max-message-bytes", "16777216", "largest request or response accepted");
  flags.Define("drain-delay", "5s", "on SIGTERM, keep serving this long while NOT_SERVING");
  flags.Define("shutdown-timeout", "10s", "then wait this long for in-flight calls");
  flags.Define("log-level", "info", "debug, info, warn or error");
  flags.Define("metrics-port", "0", "port serving Prometheus metrics at /metrics (0 = none)");
}

absl::StatusOr<ServerOptions> ServerOptionsFromFlags(const config::FlagSet& flags) {
  ServerOptions o;
  o.listen = flags.Get("listen");
  o.port_file = flags.Get("port-file");
  ASSIGN_OR_RETURN(o.health_port, flags.GetInt("health-port"));
  ASSIGN_OR_RETURN(o.max_message_bytes, flags.GetInt("max-message-bytes"));
  ASSIGN_OR_RETURN(o.drain_delay, flags.GetDuration("drain-delay"));
  ASSIGN_OR_RETURN(o.shutdown_timeout, flags.GetDuration("shutdown-timeout"));
  if (!flags.Get("metrics-port").empty()) {
    ASSIGN_OR_RETURN(o.metrics_port, flags.GetInt("metrics-port"));
  }
  return o;
}

absl::Status SetUpLogging(const config::FlagSet& flags, absl::string_view service) {
  log::Level level;
  if (!log::ParseLevel(flags.Get("log-level"), &level)) {
    return InvalidArgument("log-level", "BAD_FLAG_VALUE",
                           "--log-level must be debug, info, warn or error");
  }
  log::SetLevel(level);
  log::SetProcessFields({{"service", std::string(service)}, {"pid", static_cast<int>(getpid())}});
  return absl::OkStatus();
}

void BlockTerminationSignals() {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGTERM);
  sigaddset(&set, SIGINT);
  pthread_sigmask(SIG_BLOCK, &set, nullptr);
}

Runner::~Runner() { Stop(); }

// The health and metrics ports listen on the same interface as the gRPC port.
std::string Runner::ListenHost() const {
  return options_.listen.substr(0, options_.listen.rfind(':'));
}

absl::Status Runner::Start() {
  TuneProcessForServing();
  grpc::EnableDefaultHealthCheckService(true);
  grpc::reflection::InitProtoReflectionServerBuilderPlugin();

  grpc::ServerBuilder builder;
  if (!options_.reflection) builder.SetOption(std::make_unique<WithoutReflection>());
  builder.AddListeningPort(
      options_.listen,
      options_.credentials ? options_.credentials : grpc::InsecureServerCredentials(), &port_);
  builder.SetMaxReceiveMessageSize(options_.max_message_bytes);
  builder.SetMaxSendMessageSize(options_.max_message_bytes);
  // Accept the clients' 30 s keepalive pings; drop connections that stop answering.
  builder.AddChannelArgument(GRPC_ARG_KEEPALIVE_TIME_MS, 60'000);
  builder.AddChannelArgument(GRPC_ARG_KEEPALIVE_TIMEOUT_MS, 20'000);
  builder.AddChannelArgument(GRPC_ARG_HTTP2_MIN_RECV_PING_INTERVAL_WITHOUT_DATA_MS, 10'000);
  builder.AddChannelArgument(GRPC_ARG_KEEPALIVE_PERMIT_WITHOUT_CALLS, 1);
  // Callers re-resolve a name only when a connection ends: closing each connection after
  // a few minutes (in-flight calls finish first) lets added replicas take load.
  builder.AddChannelArgument(GRPC_ARG_MAX_CONNECTION_AGE_MS, 5 * 60'000);
  for (grpc::Service* service : services_) builder.RegisterService(service);
  if (generic_ != nullptr) builder.RegisterCallbackGenericService(generic_);
  server_ = builder.BuildAndStart();
  if (!server_ || port_ == 0) {
    return Unavailable("LISTEN_FAILED", absl::StrCat("cannot listen on ", options_.listen));
  }
  if (options_.health_port >= 0) {
    grpc::ServerBuilder health;
    health.SetOption(std::make_unique<WithoutReflection>());  // health only
    health.RegisterCallbackGenericService(&health_unimplemented_);
    std::string address = absl::StrCat(ListenHost(), ":", options_.health_port);
    health.AddListeningPort(address, grpc::InsecureServerCredentials(), &health_port_);
    health_server_ = health.BuildAndStart();
    if (!health_server_ || health_port_ == 0) {
      return Unavailable("LISTEN_FAILED", absl::StrCat("cannot listen on health port ", address));
    }
  }
  if (options_.metrics_port > 0) {
    ASSIGN_OR_RETURN(metrics_, metrics::Endpoint::Start(ListenHost() + ":" +
                                                        std::to_string(options_.metrics_port)));
  }
  SetReady(false);
  if (!options_.port_file.empty()) {
    // Written whole then renamed, so a reader never sees a partial number.
    std::string tmp = options_.port_file + ".tmp";
    std::ofstream(tmp) << port_ << "\n";
    std::rename(tmp.c_str(), options_.port_file.c_str());
  }
  log::Info("serving",
            {{"port", port_}, {"health_port", health_port_}, {"metrics_port", metrics_port()}});
  return absl::OkStatus();
}

void Runner::SetReady(bool ready) {
  for (grpc::Server* s : {server_.get(), health_server_.get()}) {
    if (s == nullptr || s->GetHealthCheckService() == nullptr) continue;
    for (const std::string& name : readiness_names_) {
      s->GetHealthCheckService()->SetServingStatus(name, ready);
    }
  }
}

void Runner::WaitForShutdownSignal() {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGTERM);
  sigaddset(&set, SIGINT);
  int signal = 0;
  sigwait(&set, &signal);
  log::Info("stopping",
            {{"signal", signal}, {"drain_delay", absl::FormatDuration(options_.drain_delay)}});
  Stop();
}

void Runner::Stop() {
  if (stopping_ || !server_) return;
  stopping_ = true;
  // NOT_SERVING everywhere (and frozen there), so balancers stop sending new calls...
  for (grpc::Server* s : {server_.get(), health_server_.get()}) {
    if (s != nullptr && s->GetHealthCheckService() != nullptr)
      s->GetHealthCheckService()->Shutdown();
  }
  // ...while calls that were already routed here are still served.
  std::this_thread::sleep_for(absl::ToChronoNanoseconds(options_.drain_delay));
  // In-flight calls get until the deadline. (Measured with gRPC 1.51: the gateway's
  // callback generic service waits about 5 s here while an idle client stays connected;
  // the deadline bounds that too.)
  auto deadline = absl::ToChronoTime(absl::Now() + options_.shutdown_timeout);
  server_->Shutdown(deadline);
  if (health_server_) health_server_->Shutdown(deadline);
  server_->Wait();
  log::Info("stopped");
}

}  // namespace paizhu::server
