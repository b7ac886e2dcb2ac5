// MysqlClueRepository's deadline half: the lists of what is due, and recomputing the
// due dates that were counted on a calendar year not yet loaded.

#include "absl/strings/str_cat.h"
#include "common/sql/transaction.h"
#include "common/status/macros.h"
#include "common/status/status.h"
#include "common/time/civil_date.h"
#include "services/clue/storage/clue_rows.h"
#include "services/clue/storage/mysql_clue_repository.h"

namespace paizhu::clue {

absl::StatusOr<std::vector<DueItem>> MysqlClueRepository::ListDue(
    const Viewer& viewer, const std::string& unit_code, std::optional<absl::CivilDay> from,
    absl::CivilDay until, int limit, absl::Time deadline) {
  // Need-to-know in the query, for both halves of the union.
  sql::Params params;
  auto half = [&](const char* kind, const char* table_due) {
    std::string sql = absl::StrCat(
        "SELECT '", kind, "', ",
        kind == std::string("clue") ? "c.number, c.state" : "k.number, k.state",
        ", c.handling_unit_code, ", table_due, ".due_on, ", table_due, ".due_provisional FROM ",
        kind == std::string("clue") ? "clues c" : "cases k JOIN clues c ON c.id = k.clue_id",
        " WHERE ", table_due, ".due_on IS NOT NULL AND ", table_due, ".due_on <= ?");
    params.push_back(FormatDate(until));
    if (from) {
      absl::StrAppend(&sql, " AND ", table_due, ".due_on >= ?");
      params.push_back(FormatDate(*from));
    }
    if (!unit_code.empty()) {
      absl::StrAppend(&sql, " AND c.handling_unit_code = ?");
      params.push_back(unit_code);
    }
    if (!viewer.sees_all) absl::StrAppend(&sql, " AND ", rows::VisibilitySql(viewer, "c.", params));
    return sql;
  };
  std::string sql = absl::StrCat("(", half("clue", "c"), ") UNION ALL (", half("case", "k"),
                                 ") ORDER BY 5, 2 LIMIT ?");
  params.push_back(int64_t{limit});
  std::vector<DueItem> out;
  RETURN_IF_ERROR(
      sql::RunInTransaction(*pool_, deadline, [&](sql::Transaction& tx) -> absl::Status {
        ASSIGN_OR_RETURN(sql::Rows rows, tx.Query(sql, params));
        out.clear();
        for (size_t r = 0; r < rows.size(); ++r) {
          out.push_back({rows.Str(r, 0), rows.Str(r, 1), rows.Str(r, 2), rows.Str(r, 3),
                         rows::OptDate(rows, r, 4).value_or(absl::CivilDay()),
                         rows.Int(r, 5) != 0});
        }
        return absl::OkStatus();
      }));
  return out;
}

absl::StatusOr<int> MysqlClueRepository::RecomputeProvisional(const Recompute& recompute,
                                                              const std::string& actor,
                                                              absl::Time deadline) {
  int count = 0;
  RETURN_IF_ERROR(
      sql::RunInTransaction(*pool_, deadline, [&](sql::Transaction& tx) -> absl::Status {
        count = 0;
        ASSIGN_OR_RETURN(
            sql::Rows rows,
            tx.Query("SELECT c.number FROM clues c LEFT JOIN cases k ON k.clue_id = c.id "
                     "WHERE c.due_provisional = 1 OR k.due_provisional = 1 ORDER BY c.id"));
        for (size_t r = 0; r < rows.size(); ++r) {
          ASSIGN_OR_RETURN(std::optional<Clue> clue, rows::ReadClue(tx, rows.Str(r, 0), true));
          if (!clue) continue;
          std::string before = rows::Digest(*clue);
          if (clue->due.provisional) {
            ASSIGN_OR_RETURN(clue->due, recompute(clue->due));
            ++count;
          }
          if (clue->case_file && clue->case_file->due.provisional) {
            ASSIGN_OR_RETURN(clue->case_file->due, recompute(clue->case_file->due));
            ++count;
          }
          RETURN_IF_ERROR(rows::WriteWorkflow(tx, *clue));
          RETURN_IF_ERROR(rows::AppendAudit(
              tx, audit_key_, clue->id,
              AuditEntry{0, 0, actor, "recompute_due", before, rows::Digest(*clue), ""}));
        }
        return absl::OkStatus();
      }));
  return count;
}

}  // namespace paizhu::clue
