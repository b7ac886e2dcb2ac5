// paizhu-clue: the composition root of the clue service.

#include "common/auth/principal.h"
#include "common/client/downstream.h"
#include "common/client/unit_directory.h"
#include "common/config/flags.h"
#include "common/crypto/digest.h"
#include "common/log/log.h"
#include "common/server/periodic.h"
#include "common/server/service_main.h"
#include "common/status/macros.h"
#include "common/status/status.h"
#include "services/clue/api/clue_api.h"
#include "services/clue/storage/mysql_calendar_repository.h"
#include "services/clue/storage/mysql_clue_repository.h"
#include "services/clue/storage/mysql_letter_repository.h"

namespace paizhu::generated {
std::vector<sql::MigrationFile> ClueMigrations();
}

namespace paizhu::clue {
namespace {

class ClueParts : public server::ServiceParts {
 public:
  ClueParts(const server::ServiceContext& ctx, std::string audit_key,
            std::unique_ptr<client::Downstream> org, absl::Duration checkpoint_interval)
      : calendars_(ctx.pool),
        clues_(ctx.pool, audit_key),
        letters_(ctx.pool),
        units_(std::move(org)),
        api_(ctx.gate, &calendars_, &clues_, &letters_, &units_, ctx.pool, audit_key) {
    if (checkpoint_interval > absl::ZeroDuration()) {
      checkpoints_ = std::make_unique<server::Periodic>(checkpoint_interval, [this] {
        absl::StatusOr<Checkpoint> c = clues_.TakeCheckpoint(absl::Now() + absl::Seconds(60));
        if (!c.ok()) {
          log::Error("audit checkpoint failed",
                     {{"reason", ErrorReason(c.status())}, {"why", c.status().message()}});
        }
      });
    }
  }

  std::vector<grpc::Service*> services() override { return {&api_}; }

 private:
  MysqlCalendarRepository calendars_;
  MysqlClueRepository clues_;
  MysqlLetterRepository letters_;
  client::UnitDirectory units_;
  ClueApi api_;
  std::unique_ptr<server::Periodic> checkpoints_;  // last: stopped before the rest goes
};

absl::StatusOr<std::unique_ptr<server::ServiceParts>> Build(const server::ServiceContext& ctx) {
  ASSIGN_OR_RETURN(auto org, client::DownstreamFromFlags(*ctx.flags, "clue", "org"));
  // The audit chains' key: its own file in production; in dev derived from the service
  // key (never stored in the database either way).
  std::string audit_key;
  if (!ctx.flags->Get("audit-key-file").empty()) {
    ASSIGN_OR_RETURN(audit_key,
                     auth::LoadKeyFile("audit-key-file", ctx.flags->Get("audit-key-file")));
  } else {
    ASSIGN_OR_RETURN(std::string service_key,
                     auth::LoadKeyFile("service-key-file", ctx.flags->Get("service-key-file")));
    audit_key = crypto::HmacSha256(service_key, "paizhu clue audit chain v1");
  }
  ASSIGN_OR_RETURN(absl::Duration interval, ctx.flags->GetDuration("audit-checkpoint-interval"));
  return std::make_unique<ClueParts>(ctx, std::move(audit_key), std::move(org), interval);
}

}  // namespace
}  // namespace paizhu::clue

int main(int argc, char** argv) {
  using namespace paizhu;
  server::ServiceSpec spec;
  spec.name = "clue";
  spec.grpc_service = "paizhu.clue.v1.ClueService";
  spec.migrations = generated::ClueMigrations();
  spec.define_flags = [](config::FlagSet& flags) {
    client::DefineDownstreamFlags(flags, "org");
    flags.Define("audit-key-file", "",
                 "key of the audit chains (64 hex); default: derived from the service key");
    flags.Define("audit-checkpoint-interval", "1h",
                 "how often to record a signed checkpoint of all audit heads (0: never)");
  };
  spec.build = clue::Build;
  return server::RunService(spec, argc, argv);
}
