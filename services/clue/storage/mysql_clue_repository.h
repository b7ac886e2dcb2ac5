#pragma once

#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "common/sql/pool.h"
#include "services/clue/storage/clue_repository.h"

namespace paizhu::clue {

class MysqlClueRepository : public ClueRepository {
 public:
  // `audit_key`: the HMAC key of the audit chains (from a file, never the database).
  MysqlClueRepository(sql::Pool* pool, std::string audit_key)
      : pool_(pool), audit_key_(std::move(audit_key)) {}

  absl::StatusOr<Clue> Register(const Clue& clue, const sql::RequestKey& key,
                                const std::string& actor, absl::Time deadline) override;
  absl::StatusOr<std::optional<Clue>> Get(const std::string& number, const Viewer& viewer,
                                          absl::Time deadline) override;
  absl::StatusOr<std::vector<Clue>> List(const Viewer& viewer, const ClueFilter& filter,
                                         int64_t before_id, int limit,
                                         absl::Time deadline) override;
  absl::StatusOr<std::optional<Clue>> ApplyStep(const std::string& number, const Viewer& viewer,
                                                const std::string& action, const ClueStep& step,
                                                const sql::RequestKey* key,
                                                absl::Time deadline) override;
  absl::StatusOr<std::optional<std::string>> HandlingUnitOf(const std::string& number,
                                                            absl::Time deadline) override;
  absl::StatusOr<std::optional<std::string>> ClueOfCase(const std::string& case_number,
                                                        absl::Time deadline) override;
  // Cached, keyed by a checksum of the table's rows checked with one statement per call.
  absl::StatusOr<std::vector<DeadlineRule>> DeadlineRules(absl::Time deadline) override;
  absl::StatusOr<std::vector<DueItem>> ListDue(const Viewer& viewer, const std::string& unit_code,
                                               std::optional<absl::CivilDay> from,
                                               absl::CivilDay until, int limit,
                                               absl::Time deadline) override;
  absl::StatusOr<int> RecomputeProvisional(const Recompute& recompute, const std::string& actor,
                                           absl::Time deadline) override;
  absl::StatusOr<StatisticsFacts> LoadStatisticsFacts(const Viewer& viewer, absl::CivilDay from,
                                                      absl::CivilDay to,
                                                      absl::Time deadline) override;
  absl::StatusOr<Checkpoint> TakeCheckpoint(absl::Time deadline) override;
  absl::StatusOr<ChainCheck> VerifyCheckpoints(absl::Time deadline) override;
  absl::StatusOr<std::optional<std::vector<TimelineEntry>>> ListEvents(
      const std::string& number, const Viewer& viewer, int64_t after_seq, int limit,
      bool include_reads, absl::Time deadline) override;
  absl::StatusOr<std::optional<ChainCheck>> VerifyAudit(const std::string& number,
                                                        absl::Time deadline) override;
  absl::StatusOr<std::vector<Clue>> ListBySubject(const std::string& name,
                                                  const std::string& unit_code,
                                                  const Viewer& viewer, int limit,
                                                  absl::Time deadline) override;

 private:
  sql::Pool* pool_;
  std::string audit_key_;
  std::mutex rules_mu_;
  std::string rules_version_;  // guarded by rules_mu_
  std::optional<std::vector<DeadlineRule>> rules_;
};

}  // namespace paizhu::clue
