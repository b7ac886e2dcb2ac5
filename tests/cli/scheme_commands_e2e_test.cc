// The scheme commands through the paizhu binary on the loaded demo city (ledger_suite.h):
// the metric catalogue, schemes shown, validated, created and listed, the runs listed, and a
// new due day for monthly reports. What each prints is checked against its source (the
// shipped scheme file, the demo's finalised 2021 run), bad input against its status, reason
// and field (exit 1) or the usage (exit 2), and the --json keys.
//
// Its own data: the scheme keys schemecli and schemecli_check, a draft run over 2019-Q1 and
// a due-day rule from 2091.

#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/cli/ledger_suite.h"
#include "tools/cli/table.h"

namespace paizhu {
namespace {

using ::testing::HasSubstr;
using ::testing::MatchesRegex;
using ::testing::Not;

const std::set<std::string> kSchemeKeys = {"name",        "key",         "version",   "title",
                                           "target_kind", "total",       "bonus_cap", "aspects",
                                           "tasks",       "bonus_items", "document"};

nlohmann::json SourceScheme(const std::string& file) {
  std::ifstream in(absl::StrCat(PAIZHU_SOURCE_DIR, "/data/schemes/", file));
  std::stringstream text;
  text << in.rdbuf();
  return nlohmann::json::parse(text.str(), nullptr, /*allow_exceptions=*/false);
}

// A small scheme of the test's own: one aspect of `aspect_points` with a target task (6
// points) reading `metric` and a manual task (4 points, the assessor's bounds 0..max).
std::string OwnScheme(const std::string& key, int version,
                      const std::string& metric = "study_checks", int aspect_points = 10,
                      int manual_max = 4) {
  nlohmann::json scheme = {
      {"key", key},
      {"version", version},
      {"title", "命令行测试细则"},
      {"target_kind", "group"},
      {"total", aspect_points},
      {"aspects",
       {{{"code", "A"},
         {"name", "政治监督"},
         {"points", aspect_points},
         {"tasks",
          {{{"code", "T1"},
            {"name", "学习督查"},
            {"points", 6},
            {"rule", {{"kind", "target"}, {"metric", metric}, {"target", 4}, {"floor", 0.5}}}},
           {{"code", "T2"},
            {"name", "主体责任监督"},
            {"points", 4},
            {"rule", {{"kind", "manual"}, {"min", 0}, {"max", manual_max}}}}}}}}},
  };
  return scheme.dump(2);
}

// The display column where `cell` starts on `line` (-1 when it is not there).
int ColumnOf(absl::string_view line, absl::string_view cell) {
  size_t at = line.find(cell);
  return at == absl::string_view::npos ? -1 : cli::DisplayWidth(line.substr(0, at));
}

class SchemeCommandsTest : public LedgerTest {
 protected:
  void SetUp() override {
    ASSERT_EQ(load_->exit_code, 0) << load_->output;
    ASSERT_TRUE(std::filesystem::exists(demo_->state + "/demo/assessment-2021.done"))
        << load_->output;
  }
};

TEST_F(SchemeCommandsTest, MetricsAreListedWithTheirMeaning) {
  Result table = As("P001", {"metrics", "list"});  // anyone may read the catalogue
  ASSERT_EQ(table.exit_code, 0) << table.output;
  EXPECT_THAT(table.output, MatchesRegex("METRIC +SOURCE +TARGET +VALUE +MEANING\n(.|\n)*"));
  EXPECT_THAT(table.output, MatchesRegex("(.|\n)*\nstudy_checks +ledger +group +count +sum of "
                                         "count of the group's study_check activities\n(.|\n)*"));
  EXPECT_THAT(table.output, MatchesRegex("(.|\n)*\ndisposed_on_time_percent +clue +group +share "
                                         "% +of those, the share disposed (.|\n)*"));

  Result json = Paizhu({"metrics", "list", "--json"});
  ASSERT_EQ(json.exit_code, 0) << json.output;
  nlohmann::json metrics = Json(json)["metrics"];
  ASSERT_FALSE(metrics.empty()) << json.output;
  EXPECT_EQ(Keys(metrics[0]),
            (std::set<std::string>{"name", "source", "target_kind", "percent", "definition"}));
  // Every metric the shipped group scheme reads is in the catalogue.
  std::set<std::string> names;
  for (const auto& m : metrics) names.insert(m.value("name", ""));
  nlohmann::json scheme = SourceScheme("group-v1.json");
  for (const auto& aspect : scheme["aspects"]) {
    for (const auto& task : aspect["tasks"]) {
      std::string metric = task["rule"].value("metric", "");
      if (!metric.empty()) {
        EXPECT_EQ(names.count(metric), 1u) << metric;
      }
    }
  }
  EXPECT_EQ(Paizhu({"metrics", "list", "extra"}).exit_code, 2);
}

// What an assessor reads: every aspect and task of the shipped scheme with its points, as in
// data/schemes/group-v1.json, and how each rule gives them.
TEST_F(SchemeCommandsTest, TheDemoSchemeIsShownAsItsSourceFile) {
  nlohmann::json source = SourceScheme("group-v1.json");
  ASSERT_TRUE(source.is_object());
  Result shown = As("F004", {"schemes", "show", "group-v1"});
  ASSERT_EQ(shown.exit_code, 0) << shown.output;
  int tasks = 0;
  for (const auto& aspect : source["aspects"]) tasks += static_cast<int>(aspect["tasks"].size());
  EXPECT_THAT(
      shown.output,
      HasSubstr(absl::StrCat(
          "group-v1 ", source.value("title", ""), ", for each group: ", source["aspects"].size(),
          " aspects, ", tasks, " tasks, ", source["bonus"].size(), " bonus items; total ",
          source["total"].dump(), ", bonus cap ", source["bonus_cap"].dump(), "\n")));
  std::vector<std::string> lines = absl::StrSplit(shown.output, '\n', absl::SkipEmpty());
  ASSERT_GE(lines.size(), 3u) << shown.output;
  ASSERT_THAT(lines[1], MatchesRegex("ASPECT +TASK +NAME +POINTS +RULE"));
  const int rule_column = ColumnOf(lines[1], "RULE");
  // Each row: ASPECT TASK NAME POINTS RULE, the rule starting under RULE.
  auto expect_row = [&](const std::string& aspect, const std::string& task, const std::string& name,
                        const std::string& points, const std::string& rule) {
    std::string start = absl::StrCat(aspect, " ");
    for (const std::string& line : lines) {
      if (!absl::StartsWith(line, start) || !absl::StrContains(line, absl::StrCat(" ", name, " ")))
        continue;
      std::vector<std::string> cells = absl::StrSplit(line, ' ', absl::SkipEmpty());
      if (!task.empty() && cells[1] != task) continue;
      EXPECT_THAT(line, HasSubstr(absl::StrCat(" ", points, "  "))) << line;
      EXPECT_THAT(line, HasSubstr(rule)) << line;
      EXPECT_EQ(ColumnOf(line, rule), rule_column) << shown.output;
      return;
    }
    ADD_FAILURE() << "no row " << aspect << " " << task << " " << name << "\n" << shown.output;
  };
  for (const auto& aspect : source["aspects"]) {
    std::string code = aspect.value("code", "");
    expect_row(code, "", aspect.value("name", ""), aspect["points"].dump(), "the sum of its tasks");
    for (const auto& task : aspect["tasks"]) {
      expect_row(code, task.value("code", ""), task.value("name", ""), task["points"].dump(),
                 absl::StrCat(task["rule"].value("kind", ""), ":"));
    }
  }
  for (const auto& item : source["bonus"]) {
    expect_row("bonus", item.value("code", ""), item.value("name", ""), item["points"].dump(),
               absl::StrCat(item["rule"].value("kind", ""), ":"));
  }
  // How the rules read, from the file's A01 (target 4, floor 0.5), A04 (manual 0..3), X03
  // (0.5 per case filed).
  EXPECT_THAT(shown.output,
              HasSubstr("target: full at study_checks = 4, proportional below, 0 below 50% of it"));
  EXPECT_THAT(shown.output, HasSubstr("manual: the assessor gives 0 to 3"));
  EXPECT_THAT(shown.output, HasSubstr("bonus: 0.5 per cases_filed, up to the item's points"));

  // The key alone is its newest version; --version picks one; the document is the file's.
  Result newest = Paizhu({"schemes", "show", "group", "--json"});
  ASSERT_EQ(newest.exit_code, 0) << newest.output;
  EXPECT_EQ(Keys(Json(newest)), kSchemeKeys);
  EXPECT_EQ(Json(newest).value("name", ""), "schemes/group-v2");
  Result first = Paizhu({"schemes", "show", "schemes/group", "--version", "1", "--json"});
  ASSERT_EQ(first.exit_code, 0) << first.output;
  nlohmann::json document = nlohmann::json::parse(Json(first).value("document", ""), nullptr,
                                                  /*allow_exceptions=*/false);
  ASSERT_TRUE(document.is_object()) << first.output;
  ASSERT_EQ(document["aspects"].size(), source["aspects"].size());
  for (size_t i = 0; i < source["aspects"].size(); ++i) {
    const auto& want = source["aspects"][i];
    const auto& got = document["aspects"][i];
    EXPECT_EQ(got["points"], want["points"]) << i;
    ASSERT_EQ(got["tasks"].size(), want["tasks"].size()) << i;
    for (size_t j = 0; j < want["tasks"].size(); ++j) {
      EXPECT_EQ(got["tasks"][j]["code"], want["tasks"][j]["code"]);
      EXPECT_EQ(got["tasks"][j]["points"], want["tasks"][j]["points"]);
    }
  }

  Result missing = Paizhu({"schemes", "show", "nosuch-v1"});
  EXPECT_EQ(missing.exit_code, 1) << missing.output;
  EXPECT_THAT(missing.output, HasSubstr("NOT_FOUND"));
  EXPECT_THAT(missing.output, HasSubstr("reason SCHEME_NOT_FOUND"));
  EXPECT_EQ(Paizhu({"schemes", "show", "nosuch"}).exit_code, 1);
  EXPECT_EQ(Paizhu({"schemes", "show"}).exit_code, 2);
  EXPECT_EQ(Paizhu({"schemes", "show", "group", "--version", "two"}).exit_code, 2);
}

TEST_F(SchemeCommandsTest, ABadFileIsRefusedWithItsFirstProblemAndWhereItIs) {
  Result shipped = As("F004", {"schemes", "validate",
                               absl::StrCat(PAIZHU_SOURCE_DIR, "/data/schemes/group-v1.json")});
  ASSERT_EQ(shipped.exit_code, 0) << shipped.output;
  EXPECT_THAT(shipped.output,
              HasSubstr("group-v1.json: valid: group-v1 派驻纪检监察组工作考核评分细则 "
                        "(5 aspects, 39 tasks, 3 bonus items; total 100, bonus cap 5)\n"));
  std::string good = Write("schemecli-good.json", OwnScheme("schemecli_check", 1));
  Result valid = Paizhu({"schemes", "validate", good});
  ASSERT_EQ(valid.exit_code, 0) << valid.output;
  EXPECT_EQ(valid.output, absl::StrCat(good,
                                       ": valid: schemecli_check-v1 命令行测试细则 (1 aspect, "
                                       "2 tasks, 0 bonus items; total 10, bonus cap 0)\n"));
  Result json = Paizhu({"schemes", "validate", good, "--json"});
  ASSERT_EQ(json.exit_code, 0) << json.output;
  EXPECT_EQ(Keys(Json(json)), kSchemeKeys);
  EXPECT_EQ(Json(json).value("tasks", 0), 2);

  struct Bad {
    std::string file, text, field, place, reason, why;
  };
  const std::vector<Bad> bad = {
      {"schemecli-metric.json", OwnScheme("schemecli_check", 1, "study_visits"),
       "aspects[0].tasks[0].rule.metric", "T1 学习督查", "UNKNOWN_METRIC",
       "'study_visits' is not in the metric catalogue"},
      {"schemecli-sum.json", OwnScheme("schemecli_check", 1, "study_checks", 8),
       "aspects[0].points", "A 政治监督", "POINTS_DO_NOT_ADD_UP",
       "8 declared, its tasks add up to 10"},
      {"schemecli-bounds.json", OwnScheme("schemecli_check", 1, "study_checks", 10, 5),
       "aspects[0].tasks[1].rule.max", "T2 主体责任监督", "INVALID_BOUNDS",
       "bounds must satisfy 0 <= min <= max <= points (4)"},
      {"schemecli-unit-metric.json", OwnScheme("schemecli_check", 1, "letters_received"),
       "aspects[0].tasks[0].rule.metric", "T1 学习督查", "METRIC_NOT_FOR_TARGET", ""},
      {"schemecli-syntax.json", "{\"key\": ", "", "", "INVALID_SCHEME_JSON", ""},
  };
  for (const Bad& b : bad) {
    std::string path = Write(b.file, b.text);
    Result refused = Paizhu({"schemes", "validate", path});
    EXPECT_EQ(refused.exit_code, 1) << refused.output;
    std::string where = b.field.empty() ? "" : absl::StrCat(b.field, " (", b.place, "): ");
    EXPECT_THAT(refused.output, HasSubstr(absl::StrCat(path, ": ", where, b.reason, ": ", b.why)))
        << b.file;
    EXPECT_THAT(refused.output, HasSubstr("error: INVALID_ARGUMENT")) << b.file;
    EXPECT_THAT(refused.output, HasSubstr(absl::StrCat("[reason ", b.reason,
                                                       b.field.empty() ? "" : ", field ", b.field)))
        << b.file;
  }
  // Validation stores nothing.
  Result stored = Paizhu({"schemes", "show", "schemecli_check-v1"});
  EXPECT_EQ(stored.exit_code, 1) << stored.output;
  EXPECT_THAT(stored.output, HasSubstr("reason SCHEME_NOT_FOUND"));

  Result unreadable =
      Paizhu({"schemes", "validate", absl::StrCat(*dir_, "/schemecli-missing.json")});
  EXPECT_EQ(unreadable.exit_code, 1) << unreadable.output;
  EXPECT_THAT(unreadable.output, HasSubstr("reason FILE_NOT_READABLE"));
  Result group = As("P001", {"schemes", "validate", good});
  EXPECT_EQ(group.exit_code, 1) << group.output;
  EXPECT_THAT(group.output, HasSubstr("PERMISSION_DENIED"));
  EXPECT_THAT(group.output, HasSubstr("reason CALLER_NOT_ALLOWED"));
  EXPECT_EQ(Paizhu({"schemes", "validate"}).exit_code, 2);
}

TEST_F(SchemeCommandsTest, ANewVersionIsCreatedAndListed) {
  std::string v1 = Write("schemecli-v1.json", OwnScheme("schemecli", 1));
  Result created = As("F004", {"schemes", "create", v1});
  ASSERT_EQ(created.exit_code, 0) << created.output;
  EXPECT_EQ(created.output,
            "created schemecli-v1 命令行测试细则 (1 aspect, 2 tasks, 0 bonus "
            "items; total 10, bonus cap 0)\n");
  Result again = Paizhu({"schemes", "create", v1});  // versions never change
  EXPECT_EQ(again.exit_code, 1) << again.output;
  EXPECT_THAT(again.output, HasSubstr("ALREADY_EXISTS"));
  EXPECT_THAT(again.output, HasSubstr("reason SCHEME_VERSION_EXISTS"));

  Result v2 = Paizhu({"schemes", "create",
                      Write("schemecli-v2.json", OwnScheme("schemecli", 2, "talks_person_times")),
                      "--json"});
  ASSERT_EQ(v2.exit_code, 0) << v2.output;
  EXPECT_EQ(Keys(Json(v2)), kSchemeKeys);
  EXPECT_EQ(Json(v2).value("name", ""), "schemes/schemecli-v2");
  EXPECT_EQ(Json(v2).value("version", 0), 2);

  Result list = Paizhu({"schemes", "list"});
  ASSERT_EQ(list.exit_code, 0) << list.output;
  EXPECT_THAT(list.output, MatchesRegex("SCHEME +TITLE +TARGET +TOTAL +BONUS CAP +ASPECTS +TASKS "
                                        "+BONUS ITEMS\n(.|\n)*"));
  EXPECT_THAT(list.output, MatchesRegex("(.|\n)*\ngroup-v1 +派驻纪检监察组工作考核评分细则 +group "
                                        "+100 +5 +5 +39 +3\n(.|\n)*"));
  EXPECT_THAT(list.output,
              MatchesRegex("(.|\n)*\nschemecli-v1 +命令行测试细则 +group +10 +0 +1 +2 +0\n"
                           "schemecli-v2 +命令行测试细则 +group +10 +0 +1 +2 +0\n(.|\n)*"));
  Result json = As("P001", {"schemes", "list", "--json"});  // anyone may read them
  ASSERT_EQ(json.exit_code, 0) << json.output;
  nlohmann::json schemes = Json(json)["schemes"];
  ASSERT_FALSE(schemes.empty()) << json.output;
  EXPECT_EQ(Keys(schemes[0]), kSchemeKeys);
  EXPECT_EQ(schemes[0].value("document", "x"), "");  // without documents
  // The newest is what `schemes show KEY` shows: v2 reads talks.
  Result shown = Paizhu({"schemes", "show", "schemecli"});
  ASSERT_EQ(shown.exit_code, 0) << shown.output;
  EXPECT_THAT(shown.output, HasSubstr("schemecli-v2 命令行测试细则, for each group"));
  EXPECT_THAT(shown.output, MatchesRegex("(.|\n)*\nA +T1 +学习督查 +6 +target: full at "
                                         "talks_person_times = 4, (.|\n)*"));

  Result group =
      As("P001", {"schemes", "create", Write("schemecli-v3.json", OwnScheme("schemecli", 3))});
  EXPECT_EQ(group.exit_code, 1) << group.output;
  EXPECT_THAT(group.output, HasSubstr("reason CALLER_NOT_ALLOWED"));
  EXPECT_THAT(Paizhu({"schemes", "list"}).output, Not(HasSubstr("schemecli-v3")));
  EXPECT_EQ(Paizhu({"schemes", "create"}).exit_code, 2);
}

TEST_F(SchemeCommandsTest, RunsAreListedNewestFirstAPageAtATime) {
  std::string demo_run = std::string(
      absl::StripSuffix(testing::ReadFile(demo_->state + "/demo/assessment-2021.done"), "\n"));
  ASSERT_TRUE(absl::StartsWith(demo_run, "runs/")) << demo_run;
  std::string id(absl::StripPrefix(demo_run, "runs/"));

  Result list = As("L001", {"assess", "run", "list", "--year", "2021", "--state-filter", "final"});
  ASSERT_EQ(list.exit_code, 0) << list.output;
  EXPECT_THAT(list.output,
              MatchesRegex(absl::StrCat("RUN +SCHEME +PERIOD +FROM +TO +STATE\n", "(.|\n)*", id,
                                        " +group-v1 +2021 +2021-01-01 "
                                        "+2021-12-31 +final\n(.|\n)*")));
  Result none = Paizhu({"assess", "run", "list", "--year", "2021", "--state-filter", "draft",
                        "--scheme", "group-v1"});
  ASSERT_EQ(none.exit_code, 0) << none.output;
  EXPECT_THAT(none.output, Not(HasSubstr(absl::StrCat("\n", id, " "))));

  // A draft of its own (2019-Q1, one group) is the newest: the first page of one.
  Result draft = As("F004", {"assess", "run", "create", "--scheme", "group-v1", "--period",
                             "2019-Q1", "--targets", "G01"});
  ASSERT_EQ(draft.exit_code, 0) << draft.output;
  std::string draft_id(
      absl::StripPrefix(std::vector<std::string>(absl::StrSplit(draft.output, ':'))[0], "runs/"));
  Result first =
      As("L001", {"assess", "run", "list", "--scheme", "schemes/group-v1", "--page-size", "1"});
  ASSERT_EQ(first.exit_code, 0) << first.output;
  EXPECT_THAT(first.output,
              MatchesRegex(absl::StrCat("RUN +SCHEME +PERIOD +FROM +TO +STATE\n", draft_id,
                                        " +group-v1 +2019-Q1 +2019-01-01 +2019-03-31 +draft\n"
                                        "next page: --page-token [^ \n]+\n")));
  std::string token = std::string(
      absl::StripSuffix(first.output.substr(first.output.find("--page-token ") + 13), "\n"));
  Result json = Paizhu({"assess", "run", "list", "--scheme", "group-v1", "--page-size", "1",
                        "--page-token", token, "--json"});
  ASSERT_EQ(json.exit_code, 0) << json.output;
  EXPECT_EQ(Keys(Json(json)), (std::set<std::string>{"runs", "next_page_token"}));
  nlohmann::json runs = Json(json)["runs"];
  ASSERT_EQ(runs.size(), 1u) << json.output;
  EXPECT_EQ(Keys(runs[0]), (std::set<std::string>{"name", "scheme", "period", "from", "to", "state",
                                                  "grades", "ranking"}));
  EXPECT_NE(runs[0].value("name", ""), absl::StrCat("runs/", draft_id));
  EXPECT_EQ(runs[0].value("scheme", ""), "schemes/group-v1");

  Result bad_state = Paizhu({"assess", "run", "list", "--state-filter", "done"});
  EXPECT_EQ(bad_state.exit_code, 1) << bad_state.output;
  EXPECT_THAT(bad_state.output, HasSubstr("INVALID_ARGUMENT"));
  EXPECT_THAT(bad_state.output, HasSubstr("reason INVALID_STATE, field state"));
  Result bad_year = Paizhu({"assess", "run", "list", "--year", "1999"});
  EXPECT_EQ(bad_year.exit_code, 1) << bad_year.output;
  EXPECT_THAT(bad_year.output, HasSubstr("reason INVALID_YEAR, field year"));
  Result group = As("P001", {"assess", "run", "list"});
  EXPECT_EQ(group.exit_code, 1) << group.output;
  EXPECT_THAT(group.output, HasSubstr("PERMISSION_DENIED"));
  EXPECT_EQ(Paizhu({"assess", "run", "list", "--year", "last"}).exit_code, 2);
  EXPECT_EQ(Paizhu({"assess", "run", "list", "--page-size", "many"}).exit_code, 2);
}

// From 2091 (a period no other test reads) reports are due on the 12th.
TEST_F(SchemeCommandsTest, ANewDueDayMovesTheDueDatesFromItsMonth) {
  Result set = As("F004", {"monthly-reports", "due-day", "--day", "12", "--from", "2091-01"});
  ASSERT_EQ(set.exit_code, 0) << set.output;
  EXPECT_EQ(set.output,
            "monthly reports are due on day 12 of their month for months from "
            "2091-01-01 on\n");
  Result status = Paizhu({"monthly-reports", "status", "--group", "G01", "--from", "2090-12",
                          "--to", "2091-02", "--as-of", "2091-01-20"});
  ASSERT_EQ(status.exit_code, 0) << status.output;
  EXPECT_THAT(status.output, MatchesRegex("MONTH +DUE +STATE +SUBMITTED\n"
                                          "2090-12 +2090-12-05 +missing\n"
                                          "2091-01 +2091-01-12 +missing\n"
                                          "2091-02 +2091-02-12 +not_yet_due\n(.|\n)*"));

  Result json =
      Paizhu({"monthly-reports", "due-day", "--day", "10", "--from", "2091-07-01", "--json"});
  ASSERT_EQ(json.exit_code, 0) << json.output;
  EXPECT_EQ(Keys(Json(json)), (std::set<std::string>{"effective_from", "due_day"}));
  EXPECT_EQ(Json(json).value("due_day", 0), 10);
  Result july = Paizhu({"monthly-reports", "status", "--group", "G01", "--from", "2091-06", "--to",
                        "2091-07", "--json"});
  ASSERT_EQ(july.exit_code, 0) << july.output;
  ASSERT_EQ(Json(july)["months"].size(), 2u) << july.output;
  EXPECT_EQ(Json(july)["months"][0].value("due_on", ""), "2091-06-12");
  EXPECT_EQ(Json(july)["months"][1].value("due_on", ""), "2091-07-10");

  Result again = Paizhu({"monthly-reports", "due-day", "--day", "8", "--from", "2091-01-01"});
  EXPECT_EQ(again.exit_code, 1) << again.output;
  EXPECT_THAT(again.output, HasSubstr("ALREADY_EXISTS"));
  EXPECT_THAT(again.output, HasSubstr("reason DUE_DAY_RULE_EXISTS"));
  Result day31 = Paizhu({"monthly-reports", "due-day", "--day", "31", "--from", "2092-01"});
  EXPECT_EQ(day31.exit_code, 1) << day31.output;
  EXPECT_THAT(day31.output, HasSubstr("reason INVALID_DUE_DAY, field rule.due_day"));
  Result bad_date = Paizhu({"monthly-reports", "due-day", "--day", "3", "--from", "2092-13"});
  EXPECT_EQ(bad_date.exit_code, 1) << bad_date.output;
  EXPECT_THAT(bad_date.output, HasSubstr("field rule.effective_from"));
  Result group = As("P001", {"monthly-reports", "due-day", "--day", "3", "--from", "2093-01"});
  EXPECT_EQ(group.exit_code, 1) << group.output;
  EXPECT_THAT(group.output, HasSubstr("PERMISSION_DENIED"));
  EXPECT_EQ(Paizhu({"monthly-reports", "due-day", "--from", "2093-01"}).exit_code, 2);
  EXPECT_EQ(Paizhu({"monthly-reports", "due-day", "--day", "tenth"}).exit_code, 2);
}

}  // namespace
}  // namespace paizhu
