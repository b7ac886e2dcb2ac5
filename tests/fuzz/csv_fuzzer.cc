// Fuzzes the CLI's CSV reader and ledger formats (tools/cli/csv.cc, ledger_format.cc).
// The first byte picks a ledger kind, the rest is the file. Any file: no crash, no
// undefined behaviour. A file the reader accepts reads back the same after the CLI's
// own writer wrote it out again, and so do the good rows of a ledger (an export
// re-imports).

#include <cstdint>
#include <cstdlib>
#include <string>
#include <vector>

#include "tools/cli/csv.h"
#include "tools/cli/ledger_format.h"

namespace {

using paizhu::cli::CsvFile;
using paizhu::cli::CsvLine;
using paizhu::cli::CsvRecord;
using paizhu::cli::LedgerFormat;
using paizhu::cli::LedgerFormats;
using paizhu::cli::LedgerRow;
using paizhu::cli::ParseCsv;
using paizhu::cli::ReadLedger;
using paizhu::cli::WriteLedger;

std::vector<std::vector<std::string>> Cells(const CsvFile& file) {
  std::vector<std::vector<std::string>> out = {file.header.cells};
  for (const CsvRecord& r : file.records) out.push_back(r.cells);
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const LedgerFormat& format = LedgerFormats()[data[0] % LedgerFormats().size()];
  std::string text(reinterpret_cast<const char*>(data) + 1, size - 1);

  if (auto file = ParseCsv(text); file.ok()) {
    std::string written;
    for (const auto& record : Cells(*file)) written += CsvLine(record);
    auto again = ParseCsv(written);
    if (!again.ok() || Cells(*again) != Cells(*file)) std::abort();
  }

  if (auto ledger = ReadLedger(format, text); ledger.ok()) {
    if (ledger->rows.size() > static_cast<size_t>(ledger->rows_read)) std::abort();
    std::vector<std::vector<std::string>> rows;
    for (const LedgerRow& row : ledger->rows) {
      if (row.cells.size() != format.columns.size()) std::abort();
      rows.push_back(row.cells);
    }
    if (!rows.empty()) {
      auto again = ReadLedger(format, WriteLedger(format, rows));
      if (!again.ok() || !again->errors.empty() || again->rows.size() != rows.size()) std::abort();
      for (size_t i = 0; i < rows.size(); ++i) {
        if (again->rows[i].cells != rows[i]) std::abort();
      }
    }
  }
  return 0;
}
