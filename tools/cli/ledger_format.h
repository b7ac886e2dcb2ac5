#pragma once
// The ledger files of CONTRACTS.md ("CSV import formats"): each kind's columns, which are
// required and what syntax their cells have; a file's text read into checked rows. The
// owning service checks codes, duplicates and rules; this checks what a file alone can
// show, so a person sees every such mistake with its line before anything is sent.
// Free of gRPC and protobuf, like csv.h.

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace paizhu::cli {

// CONTRACTS.md: at most 20,000 rows per import call; the CLI refuses larger files.
inline constexpr int kMaxImportRows = 20000;

// Row reasons (besides the file's own, csv.h): a column's cell is empty but required;
// not a YYYY-MM-DD calendar day; not one of the column's values; a list value twice;
// not a whole number (or decimal for hours) in range; `posts` not like leader=1;staff=1;
// a row with more or fewer cells than the header.
inline constexpr char kReasonRequired[] = "REQUIRED";
inline constexpr char kReasonInvalidDate[] = "INVALID_DATE";
inline constexpr char kReasonInvalidValue[] = "INVALID_VALUE";
inline constexpr char kReasonDuplicateValue[] = "DUPLICATE_VALUE";
inline constexpr char kReasonInvalidNumber[] = "INVALID_NUMBER";
inline constexpr char kReasonInvalidPosts[] = "INVALID_POSTS";
inline constexpr char kReasonCellCount[] = "CELL_COUNT";
// Header reasons (the file is refused, INVALID_ARGUMENT on field "header").
inline constexpr char kReasonUnknownColumn[] = "UNKNOWN_COLUMN";
inline constexpr char kReasonMissingColumn[] = "MISSING_COLUMN";
inline constexpr char kReasonDuplicateColumn[] = "DUPLICATE_COLUMN";
inline constexpr char kReasonUnknownKind[] = "UNKNOWN_KIND";

enum class CellSyntax {
  kText,        // anything
  kDate,        // YYYY-MM-DD, a real day
  kChoice,      // one of `choices`
  kChoiceList,  // ;-separated, each one of `choices`, none twice
  kCount,       // a whole number 0..1000000
  kHours,       // a decimal 0..1000 with at most one decimal place
  kPosts,       // leader=1;deputy=1;staff=1 (posts from `choices`)
};

struct LedgerColumn {
  std::string name;
  // The header must name it and every row must fill it; other columns may be left out of
  // the file (read as empty).
  bool required = false;
  CellSyntax syntax = CellSyntax::kText;
  std::vector<std::string> choices;
};

struct LedgerFormat {
  std::string kind;     // zones, units, ..., outcomes
  std::string service;  // the owner: org, clue or assess
  std::vector<LedgerColumn> columns;

  std::vector<std::string> ColumnNames() const;
};

// Every kind, in the order CONTRACTS.md imports them.
const std::vector<LedgerFormat>& LedgerFormats();
// org's record kinds without a CONTRACTS.md format (README.md, "org record imports"):
// vettings, transfer_talks, mentoring, accountability, integrity_files, integrity_entries.
// Import only. Then assess's `attendance` (README.md, "Attendance rows"), which exports too.
const std::vector<LedgerFormat>& RecordFormats();
// A kind of either list; nullptr for any other.
const LedgerFormat* FindLedgerFormat(absl::string_view kind);

struct LedgerError {
  int line = 0;
  std::string field;  // the column, or empty for the row as a whole
  std::string reason;
  std::string message;
  bool operator==(const LedgerError&) const = default;
};

struct LedgerRow {
  int line = 0;                    // the physical line of the file the row starts on
  std::vector<std::string> cells;  // in the format's column order, trimmed; "" when absent
};

struct Ledger {
  int rows_read = 0;                // data rows in the file
  std::vector<LedgerRow> rows;      // the rows without any problem, in file order
  std::vector<LedgerError> errors;  // every problem of the others, in file order
};

// Reads a ledger file: refuses (INVALID_ARGUMENT with a reason) a file that is not UTF-8 or
// not CSV, and a header with unknown, repeated or missing required columns, naming them
// all; then checks each row's cells.
absl::StatusOr<Ledger> ReadLedger(const LedgerFormat& format, absl::string_view text);

// A row's problems (appended to `errors`); true when it has none.
bool CheckRow(const LedgerFormat& format, const LedgerRow& row, std::vector<LedgerError>& errors);

// The file for `rows` (cells in the format's column order): header, then one line each.
std::string WriteLedger(const LedgerFormat& format,
                        const std::vector<std::vector<std::string>>& rows);

}  // namespace paizhu::cli
