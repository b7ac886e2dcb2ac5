#include "tools/cli/xlsx_sheet.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "common/status/status.h"
#include "tools/cli/table.h"
#include "xlsxwriter.h"

namespace paizhu::cli {
namespace {

absl::Status NotWritten(const std::string& path, lxw_error error) {
  return FailedPrecondition("FILE_NOT_WRITTEN",
                            absl::StrCat("cannot write ", path, ": ", lxw_strerror(error)));
}

}  // namespace

absl::Status WriteXlsxSheet(const std::string& path, const std::string& sheet,
                            const std::vector<std::string>& header,
                            const std::vector<std::vector<std::string>>& rows) {
  lxw_workbook* book = workbook_new(path.c_str());
  if (book == nullptr) return NotWritten(path, LXW_ERROR_CREATING_XLSX_FILE);
  lxw_format* bold = workbook_add_format(book);
  format_set_bold(bold);
  lxw_worksheet* page = workbook_add_worksheet(book, sheet.substr(0, 31).c_str());
  // Each column as wide as its widest cell (East Asian characters count two), within reason.
  std::vector<int> widths(header.size(), 0);
  auto write = [&](lxw_row_t row, const std::vector<std::string>& cells, lxw_format* format) {
    for (size_t col = 0; col < cells.size(); ++col) {
      worksheet_write_string(page, row, static_cast<lxw_col_t>(col), cells[col].c_str(), format);
      if (col < widths.size()) widths[col] = std::max(widths[col], DisplayWidth(cells[col]));
    }
  };
  write(0, header, bold);
  for (size_t r = 0; r < rows.size(); ++r) write(static_cast<lxw_row_t>(r + 1), rows[r], nullptr);
  for (size_t col = 0; col < widths.size(); ++col) {
    auto c = static_cast<lxw_col_t>(col);
    worksheet_set_column(page, c, c, std::min(60, widths[col] + 2), nullptr);
  }
  worksheet_freeze_panes(page, 1, 0);  // the header stays in view
  lxw_error closed = workbook_close(book);
  if (closed != LXW_NO_ERROR) return NotWritten(path, closed);
  return absl::OkStatus();
}

}  // namespace paizhu::cli
