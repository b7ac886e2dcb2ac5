// Ledger files through the paizhu binary against the whole suite: scripts/load-demo imports
// the demo city; the work report shows the seed report's figures; bad files name their
// lines and change nothing; an export re-imports into an empty suite with identical
// listings; tables stay aligned with Chinese names.

#include <algorithm>
#include <filesystem>
#include <map>
#include <sstream>
#include <string>
#include <tuple>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_replace.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "nlohmann/json.hpp"
#include "tests/cli/ledger_city.h"
#include "tests/cli/ledger_suite.h"
#include "tests/support/process.h"
#include "tests/support/stack.h"
#include "tests/support/unzip.h"
#include "tools/cli/ledger_format.h"
#include "tools/cli/table.h"

namespace paizhu {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

TEST_F(LedgerTest, LoadDemoImportsTheCityOnceAndResumes) {
  ASSERT_EQ(load_->exit_code, 0) << load_->output;
  for (const auto& kind : kOrgKinds) {
    EXPECT_TRUE(std::filesystem::exists(demo_->state + "/demo/" + kind + ".done")) << kind;
  }
  // A second run finds every kind that imported and imports nothing again.
  Result again = Run({}, *demo_, true);
  ASSERT_EQ(again.exit_code, 0) << again.output;
  EXPECT_THAT(again.output, HasSubstr("demo units: imported earlier"));
  EXPECT_THAT(again.output, Not(HasSubstr("rows imported")));
}

TEST_F(LedgerTest, TheWorkReportShowsTheSeedReportsFigures) {
  ASSERT_EQ(load_->exit_code, 0) << load_->output;
  if (absl::StrContains(load_->output, "does not import yet")) {
    GTEST_SKIP() << "a service does not import its kinds yet (UNIMPLEMENTED):\n" << load_->output;
  }
  ASSERT_EQ(Paizhu({"login", "--dev", "--as", "L001"}).exit_code, 0);  // the commission leader
  Result report = Paizhu({"report", "work", "--from", "2018-01-01", "--to", "2022-05-31", "--as-of",
                          "2022-05-31", "--json"});
  ASSERT_EQ(report.exit_code, 0) << report.output;
  nlohmann::json json = nlohmann::json::parse(report.output, nullptr, false);
  ASSERT_FALSE(json.is_discarded()) << report.output;
  // Exactly CONTRACTS.md's keys, with the seed report's figures.
  std::map<std::string, int> figures = {{"groups", 10},
                                        {"authorized_posts", 30},
                                        {"staff", 23},
                                        {"units_supervised", 52},
                                        {"units_uncovered", 0},
                                        {"age_under_30", 0},
                                        {"age_30_39", 3},
                                        {"age_40_49", 14},
                                        {"age_50_plus", 6},
                                        {"bachelor_or_above", 6},
                                        {"experience_under_3", 9},
                                        {"experience_3_to_5", 6},
                                        {"experience_5_plus", 8},
                                        {"meetings_attended", 235},
                                        {"talks_person_times", 246},
                                        {"letters_issued", 13},
                                        {"problems_tracked", 53},
                                        {"clues_disposed", 294},
                                        {"people_sanctioned", 71},
                                        {"people_criticised", 63},
                                        {"training_person_times", 173}};
  EXPECT_EQ(json.size(), figures.size() + 3) << report.output;
  EXPECT_EQ(json.value("from", ""), "2018-01-01");
  EXPECT_EQ(json.value("to", ""), "2022-05-31");
  EXPECT_EQ(json.value("as_of", ""), "2022-05-31");
  for (const auto& [key, value] : figures) {
    ASSERT_TRUE(json.contains(key)) << key;
    EXPECT_TRUE(json[key].is_number_integer()) << key;
    EXPECT_EQ(json[key], value) << key;
  }

  Result prose = Paizhu(
      {"report", "work", "--from", "2018-01-01", "--to", "2022-05-31", "--as-of", "2022-05-31"});
  ASSERT_EQ(prose.exit_code, 0) << prose.output;
  EXPECT_THAT(prose.output, HasSubstr("共设置纪检监察组10个"));
  EXPECT_THAT(prose.output, HasSubstr("50岁以上6人，40岁以上14人，30岁以上3人"));
  EXPECT_THAT(prose.output,
              HasSubstr("共处置问题线索294件，给予党纪政务处分71人，批评教育帮助63人"));
}

// The organisation's part of the report, from org alone: the demo city's staffing,
// coverage and training figures as of the report's date.
TEST_F(LedgerTest, TheOrganisationFiguresOfTheDemoCity) {
  ASSERT_EQ(load_->exit_code, 0) << load_->output;
  ASSERT_EQ(Paizhu({"login", "--dev", "--as", "L001"}).exit_code, 0);
  Result stats = Paizhu(
      {"stats", "--as-of", "2022-05-31", "--from", "2018-01-01", "--to", "2022-05-31", "--json"});
  ASSERT_EQ(stats.exit_code, 0) << stats.output;
  nlohmann::json json = nlohmann::json::parse(stats.output, nullptr, false);
  ASSERT_FALSE(json.is_discarded()) << stats.output;
  std::map<std::string, int> figures = {{"groups", 10},
                                        {"authorized_posts", 30},
                                        {"staff", 23},
                                        {"units_supervised", 52},
                                        {"units_uncovered", 0},
                                        {"age_under_30", 0},
                                        {"age_30_39", 3},
                                        {"age_40_49", 14},
                                        {"age_50_plus", 6},
                                        {"bachelor_or_above", 6},
                                        {"experience_under_3", 9},
                                        {"experience_3_to_5", 6},
                                        {"experience_5_plus", 8},
                                        {"training_person_times", 173}};
  for (const auto& [key, value] : figures) EXPECT_EQ(json[key], value) << key;
  EXPECT_EQ(json["vacancies"].size(), 7u) << stats.output;
}

// One bad file: its kind, text, and what the output must say: "line field REASON" of each
// bad row (as --json lists them; an empty reason: any), or for a refused file, substrings.
struct BadFile {
  std::string kind;
  std::string what;
  std::string text;
  std::vector<std::string> expected;
};

// A --json answer's problems as "line field REASON"; for any other output, the output.
std::string Problems(const std::string& output) {
  nlohmann::json json = nlohmann::json::parse(output, nullptr, false);
  if (json.is_discarded() || !json.contains("errors")) return output;
  std::string out;
  for (const auto& e : json["errors"]) {
    absl::StrAppend(&out, e["line"].get<int>(), " ", e["field"].get<std::string>(), " ",
                    e["reason"].get<std::string>(), "\n");
  }
  EXPECT_EQ(json["imported"], 0) << output;
  return out;
}

std::vector<BadFile> BadFiles() {
  const std::string gbk_name = "\xB6\xAB\xC7\xF8";  // 东区 in GBK
  std::vector<BadFile> files = {
      {"zones",
       "missing column",
       "code,name,office\nZ9,九区,O01\n",
       {"MISSING_COLUMN", "established_on"}},
      {"zones",
       "bad date",
       "code,name,office,established_on\nZ9,九区,O01,2021-02-30\n",
       {"2 established_on INVALID_DATE"}},
      {"zones",
       "duplicate",
       "code,name,office,established_on\nZ9,九区,O01,2021-01-01\nZ9,九区,O02,2021-01-01\nZ1,一区,"
       "O01,2021-01-01\n",
       {"3 code ", "DUPLICATE_IN_FILE", "4 code ", "ZONE_EXISTS"}},
      {"zones",
       "GBK",
       "code,name,office,established_on\nZ9," + gbk_name + ",O01,2021-01-01\n",
       {"NOT_UTF8", "line 2", "save as CSV UTF-8"}},
      {"units",
       "missing column",
       "code,name,established_on\nU90,某局,2020-01-01\n",
       {"MISSING_COLUMN", "kind"}},
      {"units",
       "bad date",
       "code,kind,name,established_on\nU90,supervised_unit,某局,2020/01/01\n",
       {"2 established_on INVALID_DATE"}},
      {"units",
       "unknown code",
       "code,kind,name,parent,established_on\nO90,office,某室,NOPE,2020-01-01\n",
       {"2 parent "}},
      {"units",
       "duplicate",
       "code,kind,name,established_on\nU90,supervised_unit,某局,2020-01-01\nU01,supervised_unit,"
       "某局,2020-01-01\n",
       {"3 code ", "UNIT_EXISTS"}},
      {"units",
       "GBK",
       "code,kind,name,established_on\nU90,supervised_unit," + gbk_name + ",2020-01-01\n",
       {"NOT_UTF8", "save as CSV UTF-8"}},
      {"supervision", "missing column", "unit,from\nU01,2021-01-01\n", {"MISSING_COLUMN", "group"}},
      {"supervision",
       "bad date",
       "unit,group,from,to\nU01,G02,2021-13-01,\n",
       {"2 from INVALID_DATE"}},
      {"supervision", "unknown code", "unit,group,from,to\nNOPE,G02,2021-01-01,\n", {"2 unit "}},
      {"supervision", "duplicate", "unit,group,from,to\nU05,G02,2020-01-01,\n", {"2 from "}},
      {"supervision",
       "GBK",
       "unit,group,from,to\n" + gbk_name + ",G02,2021-01-01,\n",
       {"NOT_UTF8"}},
      {"people", "missing column", "code,gender\nP900,male\n", {"MISSING_COLUMN", "name"}},
      {"people",
       "bad date",
       "code,name,birth_date\nP900,某某,1980-02-31\n",
       {"2 birth_date INVALID_DATE"}},
      {"people",
       "unknown code",
       "code,name,unit,post,post_since\nP900,某某,NOPE,member,2021-01-01\n",
       {"2 unit ", "UNIT_NOT_FOUND"}},
      {"people", "duplicate", "code,name\nP900,某某\nP001,某某\n", {"3 code ", "PERSON_EXISTS"}},
      {"people", "GBK", "code,name\nP900," + gbk_name + "\n", {"NOT_UTF8"}},
      {"assignments",
       "missing column",
       "person,unit,post\nP001,G01,leader\n",
       {"MISSING_COLUMN", "from"}},
      {"assignments",
       "bad date",
       "person,unit,post,from\nF005,O01,member,2021-1-1\n",
       {"2 from INVALID_DATE"}},
      {"assignments",
       "unknown code",
       "person,unit,post,from,to\nNOPE,O01,member,2021-01-01,2021-02-01\n",
       {"2 person ", "PERSON_NOT_FOUND"}},
      {"assignments",
       "duplicate",
       "person,unit,post,from,to\nP026,G02,leader,2018-03-01,2019-08-31\n",
       {"2 "}},
      {"assignments",
       "GBK",
       "person,unit,post,from,reason\nF005,O01,member,2021-01-01," + gbk_name + "\n",
       {"NOT_UTF8"}},
      {"roles", "missing column", "person,unit\nF005,O01\n", {"MISSING_COLUMN", "role"}},
      {"roles",
       "unknown code",
       "person,role,unit\nNOPE,office,O01\n",
       {"2 person ", "PERSON_NOT_FOUND"}},
      {"roles",
       "duplicate",
       "person,role,unit\nL001,commission_leader,C00\n",
       {"2 role ", "ROLE_ALREADY_GRANTED"}},
      {"roles", "bad value", "person,role,unit\nF005,boss,O01\n", {"2 role INVALID_VALUE"}},
      {"roles", "GBK", "person,role,unit\n" + gbk_name + ",office,O01\n", {"NOT_UTF8"}},
      {"trainings", "missing column", "person,course\nP001,党纪法规\n", {"MISSING_COLUMN", "date"}},
      {"trainings",
       "bad date",
       "person,course,date\nP001,党纪法规,2021-04-31\n",
       {"2 date INVALID_DATE"}},
      {"trainings",
       "unknown code",
       "person,course,date\nNOPE,党纪法规,2021-04-01\n",
       {"2 person ", "PERSON_NOT_FOUND"}},
      {"trainings", "GBK", "person,course,date\nP001," + gbk_name + ",2021-04-01\n", {"NOT_UTF8"}},
  };
  // The clue service's own checks (its imports have landed).
  files.push_back(
      {"letters",
       "unknown code",
       "code,kind,issuer,unit,issued_on,reply_due\nJY9,combined,NOPE,U01,2021-03-01,2021-04-01\n",
       {"2 issuer "}});
  files.push_back({"letters",
                   "duplicate",
                   "code,kind,issuer,unit,issued_on,reply_due\nJY2021-01,combined,G01,U01,2021-03-"
                   "01,2021-04-01\n",
                   {"2 code "}});
  files.push_back({"clues",
                   "unknown code",
                   "number,received_on,source,handling_unit,subject_name,disposal,disposed_on\n"
                   "XS2021-9001,2021-01-01,petition,NOPE,某某,closed,2021-02-01\n",
                   {"2 handling_unit "}});
  // The kinds of the clue and assessment services: what the CLI itself finds.
  for (const auto& [kind, missing, header, row, date_column] :
       std::vector<std::tuple<std::string, std::string, std::string, std::string, std::string>>{
           {"activities", "kind", "group,unit,date,kind", "G01,U01,2021-02-30,meeting", "date"},
           {"letters", "issuer", "code,kind,issuer,unit,issued_on",
            "JY9,combined,G01,U01,2021-00-10", "issued_on"},
           {"problems", "state", "letter,seq,description,state,rectified_on",
            "JY2021-01,9,问题,rectified,20210301", "rectified_on"},
           {"clues", "source",
            "number,received_on,source,handling_unit,subject_name,disposal,disposed_on",
            "XS2021-9999,2021-01-01,petition,G01,某某,closed,2021-02-29", "disposed_on"},
           {"outcomes", "outcome", "clue,subject_name,outcome,decided_on",
            "XS2021-0001,某某,party_warning,2021-9-9", "decided_on"}}) {
    std::string without = header;
    absl::StrReplaceAll({{"," + missing, ""}}, &without);
    files.push_back({kind, "missing column", without + "\n", {"MISSING_COLUMN", missing}});
    files.push_back(
        {kind, "bad date", header + "\n" + row + "\n", {"2 " + date_column + " INVALID_DATE"}});
    files.push_back({kind, "GBK", header + "\n" + gbk_name + row + "\n", {"NOT_UTF8"}});
  }
  return files;
}

TEST_F(LedgerTest, BadFilesNameTheirLinesAndChangeNothing) {
  ASSERT_EQ(load_->exit_code, 0) << load_->output;
  std::map<std::string, std::vector<std::string>> before;
  for (const auto& kind : kOrgKinds) before[kind] = ExportLines(*demo_, kind);
  int n = 0;
  for (const BadFile& bad : BadFiles()) {
    SCOPED_TRACE(bad.kind + ", " + bad.what);
    bool clue_kind = bad.kind == "letters" || bad.kind == "problems" || bad.kind == "clues" ||
                     bad.kind == "outcomes";
    ASSERT_EQ(Paizhu({"login", "--dev", "--as", clue_kind ? "A001" : "admin"}).exit_code, 0);
    Result result =
        Paizhu({"import", bad.kind, Write(absl::StrCat("bad-", ++n, ".csv"), bad.text), "--json"});
    EXPECT_EQ(result.exit_code, 1) << result.output;
    std::string problems = Problems(result.output);
    for (const auto& expected : bad.expected) EXPECT_THAT(problems, HasSubstr(expected));
  }
  for (const auto& kind : kOrgKinds) {
    EXPECT_EQ(ExportLines(*demo_, kind), before[kind]) << kind << " changed";
  }
}

TEST_F(LedgerTest, ABadRowWithPartialImportsTheOthers) {
  ASSERT_EQ(Paizhu({"login", "--dev", "--as", "admin"}).exit_code, 0);
  std::string path = Write("partial.csv",
                           "person,course,organizer,date,hours\n"
                           "F001,保密教育,市纪委监委,2021-04-01,2\n"
                           "F001,保密教育,市纪委监委,2021-04-31,2\n");
  Result check = Paizhu({"import", "trainings", path, "--check"});
  EXPECT_EQ(check.exit_code, 1) << check.output;
  EXPECT_THAT(check.output, HasSubstr("nothing imported (--check)"));
  Result partial = Paizhu({"import", "trainings", path, "--partial", "--json"});
  EXPECT_EQ(partial.exit_code, 1) << partial.output;
  nlohmann::json json = nlohmann::json::parse(partial.output, nullptr, false);
  ASSERT_FALSE(json.is_discarded()) << partial.output;
  EXPECT_EQ(json["imported"], 1);
  ASSERT_EQ(json["errors"].size(), 1u);
  EXPECT_EQ(json["errors"][0]["line"], 3);
  EXPECT_EQ(json["errors"][0]["field"], "date");
}

TEST_F(LedgerTest, AFileOverTheLimitIsRefused) {
  std::string text = "person,course,date\n";
  for (int i = 0; i < 20001; ++i) absl::StrAppend(&text, "F001,c,2021-04-01\n");
  Result result = Paizhu({"import", "trainings", Write("big.csv", text)});
  EXPECT_EQ(result.exit_code, 1) << result.output;
  EXPECT_THAT(result.output, HasSubstr("at most 20,000 rows per call"));
  EXPECT_EQ(Paizhu({"import", "groups", Write("any.csv", "code\n")}).exit_code, 2);
}

TEST_F(LedgerTest, AnExportReimportsIntoAnEmptySuiteWithIdenticalListings) {
  ASSERT_EQ(load_->exit_code, 0) << load_->output;
  std::map<std::string, std::string> files;
  ASSERT_EQ(Paizhu({"login", "--dev", "--as", "admin"}).exit_code, 0);
  for (const auto& kind : kOrgKinds) {
    files[kind] = absl::StrCat(*dir_, "/export-", kind, ".csv");
    Result exported = Paizhu({"export", kind, "-o", files[kind]});
    ASSERT_EQ(exported.exit_code, 0) << exported.output;
  }
  Suite empty = NewSuite("empty");
  ASSERT_NE(empty.stack, nullptr);
  ASSERT_EQ(Run({"login", "--dev", "--as", "admin"}, empty).exit_code, 0);
  for (const auto& kind : kOrgKinds) {
    Result imported = Run({"import", kind, files[kind]}, empty);
    ASSERT_EQ(imported.exit_code, 0) << kind << ": " << imported.output;
  }
  for (const auto& kind : kOrgKinds) {
    EXPECT_EQ(ExportLines(empty, kind), ExportLines(*demo_, kind)) << kind;
  }
  for (std::vector<std::string> listing : {std::vector<std::string>{"units", "list"},
                                           {"stats", "--as-of", "2022-05-31", "--json"},
                                           {"units", "show", "U05", "--as-of", "2022-05-31"},
                                           {"people", "show", "P010"}}) {
    Result original = Paizhu(listing);
    Result copy = Run(listing, empty);
    ASSERT_EQ(original.exit_code, 0) << original.output;
    EXPECT_EQ(copy.output, original.output) << absl::StrJoin(listing, " ");
  }
}

// For those who keep their ledgers in a spreadsheet: the same kind as a workbook holds the
// CSV's header and every one of its rows, text as written.
TEST_F(LedgerTest, AnExportAsAWorkbookHoldsTheCsvsRows) {
  ASSERT_EQ(load_->exit_code, 0) << load_->output;
  ASSERT_EQ(Paizhu({"login", "--dev", "--as", "admin"}).exit_code, 0);
  std::string csv = absl::StrCat(*dir_, "/units.csv"), xlsx = absl::StrCat(*dir_, "/units.xlsx");
  ASSERT_EQ(Paizhu({"export", "units", "--csv", csv}).exit_code, 0);
  Result exported = Paizhu({"export", "units", "--xlsx", xlsx});
  ASSERT_EQ(exported.exit_code, 0) << exported.output;
  EXPECT_THAT(exported.output, HasSubstr("rows written to " + xlsx));

  EXPECT_THAT(testing::Unzip(xlsx, "xl/workbook.xml"), HasSubstr("name=\"units\""));
  std::string strings = testing::Unzip(xlsx, "xl/sharedStrings.xml");
  std::string sheet = testing::Unzip(xlsx, "xl/worksheets/sheet1.xml");
  std::vector<std::string> lines = absl::StrSplit(testing::ReadFile(csv), '\n', absl::SkipEmpty());
  ASSERT_GT(lines.size(), 50u);
  // One sheet row per CSV line, the header included.
  size_t rows = 0;
  for (size_t at = sheet.find("<row "); at != std::string::npos; at = sheet.find("<row ", at + 1)) {
    ++rows;
  }
  EXPECT_EQ(rows, lines.size());
  for (const auto& line : lines) {
    // The CSV's lines end in CRLF (RFC 4180); the first starts with the BOM.
    absl::string_view text = absl::StripSuffix(absl::StripPrefix(line, "\xEF\xBB\xBF"), "\r");
    for (absl::string_view cell : absl::StrSplit(text, ',')) {
      if (cell.empty() || absl::StrContains(cell, '"')) continue;
      EXPECT_THAT(strings, HasSubstr(absl::StrCat(">", cell, "<"))) << line;
    }
  }

  EXPECT_EQ(Paizhu({"export", "units", "--csv", csv, "--xlsx", xlsx}).exit_code, 2);
  Result unwritable = Paizhu({"export", "units", "--xlsx", *dir_ + "/no-such-folder/u.xlsx"});
  EXPECT_EQ(unwritable.exit_code, 1) << unwritable.output;
  EXPECT_THAT(unwritable.output, HasSubstr("FILE_NOT_WRITTEN"));
}

TEST_F(LedgerTest, TablesStayAlignedWithChineseNames) {
  ASSERT_EQ(Paizhu({"login", "--dev", "--as", "admin"}).exit_code, 0);
  Result list = Paizhu({"units", "list", "--kind", "group"});
  ASSERT_EQ(list.exit_code, 0) << list.output;
  std::vector<std::string> lines = absl::StrSplit(list.output, '\n', absl::SkipEmpty());
  ASSERT_EQ(lines.size(), 11u) << list.output;  // the header and 10 groups
  // The PARENT column starts at the same display column on every line.
  size_t header_at = lines[0].find("PARENT");
  ASSERT_NE(header_at, std::string::npos);
  int column = cli::DisplayWidth(lines[0].substr(0, header_at));
  for (size_t i = 1; i < lines.size(); ++i) {
    EXPECT_THAT(lines[i], HasSubstr("纪检监察组"));
    size_t at = lines[i].find("  C00");
    ASSERT_NE(at, std::string::npos) << lines[i];
    EXPECT_EQ(cli::DisplayWidth(lines[i].substr(0, at + 2)), column) << lines[i];
  }
}

// A second, small city written here, with a distractor for each rule, imported into an
// empty suite: org's statistics (and, once clue and assess import, the work report) must
// equal the figures this test counts from the same files (ledger_city.h).
std::map<std::string, std::string> SmallCity() {
  return {
      {"zones", "code,name,office,established_on\nSZ1,南区协作区,SO1,2020-01-01\n"},
      {"units",
       "code,kind,name,parent,established_on,posts,guiding_office,supervising_group,"
       "supervised_since,zone\n"
       "SC,commission,小城纪委监委,,2020-01-01,,,,,\n"
       "SO1,supervision_office,第一监督检查室,SC,2020-01-01,,,,,SZ1\n"
       "SO2,case_management_office,案件监督管理室,SC,2020-01-01,,,,,\n"
       "SG1,group,驻小城教育局纪检监察组,SC,2021-01-01,leader=1;deputy=1;staff=1,SO1,,,SZ1\n"
       "SG2,group,驻小城财政局纪检监察组,SC,2021-01-01,leader=1;deputy=1;staff=2,SO1,,,SZ1\n"
       // set up after the report's date
       "SG3,group,驻小城卫健委纪检监察组,SC,2024-07-01,leader=1;deputy=1;staff=1,SO1,,,SZ1\n"
       "SU1,supervised_unit,小城教育局,,2015-01-01,,,SG1,2021-01-01,\n"
       "SU2,supervised_unit,小城体育局,,2015-01-01,,,SG1,2021-01-01,\n"
       "SU3,supervised_unit,小城财政局,,2015-01-01,,,SG2,2021-01-01,\n"
       "SU4,supervised_unit,小城审计局,,2015-01-01,,,SG2,2021-01-01,\n"
       "SU5,supervised_unit,小城卫健委,,2024-07-01,,,SG3,2024-07-01,\n"
       "ST1,township,小城镇纪委,,2020-01-01,,,,,SZ1\n"},
      // SU4: SG1 for a while, then no group (uncovered on the day); SU2 changes hands the
      // day after.
      {"supervision", "unit,group,from,to\nSU4,SG1,2023-01-01,2024-03-31\nSU2,SG2,2024-07-01,\n"},
      {"people",
       "code,name,gender,birth_date,education,specialties,work_start,unit,post,post_since,"
       "vetted_on\n"
       // turns 40 on the day
       "SP1,欧阳华,male,1984-06-30,bachelor,law,2010-07-01,SG1,leader,2021-01-01,\n"
       // 28, turns 29 and completes 3 years the day after
       "SP2,司马静,female,1995-07-01,master,,2021-07-01,SG1,staff,2021-07-01,\n"
       // completes 5 years on the day
       "SP3,上官明,male,1970-01-15,college,,2019-06-30,SG2,leader,2021-01-01,\n"
       // completes 3 years on the day
       "SP4,东方丽,female,1988-03-03,college,audit,2021-06-30,SG2,staff,2021-06-30,\n"
       // joins the day after
       "SP5,皇甫伟,male,1990-02-02,bachelor,,2024-07-01,SG1,deputy,2024-07-01,2024-06-20\n"
       // left before the day (assignments)
       "SP6,慕容雪,female,1975-05-05,college,,2015-03-01,,,,\n"
       "SP8,宇文博,male,1979-12-31,below_college,,2018-01-01,SG2,staff,2022-05-01,2022-04-20\n"
       // outside the groups
       "SX1,尉迟平,male,1980-08-08,master,,2008-07-01,SO1,member,2020-01-01,\n"
       "SA1,公孙敏,female,1982-02-02,bachelor,,2006-07-01,SO2,member,2020-01-01,\n"
       "SL1,长孙强,male,1968-09-09,master,,1992-07-01,SC,member,2020-01-01,\n"},
      {"assignments",
       "person,unit,post,from,to,reason\nSP6,SG2,deputy,2021-01-01,2023-12-31,退休\n"},
      {"roles",
       "person,role,unit\nSL1,commission_leader,SC\nSA1,case_manager,SO2\nSX1,office,SO1\n"
       "SP1,group,SG1\nSP3,group,SG2\n"},
      {"trainings",
       "person,course,organizer,date,hours\n"
       "SP1,党纪法规,小城纪委,2023-03-01,4\nSP2,党纪法规,小城纪委,2023-03-01,4\n"
       "SP6,党纪法规,小城纪委,2023-03-01,4\nSX1,党纪法规,小城纪委,2023-03-01,4\n"
       "SP5,业务培训,小城纪委,2024-05-10,8\nSP3,业务培训,小城纪委,2022-11-11,8\n"
       "SP4,业务培训,小城纪委,2024-06-30,8\nSP8,业务培训,小城纪委,2024-07-01,8\n"},
      {"activities",
       "group,unit,date,kind,subkind,count,note\n"
       "SG1,SU1,2023-02-10,meeting,党组会,2,\nSG1,SU2,2023-05-06,meeting,局办公会,,\n"
       "SG2,SU3,2024-06-30,meeting,党组会,3,\nSG2,SU3,2022-12-31,meeting,党组会,5,\n"
       "SG1,SU4,2023-06-01,talk,谈心谈话,4,\nSG2,SU3,2024-01-15,talk,谈心谈话,,\n"
       "SG1,SU1,2024-07-02,talk,谈心谈话,6,\nSG2,SU3,2023-09-09,written_report,书面述责述廉,2,\n"},
      {"letters",
       "code,kind,issuer,unit,issued_on,reply_due,replied_on\n"
       "SJ1,combined,SG1,SU1,2023-04-01,2023-05-01,2023-04-20\n"
       "SJ2,discipline,SG2,SU3,2024-06-01,2024-07-01,\n"
       "SJ3,supervision,SG2,SU3,2022-10-01,2022-11-01,2022-10-20\n"},
      {"problems",
       "letter,seq,description,state,rectified_on,verified_on\n"
       "SJ1,1,公务接待不规范,verified,2023-05-20,2023-06-30\n"
       "SJ1,2,财务报销审核不严,rectified,2023-06-01,\nSJ2,1,三重一大程序不规范,open,,\n"
       "SJ2,2,采购程序不规范,in_progress,,\nSJ2,3,\"学习不深入, 走过场\",open,,\n"
       "SJ3,1,台账不全,verified,2022-11-15,2022-12-15\n"},
      {"clues",
       "number,received_on,source,handling_unit,subject_name,subject_unit,subject_level,"
       "disposal,disposed_on,filed_on\n"
       "XS2022-0001,2022-12-01,petition,SG2,周五,SU3,科级,inquiry,2022-12-20,\n"
       "XS2023-0001,2023-01-05,petition,SG1,钱一,SU1,科级,inquiry,2023-01-20,\n"
       "XS2023-0001,2023-01-05,petition,SG1,钱二,SU1,一般干部,inquiry,2023-01-20,\n"
       "XS2023-0002,2023-03-01,inspection,SG2,孙三,SU3,副处级,verification,2023-03-20,"
       "2023-04-15\n"
       "XS2023-0003,2023-08-08,audit,SO1,李四,SU4,科级,closed,2023-08-30,\n"
       "XS2024-0001,2024-05-01,big_data,SG1,郑七,SU2,科级,verification,2024-05-20,\n"
       "XS2024-0002,2024-06-10,media,ST1,吴六,ST1,一般干部,pending,2024-07-05,\n"},
      {"outcomes",
       "clue,subject_name,outcome,detail,months,decided_on\n"
       "XS2022-0001,周五,party_warning,,,2023-01-10\n"
       "XS2023-0001,钱一,party_warning,,,2023-02-10\nXS2023-0001,钱一,gov_demerit,,,2023-02-10\n"
       "XS2023-0001,钱二,criticism_education,,,2023-02-10\n"
       "XS2023-0002,孙三,party_probation,,12,2023-06-01\nXS2023-0003,李四,cleared,,,2023-09-01\n"
       "XS2024-0001,郑七,organisational,诫勉,,2024-06-15\n"
       "XS2024-0001,郑七,criticism_education,,,2024-07-10\n"},
  };
}

TEST_F(LedgerTest, ASmallCityWithDistractorsGivesTheFiguresCountedFromItsFiles) {
  std::map<std::string, std::string> files = SmallCity();
  cli::LedgerCity city(files);
  ASSERT_THAT(city.problems(), ::testing::IsEmpty());
  std::map<std::string, int> expected =
      city.WorkReport(cli::Day("2023-01-01"), cli::Day("2024-06-30"), cli::Day("2024-06-30"));
  // The count itself, against what the files were written to hold.
  EXPECT_EQ(expected["staff"], 5);
  EXPECT_EQ(expected["units_uncovered"], 1);
  EXPECT_EQ(expected["training_person_times"], 4);
  EXPECT_EQ(expected["people_sanctioned"], 3);

  Suite small = NewSuite("small");
  ASSERT_NE(small.stack, nullptr);
  bool all_imported = true;
  for (const auto& format : cli::LedgerFormats()) {
    bool clue_kind = format.service == "clue";
    ASSERT_EQ(Run({"login", "--dev", "--as", clue_kind ? "SA1" : "admin"}, small).exit_code, 0);
    Result imported = Run(
        {"import", format.kind, Write("small-" + format.kind + ".csv", files[format.kind])}, small);
    if (format.service != "org" && absl::StrContains(imported.output, "UNIMPLEMENTED")) {
      all_imported = false;
      continue;
    }
    ASSERT_EQ(imported.exit_code, 0) << format.kind << ": " << imported.output;
  }
  ASSERT_EQ(Run({"login", "--dev", "--as", "SL1"}, small).exit_code, 0);
  Result stats = Run(
      {"stats", "--as-of", "2024-06-30", "--from", "2023-01-01", "--to", "2024-06-30", "--json"},
      small);
  ASSERT_EQ(stats.exit_code, 0) << stats.output;
  nlohmann::json org = nlohmann::json::parse(stats.output, nullptr, false);
  ASSERT_FALSE(org.is_discarded()) << stats.output;
  for (const char* key :
       {"groups", "authorized_posts", "staff", "units_supervised", "units_uncovered",
        "age_under_30", "age_30_39", "age_40_49", "age_50_plus", "bachelor_or_above",
        "experience_under_3", "experience_3_to_5", "experience_5_plus", "training_person_times"}) {
    EXPECT_EQ(org[key], expected[key]) << key;
  }
  if (!all_imported) {
    GTEST_SKIP() << "clue or assess does not import yet (UNIMPLEMENTED): the organisation's "
                    "figures matched; the work report is not checked";
  }
  Result report = Run({"report", "work", "--from", "2023-01-01", "--to", "2024-06-30", "--as-of",
                       "2024-06-30", "--json"},
                      small);
  ASSERT_EQ(report.exit_code, 0) << report.output;
  nlohmann::json json = nlohmann::json::parse(report.output, nullptr, false);
  ASSERT_FALSE(json.is_discarded()) << report.output;
  EXPECT_EQ(json.size(), expected.size() + 3) << report.output;
  for (const auto& [key, value] : expected) EXPECT_EQ(json[key], value) << key;
}

TEST_F(LedgerTest, AClueRegisteredListedAndShown) {
  ASSERT_EQ(load_->exit_code, 0) << load_->output;
  ASSERT_EQ(Paizhu({"login", "--dev", "--as", "A001"}).exit_code, 0);  // case management
  EXPECT_EQ(Paizhu({"clues", "register", "--source", "petition"}).exit_code, 2);
  Result registered = Paizhu({"clues",           "register",     "--received-on",   "2026-11-02",
                              "--source",        "petition",     "--handling-unit", "G01",
                              "--subject",       "欧阳明",       "--subject-unit",  "U01",
                              "--subject-level", "科级",         "--violations",    "integrity",
                              "--allegation",    "违规收受礼金", "--reporter",      "匿名群众",
                              "--json"});
  ASSERT_EQ(registered.exit_code, 0) << registered.output;
  nlohmann::json clue = nlohmann::json::parse(registered.output, nullptr, false);
  ASSERT_FALSE(clue.is_discarded()) << registered.output;
  std::string name = clue.value("name", "");
  ASSERT_TRUE(absl::StartsWith(name, "clues/XS2026-")) << registered.output;
  std::string number = name.substr(std::string("clues/").size());

  Result list = Paizhu({"clues", "list", "--handling-unit", "G01"});
  ASSERT_EQ(list.exit_code, 0) << list.output;
  EXPECT_THAT(list.output, HasSubstr(number));
  Result show = Paizhu({"clues", "show", number});
  ASSERT_EQ(show.exit_code, 0) << show.output;
  EXPECT_THAT(show.output, HasSubstr("欧阳明 (U01)"));
  // Only the letters-and-visits office sees who reported.
  EXPECT_THAT(show.output, HasSubstr("(withheld)"));
  EXPECT_THAT(show.output, Not(HasSubstr("匿名群众")));
  EXPECT_EQ(Paizhu({"clues", "show", "XS2026-9999"}).exit_code, 1);

  // Through the workflow: the group's deputy assigns, reviews and proposes; its leader
  // approves (the proposer may not).
  ASSERT_EQ(Paizhu({"login", "--dev", "--as", "P011"}).exit_code, 0);
  Result assigned = Paizhu({"clues", "assign", number, "--handlers", "P011;P016"});
  ASSERT_EQ(assigned.exit_code, 0) << assigned.output;
  EXPECT_THAT(assigned.output, HasSubstr(number + ": assigned"));
  Result reviewed =
      Paizhu({"clues", "review", number, "--attendees", "P001;P011;P016", "--summary", "集体研判"});
  ASSERT_EQ(reviewed.exit_code, 0) << reviewed.output;
  EXPECT_THAT(reviewed.output, HasSubstr(number + ": under_review"));
  Result proposed = Paizhu({"clues", "propose", number, "--disposal", "inquiry"});
  ASSERT_EQ(proposed.exit_code, 0) << proposed.output;
  EXPECT_THAT(proposed.output, HasSubstr("disposal_proposed (proposal #"));
  Result own = Paizhu({"clues", "approve", number});
  EXPECT_EQ(own.exit_code, 1) << own.output;
  ASSERT_EQ(Paizhu({"login", "--dev", "--as", "P001"}).exit_code, 0);
  Result approved = Paizhu({"clues", "approve", number, "--note", "同意谈话函询"});
  ASSERT_EQ(approved.exit_code, 0) << approved.output;
  EXPECT_THAT(approved.output, HasSubstr(number + ": inquiry"));
  EXPECT_EQ(Paizhu({"clues", "approve", number}).exit_code, 1);  // nothing awaits a decision
}

}  // namespace
}  // namespace paizhu
