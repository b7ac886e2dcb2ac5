#pragma once
// The ledger rows back out, in CONTRACTS.md's columns, for `paizhu export`: pages in key
// order (the internal id), so an export re-imports into an empty suite.

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "common/sql/pool.h"
#include "services/clue/domain/import_rows.h"

namespace paizhu::clue {

// One page of rows of one kind with the key of its last entry ("" when it was the last).
template <typename Columns>
struct ExportPage {
  std::vector<Columns> rows;
  int64_t last_key = 0;
  bool more = false;
};

// Clues with a disposal (an undisposed live clue has no ledger row yet), one row per
// person reported; `limit` counts clues.
absl::StatusOr<ExportPage<ClueColumns>> ExportClueRows(sql::Pool& pool, int64_t after, int limit,
                                                       absl::Time deadline);
absl::StatusOr<ExportPage<OutcomeColumns>> ExportOutcomeRows(sql::Pool& pool, int64_t after,
                                                             int limit, absl::Time deadline);
absl::StatusOr<ExportPage<LetterColumns>> ExportLetterRows(sql::Pool& pool, int64_t after,
                                                           int limit, absl::Time deadline);
// Problems page by letter: `limit` counts letters.
absl::StatusOr<ExportPage<ProblemColumns>> ExportProblemRows(sql::Pool& pool, int64_t after,
                                                             int limit, absl::Time deadline);

}  // namespace paizhu::clue
