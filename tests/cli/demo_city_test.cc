// The demo city (data/demo/*.csv) holds the seed report's figures: counted here straight
// from the files, by CONTRACTS.md's rules for the work report (ledger_city.h), so the data
// is checked even before a service imports it. Every file (org's record kinds and
// attendance too) also passes the CLI's own checks, every code a row names is defined in
// the files, and the rows the rules must leave out are there.

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
  std::vector<LedgerFormat> formats = LedgerFormats();
  formats.insert(formats.end(), RecordFormats().begin(), RecordFormats().end());
  for (const auto& format : formats) {
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

// A group's personnel records and the integrity files: a handful of each, every code they
// name defined by the files, on the day the record needs it.
TEST_F(DemoCityTest, TheRecordsNameTheCitysPeopleGroupsUnitsAndFiles) {
  const auto& units = city_.units();
  const auto& people = city_.people();
  auto kind_of = [&](const std::string& code) {
    auto unit = units.find(code);
    return unit == units.end() ? std::string("none") : unit->second.at("kind");
  };
  for (const char* kind : {"vettings", "transfer_talks", "mentoring", "accountability",
                           "integrity_files", "integrity_entries", "liaisons"}) {
    EXPECT_GE(city_.rows(kind).size(), 4u) << kind;
  }
  // people.csv's vetted_on is each person's latest passed vetting: vettings.csv holds the
  // others (a failed one, and those of people who joined before the rule), none later.
  int failed = 0;
  for (const auto& v : city_.rows("vettings")) {
    ASSERT_EQ(people.count(v.at("person")), 1u) << v.at("person");
    const std::string& carried = people.at(v.at("person")).at("vetted_on");
    if (!carried.empty()) {
      EXPECT_LT(Day(v.at("vetted_on")), Day(carried)) << v.at("person");
    }
    failed += v.at("passed") == "false";
  }
  EXPECT_GT(failed, 0);
  for (const auto& t : city_.rows("transfer_talks")) {
    EXPECT_EQ(people.count(t.at("person")), 1u) << t.at("person");
    EXPECT_EQ(people.count(t.at("talked_by")), 1u) << t.at("talked_by");
  }
  // A mentor holds a post in the mentee's group when the pairing starts.
  for (const auto& m : city_.rows("mentoring")) {
    std::string group = city_.GroupPostOn(m.at("mentor"), Day(m.at("from")));
    EXPECT_NE(group, "") << m.at("mentor");
    bool mentee_in_group = false;
    for (const auto& post : city_.posts()) {
      mentee_in_group |= post.person == m.at("mentee") && post.unit == group;
    }
    EXPECT_TRUE(mentee_in_group) << m.at("mentee") << " in " << group;
  }
  int groups_held = 0;
  for (const auto& a : city_.rows("accountability")) {
    EXPECT_NE(a.at("person").empty(), a.at("group").empty());
    if (a.at("group").empty()) {
      EXPECT_EQ(people.count(a.at("person")), 1u) << a.at("person");
    } else {
      EXPECT_EQ(kind_of(a.at("group")), "group");
      // Held accountable, a group loses points in that year's assessment: 2021's is the
      // demo's finalised run, whose figures these records leave as they were.
      EXPECT_NE(Day(a.at("decided_on")).year(), 2021) << a.at("group");
      ++groups_held;
    }
  }
  EXPECT_GT(groups_held, 0);
  std::set<std::string> files;
  for (const auto& f : city_.rows("integrity_files")) {
    files.insert(f.at("code"));
    EXPECT_EQ(kind_of(f.at("unit")), "supervised_unit") << f.at("code");
  }
  std::set<std::string> with_entries;
  for (const auto& e : city_.rows("integrity_entries")) {
    EXPECT_EQ(files.count(e.at("file")), 1u) << e.at("file");
    with_entries.insert(e.at("file"));
  }
  EXPECT_EQ(with_entries, files);
  std::set<std::string> leaders;
  for (const auto& role : city_.rows("roles")) {
    if (role.at("role") == "commission_leader") leaders.insert(role.at("person"));
  }
  for (const auto& l : city_.rows("liaisons")) {
    EXPECT_EQ(kind_of(l.at("group")), "group") << l.at("group");
    EXPECT_EQ(leaders.count(l.at("leader")), 1u) << l.at("leader");
  }
}

}  // namespace
}  // namespace paizhu::cli
