#include "tools/cli/table.h"

#include <algorithm>
#include <iterator>

namespace paizhu::cli {
namespace {

// East Asian Wide (W) and Fullwidth (F) ranges, inclusive.
constexpr char32_t kWide[][2] = {
    {0x1100, 0x115F}, {0x2E80, 0x303E},   {0x3041, 0x33FF},   {0x3400, 0x4DBF}, {0x4E00, 0x9FFF},
    {0xA000, 0xA4CF}, {0xAC00, 0xD7A3},   {0xF900, 0xFAFF},   {0xFE30, 0xFE4F}, {0xFF00, 0xFF60},
    {0xFFE0, 0xFFE6}, {0x20000, 0x2FFFD}, {0x30000, 0x3FFFD},
};

// Decodes one UTF-8 sequence at `text[*i]`, advancing *i; invalid bytes decode as themselves.
char32_t Decode(absl::string_view text, size_t* i) {
  unsigned char lead = static_cast<unsigned char>(text[*i]);
  int length = lead < 0x80           ? 1
               : (lead >> 5) == 0x6  ? 2
               : (lead >> 4) == 0xE  ? 3
               : (lead >> 3) == 0x1E ? 4
                                     : 0;
  if (length <= 1 || *i + length > text.size()) {
    ++*i;
    return lead;
  }
  char32_t code_point = lead & (0x7F >> length);
  for (int k = 1; k < length; ++k) {
    unsigned char next = static_cast<unsigned char>(text[*i + k]);
    if ((next & 0xC0) != 0x80) {
      ++*i;
      return lead;
    }
    code_point = (code_point << 6) | (next & 0x3F);
  }
  *i += length;
  return code_point;
}

}  // namespace

int CodePointWidth(char32_t code_point) {
  for (const auto& range : kWide) {
    if (code_point >= range[0] && code_point <= range[1]) return 2;
  }
  return 1;
}

int DisplayWidth(absl::string_view utf8) {
  int width = 0;
  size_t i = 0;
  while (i < utf8.size()) width += CodePointWidth(Decode(utf8, &i));
  return width;
}

void Table::AddRow(std::vector<std::string> row) {
  row.resize(header_.size());
  rows_.push_back(std::move(row));
}

std::string Table::Render() const {
  std::vector<int> widths(header_.size(), 0);
  auto measure = [&](const std::vector<std::string>& row) {
    for (size_t c = 0; c < row.size(); ++c) widths[c] = std::max(widths[c], DisplayWidth(row[c]));
  };
  measure(header_);
  for (const auto& row : rows_) measure(row);

  std::string out;
  auto render = [&](const std::vector<std::string>& row) {
    std::string line;
    for (size_t c = 0; c < row.size(); ++c) {
      if (c > 0) line += "  ";
      line += row[c];
      if (c + 1 < row.size()) line.append(widths[c] - DisplayWidth(row[c]), ' ');
    }
    while (!line.empty() && line.back() == ' ') line.pop_back();
    out += line;
    out += '\n';
  };
  render(header_);
  for (const auto& row : rows_) render(row);
  return out;
}

}  // namespace paizhu::cli
