// The demo city (data/demo/*.csv) holds the seed report's figures: counted here straight
// from the files, by CONTRACTS.md's rules for the work report, so the data is checked even
// before a service imports it. Every file also passes the CLI's own checks, and every
// code a row names is defined in the files.

#include <algorithm>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <tuple>
#include <vector>

#include "absl/strings/numbers.h"
#include "absl/strings/str_split.h"
#include "absl/time/civil_time.h"
#include "common/time/civil_date.h"
#include "gtest/gtest.h"
#include "tools/cli/ledger_format.h"

namespace paizhu::cli {
namespace {

using Day = absl::CivilDay;

// A ledger's rows as column -> cell maps.
using Row = std::map<std::string, std::string>;

std::vector<Row> Load(const std::string& kind) {
  std::ifstream in(std::string(PAIZHU_DEMO_DIR) + "/" + kind + ".csv", std::ios::binary);
  EXPECT_TRUE(in) << kind;
  std::stringstream text;
  text << in.rdbuf();
  const LedgerFormat* format = FindLedgerFormat(kind);
  auto ledger = ReadLedger(*format, text.str());
  EXPECT_TRUE(ledger.ok()) << kind << ": " << ledger.status();
  if (!ledger.ok()) return {};
  for (const auto& e : ledger->errors) {
    ADD_FAILURE() << kind << ".csv line " << e.line << " " << e.field << ": " << e.message;
  }
  std::vector<Row> rows;
  for (const auto& row : ledger->rows) {
    Row named;
    for (size_t c = 0; c < format->columns.size(); ++c)
      named[format->columns[c].name] = row.cells[c];
    rows.push_back(std::move(named));
  }
  return rows;
}

Day D(const std::string& text) {
  auto day = ParseDate(text, "date");
  EXPECT_TRUE(day.ok()) << text;
  return day.ok() ? *day : Day();
}

int CompletedYears(Day from, Day on) {
  int years = static_cast<int>(on.year() - from.year());
  if (on.month() < from.month() || (on.month() == from.month() && on.day() < from.day())) --years;
  return years;
}

int CountOf(const Row& row) {
  int count = 1;  // an empty cell: the format's default
  if (!row.at("count").empty()) {
    EXPECT_TRUE(absl::SimpleAtoi(row.at("count"), &count));
  }
  return count;
}

bool IsSanction(const std::string& outcome) {
  return outcome.rfind("party_", 0) == 0 || outcome.rfind("gov_", 0) == 0;
}

class DemoCityTest : public ::testing::Test {
 protected:
  const Day from_ = D("2018-01-01");
  const Day to_ = D("2022-05-31");
  const Day as_of_ = D("2022-05-31");

  bool InPeriod(const std::string& day) const { return D(day) >= from_ && D(day) <= to_; }

  void SetUp() override {
    for (const auto& format : LedgerFormats()) files_[format.kind] = Load(format.kind);
    for (const auto& unit : files_["units"]) units_[unit.at("code")] = unit;
    for (const auto& person : files_["people"]) people_[person.at("code")] = person;
    // Every post: the open one of people.csv and the history of assignments.csv.
    for (const auto& person : files_["people"]) {
      if (!person.at("unit").empty()) {
        posts_.push_back(
            {person.at("code"), person.at("unit"), person.at("post"), person.at("post_since"), ""});
      }
    }
    for (const auto& a : files_["assignments"]) {
      posts_.push_back({a.at("person"), a.at("unit"), a.at("post"), a.at("from"), a.at("to")});
    }
  }

  // The group post `person` holds on `day` ("" when none).
  std::string GroupPostOn(const std::string& person, Day day) const {
    for (const auto& post : posts_) {
      if (post.person != person || units_.at(post.unit).at("kind") != "group") continue;
      if (D(post.from) <= day && (post.to.empty() || day <= D(post.to))) return post.unit;
    }
    return "";
  }

  // The group supervising `unit` on `day` ("" when none): units.csv, then supervision.csv.
  std::string SupervisorOn(const std::string& unit, Day day) const {
    std::vector<std::tuple<Day, std::string, std::string>> changes;  // from, group, to
    const Row& row = units_.at(unit);
    if (!row.at("supervising_group").empty()) {
      changes.emplace_back(D(row.at("supervised_since")), row.at("supervising_group"), "");
    }
    for (const auto& s : files_.at("supervision")) {
      if (s.at("unit") == unit) changes.emplace_back(D(s.at("from")), s.at("group"), s.at("to"));
    }
    std::sort(changes.begin(), changes.end());
    std::string group;
    for (const auto& [since, g, until] : changes) {
      if (since > day) break;
      group = (until.empty() || day <= D(until)) ? g : "";
    }
    return group;
  }

  struct Post {
    std::string person, unit, post, from, to;
  };
  std::map<std::string, std::vector<Row>> files_;
  std::map<std::string, Row> units_;
  std::map<std::string, Row> people_;
  std::vector<Post> posts_;
};

TEST_F(DemoCityTest, StaffingAndCoverageAsOfTheReportsDate) {
  int groups = 0, posts = 0, supervised = 0, uncovered = 0;
  for (const auto& [code, unit] : units_) {
    if (D(unit.at("established_on")) > as_of_) continue;
    if (unit.at("kind") == "group") {
      ++groups;
      for (absl::string_view part : absl::StrSplit(unit.at("posts"), ';')) {
        int count = 0;
        ASSERT_TRUE(absl::SimpleAtoi(part.substr(part.find('=') + 1), &count)) << part;
        posts += count;
      }
    }
    if (unit.at("kind") == "supervised_unit") {
      (SupervisorOn(code, as_of_).empty() ? uncovered : supervised) += 1;
    }
  }
  EXPECT_EQ(groups, 10);
  EXPECT_EQ(posts, 30);
  EXPECT_EQ(supervised, 52);
  EXPECT_EQ(uncovered, 0);

  std::map<std::string, int> figures;
  for (const auto& [code, person] : people_) {
    if (GroupPostOn(code, as_of_).empty()) continue;
    ++figures["staff"];
    int age = CompletedYears(D(person.at("birth_date")), as_of_);
    ++figures[age < 30   ? "age_under_30"
              : age < 40 ? "age_30_39"
              : age < 50 ? "age_40_49"
                         : "age_50_plus"];
    const std::string& education = person.at("education");
    if (education == "bachelor" || education == "master" || education == "doctorate") {
      ++figures["bachelor_or_above"];
    }
    int service = CompletedYears(D(person.at("work_start")), as_of_);
    ++figures[service < 3   ? "experience_under_3"
              : service < 5 ? "experience_3_to_5"
                            : "experience_5_plus"];
  }
  EXPECT_EQ(figures["staff"], 23);
  EXPECT_EQ(figures["age_under_30"], 0);
  EXPECT_EQ(figures["age_30_39"], 3);
  EXPECT_EQ(figures["age_40_49"], 14);
  EXPECT_EQ(figures["age_50_plus"], 6);
  EXPECT_EQ(figures["bachelor_or_above"], 6);
  EXPECT_EQ(figures["experience_3_to_5"], 6);
  EXPECT_EQ(figures["experience_5_plus"], 8);
}

TEST_F(DemoCityTest, LedgerFiguresOfThePeriod) {
  int meetings = 0, talks = 0;
  for (const auto& a : files_["activities"]) {
    if (!InPeriod(a.at("date"))) continue;
    if (a.at("kind") == "meeting") meetings += CountOf(a);
    if (a.at("kind") == "talk") talks += CountOf(a);
  }
  EXPECT_EQ(meetings, 235);
  EXPECT_EQ(talks, 246);

  std::set<std::string> letters;
  for (const auto& letter : files_["letters"]) {
    if (InPeriod(letter.at("issued_on"))) letters.insert(letter.at("code"));
  }
  int problems = 0;
  for (const auto& problem : files_["problems"]) problems += letters.count(problem.at("letter"));
  EXPECT_EQ(letters.size(), 13u);
  EXPECT_EQ(problems, 53);

  int trainings = 0;
  for (const auto& t : files_["trainings"]) {
    if (InPeriod(t.at("date")) && !GroupPostOn(t.at("person"), D(t.at("date"))).empty()) {
      ++trainings;
    }
  }
  EXPECT_EQ(trainings, 173);
}

TEST_F(DemoCityTest, CluesAndOutcomesOfThePeriod) {
  std::map<std::string, Day> first_disposal;
  for (const auto& clue : files_["clues"]) {
    Day day = D(clue.at("disposed_on"));
    auto [it, added] = first_disposal.emplace(clue.at("number"), day);
    if (!added && day < it->second) it->second = day;
  }
  int disposed = 0;
  for (const auto& [number, day] : first_disposal) disposed += day >= from_ && day <= to_;
  EXPECT_EQ(disposed, 294);

  std::set<std::pair<std::string, std::string>> sanctioned, criticised;
  for (const auto& outcome : files_["outcomes"]) {
    if (!InPeriod(outcome.at("decided_on"))) continue;
    std::pair<std::string, std::string> who = {outcome.at("clue"), outcome.at("subject_name")};
    if (IsSanction(outcome.at("outcome"))) sanctioned.insert(who);
    if (outcome.at("outcome") == "criticism_education") criticised.insert(who);
  }
  EXPECT_EQ(sanctioned.size(), 71u);
  EXPECT_EQ(criticised.size(), 63u);
}

// What makes the figures worth checking: rows each rule must leave out.
TEST_F(DemoCityTest, HoldsTheDistractorsTheRulesMustLeaveOut) {
  int outside_group_posts = 0, joined_after = 0, left_before = 0;
  for (const auto& post : posts_) {
    if (units_.at(post.unit).at("kind") != "group") ++outside_group_posts;
    if (D(post.from) > as_of_) ++joined_after;
    if (!post.to.empty() && D(post.to) < as_of_) ++left_before;
  }
  EXPECT_GT(outside_group_posts, 0);
  EXPECT_GT(joined_after, 0);
  EXPECT_GT(left_before, 0);

  std::map<std::string, int> subjects_per_clue;
  for (const auto& clue : files_["clues"]) ++subjects_per_clue[clue.at("number")];
  int two_people = 0;
  for (const auto& [number, count] : subjects_per_clue) two_people += count > 1;
  EXPECT_GT(two_people, 0);

  std::map<std::pair<std::string, std::string>, int> sanctions_per_person;
  for (const auto& outcome : files_["outcomes"]) {
    if (IsSanction(outcome.at("outcome"))) {
      ++sanctions_per_person[{outcome.at("clue"), outcome.at("subject_name")}];
    }
  }
  int twice = 0;
  for (const auto& [who, count] : sanctions_per_person) twice += count > 1;
  EXPECT_GT(twice, 0);

  for (const char* kind : {"activities", "trainings", "letters", "outcomes"}) {
    const char* column = std::string(kind) == "letters"    ? "issued_on"
                         : std::string(kind) == "outcomes" ? "decided_on"
                                                           : "date";
    int outside = 0;
    for (const auto& row : files_[kind]) outside += !InPeriod(row.at(column));
    EXPECT_GT(outside, 0) << kind;
  }
  std::set<std::string> roles;
  for (const auto& role : files_["roles"]) roles.insert(role.at("role"));
  for (const char* role :
       {"commission_leader", "case_manager", "trial", "petition", "office", "township", "group"}) {
    EXPECT_EQ(roles.count(role), 1u) << role;
  }
}

// Every code a row names is defined by the files, and ledger rows name a unit the group
// supervised on the day.
TEST_F(DemoCityTest, EveryReferenceResolves) {
  std::set<std::string> zones;
  for (const auto& zone : files_["zones"]) zones.insert(zone.at("code"));
  for (const auto& [code, unit] : units_) {
    for (const char* column : {"parent", "guiding_office", "supervising_group"}) {
      if (!unit.at(column).empty()) {
        EXPECT_EQ(units_.count(unit.at(column)), 1u) << code;
      }
    }
    if (!unit.at("zone").empty()) {
      EXPECT_EQ(zones.count(unit.at("zone")), 1u) << code;
    }
  }
  for (const auto& post : posts_) {
    EXPECT_EQ(people_.count(post.person), 1u) << post.person;
    EXPECT_EQ(units_.count(post.unit), 1u) << post.unit;
  }
  for (const char* kind : {"roles", "trainings"}) {
    for (const auto& row : files_[kind]) EXPECT_EQ(people_.count(row.at("person")), 1u) << kind;
  }
  for (const auto& a : files_["activities"]) {
    EXPECT_EQ(SupervisorOn(a.at("unit"), D(a.at("date"))), a.at("group"))
        << a.at("unit") << " " << a.at("date");
  }
  std::set<std::string> letters;
  for (const auto& letter : files_["letters"]) {
    letters.insert(letter.at("code"));
    EXPECT_EQ(units_.count(letter.at("issuer")), 1u);
    EXPECT_EQ(units_.count(letter.at("unit")), 1u);
  }
  for (const auto& problem : files_["problems"]) EXPECT_EQ(letters.count(problem.at("letter")), 1u);
  std::set<std::pair<std::string, std::string>> subjects;
  for (const auto& clue : files_["clues"]) {
    subjects.insert({clue.at("number"), clue.at("subject_name")});
    EXPECT_EQ(units_.count(clue.at("handling_unit")), 1u) << clue.at("number");
  }
  for (const auto& outcome : files_["outcomes"]) {
    EXPECT_EQ(subjects.count({outcome.at("clue"), outcome.at("subject_name")}), 1u)
        << outcome.at("clue");
  }
}

}  // namespace
}  // namespace paizhu::cli
