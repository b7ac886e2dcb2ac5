#pragma once
// An RFC 4180 CSV reader for the ledger files people keep in spreadsheets. Free of gRPC
// and protobuf, so it can be fuzzed on its own.
//   - fields separated by commas, records by CRLF or LF; a field may be quoted with ",
//     a quote inside a quoted field is written "", and a quoted field may span lines;
//   - a UTF-8 byte order mark at the start is dropped; any other byte sequence that is not
//     UTF-8 refuses the whole file (spreadsheets save GBK unless told "CSV UTF-8");
//   - every record keeps the physical line of the file it starts on (line 1 is the
//     header), so a multi-line field does not shift the numbers of the rows after it;
//   - an empty line is skipped, not read as a record of one empty field.

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace paizhu::cli {

// Reasons of a file the reader refuses (INVALID_ARGUMENT on field "file"; ErrorReason).
inline constexpr char kReasonNotUtf8[] = "NOT_UTF8";
inline constexpr char kReasonUnterminatedQuote[] = "UNTERMINATED_QUOTE";
inline constexpr char kReasonStrayQuote[] = "STRAY_QUOTE";
inline constexpr char kReasonEmptyFile[] = "EMPTY_FILE";

struct CsvRecord {
  int line = 0;  // the physical line the record starts on (1-based)
  std::vector<std::string> cells;
};

struct CsvFile {
  CsvRecord header;
  std::vector<CsvRecord> records;
};

// The whole text of a file. A refusal says the line and, for NOT_UTF8, the hint
// "save as CSV UTF-8"; its message starts with "line N: ".
absl::StatusOr<CsvFile> ParseCsv(absl::string_view text);

// The line of the first byte that is not part of valid UTF-8, or 0 when all of it is.
int FirstNonUtf8Line(absl::string_view text);

// One field as RFC 4180 writes it: quoted when it holds a comma, quote, CR or LF, or
// starts or ends with a space.
std::string CsvField(absl::string_view value);
// A record: fields joined by commas, ended by CRLF (RFC 4180).
std::string CsvLine(const std::vector<std::string>& fields);

}  // namespace paizhu::cli
