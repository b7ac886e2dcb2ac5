// The RFC 4180 reader: quoting, line endings, multi-line fields and their line numbers,
// the byte order mark, and files that are not UTF-8.

#include "tools/cli/csv.h"

#include <string>
#include <vector>

#include "common/status/status.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace paizhu::cli {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

std::vector<std::vector<std::string>> Cells(const CsvFile& file) {
  std::vector<std::vector<std::string>> cells;
  for (const auto& record : file.records) cells.push_back(record.cells);
  return cells;
}

std::vector<int> Lines(const CsvFile& file) {
  std::vector<int> lines;
  for (const auto& record : file.records) lines.push_back(record.line);
  return lines;
}

TEST(CsvTest, ReadsHeaderAndRows) {
  auto file = ParseCsv("code,name\nG01,驻市教育局纪检监察组\nG02,驻市财政局纪检监察组\n");
  ASSERT_TRUE(file.ok()) << file.status();
  EXPECT_THAT(file->header.cells, ElementsAre("code", "name"));
  EXPECT_EQ(file->header.line, 1);
  EXPECT_THAT(Cells(*file), ElementsAre(ElementsAre("G01", "驻市教育局纪检监察组"),
                                        ElementsAre("G02", "驻市财政局纪检监察组")));
  EXPECT_THAT(Lines(*file), ElementsAre(2, 3));
}

TEST(CsvTest, CrLfAndNoFinalNewline) {
  auto file = ParseCsv("a,b\r\n1,2\r\n3,4");
  ASSERT_TRUE(file.ok()) << file.status();
  EXPECT_THAT(Cells(*file), ElementsAre(ElementsAre("1", "2"), ElementsAre("3", "4")));
}

TEST(CsvTest, QuotedFieldsHoldCommasQuotesAndEmptyCells) {
  auto file = ParseCsv("a,b,c\n\"x, y\",\"say \"\"hi\"\"\",\n\"\",,\"\"\n");
  ASSERT_TRUE(file.ok()) << file.status();
  EXPECT_THAT(Cells(*file),
              ElementsAre(ElementsAre("x, y", "say \"hi\"", ""), ElementsAre("", "", "")));
}

TEST(CsvTest, AMultiLineFieldKeepsThePhysicalLinesOfLaterRows) {
  auto file = ParseCsv("a,b\n1,\"first\nsecond\r\nthird\"\n2,x\n");
  ASSERT_TRUE(file.ok()) << file.status();
  EXPECT_THAT(Cells(*file),
              ElementsAre(ElementsAre("1", "first\nsecond\r\nthird"), ElementsAre("2", "x")));
  // The row after the three-line field starts on line 5 of the file.
  EXPECT_THAT(Lines(*file), ElementsAre(2, 5));
}

TEST(CsvTest, EmptyLinesAreSkippedButCounted) {
  auto file = ParseCsv("a\n\n1\r\n\r\n2\n");
  ASSERT_TRUE(file.ok()) << file.status();
  EXPECT_THAT(Lines(*file), ElementsAre(3, 5));
}

TEST(CsvTest, ByteOrderMarkIsStripped) {
  auto file = ParseCsv(
      "\xEF\xBB\xBF"
      "code,name\nZ1,东区\n");
  ASSERT_TRUE(file.ok()) << file.status();
  EXPECT_THAT(file->header.cells, ElementsAre("code", "name"));
}

TEST(CsvTest, GbkIsRefusedWithTheHintAndLine) {
  // "东区" in GBK: B6 AB C7 F8.
  auto file = ParseCsv("code,name\nZ1,ok\nZ2,\xB6\xAB\xC7\xF8\n");
  ASSERT_FALSE(file.ok());
  EXPECT_EQ(ErrorReason(file.status()), kReasonNotUtf8);
  EXPECT_THAT(file.status().message(), HasSubstr("line 3"));
  EXPECT_THAT(file.status().message(), HasSubstr("save as CSV UTF-8"));
}

TEST(CsvTest, OverlongAndSurrogateSequencesAreNotUtf8) {
  EXPECT_EQ(FirstNonUtf8Line("ok\n\xC0\xAF"), 2);      // overlong '/'
  EXPECT_EQ(FirstNonUtf8Line("\xED\xA0\x80"), 1);      // a surrogate
  EXPECT_EQ(FirstNonUtf8Line("\xF4\x90\x80\x80"), 1);  // above U+10FFFF
  EXPECT_EQ(FirstNonUtf8Line("\xE4\xB8"), 1);          // cut short
  EXPECT_EQ(FirstNonUtf8Line("中文\n😀"), 0);
}

TEST(CsvTest, AnUnclosedQuoteIsRefusedAtTheLineItOpens) {
  auto file = ParseCsv("a,b\n1,2\n3,\"open\n4,5\n");
  ASSERT_FALSE(file.ok());
  EXPECT_EQ(ErrorReason(file.status()), kReasonUnterminatedQuote);
  EXPECT_THAT(file.status().message(), HasSubstr("line 3"));
}

TEST(CsvTest, StrayQuotesAreRefused) {
  auto inside = ParseCsv("a\nab\"c\n");
  ASSERT_FALSE(inside.ok());
  EXPECT_EQ(ErrorReason(inside.status()), kReasonStrayQuote);
  EXPECT_THAT(inside.status().message(), HasSubstr("line 2"));
  auto after = ParseCsv("a,b\n\"x\"y,1\n");
  ASSERT_FALSE(after.ok());
  EXPECT_EQ(ErrorReason(after.status()), kReasonStrayQuote);
}

TEST(CsvTest, AnEmptyFileHasNoHeader) {
  auto file = ParseCsv("\xEF\xBB\xBF");
  ASSERT_FALSE(file.ok());
  EXPECT_EQ(ErrorReason(file.status()), kReasonEmptyFile);
}

TEST(CsvTest, WrittenFieldsReadBackUnchanged) {
  std::vector<std::string> fields = {"plain", "a,b", "say \"hi\"", "two\nlines",
                                     " pad ", "",    "中文"};
  auto file = ParseCsv(CsvLine({"1", "2", "3", "4", "5", "6", "7"}) + CsvLine(fields));
  ASSERT_TRUE(file.ok()) << file.status();
  ASSERT_EQ(file->records.size(), 1u);
  EXPECT_EQ(file->records[0].cells, fields);
  EXPECT_EQ(CsvField("plain"), "plain");
  EXPECT_EQ(CsvField("a,b"), "\"a,b\"");
}

}  // namespace
}  // namespace paizhu::cli
