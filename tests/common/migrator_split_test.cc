// Splitting a migration file into statements (the only part of the migrator that needs
// no database).

#include <string>
#include <vector>

#include "common/sql/migrator.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace paizhu::sql {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::Not;
using ::testing::SizeIs;

std::vector<std::string> Split(const std::string& text) { return Migrator::SplitStatements(text); }

TEST(SplitStatementsTest, TwoStatements) {
  EXPECT_THAT(Split("CREATE TABLE a (x INT);\nCREATE TABLE b (y INT);\n"),
              ElementsAre("CREATE TABLE a (x INT)", "CREATE TABLE b (y INT)"));
}

TEST(SplitStatementsTest, SemicolonInSingleQuotedStringStays) {
  EXPECT_THAT(Split("INSERT INTO t VALUES ('a;b');\nSELECT 1;"),
              ElementsAre("INSERT INTO t VALUES ('a;b')", "SELECT 1"));
}

TEST(SplitStatementsTest, SemicolonInDoubleQuotesAndBackticksStays) {
  EXPECT_THAT(Split("INSERT INTO t VALUES (\"x;y\");\nSELECT `odd;name` FROM t;"),
              ElementsAre("INSERT INTO t VALUES (\"x;y\")", "SELECT `odd;name` FROM t"));
}

TEST(SplitStatementsTest, CommentsAreRemoved) {
  std::vector<std::string> statements = Split(
      "-- 0001: the units table; one DDL per file\n"
      "CREATE TABLE units ( -- the organisation tree\n"
      "  code VARCHAR(32) NOT NULL\n"
      "); -- trailing comment; with a semicolon\n");
  ASSERT_THAT(statements, SizeIs(1));
  EXPECT_THAT(statements[0], Not(HasSubstr("--")));
  EXPECT_THAT(statements[0], Not(HasSubstr("organisation tree")));
  EXPECT_THAT(statements[0], Not(HasSubstr("one DDL")));
  EXPECT_THAT(statements[0], HasSubstr("CREATE TABLE units ("));
  EXPECT_THAT(statements[0], HasSubstr("code VARCHAR(32) NOT NULL"));
}

TEST(SplitStatementsTest, CommentOnlyFileHasNoStatements) {
  EXPECT_THAT(Split("-- nothing here;\n-- nor here\n\n"), IsEmpty());
}

TEST(SplitStatementsTest, DashesInsideAStringStay) {
  EXPECT_THAT(Split("INSERT INTO t VALUES ('a--b');"),
              ElementsAre("INSERT INTO t VALUES ('a--b')"));
}

TEST(SplitStatementsTest, TrailingWhitespaceAndNoFinalSemicolon) {
  EXPECT_THAT(Split("  SELECT 1;  \n\n  SELECT 2  \n\t\n"), ElementsAre("SELECT 1", "SELECT 2"));
}

TEST(SplitStatementsTest, EmptyStatementsAreDropped) {
  EXPECT_THAT(Split(";;SELECT 1;;\n;"), ElementsAre("SELECT 1"));
  EXPECT_THAT(Split(""), IsEmpty());
}

TEST(SplitStatementsTest, BackslashEscapedQuoteInsideAString) {
  EXPECT_THAT(Split("INSERT INTO t VALUES ('it\\'s; fine');\nSELECT 2;"),
              ElementsAre("INSERT INTO t VALUES ('it\\'s; fine')", "SELECT 2"));
}

TEST(SplitStatementsTest, DoubledQuoteInsideAString) {
  EXPECT_THAT(Split("INSERT INTO t VALUES ('it''s; fine');SELECT 2;"),
              ElementsAre("INSERT INTO t VALUES ('it''s; fine')", "SELECT 2"));
}

TEST(SplitStatementsTest, EscapedBackslashEndsBeforeTheQuote) {
  // 'a\\' is the string a\ ; the quote after the two backslashes closes it.
  EXPECT_THAT(Split("INSERT INTO t VALUES ('a\\\\');SELECT 2;"),
              ElementsAre("INSERT INTO t VALUES ('a\\\\')", "SELECT 2"));
}

}  // namespace
}  // namespace paizhu::sql
