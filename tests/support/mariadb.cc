#include "tests/support/mariadb.h"

#include <signal.h>
#include <unistd.h>

#include <cstdlib>
#include <mutex>
#include <thread>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "common/crypto/digest.h"
#include "common/status/macros.h"
#include "common/status/status.h"

namespace paizhu::testing {
namespace {

constexpr char kTestUser[] = "paizhu_test";

int Run(const std::string& command) { return std::system(command.c_str()); }

}  // namespace

absl::StatusOr<std::unique_ptr<PrivateMariaDb>> PrivateMariaDb::Start() {
  auto db = std::unique_ptr<PrivateMariaDb>(new PrivateMariaDb);
  db->dir_ = MakeTempDir("paizhu-mariadb");
  if (db->dir_.empty()) return Internal("TEST_SETUP", "cannot make a temporary directory");
  std::string install = absl::StrCat(
      "mariadb-install-db --no-defaults --user=root --datadir=", db->dir_,
      "/data --auth-root-authentication-method=normal > ", db->dir_, "/install.log 2>&1");
  if (Run(install) != 0)
    return Internal("TEST_SETUP", absl::StrCat("mariadb-install-db failed: ", db->dir_));
  db->port_ = FreePort();
  RETURN_IF_ERROR(db->Launch());
  // A TCP user with a password, as the services connect.
  sql::ConnectOptions root;
  root.socket = db->dir_ + "/mysqld.sock";
  root.user = "root";
  ASSIGN_OR_RETURN(auto conn, sql::Connection::Open(root));
  RETURN_IF_ERROR(conn->ExecText(
      absl::StrCat("CREATE USER '", kTestUser, "'@'127.0.0.1' IDENTIFIED BY 'test-password'")));
  RETURN_IF_ERROR(conn->ExecText(
      absl::StrCat("GRANT ALL ON *.* TO '", kTestUser, "'@'127.0.0.1' WITH GRANT OPTION")));
  return db;
}

PrivateMariaDb::~PrivateMariaDb() {
  if (server_.running()) {
    server_.Signal(SIGTERM);
    if (server_.Wait(absl::Seconds(20)) < 0) Kill();
  }
  if (!dir_.empty() && std::getenv("PAIZHU_KEEP_TEST_DATA") == nullptr) Run("rm -rf " + dir_);
}

absl::Status PrivateMariaDb::Launch() {
  // Its own temporary folder: a machine-wide /tmp cleaner must not delete the files of
  // open temporary tables under a running test.
  Run(absl::StrCat("mkdir -p ", dir_, "/tmp"));
  std::vector<std::string> argv = {
      "/usr/sbin/mariadbd", "--no-defaults", "--user=root",
      absl::StrCat("--datadir=", dir_, "/data"), absl::StrCat("--socket=", dir_, "/mysqld.sock"),
      absl::StrCat("--tmpdir=", dir_, "/tmp"), absl::StrCat("--port=", port_),
      "--bind-address=127.0.0.1", "--innodb-buffer-pool-size=64M", "--skip-name-resolve",
      "--character-set-server=utf8mb4", "--collation-server=utf8mb4_unicode_ci",
      // Tests don't need durability; a restart test still restarts cleanly.
      "--innodb-flush-log-at-trx-commit=2", "--max-connections=300"};
  if (!server_.Start(argv, dir_ + "/mariadbd.log"))
    return Internal("TEST_SETUP", "cannot start mariadbd");
  return WaitUntilAnswering(absl::Seconds(30));
}

absl::Status PrivateMariaDb::WaitUntilAnswering(absl::Duration timeout) {
  sql::ConnectOptions root;
  root.socket = dir_ + "/mysqld.sock";
  root.user = "root";
  root.connect_timeout = absl::Seconds(1);
  absl::Time until = absl::Now() + timeout;
  absl::Status last;
  while (absl::Now() < until) {
    auto conn = sql::Connection::Open(root);
    if (conn.ok()) return absl::OkStatus();
    last = conn.status();
    if (!server_.running() || server_.Wait(absl::ZeroDuration()) >= 0) {
      return Internal("TEST_SETUP", absl::StrCat("mariadbd exited; see ", dir_, "/mariadbd.log"));
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  return Internal("TEST_SETUP", absl::StrCat("mariadbd did not answer: ", last.message()));
}

absl::Status PrivateMariaDb::Stop() {
  if (!server_.running()) return absl::OkStatus();
  server_.Signal(SIGTERM);
  if (server_.Wait(absl::Seconds(30)) < 0) return Internal("TEST_SETUP", "mariadbd did not stop");
  return absl::OkStatus();
}

absl::Status PrivateMariaDb::Restart() {
  RETURN_IF_ERROR(Stop());
  return Launch();
}

void PrivateMariaDb::Kill() {
  server_.Signal(SIGKILL);
  server_.Wait(absl::Seconds(10));
}

sql::ConnectOptions PrivateMariaDb::RootOptions() const {
  sql::ConnectOptions o;
  o.host = "127.0.0.1";
  o.port = port_;
  o.user = kTestUser;
  o.password = "test-password";
  return o;
}

sql::ConnectOptions SharedDatabase() {
  static std::once_flag once;
  static sql::ConnectOptions options;
  static PrivateMariaDb* own = nullptr;  // lives until the process exits
  std::call_once(once, [] {
    if (const char* port = std::getenv("PAIZHU_TEST_DB_PORT")) {
      options.host =
          std::getenv("PAIZHU_TEST_DB_HOST") ? std::getenv("PAIZHU_TEST_DB_HOST") : "127.0.0.1";
      options.port = std::atoi(port);
      options.user =
          std::getenv("PAIZHU_TEST_DB_USER") ? std::getenv("PAIZHU_TEST_DB_USER") : "root";
      if (const char* file = std::getenv("PAIZHU_TEST_DB_PASSWORD_FILE")) {
        options.password = ReadFile(file);
        while (!options.password.empty() && isspace(options.password.back()))
          options.password.pop_back();
      }
      return;
    }
    auto db = PrivateMariaDb::Start();
    if (!db.ok()) {
      fprintf(stderr, "cannot start a test MariaDB: %s\n",
              std::string(db.status().message()).c_str());
      std::abort();
    }
    own = db->release();
    options = own->RootOptions();
    std::atexit([] { delete own; });
  });
  return options;
}

absl::StatusOr<sql::ConnectOptions> CreateTestSchema(const sql::ConnectOptions& server,
                                                     const std::string& prefix) {
  ASSIGN_OR_RETURN(auto conn, sql::Connection::Open(server));
  std::string name =
      absl::StrCat(prefix, "_", getpid(), "_", crypto::HexEncode(crypto::RandomBytes(3)));
  RETURN_IF_ERROR(
      conn->ExecText(absl::StrCat("CREATE DATABASE `", name, "` CHARACTER SET utf8mb4")));
  sql::ConnectOptions options = server;
  options.database = name;
  return options;
}

}  // namespace paizhu::testing
