#pragma once
// gRPC handlers of paizhu.assess.v1.ReportService: the work report (CONTRACTS.md, "The
// work report"), from org's statistics, clue's figures and this service's ledger.

#include <memory>

#include "common/client/downstream.h"
#include "common/server/call.h"
#include "paizhu/assess/v1/assess.grpc.pb.h"
#include "paizhu/clue/v1/clue.grpc.pb.h"
#include "paizhu/org/v1/org.grpc.pb.h"
#include "services/assess/storage/activity_repository.h"

namespace paizhu::assess {

class ReportApi final : public paizhu::assess::v1::ReportService::Service {
 public:
  // `org` and `clue` are this service's connections, called as itself with a deadline.
  ReportApi(const server::CallGate* gate, ActivityRepository* activities,
            const client::Downstream* org, const client::Downstream* clue);

  grpc::Status GetWorkReport(grpc::ServerContext* ctx, const v1::GetWorkReportRequest* request,
                             v1::WorkReport* response) override;

 private:
  const server::CallGate* gate_;
  ActivityRepository* activities_;
  const client::Downstream* org_;
  const client::Downstream* clue_;
  std::unique_ptr<org::v1::OrgService::Stub> org_stub_;
  std::unique_ptr<clue::v1::ClueService::Stub> clue_stub_;
};

}  // namespace paizhu::assess
