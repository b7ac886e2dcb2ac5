#pragma once
// The composition every domain service shares: flags, its own database (pool and
// migrations), its own key, readiness that follows the database and schema, and the
// Runner. A service's main.cc only names its parts:
//
//   int main(int argc, char** argv) { return RunService(OrgServiceSpec(), argc, argv); }

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "common/config/flags.h"
#include "common/server/call.h"
#include "common/sql/migration_file.h"
#include "common/sql/pool.h"
#include "grpcpp/impl/codegen/service_type.h"

namespace paizhu::server {

// What a service's factory gets to build its handlers from.
struct ServiceContext {
  const config::FlagSet* flags;
  sql::Pool* pool;
  const CallGate* gate;
  std::string name;  // org, clue, assess
};

// The handlers of a service and whatever they own (repositories, downstream clients).
class ServiceParts {
 public:
  virtual ~ServiceParts() = default;
  virtual std::vector<grpc::Service*> services() = 0;
  // Runs after every successful migration check at start (e.g. bootstrap data); an
  // error keeps the service NOT_SERVING and is retried.
  virtual absl::Status AfterMigrate(sql::Pool& pool) { return absl::OkStatus(); }
};

struct ServiceSpec {
  std::string name;          // org
  std::string grpc_service;  // paizhu.org.v1.OrgService: the readiness health name
  std::vector<sql::MigrationFile> migrations;
  std::function<void(config::FlagSet&)> define_flags;  // the service's own flags
  std::function<absl::StatusOr<std::unique_ptr<ServiceParts>>(const ServiceContext&)> build;
};

// Database flags: --db-host, --db-port, --db-socket, --db-user, --db-password-file,
// --db-name, --db-pool-size, --db-acquire-timeout.
void DefineDatabaseFlags(config::FlagSet& flags);
// `default_database` is used when --db-name is empty.
absl::StatusOr<sql::PoolOptions> PoolOptionsFromFlags(const config::FlagSet& flags,
                                                      const std::string& default_database);

int RunService(const ServiceSpec& spec, int argc, char** argv);

}  // namespace paizhu::server
