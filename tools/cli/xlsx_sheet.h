#pragma once
// A ledger as a one-sheet .xlsx workbook, for people who keep their ledgers in a
// spreadsheet: the header row in bold, then every row as text (codes such as 0012 and
// dates keep their exact spelling), written with Debian's libxlsxwriter.

#include <string>
#include <vector>

#include "absl/status/status.h"

namespace paizhu::cli {

// Writes `header` and `rows` to a new workbook at `path` (replaced if it exists), on a
// sheet named `sheet` (at most 31 characters are kept).
absl::Status WriteXlsxSheet(const std::string& path, const std::string& sheet,
                            const std::vector<std::string>& header,
                            const std::vector<std::vector<std::string>>& rows);

}  // namespace paizhu::cli
