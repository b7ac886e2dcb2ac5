#include "tools/cli/csv.h"

#include "absl/status/status.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"
#include "common/status/status.h"

namespace paizhu::cli {
namespace {

constexpr absl::string_view kBom = "\xEF\xBB\xBF";

absl::Status Refuse(int line, absl::string_view reason, absl::string_view message) {
  return InvalidArgument("file", reason, absl::StrCat("line ", line, ": ", message));
}

// The length of the valid UTF-8 sequence at text[i], or 0 (overlong forms, surrogates and
// code points above U+10FFFF are invalid too).
size_t Utf8SequenceLength(absl::string_view text, size_t i) {
  unsigned char lead = static_cast<unsigned char>(text[i]);
  if (lead < 0x80) return 1;
  size_t length;
  unsigned char min_second = 0x80, max_second = 0xBF;
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3;
    if (lead == 0xE0) min_second = 0xA0;  // overlong
    if (lead == 0xED) max_second = 0x9F;  // surrogates
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4;
    if (lead == 0xF0) min_second = 0x90;  // overlong
    if (lead == 0xF4) max_second = 0x8F;  // above U+10FFFF
  } else {
    return 0;
  }
  if (i + length > text.size()) return 0;
  unsigned char second = static_cast<unsigned char>(text[i + 1]);
  if (second < min_second || second > max_second) return 0;
  for (size_t k = 2; k < length; ++k) {
    if ((static_cast<unsigned char>(text[i + k]) & 0xC0) != 0x80) return 0;
  }
  return length;
}

}  // namespace

int FirstNonUtf8Line(absl::string_view text) {
  int line = 1;
  size_t i = 0;
  while (i < text.size()) {
    size_t length = Utf8SequenceLength(text, i);
    if (length == 0) return line;
    if (text[i] == '\n') ++line;
    i += length;
  }
  return 0;
}

absl::StatusOr<CsvFile> ParseCsv(absl::string_view text) {
  absl::ConsumePrefix(&text, kBom);
  if (int bad = FirstNonUtf8Line(text); bad != 0) {
    return Refuse(bad, kReasonNotUtf8,
                  "the file is not UTF-8 (a GBK spreadsheet export?): save as CSV UTF-8");
  }
  std::vector<CsvRecord> records;
  int line = 1;
  size_t i = 0;
  const size_t n = text.size();
  while (i < n) {
    // An empty line (LF or CRLF alone) is no record.
    if (text[i] == '\n') {
      ++line;
      ++i;
      continue;
    }
    if (text[i] == '\r' && i + 1 < n && text[i + 1] == '\n') {
      ++line;
      i += 2;
      continue;
    }
    // A CR alone at the very end ends the last line; it starts no record.
    if (text[i] == '\r' && i + 1 == n) break;
    CsvRecord record;
    record.line = line;
    while (true) {  // one field per pass
      std::string field;
      if (i < n && text[i] == '"') {
        int opened_on = line;
        ++i;
        while (true) {
          if (i >= n) {
            return Refuse(opened_on, kReasonUnterminatedQuote,
                          "a quoted field is not closed before the end of the file");
          }
          char c = text[i];
          if (c == '"') {
            if (i + 1 < n && text[i + 1] == '"') {
              field.push_back('"');
              i += 2;
              continue;
            }
            ++i;
            break;
          }
          if (c == '\n') ++line;
          field.push_back(c);
          ++i;
        }
        if (i < n && text[i] != ',' && text[i] != '\n' &&
            !(text[i] == '\r' && i + 1 < n && text[i + 1] == '\n') &&
            !(text[i] == '\r' && i + 1 == n)) {
          return Refuse(line, kReasonStrayQuote,
                        "text after a closing quote (write a quote inside a quoted field as \"\")");
        }
      } else {
        while (i < n && text[i] != ',' && text[i] != '\n') {
          if (text[i] == '\r' && (i + 1 == n || text[i + 1] == '\n')) break;
          if (text[i] == '"') {
            return Refuse(line, kReasonStrayQuote,
                          "a quote inside an unquoted field (quote the whole field and write "
                          "the quote as \"\")");
          }
          field.push_back(text[i++]);
        }
      }
      record.cells.push_back(std::move(field));
      if (i < n && text[i] == ',') {
        ++i;
        continue;
      }
      // End of record: CRLF, LF, a final CR, or the end of the text.
      if (i < n && text[i] == '\r') ++i;
      if (i < n && text[i] == '\n') {
        ++i;
        ++line;
      }
      break;
    }
    records.push_back(std::move(record));
  }
  if (records.empty()) return Refuse(1, kReasonEmptyFile, "the file is empty: no header row");
  CsvFile file;
  file.header = std::move(records.front());
  file.records.assign(std::make_move_iterator(records.begin() + 1),
                      std::make_move_iterator(records.end()));
  return file;
}

std::string CsvField(absl::string_view value) {
  // A field that begins with U+FEFF is quoted: at the start of a file, a reader would
  // take it for the byte order mark and drop it.
  bool quote = value.find_first_of(",\"\r\n") != absl::string_view::npos ||
               (!value.empty() && (value.front() == ' ' || value.back() == ' ')) ||
               absl::StartsWith(value, kBom);
  if (!quote) return std::string(value);
  std::string out = "\"";
  for (char c : value) {
    if (c == '"') out.push_back('"');
    out.push_back(c);
  }
  out.push_back('"');
  return out;
}

std::string CsvLine(const std::vector<std::string>& fields) {
  // One empty field alone would be an empty line, which readers skip: quote it.
  if (fields.size() == 1 && fields[0].empty()) return "\"\"\r\n";
  std::string out;
  for (size_t k = 0; k < fields.size(); ++k) {
    if (k > 0) out.push_back(',');
    out += CsvField(fields[k]);
  }
  out += "\r\n";
  return out;
}

}  // namespace paizhu::cli
