// The clue service's reading, counting and upkeep commands through the paizhu binary on the
// loaded demo city (ledger_suite.h): a live clue's timeline page by page, the clue figures
// against the demo ledgers counted here, deadlines on the working-day calendar counted here,
// loading a calendar year (2031, which no other test uses), and the audit chain and its
// checkpoints, a tampered entry included. Refusals with status, reason and field (exit 1),
// usage errors (exit 2), the --json keys.

#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "absl/time/civil_time.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "common/sql/connection.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/cli/ledger_city.h"
#include "tests/cli/ledger_suite.h"
#include "tools/cli/csv.h"
#include "tools/cli/ledger_format.h"

namespace paizhu {
namespace {

using ::testing::HasSubstr;

std::string ReadText(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// The cells of the first output line whose first cell is `label`.
std::vector<std::string> Row(const std::string& output, const std::string& label) {
  for (absl::string_view line : absl::StrSplit(output, '\n')) {
    std::vector<std::string> cells = absl::StrSplit(line, ' ', absl::SkipEmpty());
    if (!cells.empty() && cells[0] == label) return cells;
  }
  return {};
}

// A calendar's special days (date -> holiday|workday) from a `date,kind,name` file.
std::map<std::string, std::string> SpecialDays(const std::string& text) {
  std::map<std::string, std::string> days;
  absl::StatusOr<cli::CsvFile> csv = cli::ParseCsv(text);
  EXPECT_TRUE(csv.ok()) << csv.status();
  if (!csv.ok()) return days;
  for (const auto& record : csv->records) days[record.cells[0]] = record.cells[1];
  return days;
}

// Today in China, the day the services date steps by.
std::string Today() {
  return absl::FormatCivilTime(absl::ToCivilDay(absl::Now(), absl::FixedTimeZone(8 * 3600)));
}

bool IsWorkingDay(absl::CivilDay day, const std::map<std::string, std::string>& special) {
  auto it = special.find(absl::FormatCivilTime(day));
  if (it != special.end()) return it->second == "workday";
  absl::Weekday weekday = absl::GetWeekday(day);
  return weekday != absl::Weekday::saturday && weekday != absl::Weekday::sunday;
}

// The test's own count: `amount` working days after `start` (not counted).
struct Counted {
  std::string due;
  int days_off = 0;  // days passed over on the way
  int makeup = 0;    // weekend days counted as working days
};
Counted WorkingDaysAfter(const std::string& start, int amount,
                         const std::map<std::string, std::string>& special) {
  Counted counted;
  absl::CivilDay day = cli::Day(start);
  for (int left = amount; left > 0;) {
    ++day;
    absl::Weekday weekday = absl::GetWeekday(day);
    bool weekend = weekday == absl::Weekday::saturday || weekday == absl::Weekday::sunday;
    if (IsWorkingDay(day, special)) {
      --left;
      counted.makeup += weekend;
    } else {
      ++counted.days_off;
    }
  }
  counted.due = absl::FormatCivilTime(day);
  return counted;
}

class ClueAdminCommandsTest : public LedgerTest {
 protected:
  void SetUp() override {
    ASSERT_EQ(load_->exit_code, 0) << load_->output;
    ASSERT_TRUE(std::filesystem::exists(demo_->state + "/demo/live-clues.done")) << load_->output;
  }

  // The demo's live clue of G05 handled in the first form (load-demo: 冯晓东): registered,
  // assigned, reviewed and proposed by its handler P015, approved by the leader P005,
  // concluded, approved, its outcome recorded.
  static std::string FirstFormClue() {
    Result list = As("A001", {"clues", "list", "--handling-unit", "G05", "--state-filter",
                              "first_form", "--json"});
    EXPECT_EQ(list.exit_code, 0) << list.output;
    nlohmann::json clues = Json(list)["clues"];
    EXPECT_EQ(clues.size(), 1u) << list.output;
    if (clues.size() != 1) return "";
    return std::string(absl::StripPrefix(clues[0].value("name", ""), "clues/"));
  }
};

TEST_F(ClueAdminCommandsTest, ALiveCluesTimelineShowsItsStepsInOrderPageByPage) {
  std::string number = FirstFormClue();
  ASSERT_FALSE(number.empty());
  Result timeline = As("A001", {"clues", "timeline", number, "--json"});
  ASSERT_EQ(timeline.exit_code, 0) << timeline.output;
  nlohmann::json events = Json(timeline)["events"];
  EXPECT_EQ(Keys(Json(timeline)), (std::set<std::string>{"events", "next_page_token"}));
  ASSERT_FALSE(events.empty()) << timeline.output;
  EXPECT_EQ(Keys(events[0]), (std::set<std::string>{"seq", "time", "actor", "acting_unit", "action",
                                                    "facts", "reporter_masked"}));
  std::vector<std::string> steps;
  int64_t last_seq = 0;
  for (const auto& e : events) {
    steps.push_back(absl::StrCat(e.value("action", ""), " by ", e.value("actor", ""), " for ",
                                 e.value("acting_unit", "")));
    int64_t seq = std::stoll(e.value("seq", "0"));  // int64 is a JSON string
    EXPECT_GT(seq, last_seq) << timeline.output;
    last_seq = seq;
  }
  const std::string handler = " by people/P015 for units/G05";
  const std::string leader = " by people/P005 for units/G05";
  EXPECT_EQ(steps, (std::vector<std::string>{"register" + handler, "assign" + handler,
                                             "review" + handler, "propose_disposal" + handler,
                                             "approve" + leader, "conclude_inquiry" + handler,
                                             "approve" + leader, "record_outcomes" + handler}))
      << timeline.output;
  // The first approval moved the clue from the proposal into inquiry.
  std::map<std::string, std::string> approved;
  for (const auto& fact : events[4]["facts"]) {
    approved[fact.value("field", "")] =
        fact.value("previous", "") + " -> " + fact.value("value", "");
  }
  EXPECT_EQ(approved["state"], "disposal_proposed -> inquiry") << timeline.output;

  Result table = Paizhu({"clues", "timeline", number});
  ASSERT_EQ(table.exit_code, 0) << table.output;
  EXPECT_THAT(table.output, HasSubstr("disposal_proposed → inquiry"));
  std::vector<std::string> first = Row(table.output, events[0].value("seq", ""));
  ASSERT_GE(first.size(), 6u) << table.output;
  EXPECT_EQ(first[3], "P015");  // after the date and the time of day
  EXPECT_EQ(first[4], "G05");
  EXPECT_EQ(first[5], "register");
  EXPECT_THAT(table.output, ::testing::Not(HasSubstr("next page: --page-token")));

  // Three at a time: the same steps, and the table names the next page.
  std::vector<std::string> paged;
  std::string token;
  int pages = 0;
  do {
    std::vector<std::string> args = {"clues", "timeline", number, "--page-size", "3", "--json"};
    if (!token.empty()) args.insert(args.end(), {"--page-token", token});
    Result page = Paizhu(args);
    ASSERT_EQ(page.exit_code, 0) << page.output;
    nlohmann::json items = Json(page)["events"];
    EXPECT_LE(items.size(), 3u);
    for (const auto& e : items) paged.push_back(e.value("seq", ""));
    token = Json(page).value("next_page_token", "");
  } while (!token.empty() && ++pages < 10);
  std::vector<std::string> all;
  for (const auto& e : events) all.push_back(e.value("seq", ""));
  EXPECT_EQ(paged, all);
  Result first_page = Paizhu({"clues", "timeline", number, "--page-size", "3"});
  ASSERT_EQ(first_page.exit_code, 0) << first_page.output;
  const std::string kNextPage = "next page: --page-token ";
  size_t more = first_page.output.find(kNextPage);
  ASSERT_NE(more, std::string::npos) << first_page.output;
  std::string next(absl::StripAsciiWhitespace(first_page.output.substr(more + kNextPage.size())));
  Result second_page =
      Paizhu({"clues", "timeline", number, "--page-size", "3", "--page-token", next});
  ASSERT_EQ(second_page.exit_code, 0) << second_page.output;
  std::vector<std::string> fourth = Row(second_page.output, all[3]);
  ASSERT_GE(fourth.size(), 6u) << second_page.output;
  EXPECT_EQ(fourth[5], "propose_disposal") << second_page.output;

  Result missing = Paizhu({"clues", "timeline", "XS2026-9999"});
  EXPECT_EQ(missing.exit_code, 1) << missing.output;
  EXPECT_THAT(missing.output, HasSubstr("NOT_FOUND"));
  EXPECT_THAT(missing.output, HasSubstr("reason CLUE_NOT_FOUND"));
  Result damaged = Paizhu({"clues", "timeline", number, "--page-token", "nonsense"});
  EXPECT_EQ(damaged.exit_code, 1) << damaged.output;
  EXPECT_THAT(damaged.output, HasSubstr("field page_token"));
  Result trial = As("A002", {"clues", "timeline", number});
  EXPECT_EQ(trial.exit_code, 1) << trial.output;
  EXPECT_THAT(trial.output, HasSubstr("PERMISSION_DENIED"));
  EXPECT_EQ(Paizhu({"clues", "timeline"}).exit_code, 2);
  EXPECT_EQ(Paizhu({"clues", "timeline", number, "--page-size", "lots"}).exit_code, 2);
}

TEST_F(ClueAdminCommandsTest, ClueStatsGiveTheFiguresTheDemoLedgersHold) {
  std::map<std::string, std::string> files;
  for (const auto& format : cli::LedgerFormats()) {
    files[format.kind] = ReadText(absl::StrCat(kDemoDir, "/", format.kind, ".csv"));
  }
  cli::LedgerCity city(files);
  ASSERT_THAT(city.problems(), ::testing::IsEmpty());
  const std::string from = "2018-01-01", to = "2022-05-31";
  std::map<std::string, int> report = city.WorkReport(cli::Day(from), cli::Day(to), cli::Day(to));
  // Counted here from clues.csv (a row per person reported: a clue naming two people has
  // two): received, by source, filed, and G01's share.
  auto in_period = [&](const std::string& day) { return !day.empty() && day >= from && day <= to; };
  int received = 0, received_g01 = 0, filed = 0;
  std::map<std::string, int> by_source;
  std::set<std::string> seen;
  for (const auto& clue : city.rows("clues")) {
    if (!seen.insert(clue.at("number")).second) continue;
    if (in_period(clue.at("received_on"))) {
      ++received;
      ++by_source[clue.at("source")];
      received_g01 += clue.at("handling_unit") == "G01";
    }
    filed += in_period(clue.at("filed_on"));
  }
  ASSERT_LT(seen.size(), city.rows("clues").size());  // the two-person clues are there
  ASSERT_GT(received_g01, 0);

  Result stats =
      As("A001", {"clues", "stats", "--from", from, "--to", to, "--units", "G01", "--json"});
  ASSERT_EQ(stats.exit_code, 0) << stats.output;
  nlohmann::json answer = Json(stats);
  EXPECT_EQ(Keys(answer), (std::set<std::string>{"from", "to", "totals", "units"}));
  nlohmann::json totals = answer["totals"];
  auto figure = [](const nlohmann::json& figures, const std::string& key) {
    return std::stoll(figures.value(key, "-1"));  // int64 is a JSON string
  };
  EXPECT_EQ(figure(totals, "clues_received"), received);
  for (const auto& [source, count] : by_source) {
    EXPECT_EQ(std::stoll(totals["received_by_source"].value(source, "0")), count) << source;
  }
  EXPECT_EQ(figure(totals, "cases_filed"), filed);
  EXPECT_EQ(figure(totals, "clues_disposed"), report["clues_disposed"]);
  EXPECT_EQ(figure(totals, "people_sanctioned"), report["people_sanctioned"]);
  EXPECT_EQ(figure(totals, "people_criticised"), report["people_criticised"]);
  EXPECT_EQ(figure(totals, "letters_issued"), report["letters_issued"]);
  EXPECT_EQ(figure(totals, "problems_tracked"), report["problems_tracked"]);
  ASSERT_EQ(answer["units"].size(), 1u);
  EXPECT_EQ(answer["units"][0].value("unit", ""), "units/G01");
  EXPECT_EQ(figure(answer["units"][0]["figures"], "clues_received"), received_g01);

  Result table = Paizhu({"clues", "stats", "--from", from, "--to", to, "--units", "G01"});
  ASSERT_EQ(table.exit_code, 0) << table.output;
  EXPECT_THAT(table.output, HasSubstr(absl::StrCat("clues ", from, "..", to)));
  EXPECT_EQ(Row(table.output, "FIGURE"), (std::vector<std::string>{"FIGURE", "TOTAL", "G01"}));
  EXPECT_EQ(Row(table.output, "clues_received"),
            (std::vector<std::string>{"clues_received", absl::StrCat(received),
                                      absl::StrCat(received_g01)}));
  EXPECT_EQ(Row(table.output, "clues_disposed").at(1), absl::StrCat(report["clues_disposed"]));
  EXPECT_EQ(Row(table.output, "received_by_source.petition").at(1),
            absl::StrCat(by_source["petition"]));

  Result bad_date = Paizhu({"clues", "stats", "--from", "2022-02-30", "--to", to});
  EXPECT_EQ(bad_date.exit_code, 1) << bad_date.output;
  EXPECT_THAT(bad_date.output, HasSubstr("INVALID_ARGUMENT"));
  EXPECT_THAT(bad_date.output, HasSubstr("field from"));
  Result backwards = Paizhu({"clues", "stats", "--from", to, "--to", from});
  EXPECT_EQ(backwards.exit_code, 1) << backwards.output;
  EXPECT_THAT(backwards.output, HasSubstr("reason INVALID_PERIOD, field to"));
  Result trial = As("A002", {"clues", "stats", "--from", from, "--to", to});
  EXPECT_EQ(trial.exit_code, 1) << trial.output;
  EXPECT_THAT(trial.output, HasSubstr("PERMISSION_DENIED"));
  EXPECT_EQ(Paizhu({"clues", "stats", "2022"}).exit_code, 2);
}

TEST_F(ClueAdminCommandsTest, DeadlinesAreComputedOnTheWorkingDayCalendar) {
  std::map<std::string, std::string> calendar =
      SpecialDays(ReadText(PAIZHU_SOURCE_DIR "/data/calendars/cn-calendar.csv"));
  ASSERT_EQ(calendar["2026-10-01"], "holiday");
  // Five working days from the Thursday before 中秋节 and 国庆节 (2026).
  Counted expected = WorkingDaysAfter("2026-09-24", 5, calendar);
  ASSERT_NE(expected.due, WorkingDaysAfter("2026-09-24", 5, {}).due);  // the holidays matter

  Result computed =
      As("P011", {"deadlines", "compute", "--from", "2026-09-24", "--working-days", "5", "--json"});
  ASSERT_EQ(computed.exit_code, 0) << computed.output;
  nlohmann::json deadline = Json(computed);
  EXPECT_EQ(Keys(deadline), (std::set<std::string>{"due_date", "explanation", "days_off_skipped",
                                                   "makeup_workdays_counted", "rule", "start_date",
                                                   "provisional"}));
  EXPECT_EQ(deadline.value("due_date", ""), expected.due);
  EXPECT_EQ(deadline.value("days_off_skipped", -1), expected.days_off);
  EXPECT_EQ(deadline.value("makeup_workdays_counted", -1), expected.makeup);

  Result text = Paizhu({"deadlines", "compute", "--from", "2026-09-24", "--working-days", "5"});
  ASSERT_EQ(text.exit_code, 0) << text.output;
  EXPECT_THAT(text.output,
              HasSubstr(absl::StrCat("2026-09-24 + 5 working days: due ", expected.due, "\n")));
  EXPECT_THAT(text.output, HasSubstr(absl::StrCat("days off skipped: ", expected.days_off)));
  EXPECT_THAT(text.output, HasSubstr("国庆节"));

  // Calendar days ending on 2026-10-01 run on to the first working day after the holiday.
  absl::CivilDay after = cli::Day("2026-10-01");
  while (!IsWorkingDay(after, calendar)) ++after;
  Result calendar_days =
      Paizhu({"deadlines", "compute", "--from", "2026-09-28", "--calendar-days", "3", "--json"});
  ASSERT_EQ(calendar_days.exit_code, 0) << calendar_days.output;
  EXPECT_EQ(Json(calendar_days).value("due_date", ""), absl::FormatCivilTime(after));

  Result bad_date = Paizhu({"deadlines", "compute", "--from", "2026-02-30", "--working-days", "5"});
  EXPECT_EQ(bad_date.exit_code, 1) << bad_date.output;
  EXPECT_THAT(bad_date.output, HasSubstr("INVALID_ARGUMENT"));
  EXPECT_THAT(bad_date.output, HasSubstr("field start_date"));
  Result zero = Paizhu({"deadlines", "compute", "--from", "2026-09-24", "--working-days", "0"});
  EXPECT_EQ(zero.exit_code, 1) << zero.output;
  EXPECT_THAT(zero.output, HasSubstr("field amount"));
  EXPECT_EQ(Paizhu({"deadlines", "compute", "--from", "2026-09-24"}).exit_code, 2);
  EXPECT_EQ(Paizhu({"deadlines", "compute", "--working-days", "5", "--months", "1"}).exit_code, 2);
  EXPECT_EQ(Paizhu({"deadlines", "compute", "--working-days", "five"}).exit_code, 2);
}

TEST_F(ClueAdminCommandsTest, ALoadedCalendarYearMovesTheDeadlinesInIt) {
  // 2031, invented: 国庆节 1-7 October, made up on the Sundays and Saturday around it; a
  // 2030 row the load leaves out.
  const std::string file_text =
      "date,kind,name\n"
      "2030-10-01,holiday,国庆节\n"
      "2031-01-01,holiday,元旦\n"
      "2031-09-28,workday,国庆节\n"
      "2031-10-01,holiday,国庆节\n2031-10-02,holiday,国庆节\n2031-10-03,holiday,国庆节\n"
      "2031-10-04,holiday,国庆节\n2031-10-05,holiday,国庆节\n2031-10-06,holiday,国庆节\n"
      "2031-10-07,holiday,国庆节\n"
      "2031-10-11,workday,国庆节\n";
  std::string path = Write("calendar-2031.csv", file_text);
  std::map<std::string, std::string> days = SpecialDays(file_text);
  Counted expected = WorkingDaysAfter("2031-09-26", 5, days);
  ASSERT_NE(expected.due, WorkingDaysAfter("2031-09-26", 5, {}).due);
  const std::vector<std::string> compute = {"deadlines",  "compute",        "--from",
                                            "2031-09-26", "--working-days", "5"};

  Result unloaded = As("admin", compute);
  EXPECT_EQ(unloaded.exit_code, 1) << unloaded.output;
  EXPECT_THAT(unloaded.output, HasSubstr("reason CALENDAR_NOT_LOADED"));

  Result not_admin = As("A001", {"calendar", "load", "2031", path});
  EXPECT_EQ(not_admin.exit_code, 1) << not_admin.output;
  EXPECT_THAT(not_admin.output, HasSubstr("PERMISSION_DENIED"));

  // A bad day is refused with its line and loads nothing.
  std::string bad = Write("calendar-2031-bad.csv",
                          "date,kind,name\n2031-10-01,holiday,国庆节\n2031-10-02,day_off,国庆节\n");
  Result refused = As("admin", {"calendar", "load", "2031", bad});
  EXPECT_EQ(refused.exit_code, 1) << refused.output;
  EXPECT_THAT(refused.output, HasSubstr("reason INVALID_DAY_KIND, field days[1].kind"));
  EXPECT_THAT(refused.output, HasSubstr(bad + " line 3"));
  Result still_unloaded = Paizhu(compute);
  EXPECT_THAT(still_unloaded.output, HasSubstr("reason CALENDAR_NOT_LOADED"));
  Result bad_date =
      Paizhu({"calendar", "load", "2031",
              Write("calendar-2031-date.csv", "date,kind,name\n2031-10-32,holiday,x\n")});
  EXPECT_EQ(bad_date.exit_code, 1) << bad_date.output;
  EXPECT_THAT(bad_date.output, HasSubstr("line 2: date is YYYY-MM-DD"));
  EXPECT_THAT(bad_date.output, HasSubstr("field date"));
  EXPECT_EQ(Paizhu({"calendar", "load", "next-year", path}).exit_code, 2);
  EXPECT_EQ(Paizhu({"calendar", "load", "2031"}).exit_code, 2);

  Result loaded = Paizhu({"calendar", "load", "2031", path});
  ASSERT_EQ(loaded.exit_code, 0) << loaded.output;
  EXPECT_THAT(loaded.output, HasSubstr("calendar 2031 loaded: 10 days (8 holidays, 2 make-up "
                                       "workdays)"));
  EXPECT_THAT(loaded.output, HasSubstr("1 row(s) of other years"));
  Result again = Paizhu({"calendar", "load", "2031", path, "--json"});
  ASSERT_EQ(again.exit_code, 0) << again.output;
  EXPECT_EQ(Keys(Json(again)), (std::set<std::string>{"year", "days", "due_dates_recomputed"}));
  EXPECT_EQ(Json(again).value("days", 0), 10);

  std::vector<std::string> as_json = compute;
  as_json.push_back("--json");
  Result moved = As("P011", as_json);
  ASSERT_EQ(moved.exit_code, 0) << moved.output;
  EXPECT_EQ(Json(moved).value("due_date", ""), expected.due);
  EXPECT_EQ(Json(moved).value("makeup_workdays_counted", -1), expected.makeup);
  EXPECT_EQ(Json(moved).value("days_off_skipped", -1), expected.days_off);
}

TEST_F(ClueAdminCommandsTest, AuditChainsVerifyAndATamperedEntryIsNamed) {
  std::string number = FirstFormClue();
  ASSERT_FALSE(number.empty());
  Result verified = As("A001", {"audit", "verify", number});
  ASSERT_EQ(verified.exit_code, 0) << verified.output;
  EXPECT_THAT(verified.output,
              ::testing::MatchesRegex(number + "'s audit chain: intact, [0-9]+ entries checked\n"));
  Result as_json = Paizhu({"audit", "verify", number, "--json"});
  ASSERT_EQ(as_json.exit_code, 0) << as_json.output;
  EXPECT_EQ(Keys(Json(as_json)),
            (std::set<std::string>{"intact", "entries", "first_broken_seq", "problem"}));
  EXPECT_TRUE(Json(as_json).value("intact", false));
  EXPECT_GE(std::stoll(Json(as_json).value("entries", "0")), 8);  // its eight steps at least

  Result checkpoint = Paizhu({"audit", "checkpoint", "--json"});
  ASSERT_EQ(checkpoint.exit_code, 0) << checkpoint.output;
  EXPECT_EQ(Keys(Json(checkpoint)), (std::set<std::string>{"id", "taken_at", "heads", "digest"}));
  EXPECT_GT(Json(checkpoint).value("heads", 0), 0);
  Result next = Paizhu({"audit", "checkpoint"});
  ASSERT_EQ(next.exit_code, 0) << next.output;
  EXPECT_THAT(next.output,
              HasSubstr(absl::StrCat(
                  "checkpoint ", std::stoll(Json(checkpoint).value("id", "0")) + 1, " taken ")));
  Result checkpoints = Paizhu({"audit", "verify-checkpoints"});
  EXPECT_EQ(checkpoints.exit_code, 0) << checkpoints.output;
  EXPECT_THAT(checkpoints.output, HasSubstr("the audit checkpoints: intact, "));

  // A clue of G10's (no other test reads G10) whose first entry is rewritten in the
  // database: the chain names it, and verifies again once the entry is put back.
  Result registered = As("P022", {"clues", "register", "--received-on", Today(), "--source",
                                  "supervision", "--handling-unit", "G10", "--subject", "审计测试",
                                  "--violations", "integrity", "--allegation", "审计链测试"});
  ASSERT_EQ(registered.exit_code, 0) << registered.output;
  std::string mine = std::vector<std::string>(absl::StrSplit(registered.output, ' ')).at(1);
  ASSERT_EQ(Paizhu({"clues", "assign", mine, "--handlers", "P022"}).exit_code, 0);
  sql::ConnectOptions options = testing::SharedDatabase();
  options.database = demo_->stack->Schema("clue");
  auto db = sql::Connection::Open(options);
  ASSERT_TRUE(db.ok()) << db.status();
  const std::string entry = absl::StrCat(
      " WHERE seq = 1 AND clue_id = (SELECT id FROM clues WHERE number = '", mine, "')");
  ASSERT_TRUE((*db)->ExecText("UPDATE clue_audit SET actor = CONCAT(actor, '-x')" + entry).ok());
  Result broken = As("A001", {"audit", "verify", mine});
  EXPECT_EQ(broken.exit_code, 1) << broken.output;
  EXPECT_THAT(broken.output, HasSubstr(mine + "'s audit chain: BROKEN at entry 1 ("));
  Result broken_json = Paizhu({"audit", "verify", mine, "--json"});
  EXPECT_EQ(broken_json.exit_code, 1) << broken_json.output;
  EXPECT_FALSE(Json(broken_json).value("intact", true));
  EXPECT_FALSE(Json(broken_json).value("problem", "").empty());
  ASSERT_TRUE(
      (*db)->ExecText("UPDATE clue_audit SET actor = TRIM(TRAILING '-x' FROM actor)" + entry).ok());
  EXPECT_EQ(Paizhu({"audit", "verify", mine}).exit_code, 0);

  Result missing = Paizhu({"audit", "verify", "XS2026-9999"});
  EXPECT_EQ(missing.exit_code, 1) << missing.output;
  EXPECT_THAT(missing.output, HasSubstr("reason CLUE_NOT_FOUND"));
  Result leader = As("L001", {"audit", "verify", number});
  EXPECT_EQ(leader.exit_code, 1) << leader.output;
  EXPECT_THAT(leader.output, HasSubstr("PERMISSION_DENIED"));
  EXPECT_EQ(Paizhu({"audit", "checkpoint"}).exit_code, 1);  // still L001
  EXPECT_EQ(Paizhu({"audit", "verify"}).exit_code, 2);
  EXPECT_EQ(Paizhu({"audit", "checkpoint", "now"}).exit_code, 2);
}

}  // namespace
}  // namespace paizhu
