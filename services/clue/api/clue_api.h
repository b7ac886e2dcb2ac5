#pragma once
// gRPC handlers of paizhu.clue.v1.ClueService: proto <-> domain, nothing else.

#include "common/server/call.h"
#include "paizhu/clue/v1/clue.grpc.pb.h"
#include "services/clue/storage/calendar_repository.h"

namespace paizhu::clue {

class ClueApi final : public paizhu::clue::v1::ClueService::Service {
 public:
  ClueApi(const server::CallGate* gate, CalendarRepository* calendars)
      : gate_(gate), calendars_(calendars) {}

  grpc::Status ComputeDeadline(grpc::ServerContext* ctx, const v1::ComputeDeadlineRequest* request,
                               v1::Deadline* response) override;

 private:
  const server::CallGate* gate_;
  CalendarRepository* calendars_;
};

}  // namespace paizhu::clue
