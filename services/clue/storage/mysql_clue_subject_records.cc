// MysqlClueRepository's reads by the person a clue names (org's integrity opinion).

#include "common/sql/transaction.h"
#include "common/status/macros.h"
#include "services/clue/storage/clue_rows.h"
#include "services/clue/storage/mysql_clue_repository.h"

namespace paizhu::clue {

absl::StatusOr<std::vector<Clue>> MysqlClueRepository::ListBySubject(const std::string& name,
                                                                     const std::string& unit_code,
                                                                     const Viewer& viewer,
                                                                     int limit,
                                                                     absl::Time deadline) {
  std::vector<Clue> out;
  RETURN_IF_ERROR(
      sql::RunInTransaction(*pool_, deadline, [&](sql::Transaction& tx) -> absl::Status {
        out.clear();
        ASSIGN_OR_RETURN(
            sql::Rows numbers,
            tx.Query("SELECT DISTINCT c.id, c.number FROM clues c JOIN clue_subjects s ON "
                     "s.clue_id = c.id WHERE s.name = ? AND (? = '' OR s.unit_code = ?) AND "
                     "c.number IS NOT NULL ORDER BY c.id DESC",
                     {name, unit_code, unit_code}));
        for (size_t r = 0; r < numbers.size() && static_cast<int>(out.size()) < limit; ++r) {
          ASSIGN_OR_RETURN(std::optional<Clue> clue, rows::ReadClue(tx, numbers.Str(r, 1), false));
          if (!clue || !rows::Visible(viewer, *clue)) {
            continue;  // left out, never counted
          }
          out.push_back(std::move(*clue));
        }
        // The audit last (its head rows are hot), one read per clue returned.
        for (const Clue& clue : out) {
          std::string digest = rows::Digest(clue);
          RETURN_IF_ERROR(rows::AppendAudit(
              tx, audit_key_, clue.id, AuditEntry{0, 0, viewer.actor, "read", digest, digest, ""}));
        }
        return absl::OkStatus();
      }));
  return out;
}

}  // namespace paizhu::clue
