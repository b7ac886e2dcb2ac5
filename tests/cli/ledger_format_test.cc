// The ledger formats of CONTRACTS.md: header checks, each cell syntax, and line numbers.

#include "tools/cli/ledger_format.h"

#include <string>
#include <vector>

#include "common/status/status.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace paizhu::cli {
namespace {

using ::testing::ElementsAre;
using ::testing::Field;
using ::testing::HasSubstr;

const LedgerFormat& Format(const std::string& kind) {
  const LedgerFormat* format = FindLedgerFormat(kind);
  EXPECT_NE(format, nullptr) << kind;
  return *format;
}

// (line, field, reason) of each problem.
std::vector<std::string> Problems(const Ledger& ledger) {
  std::vector<std::string> out;
  for (const auto& e : ledger.errors) {
    out.push_back(std::to_string(e.line) + " " + e.field + " " + e.reason);
  }
  return out;
}

TEST(LedgerFormatTest, EveryKindOfTheContractsInImportOrder) {
  std::vector<std::string> kinds;
  for (const auto& format : LedgerFormats()) kinds.push_back(format.kind);
  EXPECT_THAT(kinds,
              ElementsAre("zones", "units", "supervision", "people", "assignments", "roles",
                          "trainings", "activities", "letters", "problems", "clues", "outcomes"));
  EXPECT_EQ(FindLedgerFormat("groups"), nullptr);
  EXPECT_THAT(Format("people").ColumnNames(),
              ElementsAre("code", "name", "gender", "birth_date", "education", "specialties",
                          "work_start", "unit", "post", "post_since", "vetted_on"));
  EXPECT_EQ(Format("clues").service, "clue");
  EXPECT_EQ(Format("activities").service, "assess");
}

// org's record kinds (README.md, "org record imports"): beside the contracts' list, their
// cells checked like any other.
TEST(LedgerFormatTest, OrgsRecordKindsAreFoundBesideTheContracts) {
  std::vector<std::string> kinds;
  for (const auto& format : RecordFormats()) kinds.push_back(format.kind);
  EXPECT_THAT(kinds, ElementsAre("vettings", "transfer_talks", "mentoring", "accountability",
                                 "integrity_files", "integrity_entries", "liaisons", "attendance"));
  EXPECT_EQ(Format("integrity_files").service, "org");
  EXPECT_EQ(Format("attendance").service, "assess");  // assess's, beside org's
  auto ledger = ReadLedger(Format("integrity_files"),
                           "code,name,unit,key_minority,focus_tags\n"
                           "IF1,王某,U1,top_leader,young_cadre\n"
                           "IF2,李某,U1,boss,young_cadre;hobby\n");
  ASSERT_TRUE(ledger.ok()) << ledger.status();
  EXPECT_THAT(Problems(*ledger),
              ElementsAre("3 key_minority INVALID_VALUE", "3 focus_tags INVALID_VALUE"));
}

TEST(LedgerFormatTest, ColumnsInAnyOrderAndOptionalOnesLeftOut) {
  auto ledger = ReadLedger(Format("trainings"), "date,person,course\n2021-03-01,P01,党纪法规\n");
  ASSERT_TRUE(ledger.ok()) << ledger.status();
  ASSERT_EQ(ledger->rows.size(), 1u);
  // In the format's order: person, course, organizer, date, hours.
  EXPECT_THAT(ledger->rows[0].cells, ElementsAre("P01", "党纪法规", "", "2021-03-01", ""));
  EXPECT_EQ(ledger->rows[0].line, 2);
}

TEST(LedgerFormatTest, UnknownColumnsAreRefusedByName) {
  auto ledger = ReadLedger(Format("zones"), "code,name,office,established_on,备注,colour\n");
  ASSERT_FALSE(ledger.ok());
  EXPECT_EQ(ErrorReason(ledger.status()), kReasonUnknownColumn);
  EXPECT_EQ(ErrorField(ledger.status()), "header");
  EXPECT_THAT(ledger.status().message(), HasSubstr("'备注', 'colour'"));
}

TEST(LedgerFormatTest, MissingRequiredColumnsAreAllNamed) {
  auto ledger = ReadLedger(Format("units"), "code,name\n");
  ASSERT_FALSE(ledger.ok());
  EXPECT_EQ(ErrorReason(ledger.status()), kReasonMissingColumn);
  EXPECT_THAT(ledger.status().message(), HasSubstr("kind, established_on"));
}

TEST(LedgerFormatTest, AColumnTwiceIsRefused) {
  auto ledger = ReadLedger(Format("roles"), "person,role,role\n");
  ASSERT_FALSE(ledger.ok());
  EXPECT_EQ(ErrorReason(ledger.status()), kReasonDuplicateColumn);
}

TEST(LedgerFormatTest, DatesMustBeRealDays) {
  auto ledger = ReadLedger(Format("supervision"),
                           "unit,group,from,to\n"
                           "U01,G01,2021-02-29,\n"  // not a leap year
                           "U02,G01,2021/03/01,\n"
                           "U03,G01,2021-3-1,\n"
                           "U04,G01,2020-02-29,2021-12-31\n");
  ASSERT_TRUE(ledger.ok()) << ledger.status();
  EXPECT_THAT(Problems(*ledger),
              ElementsAre("2 from INVALID_DATE", "3 from INVALID_DATE", "4 from INVALID_DATE"));
  ASSERT_EQ(ledger->rows.size(), 1u);
  EXPECT_EQ(ledger->rows[0].line, 5);
}

TEST(LedgerFormatTest, ValuesComeFromTheContractsLists) {
  auto ledger = ReadLedger(Format("people"),
                           "code,name,gender,education,specialties,post\n"
                           "P1,张三,男,bachelor,law;audit,staff\n"
                           "P2,李四,female,本科,,\n"
                           "P3,王五,female,master,law;law,\n"
                           "P4,赵六,male,college,law;cooking,chief\n");
  ASSERT_TRUE(ledger.ok()) << ledger.status();
  EXPECT_THAT(Problems(*ledger),
              ElementsAre("2 gender INVALID_VALUE", "3 education INVALID_VALUE",
                          "4 specialties DUPLICATE_VALUE", "5 specialties INVALID_VALUE",
                          "5 post INVALID_VALUE"));
  EXPECT_THAT(ledger->errors[0].message, HasSubstr("male, female"));
}

TEST(LedgerFormatTest, RequiredCellsMustBeFilled) {
  auto ledger = ReadLedger(Format("outcomes"),
                           "clue,subject_name,outcome,detail,months,decided_on\n"
                           "XS2019-0001,,party_warning,,,2019-05-01\n");
  ASSERT_TRUE(ledger.ok()) << ledger.status();
  EXPECT_THAT(Problems(*ledger), ElementsAre("2 subject_name REQUIRED"));
  EXPECT_EQ(ledger->rows_read, 1);
  EXPECT_TRUE(ledger->rows.empty());
}

TEST(LedgerFormatTest, NumbersHoursAndPosts) {
  auto activities = ReadLedger(Format("activities"),
                               "group,unit,date,kind,count\n"
                               "G01,U01,2021-01-05,meeting,3\n"
                               "G01,U01,2021-01-05,talk,-1\n"
                               "G01,U01,2021-01-05,talk,1.5\n"
                               "G01,U01,2021-01-05,party,\n");
  ASSERT_TRUE(activities.ok()) << activities.status();
  EXPECT_THAT(Problems(*activities), ElementsAre("3 count INVALID_NUMBER", "4 count INVALID_NUMBER",
                                                 "5 kind INVALID_VALUE"));

  auto trainings = ReadLedger(Format("trainings"),
                              "person,course,date,hours\n"
                              "P1,c,2021-01-05,2.5\n"
                              "P1,c,2021-01-05,2.55\n"
                              "P1,c,2021-01-05,1001\n");
  ASSERT_TRUE(trainings.ok()) << trainings.status();
  EXPECT_THAT(Problems(*trainings),
              ElementsAre("3 hours INVALID_NUMBER", "4 hours INVALID_NUMBER"));

  auto units = ReadLedger(Format("units"),
                          "code,kind,name,established_on,posts\n"
                          "G01,group,一组,2018-03-01,leader=1;deputy=1;staff=1\n"
                          "G02,group,二组,2018-03-01,leader=1;leader=1\n"
                          "G03,group,三组,2018-03-01,boss=1\n"
                          "G04,group,四组,2018-03-01,leader:1\n"
                          "G05,platoon,五组,2018-03-01,\n");
  ASSERT_TRUE(units.ok()) << units.status();
  EXPECT_THAT(Problems(*units), ElementsAre("3 posts INVALID_POSTS", "4 posts INVALID_POSTS",
                                            "5 posts INVALID_POSTS", "6 kind INVALID_VALUE"));
}

TEST(LedgerFormatTest, ARowWithTheWrongNumberOfCellsIsReportedWhole) {
  auto ledger = ReadLedger(Format("roles"), "person,role,unit\nP1,group\nP2,group,G01\n");
  ASSERT_TRUE(ledger.ok()) << ledger.status();
  EXPECT_THAT(ledger->errors, ElementsAre(AllOf(Field(&LedgerError::line, 2),
                                                Field(&LedgerError::reason, kReasonCellCount))));
  ASSERT_EQ(ledger->rows.size(), 1u);
}

TEST(LedgerFormatTest, LineNumbersFollowMultiLineNotes) {
  auto ledger = ReadLedger(Format("activities"),
                           "group,unit,date,kind,note\n"
                           "G01,U01,2021-01-05,meeting,\"党组会\n三重一大\"\n"
                           "G01,U01,2021-13-05,meeting,\n");
  ASSERT_TRUE(ledger.ok()) << ledger.status();
  EXPECT_THAT(Problems(*ledger), ElementsAre("4 date INVALID_DATE"));
}

TEST(LedgerFormatTest, AGbkFileIsRefusedWithTheHint) {
  auto ledger =
      ReadLedger(Format("zones"), "code,name,office,established_on\nZ1,\xB6\xAB,O1,2018-01-01\n");
  ASSERT_FALSE(ledger.ok());
  EXPECT_THAT(ledger.status().message(), HasSubstr("save as CSV UTF-8"));
}

TEST(LedgerFormatTest, WrittenLedgerReadsBack) {
  const LedgerFormat& format = Format("letters");
  std::vector<std::vector<std::string>> rows = {
      {"JY2021-01", "combined", "G01", "U01", "2021-03-01", "2021-04-01", ""},
      {"JY2021-02", "discipline", "G02", "U05", "2021-05-01", "", ""}};
  auto ledger = ReadLedger(format, WriteLedger(format, rows));
  ASSERT_TRUE(ledger.ok()) << ledger.status();
  ASSERT_EQ(ledger->rows.size(), 2u);
  EXPECT_EQ(ledger->rows[0].cells, rows[0]);
  EXPECT_EQ(ledger->rows[1].cells, rows[1]);
}

}  // namespace
}  // namespace paizhu::cli
