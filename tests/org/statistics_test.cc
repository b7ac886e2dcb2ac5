// The statistics over an in-memory snapshot: dated facts, completed years, and the
// distractors of the report's counting rules.

#include "services/org/domain/statistics.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace paizhu::org {
namespace {

const absl::CivilDay kAsOf(2021, 12, 31);

Unit MakeUnit(const std::string& code, const std::string& kind, absl::CivilDay established) {
  Unit u;
  u.code = code;
  u.kind = kind;
  u.established_on = established;
  return u;
}

Person MakePerson(const std::string& code, absl::CivilDay birth, const std::string& education,
                  absl::CivilDay work_start, std::vector<std::string> specialties = {}) {
  Person p;
  p.code = code;
  p.birth_date = birth;
  p.education = education;
  p.work_start = work_start;
  p.specialties = std::move(specialties);
  return p;
}

class StatisticsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const absl::CivilDay start(2018, 3, 1);
    s_.units = {MakeUnit("G1", "group", start),
                MakeUnit("G2", "group", start),
                MakeUnit("O1", "office", start),
                MakeUnit("U1", "supervised_unit", start),
                MakeUnit("U2", "supervised_unit", start),
                MakeUnit("U3", "supervised_unit", absl::CivilDay(2022, 1, 1))};
    for (const char* g : {"G1", "G2"}) {
      for (const char* post : {"leader", "deputy", "staff"})
        s_.quotas.push_back({g, post, 1, {start, {}}});
    }
    s_.supervisions = {{"U1", "G1", {start, {}}},
                       {"U2", "G2", {start, absl::CivilDay(2021, 6, 30)}}};
    // a: turns 50 on the as-of date; b: 5 years of work exactly on it; c: left; d: joins the
    // day after; e: office member; f: a lawyer in G2.
    s_.people["a"] =
        MakePerson("a", absl::CivilDay(1971, 12, 31), "bachelor", absl::CivilDay(2000, 1, 1));
    s_.people["b"] =
        MakePerson("b", absl::CivilDay(1980, 1, 1), "college", absl::CivilDay(2016, 12, 31));
    s_.people["c"] =
        MakePerson("c", absl::CivilDay(1990, 1, 1), "master", absl::CivilDay(2019, 1, 1));
    s_.people["d"] =
        MakePerson("d", absl::CivilDay(1995, 1, 1), "master", absl::CivilDay(2021, 1, 1));
    s_.people["e"] =
        MakePerson("e", absl::CivilDay(1970, 1, 1), "doctorate", absl::CivilDay(1995, 1, 1));
    s_.people["f"] = MakePerson("f", absl::CivilDay(1992, 1, 1), "master",
                                absl::CivilDay(2020, 1, 1), {"law", "it"});
    s_.assignments = {{1, "a", "G1", "leader", {start, {}}, "", ""},
                      {2, "b", "G1", "deputy", {start, {}}, "", ""},
                      {3, "c", "G1", "staff", {start, absl::CivilDay(2021, 6, 30)}, "", ""},
                      {4, "d", "G1", "staff", {absl::CivilDay(2022, 1, 1), {}}, "", ""},
                      {5, "e", "O1", "member", {start, {}}, "", ""},
                      {6, "f", "G2", "leader", {start, {}}, "", ""}};
    s_.trainings = {{"a", absl::CivilDay(2021, 5, 1)},
                    {"a", absl::CivilDay(2021, 9, 1)},
                    {"c", absl::CivilDay(2021, 9, 1)},   // had left by then
                    {"e", absl::CivilDay(2021, 5, 1)}};  // not in a group
  }
  OrgStatistics Compute(absl::CivilDay as_of, std::set<std::string> groups = {}) {
    return ComputeStatistics(
        s_, StatisticsQuery{as_of, std::move(groups), absl::CivilDay(2021, 1, 1), as_of, 0.3});
  }
  OrgSnapshot s_;
};

TEST_F(StatisticsTest, CountsOnlyWhatIsInForceOnTheDate) {
  OrgStatistics st = Compute(kAsOf);
  EXPECT_EQ(st.groups, 2);
  EXPECT_EQ(st.authorized_posts, 6);
  EXPECT_EQ(st.staff, 3);               // a, b, f: not the leaver, the joiner or the office member
  EXPECT_EQ(st.age_50_plus, 1);         // a, 50 today
  EXPECT_EQ(st.age_40_49, 1);           // b
  EXPECT_EQ(st.age_under_30, 1);        // f, 29
  EXPECT_EQ(st.experience_5_plus, 2);   // a, and b exactly 5 years
  EXPECT_EQ(st.experience_under_3, 1);  // f, 1 year
  EXPECT_EQ(st.bachelor_or_above, 2);   // a, f
  EXPECT_EQ(st.specialists, 1);
  EXPECT_NEAR(st.specialist_share, 1.0 / 3, 1e-9);
  EXPECT_FALSE(st.specialist_share_below_target);  // one in three meets a 30% target
  OrgStatistics strict = ComputeStatistics(
      s_, StatisticsQuery{
              kAsOf, {}, absl::CivilDay(2021, 1, 1), kAsOf, /*specialist_target_share=*/0.5});
  EXPECT_TRUE(strict.specialist_share_below_target);
}

TEST_F(StatisticsTest, CoverageAndGapsByName) {
  OrgStatistics st = Compute(kAsOf);
  EXPECT_EQ(st.units_supervised, 1);
  EXPECT_EQ(st.units_uncovered, 1);
  EXPECT_THAT(st.coverage_gaps, ::testing::ElementsAre("U2"));  // U3 does not exist yet
  EXPECT_THAT(Compute(absl::CivilDay(2022, 1, 1)).coverage_gaps,
              ::testing::ElementsAre("U2", "U3"));
}

TEST_F(StatisticsTest, VacanciesAndTheDayAfter) {
  OrgStatistics st = Compute(kAsOf);
  // G1 staff (the leaver's post), G2 deputy and staff.
  ASSERT_EQ(st.vacancies.size(), 3u);
  EXPECT_EQ(Compute(absl::CivilDay(2022, 1, 1)).staff, 4);  // the joiner arrives
}

TEST_F(StatisticsTest, TrainingCountsGroupStaffOnTheDayOfTheTraining) {
  EXPECT_EQ(Compute(kAsOf).training_person_times, 2);
}

TEST_F(StatisticsTest, AGroupFilterCountsOnlyThoseGroups) {
  OrgStatistics st = Compute(kAsOf, {"G2"});
  EXPECT_EQ(st.groups, 1);
  EXPECT_EQ(st.staff, 1);
  EXPECT_EQ(st.units_supervised, 0);  // U2's supervision by G2 ended
  EXPECT_EQ(st.units_uncovered, 0);   // gaps belong to no group
}

}  // namespace
}  // namespace paizhu::org
