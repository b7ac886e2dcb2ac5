#pragma once
// The import rows read back for export (CONTRACTS.md formats, as text), a page at a time
// in key order, inside a caller's transaction. Each row comes with its key: the code, or
// the recorded order for history without a code of its own.

#include <string>
#include <utility>
#include <vector>

#include "absl/status/statusor.h"
#include "common/sql/transaction.h"
#include "services/org/domain/import_rows.h"

namespace paizhu::org {

template <typename Columns>
using KeyedRows = std::vector<std::pair<std::string, Columns>>;

// Rows after the key `after` (empty: from the first), at most `limit`. `skip_person`: a
// person code left out of people and roles (the bootstrap administrator).
absl::StatusOr<KeyedRows<ZoneColumns>> ExportZoneRows(sql::Transaction& tx,
                                                      const std::string& after, int limit);
// posts: the quotas in force on established_on; zone: the unit's first, offices' empty
// (a zone's row names its founding office; a later office's dated change has no column);
// no supervision.
absl::StatusOr<KeyedRows<UnitColumns>> ExportUnitRows(sql::Transaction& tx,
                                                      const std::string& after, int limit);
absl::StatusOr<KeyedRows<SupervisionColumns>> ExportSupervisionRows(sql::Transaction& tx,
                                                                    const std::string& after,
                                                                    int limit);
// vetted_on: the latest passed vetting; no post (ExportAssignmentRows has them all).
absl::StatusOr<KeyedRows<PersonColumns>> ExportPersonRows(sql::Transaction& tx,
                                                          const std::string& after, int limit,
                                                          const std::string& skip_person);
absl::StatusOr<KeyedRows<AssignmentColumns>> ExportAssignmentRows(sql::Transaction& tx,
                                                                  const std::string& after,
                                                                  int limit);
// The grants in force on `today`.
absl::StatusOr<KeyedRows<RoleColumns>> ExportRoleRows(sql::Transaction& tx,
                                                      const std::string& after, int limit,
                                                      const std::string& today,
                                                      const std::string& skip_person);
absl::StatusOr<KeyedRows<TrainingColumns>> ExportTrainingRows(sql::Transaction& tx,
                                                              const std::string& after, int limit);
// The record kinds beside people, in recorded order (integrity files by code). Vettings
// leave out each person's latest passed one: ExportPersonRows carries it (vetted_on).
absl::StatusOr<KeyedRows<VettingColumns>> ExportVettingRows(sql::Transaction& tx,
                                                            const std::string& after, int limit);
absl::StatusOr<KeyedRows<TransferTalkColumns>> ExportTransferTalkRows(sql::Transaction& tx,
                                                                      const std::string& after,
                                                                      int limit);
absl::StatusOr<KeyedRows<MentoringColumns>> ExportMentoringRows(sql::Transaction& tx,
                                                                const std::string& after,
                                                                int limit);
absl::StatusOr<KeyedRows<AccountabilityColumns>> ExportAccountabilityRows(sql::Transaction& tx,
                                                                          const std::string& after,
                                                                          int limit);
absl::StatusOr<KeyedRows<IntegrityFileColumns>> ExportIntegrityFileRows(sql::Transaction& tx,
                                                                        const std::string& after,
                                                                        int limit);
absl::StatusOr<KeyedRows<IntegrityEntryColumns>> ExportIntegrityEntryRows(sql::Transaction& tx,
                                                                          const std::string& after,
                                                                          int limit);
// Every liaison, ended or not, in recorded order.
absl::StatusOr<KeyedRows<LiaisonColumns>> ExportLiaisonRows(sql::Transaction& tx,
                                                            const std::string& after, int limit);

}  // namespace paizhu::org
