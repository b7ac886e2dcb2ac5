// paizhu-assess: the composition root of the assessment service.

#include "common/auth/principal.h"
#include "common/client/downstream.h"
#include "common/server/service_main.h"
#include "common/status/macros.h"
#include "common/status/status.h"
#include "services/assess/api/assess_api.h"
#include "services/assess/storage/mysql_activity_repository.h"

namespace paizhu::generated {
std::vector<sql::MigrationFile> AssessMigrations();
}

namespace paizhu::assess {
namespace {

class AssessParts : public server::ServiceParts {
 public:
  AssessParts(const server::ServiceContext& ctx, std::unique_ptr<client::Downstream> org)
      : repository_(ctx.pool), units_(std::move(org)), api_(ctx.gate, &repository_, &units_) {}

  std::vector<grpc::Service*> services() override { return {&api_}; }

 private:
  MysqlActivityRepository repository_;
  client::UnitDirectory units_;
  AssessApi api_;
};

absl::StatusOr<std::unique_ptr<server::ServiceParts>> Build(const server::ServiceContext& ctx) {
  ASSIGN_OR_RETURN(auto org, client::DownstreamFromFlags(*ctx.flags, "assess", "org"));
  return std::make_unique<AssessParts>(ctx, std::move(org));
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
    client::DefineDownstreamFlags(flags, "clue");  // metrics, with the assessment issue
  };
  spec.build = assess::Build;
  return server::RunService(spec, argc, argv);
}
