#pragma once
// Everything the scenarios run against, started by the benchmark itself so that it runs
// on a fresh clone: a private MariaDB, the echo backend, the whole suite (testing::Stack)
// with its gateway also routing the echo service, the clue tests' small city, and one
// person (staff1 of group G1) with a token for the gateway and a signed principal for
// calls straight to the clue service.

#include <sys/types.h>

#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "common/auth/principal.h"
#include "common/sql/connection.h"
#include "grpcpp/channel.h"
#include "tests/support/mariadb.h"
#include "tests/support/process.h"
#include "tests/support/stack.h"
#include "tools/bench/process_cpu.h"

namespace paizhu::bench {

inline constexpr char kPerson[] = "staff1";  // a G1 group member: registers and reads clues

class BenchEnv {
 public:
  static absl::StatusOr<std::unique_ptr<BenchEnv>> Start();
  ~BenchEnv();

  // `count` channels that share no connection, to the echo server, the gateway or a
  // service of the stack (clue).
  std::vector<std::shared_ptr<grpc::Channel>> Channels(const std::string& process, int count) const;
  // bench (this process), echo, gateway, org, clue, assess, mariadb.
  std::vector<WatchedProcess> Processes() const;
  // Root on the private server, in `schema` (empty: none).
  sql::ConnectOptions Database(const std::string& schema) const;
  const testing::Stack& stack() const { return *stack_; }
  const std::string& clue_schema() const { return clue_schema_; }
  const std::string& token() const { return token_; }
  // The person's principal signed for one direct call to the clue service.
  std::string SignForClue(const std::string& method) const;
  // innodb_flush_log_at_trx_commit, sync_binlog and log_bin, as the server reports them.
  absl::StatusOr<std::vector<std::pair<std::string, std::string>>> Durability() const;

 private:
  BenchEnv() = default;
  absl::Status StartEcho();
  absl::Status ResolvePrincipal();

  std::unique_ptr<testing::PrivateMariaDb> db_;
  std::string dir_;
  testing::Subprocess echo_;
  int echo_port_ = 0;
  std::unique_ptr<testing::Stack> stack_;
  std::string clue_schema_;
  std::string token_;
  auth::Principal principal_;
};

}  // namespace paizhu::bench
