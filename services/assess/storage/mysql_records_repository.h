#pragma once

#include "common/sql/pool.h"
#include "services/assess/storage/records_repository.h"

namespace paizhu::assess {

class MysqlRecordsRepository : public RecordsRepository {
 public:
  explicit MysqlRecordsRepository(sql::Pool* pool) : pool_(pool) {}

  absl::StatusOr<RiskPoint> RecordRiskPoint(const RiskPoint& point, const sql::RequestKey& key,
                                            absl::Time deadline) override;
  absl::StatusOr<RiskPoint> GetRiskPoint(int64_t id, absl::Time deadline) override;
  absl::StatusOr<RiskPoint> ReviewRiskPoint(const RiskPoint& reviewed,
                                            absl::Time deadline) override;
  absl::StatusOr<std::vector<RiskPoint>> RiskPoints(const std::string& group_code,
                                                    const std::string& unit_code, int limit,
                                                    absl::Time deadline) override;
  absl::StatusOr<Campaign> CreateCampaign(const Campaign& campaign, const sql::RequestKey& key,
                                          absl::Time deadline) override;
  absl::StatusOr<Campaign> GetCampaign(int64_t id, absl::Time deadline) override;
  absl::Status RecordFollowUp(int64_t campaign_id, const CampaignUnit& follow_up,
                              absl::Time deadline) override;
  absl::StatusOr<std::vector<Campaign>> Campaigns(absl::CivilDay from, absl::CivilDay to, int limit,
                                                  absl::Time deadline) override;
  absl::StatusOr<std::vector<FileItem>> FileCatalogue(absl::Time deadline) override;
  absl::Status RecordGroupFile(const GroupFile& file, absl::Time deadline) override;
  absl::StatusOr<std::map<std::string, GroupFile>> GroupFiles(const std::string& group_code,
                                                              int year,
                                                              absl::Time deadline) override;

 private:
  sql::Pool* pool_;
};

}  // namespace paizhu::assess
