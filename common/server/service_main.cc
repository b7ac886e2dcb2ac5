#include "common/server/service_main.h"

#include <atomic>
#include <iostream>
#include <thread>

#include "absl/strings/str_cat.h"
#include "common/auth/principal.h"
#include "common/log/log.h"
#include "common/metrics/metrics.h"
#include "common/server/runner.h"
#include "common/server/tls.h"
#include "common/sql/errors.h"
#include "common/sql/migrator.h"
#include "common/status/macros.h"
#include "common/status/status.h"

namespace paizhu::server {
namespace {

enum class MigrateMode { kApply, kVerify };

// Keeps the readiness health status in step with the database: the schema must be
// migrated (apply) or current (verify) and a session must answer.
class Readiness {
 public:
  Readiness(sql::Pool* pool, const sql::Migrator* migrator, MigrateMode mode, ServiceParts* parts,
            Runner* runner)
      : pool_(pool), migrator_(migrator), mode_(mode), parts_(parts), runner_(runner) {}

  bool CheckOnce() {
    auto lease = pool_->Acquire(absl::Now() + absl::Seconds(2));
    absl::Status status = lease.ok() ? Check(**lease) : lease.status();
    bool ready = status.ok();
    if (ready != last_ready_ || (!ready && ErrorReason(status) != last_reason_)) {
      if (ready) {
        log::Info("ready");
      } else {
        log::Warn("not ready", {{"reason", ErrorReason(status)}, {"why", status.message()}});
      }
    }
    last_ready_ = ready;
    last_reason_ = ErrorReason(status);
    runner_->SetReady(ready);
    return ready;
  }

  void Loop(std::atomic<bool>* stop, absl::Duration interval) {
    while (!stop->load()) {
      CheckOnce();
      for (absl::Duration slept; slept < interval && !stop->load();
           slept += absl::Milliseconds(50)) {
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
      }
    }
  }

 private:
  absl::Status Check(sql::Connection& conn) {
    if (!schema_ok_) {
      if (mode_ == MigrateMode::kApply) {
        RETURN_IF_ERROR(migrator_->Apply(conn).status());
      } else {
        RETURN_IF_ERROR(migrator_->Verify(conn).status());
      }
      RETURN_IF_ERROR(parts_->AfterMigrate(*pool_));
      schema_ok_ = true;
      return absl::OkStatus();
    }
    if (mode_ == MigrateMode::kVerify) {
      // A schema can only move ahead (a newer release); an edit is still caught here.
      RETURN_IF_ERROR(migrator_->Verify(conn).status());
      return absl::OkStatus();
    }
    if (!conn.Ping()) return Unavailable(sql::kReasonUnavailable, "the database does not answer");
    return absl::OkStatus();
  }

  sql::Pool* pool_;
  const sql::Migrator* migrator_;
  MigrateMode mode_;
  ServiceParts* parts_;
  Runner* runner_;
  bool schema_ok_ = false;
  bool last_ready_ = false;
  std::string last_reason_;
};

// The pool's state, read at each scrape. `pool` outlives the metrics endpoint (the
// Runner that serves them is destroyed first).
void ExportPoolMetrics(const sql::Pool* pool) {
  using metrics::Kind;
  metrics::AddScrapeFunction("paizhu_db_pool_sessions_in_use", "database sessions leased to calls",
                             Kind::kGauge, [pool] {
                               sql::PoolStats s = pool->Stats();
                               return double(s.open - s.idle);
                             });
  metrics::AddScrapeFunction("paizhu_db_pool_sessions_open",
                             "database sessions open (idle + in use)", Kind::kGauge,
                             [pool] { return double(pool->Stats().open); });
  metrics::AddScrapeFunction("paizhu_db_pool_size", "database sessions at most (--db-pool-size)",
                             Kind::kGauge, [pool] { return double(pool->options().size); });
  metrics::AddScrapeFunction("paizhu_db_pool_waiting", "calls waiting for a free database session",
                             Kind::kGauge, [pool] { return double(pool->Stats().waiting); });
  metrics::AddScrapeFunction("paizhu_db_pool_broken_sessions_total",
                             "database sessions dropped as broken (dead connection)",
                             Kind::kCounter, [pool] { return double(pool->Stats().dropped); });
}

int Fail(const absl::Status& status) {
  log::Error("cannot start", {{"reason", ErrorReason(status)}, {"why", status.message()}});
  return 1;
}

}  // namespace

void DefineDatabaseFlags(config::FlagSet& flags) {
  flags.Define("db-host", "127.0.0.1", "MariaDB/MySQL host");
  flags.Define("db-port", "3306", "MariaDB/MySQL port");
  flags.Define("db-socket", "", "Unix socket (instead of host and port)");
  flags.Define("db-user", "", "database user; rights on this service's schema only");
  flags.Define("db-password-file", "", "file holding the database password (empty: none)");
  flags.Define("db-name", "", "the service's schema (default paizhu_<service>)");
  flags.Define("db-pool-size", "8", "database sessions at most");
  flags.Define("db-acquire-timeout", "2s", "how long a call waits for a free session");
}

absl::StatusOr<sql::PoolOptions> PoolOptionsFromFlags(const config::FlagSet& flags,
                                                      const std::string& default_database) {
  sql::PoolOptions o;
  o.connect.host = flags.Get("db-host");
  ASSIGN_OR_RETURN(o.connect.port, flags.GetInt("db-port"));
  o.connect.socket = flags.Get("db-socket");
  o.connect.user = flags.Get("db-user");
  if (o.connect.user.empty())
    return InvalidArgument("db-user", "FLAG_REQUIRED", "--db-user is required");
  if (!flags.Get("db-password-file").empty()) {
    ASSIGN_OR_RETURN(o.connect.password,
                     config::ReadSecretFile("db-password-file", flags.Get("db-password-file")));
  }
  o.connect.database = flags.Get("db-name").empty() ? default_database : flags.Get("db-name");
  ASSIGN_OR_RETURN(o.size, flags.GetInt("db-pool-size"));
  if (o.size < 1)
    return InvalidArgument("db-pool-size", "BAD_FLAG_VALUE", "--db-pool-size must be at least 1");
  ASSIGN_OR_RETURN(o.acquire_timeout, flags.GetDuration("db-acquire-timeout"));
  return o;
}

int RunService(const ServiceSpec& spec, int argc, char** argv) {
  BlockTerminationSignals();
  config::FlagSet flags(absl::StrCat("paizhu-", spec.name));
  DefineServerFlags(flags);
  DefineDatabaseFlags(flags);
  flags.Define("migrate", "apply",
               "apply: migrate at start (dev); verify: NOT_SERVING until current");
  flags.Define("migrate-only", "false",
               "apply the migrations and exit (a deploy Job with a DDL user)", true);
  flags.Define("readiness-interval", "1s", "how often readiness checks the database");
  flags.Define("service-key-file", "", "this service's key: verifies the principals it is sent");
  DefineTlsServerFlags(flags,
                       "PEM CA certificates that sign callers' client certificates: every "
                       "caller must present one (needs TLS)");
  if (spec.define_flags) spec.define_flags(flags);
  if (absl::Status s = flags.Parse(argc, argv); !s.ok()) {
    std::cerr << s.message() << "\n";
    return ErrorReason(s) == "HELP" ? 0 : 2;
  }
  if (absl::Status s = SetUpLogging(flags, spec.name); !s.ok()) return Fail(s);
  auto pool_options = PoolOptionsFromFlags(flags, absl::StrCat("paizhu_", spec.name));
  if (!pool_options.ok()) return Fail(pool_options.status());
  sql::Pool pool(*pool_options);
  ExportPoolMetrics(&pool);
  sql::Migrator migrator(pool_options->connect.database, spec.migrations);

  auto migrate_only = flags.GetBool("migrate-only");
  if (!migrate_only.ok()) return Fail(migrate_only.status());
  if (*migrate_only) {
    auto lease = pool.Acquire(absl::Now() + absl::Seconds(30));
    if (!lease.ok()) return Fail(lease.status());
    auto report = migrator.Apply(**lease);
    if (!report.ok()) return Fail(report.status());
    log::Info("migrated", {{"known", report->known}, {"applied", report->applied}});
    return 0;
  }
  MigrateMode mode;
  if (flags.Get("migrate") == "apply") {
    mode = MigrateMode::kApply;
  } else if (flags.Get("migrate") == "verify") {
    mode = MigrateMode::kVerify;
  } else {
    return Fail(InvalidArgument("migrate", "BAD_FLAG_VALUE", "--migrate must be apply or verify"));
  }

  auto key = auth::LoadKeyFile("service-key-file", flags.Get("service-key-file"));
  if (!key.ok()) return Fail(key.status());
  auth::PrincipalVerifier verifier(spec.name, *key);
  CallGate gate(&verifier);
  auto parts = spec.build(ServiceContext{&flags, &pool, &gate, spec.name});
  if (!parts.ok()) return Fail(parts.status());

  auto server_options = ServerOptionsFromFlags(flags);
  if (!server_options.ok()) return Fail(server_options.status());
  auto credentials = TlsServerCredentials(flags, ClientCertificates::kRequired);
  if (!credentials.ok()) return Fail(credentials.status());
  server_options->credentials = *credentials;
  auto interval = flags.GetDuration("readiness-interval");
  if (!interval.ok()) return Fail(interval.status());
  Runner runner(*server_options);
  for (grpc::Service* service : (*parts)->services()) runner.AddService(service);
  runner.AddReadinessName(spec.grpc_service);
  if (absl::Status s = runner.Start(); !s.ok()) return Fail(s);

  Readiness readiness(&pool, &migrator, mode, parts->get(), &runner);
  std::atomic<bool> stop{false};
  std::thread loop([&] { readiness.Loop(&stop, *interval); });
  runner.WaitForShutdownSignal();
  stop = true;
  loop.join();
  return 0;
}

}  // namespace paizhu::server
