#pragma once
// Aligned text tables whose columns stay aligned with Chinese text: each cell is padded by
// its East Asian display width (from a table of Wide/Fullwidth ranges in the code, not the
// locale).

#include <string>
#include <vector>

#include "absl/strings/string_view.h"

namespace paizhu::cli {

// Columns a code point takes on a terminal: 2 for East Asian Wide/Fullwidth, else 1.
int CodePointWidth(char32_t code_point);
// The display width of UTF-8 text; a byte that is not valid UTF-8 counts 1.
int DisplayWidth(absl::string_view utf8);

class Table {
 public:
  explicit Table(std::vector<std::string> header) : header_(std::move(header)) {}
  // Missing cells are empty; extra cells are dropped.
  void AddRow(std::vector<std::string> row);
  // Header and rows, columns two spaces apart, padded to the widest cell; no trailing spaces.
  std::string Render() const;

 private:
  std::vector<std::string> header_;
  std::vector<std::vector<std::string>> rows_;
};

}  // namespace paizhu::cli
