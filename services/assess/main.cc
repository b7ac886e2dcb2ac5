// paizhu-assess: the composition root of the assessment service.

#include "common/auth/principal.h"
#include "common/client/downstream.h"
#include "common/server/service_main.h"
#include "common/status/macros.h"
#include "common/status/status.h"
#include "services/assess/api/assess_api.h"
#include "services/assess/api/report_api.h"
#include "services/assess/storage/mysql_activity_repository.h"
#include "services/assess/storage/mysql_records_repository.h"
#include "services/assess/storage/mysql_regime_repository.h"
#include "services/assess/storage/mysql_run_repository.h"
#include "services/assess/storage/mysql_scheme_repository.h"

namespace paizhu::generated {
std::vector<sql::MigrationFile> AssessMigrations();
std::vector<std::pair<std::string, std::string>> DefaultSchemes();
}  // namespace paizhu::generated

namespace paizhu::assess {
namespace {

class AssessParts : public server::ServiceParts {
 public:
  AssessParts(const server::ServiceContext& ctx, std::unique_ptr<client::Downstream> org_units,
              std::unique_ptr<client::Downstream> org, std::unique_ptr<client::Downstream> clue)
      : repository_(ctx.pool),
        schemes_(ctx.pool),
        regime_(ctx.pool),
        runs_(ctx.pool),
        records_(ctx.pool),
        units_(std::move(org_units)),
        org_(std::move(org)),
        clue_(std::move(clue)),
        gatherer_(&repository_, &regime_, &records_, org_.get(), clue_.get()),
        api_(ctx.gate, ctx.pool, &repository_, &schemes_, &regime_, &runs_, &records_, &gatherer_,
             &units_),
        reports_(ctx.gate, &repository_, org_.get(), clue_.get()) {}

  std::vector<grpc::Service*> services() override { return {&api_, &reports_}; }

  // The shipped schemes (data/schemes/), stored once; a changed shipped version refuses.
  absl::Status AfterMigrate(sql::Pool&) override {
    return schemes_.InstallDefaults(generated::DefaultSchemes(), absl::Now() + absl::Seconds(10));
  }

 private:
  MysqlActivityRepository repository_;
  MysqlSchemeRepository schemes_;
  MysqlRegimeRepository regime_;
  MysqlRunRepository runs_;
  MysqlRecordsRepository records_;
  client::UnitDirectory units_;
  std::unique_ptr<client::Downstream> org_;
  std::unique_ptr<client::Downstream> clue_;
  MetricGatherer gatherer_;
  AssessApi api_;
  ReportApi reports_;
};

absl::StatusOr<std::unique_ptr<server::ServiceParts>> Build(const server::ServiceContext& ctx) {
  // UnitDirectory owns its own connection to org.
  ASSIGN_OR_RETURN(auto org_units, client::DownstreamFromFlags(*ctx.flags, "assess", "org"));
  ASSIGN_OR_RETURN(auto org, client::DownstreamFromFlags(*ctx.flags, "assess", "org"));
  ASSIGN_OR_RETURN(auto clue, client::DownstreamFromFlags(*ctx.flags, "assess", "clue"));
  return std::make_unique<AssessParts>(ctx, std::move(org_units), std::move(org), std::move(clue));
}

}  // namespace
}  // namespace paizhu::assess

int main(int argc, char** argv) {
  using namespace paizhu;
  server::ServiceSpec spec;
  spec.name = "assess";
  spec.grpc_service = "paizhu.assess.v1.AssessService";
  spec.migrations = generated::AssessMigrations();
  spec.define_flags = [](config::FlagSet& flags) {
    client::DefineDownstreamFlags(flags, "org");
    client::DefineDownstreamFlags(flags, "clue");
  };
  spec.build = assess::Build;
  return server::RunService(spec, argc, argv);
}
