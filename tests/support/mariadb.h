#pragma once
// A real MariaDB for integration tests.
// - SharedDatabase(): the server scripts/test started (PAIZHU_TEST_DB_* in the
//   environment), or else one this test binary starts for itself; either way each test
//   binary works in fresh schemas of its own, so `ctest -j` is safe.
// - PrivateMariaDb: a server this test owns, for tests that stop, restart or kill it.

#include <memory>
#include <string>

#include "absl/status/statusor.h"
#include "common/sql/connection.h"
#include "tests/support/process.h"

namespace paizhu::testing {

class PrivateMariaDb {
 public:
  // Installs a data directory under a temporary folder (about 2 s) and starts the server.
  static absl::StatusOr<std::unique_ptr<PrivateMariaDb>> Start();
  ~PrivateMariaDb();

  absl::Status Stop();     // clean shutdown; the port stays reserved for Restart
  absl::Status Restart();  // on the same port and data
  void Kill();             // SIGKILL, as a crash

  int port() const { return port_; }
  pid_t pid() const { return server_.pid(); }  // of mariadbd, e.g. to read its CPU time
  // Root over TCP (root@127.0.0.1 is created with a password at install).
  sql::ConnectOptions RootOptions() const;

 private:
  absl::Status Launch();
  absl::Status WaitUntilAnswering(absl::Duration timeout);
  std::string dir_;
  int port_ = 0;
  Subprocess server_;
};

// Connection settings of the shared test server, with rights to create schemas and users.
sql::ConnectOptions SharedDatabase();

// Creates a schema with a unique name on the server and returns options for it.
absl::StatusOr<sql::ConnectOptions> CreateTestSchema(const sql::ConnectOptions& server,
                                                     const std::string& prefix);

}  // namespace paizhu::testing
