// paizhu-org: the composition root of the organisation service.

#include "absl/strings/str_cat.h"
#include "common/client/downstream.h"
#include "common/log/log.h"
#include "common/names/resource_name.h"
#include "common/server/service_main.h"
#include "common/status/macros.h"
#include "common/status/status.h"
#include "common/time/civil_date.h"
#include "services/org/api/org_api.h"
#include "services/org/storage/mysql_org_repository.h"

namespace paizhu::generated {
std::vector<sql::MigrationFile> OrgMigrations();
}

namespace paizhu::org {
namespace {

class OrgParts : public server::ServiceParts {
 public:
  OrgParts(const server::ServiceContext& ctx, std::string bootstrap_admin,
           std::unique_ptr<client::Downstream> clue)
      : repository_(ctx.pool),
        clue_(std::move(clue)),
        api_(ctx.gate, &repository_, ctx.pool, bootstrap_admin, clue_.get()),
        bootstrap_admin_(std::move(bootstrap_admin)) {}

  std::vector<grpc::Service*> services() override { return {&api_}; }

  // --bootstrap-admin: a new installation gets its first administrator.
  absl::Status AfterMigrate(sql::Pool&) override {
    if (bootstrap_admin_.empty()) return absl::OkStatus();
    auto created = repository_.EnsureAdministrator(bootstrap_admin_, TodayInChina(),
                                                   absl::Now() + absl::Seconds(10));
    if (!created.ok()) return created.status();
    if (*created) log::Info("created the bootstrap administrator", {{"person", bootstrap_admin_}});
    return absl::OkStatus();
  }

 private:
  MysqlOrgRepository repository_;
  std::unique_ptr<client::Downstream> clue_;  // null without --clue-addr
  OrgApi api_;
  std::string bootstrap_admin_;
};

}  // namespace
}  // namespace paizhu::org

int main(int argc, char** argv) {
  using namespace paizhu;
  server::ServiceSpec spec;
  spec.name = "org";
  spec.grpc_service = "paizhu.org.v1.OrgService";
  spec.migrations = generated::OrgMigrations();
  spec.define_flags = [](config::FlagSet& flags) {
    flags.Define("bootstrap-admin", "", "person code made administrator when none exists");
    client::DefineDownstreamFlags(flags, "clue");  // integrity opinions (optional)
  };
  spec.build = [](const server::ServiceContext& ctx)
      -> absl::StatusOr<std::unique_ptr<server::ServiceParts>> {
    std::string admin = ctx.flags->Get("bootstrap-admin");
    if (!admin.empty() && !names::IsValidCode(admin)) {
      return InvalidArgument("bootstrap-admin", "INVALID_CODE",
                             "--bootstrap-admin: a person code (letters, digits, '-', '_')");
    }
    // The clue service answers integrity opinions; without --clue-addr they are UNAVAILABLE.
    std::unique_ptr<client::Downstream> clue;
    if (!ctx.flags->Get("clue-addr").empty()) {
      ASSIGN_OR_RETURN(clue, client::DownstreamFromFlags(*ctx.flags, "org", "clue"));
    }
    return std::make_unique<org::OrgParts>(ctx, admin, std::move(clue));
  };
  return server::RunService(spec, argc, argv);
}
