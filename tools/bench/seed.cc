#include "tools/bench/seed.h"

#include <algorithm>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "common/status/macros.h"
#include "services/clue/storage/clue_rows.h"

namespace paizhu::bench {

absl::Status SeedClues(const BenchEnv& env, int64_t model_id, const std::string& prefix,
                       int64_t rows, const std::map<std::string, std::string>& overrides) {
  std::vector<std::string> columns, values;
  for (absl::string_view column : absl::StrSplit(clue::rows::kClueColumns, ", ")) {
    if (column == "id" || column == "number") continue;
    columns.emplace_back(column);
    auto it = overrides.find(std::string(column));
    values.push_back(it == overrides.end() ? absl::StrCat("c.", column) : it->second);
  }
  ASSIGN_OR_RETURN(auto db, sql::Connection::Open(env.Database(env.clue_schema())));
  // Chunks keep each transaction's undo small; MariaDB's SEQUENCE engine makes the rows.
  constexpr int64_t kChunk = 100000;
  for (int64_t done = 0; done < rows; done += kChunk) {
    int64_t n = std::min(kChunk, rows - done);
    RETURN_IF_ERROR(db->ExecText(absl::StrCat(
        "INSERT INTO clues (number, ", absl::StrJoin(columns, ", "), ") SELECT CONCAT('", prefix,
        "-', s.seq), ", absl::StrJoin(values, ", "), " FROM seq_", done + 1, "_to_", done + n,
        " s JOIN clues c ON c.id = ", model_id)));
  }
  return db->ExecText("ANALYZE TABLE clues");
}

}  // namespace paizhu::bench
