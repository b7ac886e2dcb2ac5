#include "tools/bench/bench_env.h"

#include <signal.h>
#include <unistd.h>

#include <cstdlib>

#include <thread>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "common/crypto/digest.h"
#include "common/status/grpc_status.h"
#include "common/status/macros.h"
#include "common/status/status.h"
#include "grpcpp/create_channel.h"
#include "grpcpp/support/channel_arguments.h"
#include "paizhu/org/v1/org.grpc.pb.h"
#include "tests/clue/clue_city.h"

namespace paizhu::bench {
namespace {

constexpr char kEchoService[] = "paizhu.bench.v1.EchoService";
constexpr char kResolveMethod[] = "/paizhu.org.v1.OrgService/ResolvePrincipal";

}  // namespace

absl::StatusOr<std::unique_ptr<BenchEnv>> BenchEnv::Start() {
  auto env = std::unique_ptr<BenchEnv>(new BenchEnv);
  env->dir_ = testing::MakeTempDir("paizhu-bench");
  ASSIGN_OR_RETURN(env->db_, testing::PrivateMariaDb::Start());
  {
    // The production defaults for durability (the test server relaxes them), and room
    // for the large tables in memory, as a production server would have.
    ASSIGN_OR_RETURN(auto root, sql::Connection::Open(env->Database("")));
    RETURN_IF_ERROR(root->ExecText("SET GLOBAL innodb_flush_log_at_trx_commit = 1"));
    RETURN_IF_ERROR(root->ExecText("SET GLOBAL innodb_buffer_pool_size = 512 * 1024 * 1024"));
  }
  RETURN_IF_ERROR(env->StartEcho());
  // A key for the principals the gateway signs towards the echo service (it ignores them).
  std::string echo_key_file = env->dir_ + "/echo.key";
  testing::WriteFile(echo_key_file, crypto::HexEncode(crypto::RandomBytes(32)));
  testing::StackOptions options;
  options.gateway_flags = {absl::StrCat("--bench-echo-addr=127.0.0.1:", env->echo_port_),
                           "--bench-echo-key-file=" + echo_key_file};
  ASSIGN_OR_RETURN(env->stack_, testing::Stack::Start(env->db_->RootOptions(), options));
  RETURN_IF_ERROR(testing::SeedClueCity(*env->stack_));
  {
    ASSIGN_OR_RETURN(auto root, sql::Connection::Open(env->Database("")));
    ASSIGN_OR_RETURN(sql::Rows rows,
                     root->Query("SELECT schema_name FROM information_schema.schemata "
                                 "WHERE schema_name LIKE 'e2e\\_clue\\_%'"));
    if (rows.size() != 1) return Internal("BENCH_SETUP", "cannot find the clue schema");
    env->clue_schema_ = rows.Str(0, 0);
  }
  env->token_ = env->stack_->Token(kPerson, absl::Hours(2));
  RETURN_IF_ERROR(env->ResolvePrincipal());
  return env;
}

BenchEnv::~BenchEnv() {
  stack_.reset();
  if (echo_.running()) {
    echo_.Signal(SIGTERM);
    echo_.Wait(absl::Seconds(5));
  }
  if (std::getenv("PAIZHU_KEEP_TEST_DATA") == nullptr) std::system(("rm -rf " + dir_).c_str());
}

absl::Status BenchEnv::StartEcho() {
  std::string port_file = dir_ + "/echo.port";
  if (!echo_.Start(
          {"/proc/self/exe", "--serve-echo", "--listen=127.0.0.1:0", "--port-file=" + port_file},
          dir_ + "/echo.log")) {
    return Internal("BENCH_SETUP", "cannot start the echo server");
  }
  absl::Time until = absl::Now() + absl::Seconds(30);
  while (absl::Now() < until) {
    std::string text = testing::ReadFile(port_file);
    if (!text.empty() && (echo_port_ = std::atoi(text.c_str())) > 0 &&
        testing::IsServing(absl::StrCat("127.0.0.1:", echo_port_), kEchoService)) {
      return absl::OkStatus();
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return Internal("BENCH_SETUP",
                  "the echo server did not start; log:\n" + testing::ReadFile(dir_ + "/echo.log"));
}

absl::Status BenchEnv::ResolvePrincipal() {
  // As the gateway does: org resolves the person for a caller signed as the gateway.
  auto org = org::v1::OrgService::NewStub(stack_->Direct("org"));
  grpc::ClientContext ctx;
  ctx.set_deadline(absl::ToChronoTime(absl::Now() + absl::Seconds(10)));
  auth::Principal gateway;
  gateway.set_kind(auth::Principal::SERVICE);
  gateway.set_subject("gateway");
  ctx.AddMetadata(
      auth::kPrincipalMetadataKey,
      auth::PrincipalSigner::ForGateway(stack_->Key("org")).Sign(gateway, "org", kResolveMethod));
  org::v1::ResolvePrincipalRequest request;
  request.set_person(absl::StrCat("people/", kPerson));
  return FromGrpcStatus(org->ResolvePrincipal(&ctx, request, &principal_));
}

std::string BenchEnv::SignForClue(const std::string& method) const {
  return auth::PrincipalSigner::ForGateway(stack_->Key("clue")).Sign(principal_, "clue", method);
}

std::vector<std::shared_ptr<grpc::Channel>> BenchEnv::Channels(const std::string& process,
                                                               int count) const {
  int port = process == "echo" ? echo_port_ : stack_->port(process);
  std::vector<std::shared_ptr<grpc::Channel>> out;
  for (int i = 0; i < count; ++i) {
    // A distinct argument keeps gRPC from sharing one connection between the channels.
    grpc::ChannelArguments args;
    args.SetInt("paizhu.bench.channel", i);
    args.SetInt(GRPC_ARG_USE_LOCAL_SUBCHANNEL_POOL, 1);
    out.push_back(grpc::CreateCustomChannel(absl::StrCat("127.0.0.1:", port),
                                            grpc::InsecureChannelCredentials(), args));
  }
  return out;
}

std::vector<WatchedProcess> BenchEnv::Processes() const {
  std::vector<WatchedProcess> out = {{"bench", getpid()}, {"echo", echo_.pid()}};
  for (const char* name : {"gateway", "org", "clue", "assess"}) {
    out.push_back({name, stack_->pid(name)});
  }
  out.push_back({"mariadb", db_->pid()});
  return out;
}

sql::ConnectOptions BenchEnv::Database(const std::string& schema) const {
  sql::ConnectOptions options = db_->RootOptions();
  options.database = schema;
  return options;
}

absl::StatusOr<std::vector<std::pair<std::string, std::string>>> BenchEnv::Durability() const {
  ASSIGN_OR_RETURN(auto root, sql::Connection::Open(Database("")));
  ASSIGN_OR_RETURN(
      sql::Rows rows,
      root->Query("SELECT @@innodb_flush_log_at_trx_commit, @@sync_binlog, @@log_bin"));
  return std::vector<std::pair<std::string, std::string>>{
      {"innodb_flush_log_at_trx_commit", rows.Str(0, 0)},
      {"sync_binlog", rows.Str(0, 1)},
      {"log_bin", rows.Str(0, 2)}};
}

}  // namespace paizhu::bench
