#pragma once
// Counts the catalogue metrics a scheme reads, for each target over a period: the ledger
// and the report-and-meetings regime here, org's statistics and accountability, clue's
// aggregate figures (never clue contents), each call as this service with the caller's
// deadline. A source that fails fails the whole gathering (SourceError): never a zero.

#include <functional>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/civil_time.h"
#include "common/client/downstream.h"
#include "common/server/call.h"
#include "paizhu/clue/v1/clue.grpc.pb.h"
#include "paizhu/org/v1/org.grpc.pb.h"
#include "services/assess/domain/run.h"
#include "services/assess/domain/scheme.h"
#include "services/assess/storage/activity_repository.h"
#include "services/assess/storage/records_repository.h"
#include "services/assess/storage/regime_repository.h"
#include "services/assess/storage/run_repository.h"

namespace paizhu::assess {

class MetricGatherer {
 public:
  MetricGatherer(ActivityRepository* activities, RegimeRepository* regime,
                 RecordsRepository* records, const client::Downstream* org,
                 const client::Downstream* clue);

  // `targets`: bare unit codes. `as_of`: the day monthly reports are judged on.
  absl::StatusOr<Snapshots> Gather(const Scheme& scheme, const std::vector<std::string>& targets,
                                   const Period& period, absl::CivilDay as_of,
                                   const server::CallContext& call) const;

  // Bare codes of the units of `kind` (group, supervised_unit) existing on `day`, from org.
  absl::StatusOr<std::vector<std::string>> UnitsOfKind(const std::string& kind, absl::CivilDay day,
                                                       const server::CallContext& call) const;

 private:
  // Stores one target's metric value with its evidence (when the scheme reads it).
  using Put = std::function<void(const std::string& code, const std::string& metric, double value,
                                 std::string evidence)>;
  // The risk register, campaigns and file catalogue metrics.
  absl::Status GatherRecords(const std::vector<std::string>& targets, const Period& period,
                             const std::set<std::string>& wanted, const Put& put,
                             const server::CallContext& call) const;

  ActivityRepository* activities_;
  RegimeRepository* regime_;
  RecordsRepository* records_;
  const client::Downstream* org_;
  const client::Downstream* clue_;
  std::unique_ptr<org::v1::OrgService::Stub> org_stub_;
  std::unique_ptr<clue::v1::ClueService::Stub> clue_stub_;
};

}  // namespace paizhu::assess
