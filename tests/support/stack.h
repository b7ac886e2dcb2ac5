#pragma once
// The whole suite for end-to-end tests: the four binaries of this build, started on
// free ports against a real MariaDB, each service with its own schema, user and key,
// exactly as scripts/dev-up wires them. Waits until every process reports ready.

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "common/sql/connection.h"
#include "grpcpp/channel.h"
#include "tests/support/process.h"

namespace paizhu::testing {

// Optional settings of a stack.
struct StackOptions {
  // Extra flags for paizhu-gateway, after the stack's own (a later flag wins), e.g.
  // {"--max-call-timeout=3s"}.
  std::vector<std::string> gateway_flags;
  // How to reach the gateway's gRPC port (e.g. over TLS) for readiness and Gateway();
  // unset: plaintext.
  std::function<std::shared_ptr<grpc::Channel>(const std::string& address)> gateway_channel =
      nullptr;
  // Services started twice, e.g. {"org"}: the second copy is the process "org-2", and
  // every caller of the service (the gateway, other services) is given both addresses
  // (`ipv4:A,B`, balanced per call) as a headless Service gives them in Kubernetes.
  std::vector<std::string> two_replicas;
  // Every process also serves --health-port and --metrics-port (free ports).
  bool probe_ports = false;
  // org is also given clue's address (for integrity opinions). org starts before clue,
  // so it learns the address by a restart on its own port once clue is up.
  bool org_calls_clue = false;
  // Extra flags for every service (org, clue, assess), after the stack's own, e.g. TLS.
  std::vector<std::string> service_flags;
  // How to reach a service's gRPC port (e.g. over mutual TLS) for readiness and Direct();
  // unset: plaintext.
  std::function<std::shared_ptr<grpc::Channel>(const std::string& address)> service_channel =
      nullptr;
};

class Stack {
 public:
  // `server`: where the schemas and users go (default: the shared test server).
  static absl::StatusOr<std::unique_ptr<Stack>> Start();
  static absl::StatusOr<std::unique_ptr<Stack>> Start(const sql::ConnectOptions& server);
  static absl::StatusOr<std::unique_ptr<Stack>> Start(const sql::ConnectOptions& server,
                                                      StackOptions options);
  ~Stack();

  // A person's token, signed with the stack's dev key (as `paizhu login --dev` does).
  std::string Token(const std::string& person, absl::Duration valid = absl::Minutes(5)) const;
  std::shared_ptr<grpc::Channel> Gateway() const;
  std::shared_ptr<grpc::Channel> Direct(const std::string& service) const;  // org, clue, assess
  int port(const std::string& process) const;
  // With StackOptions::probe_ports: the plaintext health port and the metrics port.
  int health_port(const std::string& process) const;
  int metrics_port(const std::string& process) const;
  // The process id of a running process (org, clue, assess, gateway), or -1.
  pid_t pid(const std::string& process) const;
  // A service's own key (raw bytes): lets a test sign as the gateway would.
  std::string Key(const std::string& service) const;
  std::string Log(const std::string& process) const;
  // The private PEM the stack signs tokens with (what `paizhu login --dev` reads).
  const std::string& DevKeyPem() const { return jwt_private_pem_; }

  // SIGTERM to one process; returns its exit status (-1: still running at the timeout).
  int Stop(const std::string& process, absl::Duration timeout = absl::Seconds(20));
  // SIGTERM to every process; returns the first non-zero exit status, or 0.
  int StopAll(absl::Duration timeout = absl::Seconds(20));
  // SIGKILL to one process, as a crash; returns once it is gone.
  void Kill(const std::string& process);
  // Starts a stopped or killed process again with its flags, on its ports (callers keep
  // their addresses), plus `extra_flags` (a later flag wins); waits until it is ready.
  absl::Status Restart(const std::string& process, std::vector<std::string> extra_flags = {});
  // The schema a service (org, clue, assess) keeps its tables in.
  std::string Schema(const std::string& service) const;

 private:
  struct Process {
    Subprocess child;
    std::vector<std::string> argv;  // as first started, for Restart
    int port = 0;
    int health_port = 0;
    int metrics_port = 0;
  };
  absl::Status StartProcess(const std::string& name, std::vector<std::string> flags);
  absl::Status Launch(const std::string& name);  // argv as stored; waits for the port file
  absl::Status WaitReady(const std::string& name, const std::string& health_name);

  std::string dir_;
  std::string jwt_private_pem_;
  std::map<std::string, std::string> keys_;
  std::map<std::string, std::string> schemas_;
  std::map<std::string, Process> processes_;
  StackOptions options_;
};

// Reads health (grpc.health.v1) of `service_name` at the address: SERVING or not.
bool IsServing(const std::string& address, const std::string& service_name);
bool IsServing(const std::shared_ptr<grpc::Channel>& channel, const std::string& service_name);

}  // namespace paizhu::testing
