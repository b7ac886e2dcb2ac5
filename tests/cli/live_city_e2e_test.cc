// The living demo city through the paizhu binary, as its people would use it: live clues
// in their states with one overdue, a clue's later steps, a case from verification to the
// archive, letters overdue first and their rectification, monthly reports, and the
// finalised 2021 assessment run. Bad input shows the reason and field (exit 1) or the
// usage (exit 2). The city is loaded once by scripts/load-demo (ledger_suite.h).

#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "nlohmann/json.hpp"
#include "tests/cli/ledger_suite.h"

namespace paizhu {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

// The CSV rows of a file of data/demo/live, its header left out.
std::vector<std::vector<std::string>> LiveRows(const std::string& file) {
  std::string text = testing::ReadFile(absl::StrCat(kDemoDir, "/live/", file));
  std::vector<std::vector<std::string>> rows;
  for (absl::string_view line : absl::StrSplit(text, '\n', absl::SkipEmpty())) {
    rows.push_back(absl::StrSplit(line, ','));
  }
  if (!rows.empty()) rows.erase(rows.begin());
  return rows;
}

// "registered XS2026-0012 (registered)" -> "XS2026-0012".
std::string Registered(const Result& result) {
  std::vector<std::string> words = absl::StrSplit(result.output, ' ');
  return words.size() > 1 && words[0] == "registered" ? words[1] : "";
}

class LiveCityTest : public LedgerTest {
 protected:
  void SetUp() override {
    ASSERT_EQ(load_->exit_code, 0) << load_->output;
    ASSERT_TRUE(std::filesystem::exists(demo_->state + "/demo/assessment-2021.done"))
        << load_->output;
  }

  // A clue of G01 walked by its deputy P011 to the state its leader P001 approves.
  static std::string G01ClueApproved(const std::string& subject, const std::string& disposal) {
    Result registered =
        As("P011", {"clues", "register", "--received-on", "2026-11-01", "--source", "supervision",
                    "--handling-unit", "G01", "--subject", subject, "--subject-unit", "U04",
                    "--violations", "integrity", "--allegation", "测试线索"});
    EXPECT_EQ(registered.exit_code, 0) << registered.output;
    std::string number = Registered(registered);
    for (std::vector<std::string> args :
         {std::vector<std::string>{"clues", "assign", number, "--handlers", "P011;P016"},
          {"clues", "review", number, "--attendees", "P001;P011;P016"},
          {"clues", "propose", number, "--disposal", disposal}}) {
      Result step = Paizhu(args);
      EXPECT_EQ(step.exit_code, 0) << step.output;
    }
    Result approved = As("P001", {"clues", "approve", number});
    EXPECT_EQ(approved.exit_code, 0) << approved.output;
    return number;
  }
};

TEST_F(LiveCityTest, LiveCluesStandInEveryStateAndOneIsOverdue) {
  Result list = As("A001", {"clues", "list", "--json"});
  ASSERT_EQ(list.exit_code, 0) << list.output;
  std::set<std::string> states;
  nlohmann::json clues = Json(list)["clues"];
  for (const auto& clue : clues) states.insert(clue.value("state", ""));
  for (const char* state : {"registered", "assigned", "under_review", "disposal_proposed",
                            "inquiry", "pending", "first_form", "filed"}) {
    EXPECT_TRUE(states.count(state)) << state << " missing in\n" << list.output;
  }

  Result overdue = Paizhu({"deadlines", "list", "--overdue", "--json"});
  ASSERT_EQ(overdue.exit_code, 0) << overdue.output;
  nlohmann::json items = Json(overdue)["items"];
  ASSERT_EQ(items.size(), 1u) << overdue.output;
  EXPECT_EQ(items[0].value("state", ""), "under_review");
  EXPECT_EQ(items[0].value("handling_unit", ""), "units/G01");
  EXPECT_GT(items[0].value("days_overdue", 0), 0);
  std::string late = items[0].value("name", "");

  Result soon = Paizhu({"deadlines", "list", "--within", "7"});
  ASSERT_EQ(soon.exit_code, 0) << soon.output;
  EXPECT_THAT(soon.output, HasSubstr("disposal_proposed"));

  Result table = Paizhu({"deadlines", "list", "--overdue"});
  ASSERT_EQ(table.exit_code, 0) << table.output;
  EXPECT_THAT(table.output, HasSubstr(absl::StrCat(absl::StripPrefix(late, "clues/"), " ")));
  EXPECT_THAT(table.output, HasSubstr(" days"));

  Result explained =
      Paizhu({"deadlines", "explain", std::string(absl::StripPrefix(late, "clues/"))});
  ASSERT_EQ(explained.exit_code, 0) << explained.output;
  EXPECT_THAT(explained.output, HasSubstr("disposal_opinion"));
  Result missing = Paizhu({"deadlines", "explain", "XS2026-9999"});
  EXPECT_EQ(missing.exit_code, 1) << missing.output;
  EXPECT_EQ(Paizhu({"deadlines", "list", "--within", "soon"}).exit_code, 2);
}

// The demo's joint case: G03 leads, its office O01 and township T01 take part; T01's
// handler sees it with its accepted task, a township outside the zone does not.
TEST_F(LiveCityTest, TheJointCaseIsSeenByItsPartiesAndNobodyElse) {
  Result listed = As("T101", {"clues", "list", "--json"});
  ASSERT_EQ(listed.exit_code, 0) << listed.output;
  std::vector<std::string> joint;
  nlohmann::json clues = Json(listed)["clues"];
  for (const auto& clue : clues) {
    if (clue.value("handling_unit", "") == "units/G03") joint.push_back(clue.value("name", ""));
  }
  ASSERT_EQ(joint.size(), 1u) << listed.output;
  std::string number(absl::StripPrefix(joint[0], "clues/"));

  Result shown = As("T101", {"clues", "show", number, "--json"});
  ASSERT_EQ(shown.exit_code, 0) << shown.output;
  nlohmann::json clue = Json(shown);
  std::map<std::string, std::string> parties;
  for (const auto& p : clue["participants"]) parties[p.value("unit", "")] = p.value("state", "");
  EXPECT_EQ(parties["units/O01"], "active") << shown.output;
  EXPECT_EQ(parties["units/T01"], "active") << shown.output;
  ASSERT_EQ(clue["tasks"].size(), 1u) << shown.output;
  EXPECT_EQ(clue["tasks"][0].value("unit", ""), "units/T01");
  EXPECT_EQ(clue["tasks"][0].value("state", ""), "accepted");

  Result outsider = As("T103", {"clues", "show", number});
  EXPECT_EQ(outsider.exit_code, 1) << outsider.output;
  EXPECT_THAT(outsider.output, HasSubstr("NOT_FOUND"));
}

TEST_F(LiveCityTest, AnInquiryConcludedInTheFirstFormAndAHeldClueReopened) {
  std::string number = G01ClueApproved("林晓峰", "inquiry");
  Result bad = As("P011", {"clues", "conclude", number, "--result", "maybe"});
  EXPECT_EQ(bad.exit_code, 1) << bad.output;
  EXPECT_THAT(bad.output, HasSubstr("reason INVALID_RESULT, field result"));
  EXPECT_EQ(Paizhu({"clues", "conclude", number}).exit_code, 2);  // --result missing
  Result concluded = Paizhu({"clues", "conclude", number, "--result", "first_form"});
  ASSERT_EQ(concluded.exit_code, 0) << concluded.output;
  EXPECT_THAT(concluded.output, HasSubstr("proposal #"));
  ASSERT_EQ(As("P001", {"clues", "approve", number}).exit_code, 0);
  EXPECT_EQ(As("P011", {"clues", "outcomes", number, "--outcomes", "林晓峰"}).exit_code, 2);
  Result outcomes =
      Paizhu({"clues", "outcomes", number, "--outcomes", "林晓峰=criticism_education::批评教育"});
  ASSERT_EQ(outcomes.exit_code, 0) << outcomes.output;
  EXPECT_THAT(outcomes.output, HasSubstr("林晓峰 criticism_education (批评教育)"));

  std::string held = G01ClueApproved("马文", "pending");
  Result reopened = As("P011", {"clues", "reopen", held, "--note", "新的反映"});
  ASSERT_EQ(reopened.exit_code, 0) << reopened.output;
  EXPECT_THAT(reopened.output, HasSubstr(held + ": under_review"));
  Result again = Paizhu({"clues", "reopen", held});
  EXPECT_EQ(again.exit_code, 1) << again.output;
  EXPECT_THAT(again.output, HasSubstr("reason ILLEGAL_TRANSITION"));
}

TEST_F(LiveCityTest, ACaseFromItsVerificationToTheArchive) {
  std::string number = G01ClueApproved("赵刚", "verification");
  ASSERT_EQ(As("P011", {"clues", "report", number, "--result", "file_case"}).exit_code, 0);
  ASSERT_EQ(As("L001", {"clues", "approve", number}).exit_code, 0);  // a commission leader
  Result filed = As("P011", {"cases", "file", number, "--json"});
  ASSERT_EQ(filed.exit_code, 0) << filed.output;
  std::string c = Json(filed).value("name", "");
  ASSERT_TRUE(absl::StartsWith(c, "cases/LA")) << filed.output;
  EXPECT_EQ(Json(filed).value("state", ""), "investigation");
  c = std::string(absl::StripPrefix(c, "cases/"));

  Result too_long = Paizhu({"cases", "extend", c, "--days", "120"});
  EXPECT_EQ(too_long.exit_code, 1) << too_long.output;
  EXPECT_THAT(too_long.output, HasSubstr("reason INVALID_EXTENSION, field days"));
  EXPECT_EQ(Paizhu({"cases", "extend", c, "--days", "many"}).exit_code, 2);
  Result extend = Paizhu({"cases", "extend", c, "--days", "30", "--note", "案情复杂"});
  ASSERT_EQ(extend.exit_code, 0) << extend.output;
  EXPECT_THAT(extend.output, HasSubstr("extension 30"));
  ASSERT_EQ(As("L001", {"clues", "approve", number}).exit_code, 0);
  Result shown = As("P011", {"cases", "show", c});
  ASSERT_EQ(shown.exit_code, 0) << shown.output;
  EXPECT_THAT(shown.output, HasSubstr("investigation_extended  yes"));

  ASSERT_EQ(Paizhu({"cases", "to-trial", c}).exit_code, 0);
  Result returned = As("A002", {"cases", "return", c, "--note", "证据不足"});  // trial
  ASSERT_EQ(returned.exit_code, 0) << returned.output;
  EXPECT_THAT(returned.output, HasSubstr(c + ": investigation"));
  ASSERT_EQ(As("P011", {"cases", "to-trial", c}).exit_code, 0);
  Result not_trial = Paizhu({"cases", "decide", c, "--outcomes", "赵刚=party_warning"});
  EXPECT_EQ(not_trial.exit_code, 1) << not_trial.output;  // only the trial office decides
  Result decided = As("A002", {"cases", "decide", c, "--outcomes", "赵刚=party_warning"});
  ASSERT_EQ(decided.exit_code, 0) << decided.output;
  EXPECT_THAT(decided.output, HasSubstr(c + ": decided"));
  Result archived = Paizhu({"cases", "archive", c, "--json"});
  ASSERT_EQ(archived.exit_code, 0) << archived.output;
  EXPECT_EQ(Json(archived).value("state", ""), "archived");
  Result twice = Paizhu({"cases", "archive", c});
  EXPECT_EQ(twice.exit_code, 1) << twice.output;
  EXPECT_THAT(twice.output, HasSubstr("ILLEGAL_TRANSITION"));
}

TEST_F(LiveCityTest, LettersListOverdueFirstAndTheirProblemsAreRectified) {
  Result early = As("P002", {"letters", "issue", "JY2026-T1", "--kind", "supervision", "--issuer",
                             "G02", "--unit", "U08", "--issued-on", "2026-11-02", "--reply-due",
                             "2026-10-01", "--problems", "三重一大执行不严"});
  EXPECT_EQ(early.exit_code, 1) << early.output;
  EXPECT_THAT(early.output, HasSubstr("reason DATE_TOO_EARLY, field letter.reply_due"));
  Result issued = Paizhu({"letters", "issue", "JY2026-T1", "--kind", "supervision", "--issuer",
                          "G02", "--unit", "U08", "--issued-on", "2026-11-02", "--reply-due",
                          "2099-12-31", "--problems", "三重一大执行不严;财务审批不规范"});
  ASSERT_EQ(issued.exit_code, 0) << issued.output;
  EXPECT_THAT(issued.output, HasSubstr("issued JY2026-T1 to U08 with 2 problems"));

  Result list = As("A001", {"letters", "list", "--json"});
  ASSERT_EQ(list.exit_code, 0) << list.output;
  nlohmann::json letters = Json(list)["letters"];
  ASSERT_GT(letters.size(), 2u) << list.output;
  EXPECT_EQ(letters[0].value("name", ""), "letters/JY2026-01");  // past its reply date
  bool overdue_part = true;
  for (const auto& letter : letters) {
    if (!letter.value("overdue", false)) overdue_part = false;
    EXPECT_TRUE(overdue_part || !letter.value("overdue", false)) << "overdue after others";
  }
  Result table = Paizhu({"letters", "list", "--overdue"});
  ASSERT_EQ(table.exit_code, 0) << table.output;
  EXPECT_THAT(table.output, HasSubstr("JY2026-01"));
  EXPECT_THAT(table.output, Not(HasSubstr("JY2026-T1")));

  ASSERT_EQ(As("P002", {"letters", "reply", "JY2026-T1", "--reply", "已整改"}).exit_code, 0);
  ASSERT_EQ(Paizhu({"letters", "problem", "JY2026-T1", "1", "in_progress"}).exit_code, 0);
  Result no_evidence = Paizhu({"letters", "problem", "JY2026-T1", "1", "rectified"});
  EXPECT_EQ(no_evidence.exit_code, 1) << no_evidence.output;
  EXPECT_THAT(no_evidence.output, HasSubstr("reason EVIDENCE_REQUIRED, field evidence"));
  Result rectified = Paizhu(
      {"letters", "problem", "JY2026-T1", "1", "rectified", "--evidence", "修订三重一大决策制度"});
  ASSERT_EQ(rectified.exit_code, 0) << rectified.output;
  EXPECT_THAT(rectified.output, HasSubstr("problem 1: rectified (1/2 rectified)"));
  Result backwards = Paizhu({"letters", "problem", "JY2026-T1", "1", "in_progress"});
  EXPECT_EQ(backwards.exit_code, 1) << backwards.output;
  EXPECT_THAT(backwards.output, HasSubstr("ILLEGAL_TRANSITION"));
  EXPECT_EQ(Paizhu({"letters", "problem", "JY2026-T1", "first", "rectified"}).exit_code, 2);
  Result shown = Paizhu({"letters", "show", "JY2026-T1", "--json"});
  ASSERT_EQ(shown.exit_code, 0) << shown.output;
  EXPECT_EQ(Json(shown)["problems"][0].value("evidence", ""), "修订三重一大决策制度");
  EXPECT_EQ(Json(shown).value("reply", ""), "已整改");
}

TEST_F(LiveCityTest, MonthlyReportsAreOnTimeLateOrMissingAsTheFileSays) {
  // Counted from data/demo/live/monthly-reports-2021.csv: due on the 5th.
  std::map<std::string, std::vector<int>> counts;  // group -> on time, late, missing
  for (const auto& row : LiveRows("monthly-reports-2021.csv")) {
    auto& c = counts[row[0]];
    c.resize(3);
    int day = 0;
    ASSERT_TRUE(absl::SimpleAtoi(row[2].substr(8, 2), &day)) << row[2];
    ++c[day <= 5 ? 0 : 1];
  }
  ASSERT_EQ(counts.size(), 10u);
  for (const char* group : {"G01", "G03"}) {
    auto& c = counts[group];
    c[2] = 12 - c[0] - c[1];
    Result status = As("F004", {"monthly-reports", "status", "--group", group, "--from", "2021-01",
                                "--to", "2021-12", "--as-of", "2022-05-31", "--json"});
    ASSERT_EQ(status.exit_code, 0) << status.output;
    nlohmann::json json = Json(status);
    EXPECT_EQ(json.value("on_time", -1), c[0]) << group;
    EXPECT_EQ(json.value("late", -1), c[1]) << group;
    EXPECT_EQ(json.value("missing", -1), c[2]) << group;
  }
  Result again = As("P001", {"monthly-reports", "submit", "--group", "G01", "--month", "2021-03",
                             "--submitted-on", "2021-03-04"});
  EXPECT_EQ(again.exit_code, 1) << again.output;
  EXPECT_THAT(again.output, HasSubstr("MONTHLY_REPORT_EXISTS"));

  // A month the ledger lacks: a file with it and a bad row imports nothing.
  std::set<std::string> filed;
  for (const auto& row : LiveRows("monthly-reports-2021.csv")) filed.insert(row[0] + row[1]);
  std::string group, month;
  for (const auto& [g, c] : counts) {
    for (int m = 1; m <= 12 && month.empty(); ++m) {
      std::string candidate = absl::StrCat("2021-", m < 10 ? "0" : "", m);
      if (!filed.count(g + candidate)) group = g, month = candidate;
    }
  }
  ASSERT_FALSE(month.empty()) << "the ledger misses no month";
  std::string path = absl::StrCat(*dir_, "/monthly.csv");
  testing::WriteFile(path, absl::StrCat("group,month,submitted_on,summary\n", group, ",", month,
                                        ",", month, "-04,补报\nG01,2021-13,2021-12-01,错误\n"));
  Result bad = As("admin", {"monthly-reports", "import", path});
  EXPECT_EQ(bad.exit_code, 1) << bad.output;
  EXPECT_THAT(bad.output, HasSubstr("monthly.csv:3: "));
  EXPECT_THAT(bad.output, HasSubstr("INVALID_MONTH"));
  Result late = Paizhu({"monthly-reports", "submit", "--group", group, "--month", month,
                        "--submitted-on", month + "-04"});
  EXPECT_EQ(late.exit_code, 0) << late.output;  // the import stored nothing
}

TEST_F(LiveCityTest, TheFinalised2021RunRanksEveryGroupAndExplainsItsScores) {
  std::string run = testing::ReadFile(demo_->state + "/demo/assessment-2021.done");
  absl::StripTrailingAsciiWhitespace(&run);
  ASSERT_TRUE(absl::StartsWith(run, "runs/")) << run;
  Result shown = As("F004", {"assess", "run", "show", run, "--json"});
  ASSERT_EQ(shown.exit_code, 0) << shown.output;
  nlohmann::json json = Json(shown);
  EXPECT_EQ(json.value("state", ""), "final");
  EXPECT_EQ(json.value("period", ""), "2021");
  ASSERT_EQ(json["ranking"].size(), 10u) << shown.output;
  for (const auto& target : json["ranking"]) EXPECT_TRUE(target.value("complete", false));
  Result table = Paizhu({"assess", "run", "show", run});
  ASSERT_EQ(table.exit_code, 0) << table.output;
  EXPECT_THAT(table.output, HasSubstr("RANK"));
  EXPECT_THAT(table.output, Not(HasSubstr("awaiting assessor")));

  // The assessor's scores are those of the file, with their justification.
  Result sheet = Paizhu({"assess", "sheet", run, "G01", "--json"});
  ASSERT_EQ(sheet.exit_code, 0) << sheet.output;
  std::map<std::string, nlohmann::json> lines;
  nlohmann::json sheet_lines = Json(sheet)["lines"];
  for (const auto& line : sheet_lines) lines[line.value("task", "")] = line;
  int scored = 0;
  for (const auto& row : LiveRows("assessment-2021.csv")) {
    if (row[0] != "G01") continue;
    ++scored;
    ASSERT_TRUE(lines.count(row[1])) << row[1];
    double points = 0, expected = 0;
    ASSERT_TRUE(absl::SimpleAtod(lines[row[1]].value("points", ""), &points));
    ASSERT_TRUE(absl::SimpleAtod(row[2], &expected));
    EXPECT_DOUBLE_EQ(points, expected) << row[1];
    EXPECT_EQ(lines[row[1]].value("justification", ""), row[3]) << row[1];
  }
  EXPECT_EQ(scored, 17);

  Result explained = Paizhu({"assess", "explain", run, "G01", "--json"});
  ASSERT_EQ(explained.exit_code, 0) << explained.output;
  // int64 in proto JSON is a string: the lines add up to the total exactly.
  int64_t sum = 0, total = -1;
  nlohmann::json explanation = Json(explained);
  for (const auto& line : explanation["lines"]) {
    int64_t centipoints = 0;
    ASSERT_TRUE(absl::SimpleAtoi(line.value("centipoints", ""), &centipoints)) << line.dump();
    sum += centipoints;
  }
  ASSERT_TRUE(absl::SimpleAtoi(explanation.value("total_centipoints", ""), &total));
  EXPECT_EQ(sum, total);
  EXPECT_GT(total, 0);

  Result final_adjust =
      Paizhu({"assess", "adjust", run, "G01", "A04", "--points", "1", "--justification", "复核"});
  EXPECT_EQ(final_adjust.exit_code, 1) << final_adjust.output;
  EXPECT_THAT(final_adjust.output, HasSubstr("RUN_FINAL"));

  std::string xlsx = absl::StrCat(*dir_, "/run-2021.xlsx"), csv = absl::StrCat(*dir_, "/run.csv");
  ASSERT_EQ(Paizhu({"assess", "run", "export", run, "--xlsx", xlsx}).exit_code, 0);
  EXPECT_TRUE(absl::StartsWith(testing::ReadFile(xlsx), "PK"));  // a zip: the workbook
  ASSERT_EQ(Paizhu({"assess", "run", "export", run, "--csv", csv}).exit_code, 0);
  EXPECT_THAT(testing::ReadFile(csv), HasSubstr("考核对象"));
  EXPECT_THAT(testing::ReadFile(csv), HasSubstr("G01"));
  EXPECT_EQ(Paizhu({"assess", "run", "export", run}).exit_code, 2);  // which format?
}

TEST_F(LiveCityTest, ADraftRunIsAdjustedWithinBoundsAndRecomputed) {
  Result created = As("F004", {"assess", "run", "create", "--scheme", "group-v1", "--period",
                               "2021-Q1", "--targets", "G01;G02", "--json"});
  ASSERT_EQ(created.exit_code, 0) << created.output;
  std::string run = Json(created).value("name", "");
  EXPECT_EQ(Json(created).value("state", ""), "draft");
  Result over =
      Paizhu({"assess", "adjust", run, "G01", "A04", "--points", "99", "--justification", "过高"});
  EXPECT_EQ(over.exit_code, 1) << over.output;
  EXPECT_THAT(over.output, HasSubstr("reason POINTS_OUT_OF_BOUNDS, field points"));
  EXPECT_EQ(Paizhu({"assess", "adjust", run, "G01", "A04", "--points", "2"}).exit_code, 2);
  Result adjusted = Paizhu(
      {"assess", "adjust", run, "G01", "A04", "--points", "2.5", "--justification", "基本落实"});
  ASSERT_EQ(adjusted.exit_code, 0) << adjusted.output;
  EXPECT_THAT(adjusted.output, HasSubstr("G01 A04: 2.5 of 3"));
  // The assessor's sheet: a refused row names its line and reason, the others are kept.
  std::string scores = absl::StrCat(*dir_, "/scores.csv");
  testing::WriteFile(scores,
                     "target,task,points,justification\nG02,A05,1.5,部分落实\n"
                     "G02,A06,9,超出分值\n");
  Result scored = Paizhu({"assess", "score", run, scores});
  EXPECT_EQ(scored.exit_code, 1) << scored.output;
  EXPECT_THAT(scored.output, HasSubstr("scores.csv:3: points: POINTS_OUT_OF_BOUNDS"));
  EXPECT_THAT(scored.output, HasSubstr("1 of 2 rows adjusted"));
  Result g02 = Paizhu({"assess", "sheet", run, "G02"});
  ASSERT_EQ(g02.exit_code, 0) << g02.output;
  EXPECT_THAT(g02.output, HasSubstr("部分落实"));
  EXPECT_THAT(g02.output, Not(HasSubstr("超出分值")));

  Result recomputed = Paizhu({"assess", "run", "recompute", run});
  ASSERT_EQ(recomputed.exit_code, 0) << recomputed.output;
  EXPECT_THAT(recomputed.output, HasSubstr("draft"));
  Result sheet = Paizhu({"assess", "sheet", run, "G01"});
  ASSERT_EQ(sheet.exit_code, 0) << sheet.output;
  EXPECT_THAT(sheet.output, HasSubstr("基本落实"));  // the adjustment outlives a recompute
  Result unfinished = Paizhu({"assess", "run", "finalise", run});
  EXPECT_EQ(unfinished.exit_code, 1) << unfinished.output;
  EXPECT_THAT(unfinished.output, HasSubstr("SHEET_INCOMPLETE"));
}

}  // namespace
}  // namespace paizhu
