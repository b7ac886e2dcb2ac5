#pragma once
// Runs gRPC servers the same way in every binary: the main port (services, health,
// reflection), an optional plaintext --health-port that serves only health (for probes
// that cannot present a client certificate), keepalive and message limits, and a
// graceful stop on SIGTERM: health NOT_SERVING, keep serving for --drain-delay, then
// Shutdown(deadline) lets in-flight calls finish.

#include <memory>
#include <string>
#include <vector>
#include "absl/strings/string_view.h"

#include "absl/status/status.h"
#include "absl/time/time.h"
#include "common/config/flags.h"
#include "common/metrics/metrics.h"
#include "grpcpp/generic/async_generic_service.h"
#include "grpcpp/security/server_credentials.h"
#include "grpcpp/server.h"

namespace paizhu::server {

struct ServerOptions {
  std::string listen = "127.0.0.1:0";
  std::string port_file;  // the bound port is written here (for --listen=...:0)
  int health_port = -1;   // -1: none; 0: any free port
  int max_message_bytes = 16 << 20;
  absl::Duration drain_delay = absl::Seconds(5);
  absl::Duration shutdown_timeout = absl::Seconds(10);
  // The main port's credentials (e.g. TLS asking for client certificates); null:
  // plaintext. The --health-port is always plaintext.
  std::shared_ptr<grpc::ServerCredentials> credentials;
  int metrics_port = 0;  // Prometheus /metrics on the --listen host (0: off)
  // gRPC's server reflection on the main port (never on the health port); the gateway
  // answers reflection itself (authenticated, public services only).
  bool reflection = true;
};

void DefineServerFlags(config::FlagSet& flags);
absl::StatusOr<ServerOptions> ServerOptionsFromFlags(const config::FlagSet& flags);
// Applies --log-level and tags every log line with the service name.
absl::Status SetUpLogging(const config::FlagSet& flags, absl::string_view service);

// Call first in main, before any thread starts: SIGTERM and SIGINT are then taken by
// WaitForShutdownSignal rather than killing the process mid-call.
void BlockTerminationSignals();

class Runner {
 public:
  explicit Runner(ServerOptions options) : options_(std::move(options)) {}
  ~Runner();

  void AddService(grpc::Service* service) { services_.push_back(service); }
  void SetGenericService(grpc::CallbackGenericService* service) { generic_ = service; }
  // Health names that start NOT_SERVING (the readiness names); "" is always SERVING
  // while the process runs (liveness).
  void AddReadinessName(std::string name) { readiness_names_.push_back(std::move(name)); }

  absl::Status Start();
  int port() const { return port_; }
  int health_port() const { return health_port_; }
  int metrics_port() const { return metrics_ ? metrics_->port() : 0; }

  void SetReady(bool ready);
  // Blocks until SIGTERM/SIGINT, then drains and stops.
  void WaitForShutdownSignal();
  void Stop();  // the drain and stop, also used by tests

 private:
  std::string ListenHost() const;
  ServerOptions options_;
  std::vector<grpc::Service*> services_;
  grpc::CallbackGenericService* generic_ = nullptr;
  std::vector<std::string> readiness_names_;
  // The health port's only service is gRPC's own health check, which the builder does
  // not count: without a service of its own it refuses to start. This one answers every
  // other method UNIMPLEMENTED (declared before the server, so it outlives it).
  grpc::CallbackGenericService health_unimplemented_;
  std::unique_ptr<grpc::Server> server_;
  std::unique_ptr<grpc::Server> health_server_;
  std::unique_ptr<metrics::Endpoint> metrics_;  // served until the process ends
  int port_ = 0;
  int health_port_ = 0;
  bool stopping_ = false;
};

}  // namespace paizhu::server
