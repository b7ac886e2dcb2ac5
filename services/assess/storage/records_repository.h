#pragma once
// The supervision records beside the ledger: the risk register, special campaigns and the
// file catalogue with each group's files. storage/mysql_records_repository.h is the
// MariaDB/MySQL one.

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "common/sql/idempotency.h"
#include "services/assess/domain/campaign.h"
#include "services/assess/domain/file_catalogue.h"
#include "services/assess/domain/risk_point.h"

namespace paizhu::assess {

class RecordsRepository {
 public:
  virtual ~RecordsRepository() = default;

  virtual absl::StatusOr<RiskPoint> RecordRiskPoint(const RiskPoint& point,
                                                    const sql::RequestKey& key,
                                                    absl::Time deadline) = 0;
  // NOT_FOUND RISK_POINT_NOT_FOUND.
  virtual absl::StatusOr<RiskPoint> GetRiskPoint(int64_t id, absl::Time deadline) = 0;
  // The review under `version` (ABORTED ETAG_MISMATCH when it moved on).
  virtual absl::StatusOr<RiskPoint> ReviewRiskPoint(const RiskPoint& reviewed,
                                                    absl::Time deadline) = 0;
  // Filters may be empty; by unit then id, at most `limit`.
  virtual absl::StatusOr<std::vector<RiskPoint>> RiskPoints(const std::string& group_code,
                                                            const std::string& unit_code, int limit,
                                                            absl::Time deadline) = 0;

  virtual absl::StatusOr<Campaign> CreateCampaign(const Campaign& campaign,
                                                  const sql::RequestKey& key,
                                                  absl::Time deadline) = 0;
  // NOT_FOUND CAMPAIGN_NOT_FOUND.
  virtual absl::StatusOr<Campaign> GetCampaign(int64_t id, absl::Time deadline) = 0;
  // Replaces the unit's follow-up (NOT_FOUND UNIT_NOT_IN_CAMPAIGN).
  virtual absl::Status RecordFollowUp(int64_t campaign_id, const CampaignUnit& follow_up,
                                      absl::Time deadline) = 0;
  // Campaigns overlapping from..to, by start then id, at most `limit`.
  virtual absl::StatusOr<std::vector<Campaign>> Campaigns(absl::CivilDay from, absl::CivilDay to,
                                                          int limit, absl::Time deadline) = 0;

  virtual absl::StatusOr<std::vector<FileItem>> FileCatalogue(absl::Time deadline) = 0;
  // Inserts or replaces the group's file of an item for a year.
  virtual absl::Status RecordGroupFile(const GroupFile& file, absl::Time deadline) = 0;
  // item code -> file.
  virtual absl::StatusOr<std::map<std::string, GroupFile>> GroupFiles(const std::string& group_code,
                                                                      int year,
                                                                      absl::Time deadline) = 0;
};

}  // namespace paizhu::assess
