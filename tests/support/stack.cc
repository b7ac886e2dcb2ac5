#include "tests/support/stack.h"

#include <openssl/evp.h>
#include <openssl/pem.h>
#include <signal.h>

#include <algorithm>
#include <thread>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "common/auth/jwt.h"
#include "common/auth/principal.h"
#include "common/crypto/digest.h"
#include "common/sql/connection.h"
#include "common/status/macros.h"
#include "common/status/status.h"
#include "grpc/health/v1/health.grpc.pb.h"
#include "grpcpp/create_channel.h"
#include "tests/support/mariadb.h"

namespace paizhu::testing {
namespace {

constexpr const char* kServices[] = {"org", "clue", "assess"};
constexpr const char* kReadiness[][2] = {{"org", "paizhu.org.v1.OrgService"},
                                         {"clue", "paizhu.clue.v1.ClueService"},
                                         {"assess", "paizhu.assess.v1.AssessService"},
                                         {"gateway", "paizhu.gateway"}};

// An EC P-256 key pair in PEM: the stack's dev signing key.
std::pair<std::string, std::string> NewEcKeyPem() {
  EVP_PKEY* key = EVP_EC_gen("P-256");
  BIO* priv = BIO_new(BIO_s_mem());
  BIO* pub = BIO_new(BIO_s_mem());
  PEM_write_bio_PrivateKey(priv, key, nullptr, nullptr, 0, nullptr, nullptr);
  PEM_write_bio_PUBKEY(pub, key);
  auto read = [](BIO* bio) {
    char* data = nullptr;
    long len = BIO_get_mem_data(bio, &data);
    return std::string(data, len);
  };
  std::pair<std::string, std::string> out{read(priv), read(pub)};
  BIO_free(priv);
  BIO_free(pub);
  EVP_PKEY_free(key);
  return out;
}

std::string ReadinessName(const std::string& process) {
  for (const auto& [name, health] : kReadiness) {
    if (process == name) return health;
  }
  return "";
}

}  // namespace

bool IsServing(const std::string& address, const std::string& service_name) {
  return IsServing(grpc::CreateChannel(address, grpc::InsecureChannelCredentials()), service_name);
}

bool IsServing(const std::shared_ptr<grpc::Channel>& channel, const std::string& service_name) {
  auto stub = grpc::health::v1::Health::NewStub(channel);
  grpc::ClientContext ctx;
  ctx.set_deadline(absl::ToChronoTime(absl::Now() + absl::Seconds(2)));
  grpc::health::v1::HealthCheckRequest request;
  request.set_service(service_name);
  grpc::health::v1::HealthCheckResponse response;
  return stub->Check(&ctx, request, &response).ok() &&
         response.status() == grpc::health::v1::HealthCheckResponse::SERVING;
}

absl::StatusOr<std::unique_ptr<Stack>> Stack::Start() { return Start(SharedDatabase()); }

absl::StatusOr<std::unique_ptr<Stack>> Stack::Start(const sql::ConnectOptions& server) {
  return Start(server, StackOptions{});
}

absl::StatusOr<std::unique_ptr<Stack>> Stack::Start(const sql::ConnectOptions& server,
                                                    StackOptions options) {
  auto stack = std::unique_ptr<Stack>(new Stack);
  stack->options_ = options;
  stack->dir_ = MakeTempDir("paizhu-stack");
  const std::string& dir = stack->dir_;

  // One schema and one user per service, rights on that schema only.
  ASSIGN_OR_RETURN(auto admin, sql::Connection::Open(server));
  std::string suffix = crypto::HexEncode(crypto::RandomBytes(4));
  std::map<std::string, std::string> schema, user, password;
  for (const char* s : kServices) {
    schema[s] = absl::StrCat("e2e_", s, "_", suffix);
    stack->schemas_[s] = schema[s];
    user[s] = absl::StrCat("e2e_", s, "_", suffix);
    password[s] = crypto::HexEncode(crypto::RandomBytes(12));
    RETURN_IF_ERROR(
        admin->ExecText(absl::StrCat("CREATE DATABASE `", schema[s], "` CHARACTER SET utf8mb4")));
    RETURN_IF_ERROR(admin->ExecText(
        absl::StrCat("CREATE USER '", user[s], "'@'127.0.0.1' IDENTIFIED BY '", password[s], "'")));
    RETURN_IF_ERROR(admin->ExecText(
        absl::StrCat("GRANT ALL ON `", schema[s], "`.* TO '", user[s], "'@'127.0.0.1'")));
    WriteFile(absl::StrCat(dir, "/db-", s, ".password"), password[s]);
    stack->keys_[s] = crypto::RandomBytes(32);
    WriteFile(absl::StrCat(dir, "/", s, ".key"), crypto::HexEncode(stack->keys_[s]));
  }
  // Call keys as dev-up derives them: caller -> destination.
  for (auto [caller, callee] :
       {std::pair{"clue", "org"}, {"assess", "org"}, {"assess", "clue"}, {"org", "clue"}}) {
    WriteFile(absl::StrCat(dir, "/call-", caller, "-to-", callee, ".key"),
              crypto::HexEncode(auth::DeriveCallKey(stack->keys_[callee], caller)));
  }
  auto [private_pem, public_pem] = NewEcKeyPem();
  stack->jwt_private_pem_ = private_pem;
  WriteFile(dir + "/dev-jwt.pub.pem", public_pem, 0644);

  auto common = [&](const std::string& s) {
    return std::vector<std::string>{
        "--db-host=127.0.0.1",
        absl::StrCat("--db-port=", server.port),
        absl::StrCat("--db-user=", user[s]),
        absl::StrCat("--db-password-file=", dir, "/db-", s, ".password"),
        absl::StrCat("--db-name=", schema[s]),
        absl::StrCat("--service-key-file=", dir, "/", s, ".key"),
        "--readiness-interval=200ms"};
  };
  auto with_service_flags = [&](std::vector<std::string> flags) {
    flags.insert(flags.end(), options.service_flags.begin(), options.service_flags.end());
    return flags;
  };
  auto twice = [&](const std::string& s) {
    return std::find(options.two_replicas.begin(), options.two_replicas.end(), s) !=
           options.two_replicas.end();
  };
  auto addr = [&](const std::string& s) {
    if (!twice(s)) return absl::StrCat("127.0.0.1:", stack->port(s));
    return absl::StrCat("ipv4:127.0.0.1:", stack->port(s), ",127.0.0.1:", stack->port(s + "-2"));
  };
  // The second replica starts once the first is ready, as a rollout adds pods to a
  // running installation (and only one of them bootstraps the administrator).
  auto start = [&](const std::string& s, const std::vector<std::string>& flags) -> absl::Status {
    RETURN_IF_ERROR(stack->StartProcess(s, flags));
    if (!twice(s)) return absl::OkStatus();
    RETURN_IF_ERROR(stack->WaitReady(s, ReadinessName(s)));
    return stack->StartProcess(s + "-2", flags);
  };

  std::vector<std::string> org = common("org");
  org.push_back("--bootstrap-admin=admin");
  RETURN_IF_ERROR(start("org", with_service_flags(org)));
  std::vector<std::string> clue = common("clue");
  clue.push_back("--org-addr=" + addr("org"));
  clue.push_back(absl::StrCat("--org-call-key-file=", dir, "/call-clue-to-org.key"));
  RETURN_IF_ERROR(start("clue", with_service_flags(clue)));
  if (options.org_calls_clue) {
    RETURN_IF_ERROR(stack->WaitReady("org", ReadinessName("org")));
    int port = stack->port("org");
    if (stack->Stop("org") != 0) return Internal("TEST_SETUP", "org did not stop for its restart");
    org.push_back("--clue-addr=" + addr("clue"));
    org.push_back(absl::StrCat("--clue-call-key-file=", dir, "/call-org-to-clue.key"));
    org.push_back(absl::StrCat("--listen=127.0.0.1:", port));
    RETURN_IF_ERROR(stack->StartProcess("org", with_service_flags(org)));
  }
  std::vector<std::string> assess = common("assess");
  assess.push_back("--org-addr=" + addr("org"));
  assess.push_back(absl::StrCat("--org-call-key-file=", dir, "/call-assess-to-org.key"));
  assess.push_back("--clue-addr=" + addr("clue"));
  assess.push_back(absl::StrCat("--clue-call-key-file=", dir, "/call-assess-to-clue.key"));
  RETURN_IF_ERROR(start("assess", with_service_flags(assess)));
  std::vector<std::string> gateway = {"--jwt-public-key-file=" + dir + "/dev-jwt.pub.pem",
                                      "--jwt-issuer=paizhu-dev", "--jwt-audience=paizhu"};
  for (const char* s : kServices) {
    gateway.push_back(absl::StrCat("--", s, "-addr=", addr(s)));
    gateway.push_back(absl::StrCat("--", s, "-key-file=", dir, "/", s, ".key"));
  }
  gateway.insert(gateway.end(), options.gateway_flags.begin(), options.gateway_flags.end());
  RETURN_IF_ERROR(stack->StartProcess("gateway", gateway));
  for (const auto& [name, health] : kReadiness) {
    RETURN_IF_ERROR(stack->WaitReady(name, health));
    if (twice(name)) RETURN_IF_ERROR(stack->WaitReady(absl::StrCat(name, "-2"), health));
  }
  return stack;
}

absl::Status Stack::StartProcess(const std::string& name, std::vector<std::string> flags) {
  std::string port_file = absl::StrCat(dir_, "/", name, ".port");
  // "org-2" is a second paizhu-org.
  std::string binary = name.substr(0, name.find('-'));
  std::vector<std::string> argv = {absl::StrCat(BinaryDir(), "/paizhu-", binary),
                                   "--listen=127.0.0.1:0", "--port-file=" + port_file,
                                   "--drain-delay=100ms"};
  Process& process = processes_[name];
  if (options_.probe_ports) {
    process.health_port = FreePort();
    process.metrics_port = FreePort();
    argv.push_back(absl::StrCat("--health-port=", process.health_port));
    argv.push_back(absl::StrCat("--metrics-port=", process.metrics_port));
  }
  argv.insert(argv.end(), flags.begin(), flags.end());
  process.argv = argv;
  return Launch(name);
}

absl::Status Stack::Launch(const std::string& name) {
  std::string port_file = absl::StrCat(dir_, "/", name, ".port");
  std::remove(port_file.c_str());
  Process& process = processes_[name];
  if (!process.child.Start(process.argv, Log(name)))
    return Internal("TEST_SETUP", "cannot start " + name);
  absl::Time until = absl::Now() + absl::Seconds(30);
  while (absl::Now() < until) {
    std::string text = ReadFile(port_file);
    if (!text.empty() && (process.port = std::atoi(text.c_str())) > 0) return absl::OkStatus();
    if (process.child.Wait(absl::ZeroDuration()) >= 0) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return Internal("TEST_SETUP", absl::StrCat(name, " did not start; log:\n", ReadFile(Log(name))));
}

absl::Status Stack::WaitReady(const std::string& name, const std::string& health_name) {
  absl::Time until = absl::Now() + absl::Seconds(60);
  while (absl::Now() < until) {
    if (IsServing(Direct(name), health_name)) return absl::OkStatus();
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  return Internal("TEST_SETUP",
                  absl::StrCat(name, " never became ready; log:\n", ReadFile(Log(name))));
}

Stack::~Stack() {
  StopAll(absl::Seconds(5));
  if (std::getenv("PAIZHU_KEEP_TEST_DATA") == nullptr) std::system(("rm -rf " + dir_).c_str());
}

int Stack::Stop(const std::string& process, absl::Duration timeout) {
  auto it = processes_.find(process);
  if (it == processes_.end() || !it->second.child.running()) return -1;
  it->second.child.Signal(SIGTERM);
  return it->second.child.Wait(timeout);
}

int Stack::StopAll(absl::Duration timeout) {
  int first_failure = 0;
  for (const char* name : {"gateway", "assess", "assess-2", "clue", "clue-2", "org", "org-2"}) {
    auto it = processes_.find(name);
    if (it == processes_.end() || !it->second.child.running()) continue;
    it->second.child.Signal(SIGTERM);
    int status = it->second.child.Wait(timeout);
    if (status != 0 && first_failure == 0) first_failure = status == -1 ? 255 : status;
  }
  return first_failure;
}

std::string Stack::Token(const std::string& person, absl::Duration valid) const {
  auth::JwtClaims claims;
  claims.subject = person;
  claims.issuer = "paizhu-dev";
  claims.audience = "paizhu";
  claims.issued_at = claims.not_before = absl::Now();
  claims.expires_at = absl::Now() + valid;
  auto token = auth::MintEs256(jwt_private_pem_, claims);
  return token.ok() ? *token : "";
}

std::shared_ptr<grpc::Channel> Stack::Gateway() const { return Direct("gateway"); }

std::shared_ptr<grpc::Channel> Stack::Direct(const std::string& process) const {
  std::string address = absl::StrCat("127.0.0.1:", port(process));
  if (process == "gateway" && options_.gateway_channel) return options_.gateway_channel(address);
  if (process != "gateway" && options_.service_channel) return options_.service_channel(address);
  return grpc::CreateChannel(address, grpc::InsecureChannelCredentials());
}

int Stack::port(const std::string& process) const {
  auto it = processes_.find(process);
  return it == processes_.end() ? 0 : it->second.port;
}

int Stack::health_port(const std::string& process) const {
  auto it = processes_.find(process);
  return it == processes_.end() ? 0 : it->second.health_port;
}

int Stack::metrics_port(const std::string& process) const {
  auto it = processes_.find(process);
  return it == processes_.end() ? 0 : it->second.metrics_port;
}

pid_t Stack::pid(const std::string& process) const {
  auto it = processes_.find(process);
  return it == processes_.end() || !it->second.child.running() ? -1 : it->second.child.pid();
}

void Stack::Kill(const std::string& process) {
  auto it = processes_.find(process);
  if (it == processes_.end() || !it->second.child.running()) return;
  it->second.child.Signal(SIGKILL);
  it->second.child.Wait(absl::Seconds(10));
}

absl::Status Stack::Restart(const std::string& name, std::vector<std::string> extra_flags) {
  auto it = processes_.find(name);
  if (it == processes_.end()) return Internal("TEST_SETUP", "no process " + name);
  Process& process = it->second;
  if (process.child.running()) return Internal("TEST_SETUP", name + " is still running");
  // The same port, so every caller's address still names it.
  std::replace(process.argv.begin(), process.argv.end(), std::string("--listen=127.0.0.1:0"),
               absl::StrCat("--listen=127.0.0.1:", process.port));
  process.argv.insert(process.argv.end(), extra_flags.begin(), extra_flags.end());
  RETURN_IF_ERROR(Launch(name));
  return WaitReady(name, ReadinessName(name.substr(0, name.find('-'))));
}

std::string Stack::Schema(const std::string& service) const { return schemas_.at(service); }

std::string Stack::Key(const std::string& service) const { return keys_.at(service); }
std::string Stack::Log(const std::string& process) const {
  return absl::StrCat(dir_, "/", process, ".log");
}

}  // namespace paizhu::testing
