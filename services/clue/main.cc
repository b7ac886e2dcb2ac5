// paizhu-clue: the composition root of the clue service.

#include "common/server/service_main.h"
#include "services/clue/api/clue_api.h"
#include "services/clue/storage/mysql_calendar_repository.h"

namespace paizhu::generated {
std::vector<sql::MigrationFile> ClueMigrations();
}

namespace paizhu::clue {
namespace {

class ClueParts : public server::ServiceParts {
 public:
  explicit ClueParts(const server::ServiceContext& ctx)
      : calendars_(ctx.pool), api_(ctx.gate, &calendars_) {}

  std::vector<grpc::Service*> services() override { return {&api_}; }

 private:
  MysqlCalendarRepository calendars_;
  ClueApi api_;
};

}  // namespace
}  // namespace paizhu::clue

int main(int argc, char** argv) {
  using namespace paizhu;
  server::ServiceSpec spec;
  spec.name = "clue";
  spec.grpc_service = "paizhu.clue.v1.ClueService";
  spec.migrations = generated::ClueMigrations();
  spec.define_flags = [](config::FlagSet& flags) {
    // Defined now so deployments can set them; the clue issue uses them (units, people).
    flags.Define("org-addr", "", "org service address (units, zones, people)");
    flags.Define("org-call-key-file", "", "call key for the org service");
  };
  spec.build = [](const server::ServiceContext& ctx)
      -> absl::StatusOr<std::unique_ptr<server::ServiceParts>> {
    return std::make_unique<clue::ClueParts>(ctx);
  };
  return server::RunService(spec, argc, argv);
}
