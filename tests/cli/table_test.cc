// Display width from the shipped East Asian Wide table, and tables that stay aligned.

#include "tools/cli/table.h"

#include <sstream>
#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace paizhu::cli {
namespace {

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

// The display column where `needle` starts in `line`.
int ColumnOf(const std::string& line, const std::string& needle) {
  size_t at = line.find(needle);
  EXPECT_NE(at, std::string::npos) << needle << " in " << line;
  return DisplayWidth(line.substr(0, at));
}

TEST(DisplayWidthTest, ChineseCountsTwoAsciiOne) {
  EXPECT_EQ(DisplayWidth(""), 0);
  EXPECT_EQ(DisplayWidth("G01"), 3);
  EXPECT_EQ(DisplayWidth("驻市教育局纪检监察组"), 20);
  EXPECT_EQ(DisplayWidth("单位 G01"), 8);
  EXPECT_EQ(DisplayWidth("（全角）"), 8);          // fullwidth parentheses
  EXPECT_EQ(DisplayWidth("，"), 2);                // U+FF0C
  EXPECT_EQ(DisplayWidth("é"), 1);                 // U+00E9, two bytes, narrow
  EXPECT_EQ(DisplayWidth("한국"), 4);              // Hangul syllables
  EXPECT_EQ(DisplayWidth("\xF0\xA0\x80\x80"), 2);  // U+20000, CJK extension B
}

TEST(DisplayWidthTest, RangeEdges) {
  EXPECT_EQ(CodePointWidth(0x10FF), 1);
  EXPECT_EQ(CodePointWidth(0x1100), 2);
  EXPECT_EQ(CodePointWidth(0x115F), 2);
  EXPECT_EQ(CodePointWidth(0x1160), 1);
  EXPECT_EQ(CodePointWidth(0x303F), 1);
  EXPECT_EQ(CodePointWidth(0x4E00), 2);
  EXPECT_EQ(CodePointWidth(0x9FFF), 2);
  EXPECT_EQ(CodePointWidth(0xFF61), 1);  // halfwidth katakana
  EXPECT_EQ(CodePointWidth(0xFFE6), 2);
  EXPECT_EQ(CodePointWidth(0x3FFFD), 2);
  EXPECT_EQ(CodePointWidth(0x3FFFE), 1);
}

TEST(DisplayWidthTest, InvalidUtf8CountsOnePerByte) {
  EXPECT_EQ(DisplayWidth("\xFF\xFE"), 2);
  EXPECT_EQ(DisplayWidth("\xE4\xB8"), 2);  // a truncated 中
}

TEST(TableTest, MixedChineseAndAsciiColumnsAlign) {
  Table table({"CODE", "NAME", "KIND"});
  table.AddRow({"G01", "驻市教育局纪检监察组", "group"});
  table.AddRow({"U0001", "市教育局", "supervised_unit"});
  table.AddRow({"C", "Commission 市纪委", "commission"});
  table.AddRow({"X", "", "township"});
  std::vector<std::string> lines = Lines(table.Render());
  ASSERT_EQ(lines.size(), 5u);
  EXPECT_EQ(lines[0], "CODE   NAME                  KIND");
  EXPECT_EQ(lines[1], "G01    驻市教育局纪检监察组  group");
  // Every KIND cell starts at the same display column, whatever the widths before it.
  int kind_column = ColumnOf(lines[0], "KIND");
  EXPECT_EQ(ColumnOf(lines[1], "group"), kind_column);
  EXPECT_EQ(ColumnOf(lines[2], "supervised_unit"), kind_column);
  EXPECT_EQ(ColumnOf(lines[3], "commission"), kind_column);
  EXPECT_EQ(ColumnOf(lines[4], "township"), kind_column);
  int name_column = ColumnOf(lines[0], "NAME");
  EXPECT_EQ(ColumnOf(lines[2], "市教育局"), name_column);
}

TEST(TableTest, NoTrailingSpacesAndShortRowsArePadded) {
  Table table({"FIGURE", "VALUE"});
  table.AddRow({"groups", "10"});
  table.AddRow({"staff"});
  std::string text = table.Render();
  EXPECT_EQ(text, "FIGURE  VALUE\ngroups  10\nstaff\n");
}

}  // namespace
}  // namespace paizhu::cli
