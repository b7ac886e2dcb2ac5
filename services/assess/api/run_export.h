#pragma once
// A run's sheets as files people open: an .xlsx workbook (a ranking sheet, then one sheet
// per target with every task's value, points, working and evidence) and a CSV of every
// target's lines, both with Chinese headers. Plain domain types in, bytes out.

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "services/assess/domain/run.h"
#include "services/assess/domain/scheme.h"
#include "services/assess/domain/sheet.h"

namespace paizhu::assess {

struct RunExport {
  const Run* run;
  const Scheme* scheme;
  std::vector<Sheet> sheets;    // in the run's target order
  std::vector<Ranked> ranking;  // highest first
};

// The workbook's bytes (written through a temporary file: libxlsxwriter 1.1.4 writes
// files only).
absl::StatusOr<std::string> ExportXlsx(const RunExport& data);
// UTF-8 with a byte-order mark (so spreadsheet programs read the Chinese), RFC 4180.
std::string ExportCsv(const RunExport& data);

}  // namespace paizhu::assess
