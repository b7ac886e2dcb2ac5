#pragma once
// gRPC handlers of paizhu.clue.v1.ClueService: proto <-> domain, nothing else.

#include "common/client/unit_directory.h"
#include "common/server/call.h"
#include "paizhu/clue/v1/clue.grpc.pb.h"
#include "services/clue/storage/calendar_repository.h"
#include "services/clue/storage/clue_repository.h"

namespace paizhu::clue {

class ClueApi final : public paizhu::clue::v1::ClueService::Service {
 public:
  ClueApi(const server::CallGate* gate, CalendarRepository* calendars, ClueRepository* clues,
          const client::UnitDirectory* units)
      : gate_(gate), calendars_(calendars), clues_(clues), units_(units) {}

  // The registry (registry_handlers.cc).
  grpc::Status RegisterClue(grpc::ServerContext* ctx, const v1::RegisterClueRequest* request,
                            v1::Clue* response) override;
  grpc::Status GetClue(grpc::ServerContext* ctx, const v1::GetClueRequest* request,
                       v1::Clue* response) override;
  grpc::Status ListClues(grpc::ServerContext* ctx, const v1::ListCluesRequest* request,
                         v1::ListCluesResponse* response) override;
  grpc::Status VerifyAuditChain(grpc::ServerContext* ctx,
                                const v1::VerifyAuditChainRequest* request,
                                v1::AuditVerification* response) override;

  grpc::Status ComputeDeadline(grpc::ServerContext* ctx, const v1::ComputeDeadlineRequest* request,
                               v1::Deadline* response) override;

 private:
  const server::CallGate* gate_;
  CalendarRepository* calendars_;
  ClueRepository* clues_;
  const client::UnitDirectory* units_;
};

}  // namespace paizhu::clue
