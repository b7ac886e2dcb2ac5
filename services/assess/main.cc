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
  std::string org_addr = ctx.flags->Get("org-addr");
  if (org_addr.empty())
    return InvalidArgument("org-addr", "FLAG_REQUIRED", "--org-addr is required");
  ASSIGN_OR_RETURN(std::string org_key,
                   auth::LoadKeyFile("org-call-key-file", ctx.flags->Get("org-call-key-file")));
  auto org = std::make_unique<client::Downstream>(
      client::DownstreamOptions{org_addr, "org"},
      auth::PrincipalSigner::ForService("assess", std::move(org_key)));
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
    flags.Define("org-addr", "", "organisation service address");
    flags.Define("org-call-key-file", "", "call key towards the organisation service");
    flags.Define("clue-addr", "", "clue service address (metrics)");
    flags.Define("clue-call-key-file", "", "call key towards the clue service");
  };
  spec.build = assess::Build;
  return server::RunService(spec, argc, argv);
}
