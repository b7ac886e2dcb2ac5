// The demo city (data/demo/*.csv) holds the seed report's figures: counted here straight
// from the files, by CONTRACTS.md's rules for the work report (ledger_city.h), so the data
// is checked even before a service imports it. Every file also passes the CLI's own
// checks, every code a row names is defined in the files, and the rows the rules must
// leave out are there.

#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/cli/ledger_city.h"
#include "tools/cli/ledger_format.h"

namespace paizhu::cli {
namespace {

using ::testing::IsEmpty;

std::map<std::string, std::string> DemoFiles() {
  std::map<std::string, std::string> files;
  for (const auto& format : LedgerFormats()) {
    std::ifstream in(std::string(PAIZHU_DEMO_DIR) + "/" + format.kind + ".csv", std::ios::binary);
    EXPECT_TRUE(in) << format.kind;
    std::stringstream text;
    text << in.rdbuf();
    files[format.kind] = text.str();
  }
  return files;
}

bool IsSanction(const std::string& outcome) {
  return outcome.rfind("party_", 0) == 0 || outcome.rfind("gov_", 0) == 0;
}

class DemoCityTest : public ::testing::Test {
 protected:
  const absl::CivilDay from_ = Day("2018-01-01");
  const absl::CivilDay to_ = Day("2022-05-31");
  const absl::CivilDay as_of_ = Day("2022-05-31");
  const LedgerCity city_{DemoFiles()};

  bool InPeriod(const std::string& day) const { return Day(day) >= from_ && Day(day) <= to_; }
};

TEST_F(DemoCityTest, EveryFilePassesTheClisChecks) { EXPECT_THAT(city_.problems(), IsEmpty()); }

TEST_F(DemoCityTest, TheWorkReportOfTheFilesHasTheSeedReportsFigures) {
  std::map<std::string, int> seed = {{"groups", 10},
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
  std::map<std::string, int> counted = city_.WorkReport(from_, to_, as_of_);
  for (const auto& [key, value] : seed) EXPECT_EQ(counted[key], value) << key;
  EXPECT_EQ(counted.size(), seed.size());
}

// What makes the figures worth checking: rows each rule must leave out.
TEST_F(DemoCityTest, HoldsTheDistractorsTheRulesMustLeaveOut) {
  int outside_group_posts = 0, joined_after = 0, left_before = 0;
  for (const auto& post : city_.posts()) {
    if (city_.units().at(post.unit).at("kind") != "group") ++outside_group_posts;
    if (Day(post.from) > as_of_) ++joined_after;
    if (!post.to.empty() && Day(post.to) < as_of_) ++left_before;
  }
  EXPECT_GT(outside_group_posts, 0);
  EXPECT_GT(joined_after, 0);
  EXPECT_GT(left_before, 0);

  std::map<std::string, int> subjects_per_clue;
  for (const auto& clue : city_.rows("clues")) ++subjects_per_clue[clue.at("number")];
  int two_people = 0;
  for (const auto& [number, count] : subjects_per_clue) two_people += count > 1;
  EXPECT_GT(two_people, 0);

  std::map<std::pair<std::string, std::string>, int> sanctions_per_person;
  for (const auto& outcome : city_.rows("outcomes")) {
    if (IsSanction(outcome.at("outcome"))) {
      ++sanctions_per_person[{outcome.at("clue"), outcome.at("subject_name")}];
    }
  }
  int twice = 0;
  for (const auto& [who, count] : sanctions_per_person) twice += count > 1;
  EXPECT_GT(twice, 0);

  for (const auto& [kind, column] :
       std::vector<std::pair<std::string, std::string>>{{"activities", "date"},
                                                        {"trainings", "date"},
                                                        {"letters", "issued_on"},
                                                        {"outcomes", "decided_on"}}) {
    int outside = 0;
    for (const auto& row : city_.rows(kind)) outside += !InPeriod(row.at(column));
    EXPECT_GT(outside, 0) << kind;
  }
  std::set<std::string> roles;
  for (const auto& role : city_.rows("roles")) roles.insert(role.at("role"));
  for (const char* role :
       {"commission_leader", "case_manager", "trial", "petition", "office", "township", "group"}) {
    EXPECT_EQ(roles.count(role), 1u) << role;
  }
}

// Every code a row names is defined by the files, and ledger rows name a unit the group
// supervised on the day.
TEST_F(DemoCityTest, EveryReferenceResolves) {
  const auto& units = city_.units();
  const auto& people = city_.people();
  std::set<std::string> zones;
  for (const auto& zone : city_.rows("zones")) zones.insert(zone.at("code"));
  for (const auto& [code, unit] : units) {
    for (const char* column : {"parent", "guiding_office", "supervising_group"}) {
      if (!unit.at(column).empty()) {
        EXPECT_EQ(units.count(unit.at(column)), 1u) << code;
      }
    }
    if (!unit.at("zone").empty()) {
      EXPECT_EQ(zones.count(unit.at("zone")), 1u) << code;
    }
  }
  for (const auto& post : city_.posts()) {
    EXPECT_EQ(people.count(post.person), 1u) << post.person;
    EXPECT_EQ(units.count(post.unit), 1u) << post.unit;
  }
  for (const char* kind : {"roles", "trainings"}) {
    for (const auto& row : city_.rows(kind)) {
      EXPECT_EQ(people.count(row.at("person")), 1u) << kind;
    }
  }
  for (const auto& a : city_.rows("activities")) {
    EXPECT_EQ(city_.SupervisorOn(a.at("unit"), Day(a.at("date"))), a.at("group"))
        << a.at("unit") << " " << a.at("date");
  }
  std::set<std::string> letters;
  for (const auto& letter : city_.rows("letters")) {
    letters.insert(letter.at("code"));
    EXPECT_EQ(units.count(letter.at("issuer")), 1u);
    EXPECT_EQ(units.count(letter.at("unit")), 1u);
  }
  for (const auto& problem : city_.rows("problems")) {
    EXPECT_EQ(letters.count(problem.at("letter")), 1u);
  }
  // One row per clue and person reported: the clue's own columns agree on every row.
  std::map<std::string, std::string> clue_columns;
  for (const auto& clue : city_.rows("clues")) {
    std::string own;
    for (const char* column :
         {"received_on", "source", "handling_unit", "disposal", "disposed_on", "filed_on"}) {
      own += clue.at(column) + ",";
    }
    auto [it, added] = clue_columns.emplace(clue.at("number"), own);
    EXPECT_EQ(it->second, own) << clue.at("number");
  }
  std::set<std::pair<std::string, std::string>> subjects;
  for (const auto& clue : city_.rows("clues")) {
    subjects.insert({clue.at("number"), clue.at("subject_name")});
    EXPECT_EQ(units.count(clue.at("handling_unit")), 1u) << clue.at("number");
  }
  for (const auto& outcome : city_.rows("outcomes")) {
    EXPECT_EQ(subjects.count({outcome.at("clue"), outcome.at("subject_name")}), 1u)
        << outcome.at("clue");
  }
}

}  // namespace
}  // namespace paizhu::cli
