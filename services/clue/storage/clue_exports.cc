#include "services/clue/storage/clue_exports.h"

#include "absl/strings/str_cat.h"
#include "common/sql/transaction.h"
#include "common/status/macros.h"

namespace paizhu::clue {
namespace {

// Runs `query` (ending in "id > ? ORDER BY ... LIMIT ?") over `limit` + 1 keys to learn
// whether there is more; `row` turns one result row into columns and returns its key.
template <typename Columns>
absl::StatusOr<ExportPage<Columns>> Page(
    sql::Pool& pool, const std::string& keys_query, const std::string& rows_query, int64_t after,
    int limit, absl::Time deadline, const std::function<Columns(const sql::Rows&, size_t)>& row) {
  ExportPage<Columns> page;
  RETURN_IF_ERROR(sql::RunInTransaction(pool, deadline, [&](sql::Transaction& tx) -> absl::Status {
    page = ExportPage<Columns>{};
    ASSIGN_OR_RETURN(sql::Rows keys, tx.Query(keys_query, {after, int64_t{limit + 1}}));
    if (keys.empty()) return absl::OkStatus();
    page.more = static_cast<int>(keys.size()) > limit;
    size_t last = std::min<size_t>(keys.size(), limit) - 1;
    page.last_key = keys.Int(last, 0);
    ASSIGN_OR_RETURN(sql::Rows rows, tx.Query(rows_query, {after, page.last_key}));
    for (size_t r = 0; r < rows.size(); ++r) page.rows.push_back(row(rows, r));
    return absl::OkStatus();
  }));
  return page;
}

}  // namespace

absl::StatusOr<ExportPage<ClueColumns>> ExportClueRows(sql::Pool& pool, int64_t after, int limit,
                                                       absl::Time deadline) {
  return Page<ClueColumns>(
      pool, "SELECT id FROM clues WHERE disposal <> '' AND id > ? ORDER BY id LIMIT ?",
      "SELECT c.number, c.received_on, c.source, c.handling_unit_code, s.name, s.unit_code, "
      "s.level, c.disposal, c.disposed_on, k.filed_on FROM clues c JOIN clue_subjects s ON "
      "s.clue_id = c.id LEFT JOIN cases k ON k.clue_id = c.id WHERE c.disposal <> '' AND c.id > "
      "? AND c.id <= ? ORDER BY c.id, s.seq",
      after, limit, deadline, [](const sql::Rows& r, size_t i) {
        return ClueColumns{0,           r.Str(i, 0), r.Str(i, 1), r.Str(i, 2),
                           r.Str(i, 3), r.Str(i, 4), r.Str(i, 5), r.Str(i, 6),
                           r.Str(i, 7), r.Str(i, 8), r.Str(i, 9)};
      });
}

absl::StatusOr<ExportPage<OutcomeColumns>> ExportOutcomeRows(sql::Pool& pool, int64_t after,
                                                             int limit, absl::Time deadline) {
  return Page<OutcomeColumns>(
      pool, "SELECT id FROM clue_outcomes WHERE id > ? ORDER BY id LIMIT ?",
      "SELECT c.number, o.subject_name, o.outcome, o.detail, o.months, o.decided_on FROM "
      "clue_outcomes o JOIN clues c ON c.id = o.clue_id WHERE o.id > ? AND o.id <= ? ORDER BY "
      "o.id",
      after, limit, deadline, [](const sql::Rows& r, size_t i) {
        std::string months = r.Int(i, 4) == 0 ? "" : r.Str(i, 4);
        return OutcomeColumns{0,           r.Str(i, 0), r.Str(i, 1), r.Str(i, 2),
                              r.Str(i, 3), months,      r.Str(i, 5)};
      });
}

absl::StatusOr<ExportPage<LetterColumns>> ExportLetterRows(sql::Pool& pool, int64_t after,
                                                           int limit, absl::Time deadline) {
  return Page<LetterColumns>(
      pool, "SELECT id FROM letters WHERE id > ? ORDER BY id LIMIT ?",
      "SELECT code, kind, issuer_code, unit_code, issued_on, reply_due, replied_on FROM letters "
      "WHERE id > ? AND id <= ? ORDER BY id",
      after, limit, deadline, [](const sql::Rows& r, size_t i) {
        return LetterColumns{0,           r.Str(i, 0), r.Str(i, 1), r.Str(i, 2),
                             r.Str(i, 3), r.Str(i, 4), r.Str(i, 5), r.Str(i, 6)};
      });
}

absl::StatusOr<ExportPage<ProblemColumns>> ExportProblemRows(sql::Pool& pool, int64_t after,
                                                             int limit, absl::Time deadline) {
  return Page<ProblemColumns>(
      pool,
      "SELECT DISTINCT letter_id FROM letter_problems WHERE letter_id > ? ORDER BY letter_id "
      "LIMIT ?",
      "SELECT l.code, p.seq, p.description, p.state, p.rectified_on, p.verified_on FROM "
      "letter_problems p JOIN letters l ON l.id = p.letter_id WHERE p.letter_id > ? AND "
      "p.letter_id <= ? ORDER BY p.letter_id, p.seq",
      after, limit, deadline, [](const sql::Rows& r, size_t i) {
        return ProblemColumns{0,           r.Str(i, 0), r.Str(i, 1), r.Str(i, 2),
                              r.Str(i, 3), r.Str(i, 4), r.Str(i, 5)};
      });
}

}  // namespace paizhu::clue
