// Score sheets: a small scheme's total checked by hand, the bonus cap, a missing metric
// failing the sheet, explanations adding up exactly to the total (also over the shipped
// group scheme with awkward values), grades by thresholds and ranking with ties.

#include <numeric>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "services/assess/domain/metric_catalogue.h"
#include "services/assess/domain/scheme_json.h"
#include "services/assess/domain/sheet.h"
#include "tests/support/status_matchers.h"

namespace paizhu::generated {
std::vector<std::pair<std::string, std::string>> DefaultSchemes();
}

namespace paizhu::assess {
namespace {

using ::paizhu::testing::StatusIs;

// 10 points: talks (target 30, 4 points), late reports (2 points, 0.5 each), an
// ecology analysis (yes/no, 1), files (manual 0..3); bonus: cases (1 each, item max 2)
// and highlights (manual up to 2), capped at 3.
Scheme Small() {
  auto s = ParseSchemeJson(R"({"key": "small", "version": 1, "title": "t",
    "target_kind": "group", "total": 10, "bonus_cap": 3,
    "aspects": [{"code": "A", "name": "a", "points": 10, "tasks": [
      {"code": "T1", "name": "谈心谈话", "points": 4,
       "rule": {"kind": "target", "metric": "talks_person_times", "target": 30, "floor": 0.3}},
      {"code": "T2", "name": "月报", "points": 2,
       "rule": {"kind": "per_event", "metric": "monthly_reports_late", "per_event": 0.5}},
      {"code": "T3", "name": "政治生态", "points": 1,
       "rule": {"kind": "yes_no", "metric": "ecology_analyses"}},
      {"code": "T4", "name": "内业", "points": 3, "rule": {"kind": "manual"}}]}],
    "bonus": [
      {"code": "X1", "name": "案件", "points": 2,
       "rule": {"kind": "bonus", "metric": "cases_filed", "per_event": 1}},
      {"code": "X2", "name": "亮点", "points": 2, "rule": {"kind": "manual"}}]})");
  EXPECT_OK(s.status());
  EXPECT_OK(ValidateScheme(*s));
  return *s;
}

std::map<std::string, MetricValue> Metrics(double talks, double late, double ecology,
                                           double cases) {
  return {{"talks_person_times", {talks, "ledger"}},
          {"monthly_reports_late", {late, "ledger"}},
          {"ecology_analyses", {ecology, "ledger"}},
          {"cases_filed", {cases, "clue"}}};
}

Centipoints Sum(const std::vector<ExplainLine>& lines) {
  Centipoints sum = 0;
  for (const ExplainLine& l : lines) sum += l.points;
  return sum;
}

TEST(SheetTest, ASmallSchemesTotalByHand) {
  Scheme s = Small();
  // talks 20/30 x 4 = 2.67; 3 late: 2 - 1.5 = 0.5; ecology yes: 1; files 2.5 by hand;
  // base 6.67. Bonus: 1 case = 1, highlights 1.5: 2.5 under the cap of 3. Total 9.17.
  ASSERT_OK_AND_ASSIGN(Sheet sheet,
                       ComputeSheet(s, "units/G01", Metrics(20, 3, 1, 1),
                                    {{"T4", {250, "目录齐全"}}, {"X2", {150, "经验推广"}}}));
  EXPECT_EQ(sheet.base, 667);
  EXPECT_EQ(sheet.bonus_sum, 250);
  EXPECT_EQ(sheet.bonus, 250);
  EXPECT_EQ(sheet.total, 917);
  EXPECT_TRUE(sheet.complete);
  std::vector<ExplainLine> lines = Explain(sheet, s);
  EXPECT_EQ(lines.size(), 6u);
  EXPECT_EQ(Sum(lines), sheet.total);
  EXPECT_THAT(lines[0].label, ::testing::HasSubstr("20/30"));
  EXPECT_THAT(lines[0].label, ::testing::HasSubstr("[ledger]"));
}

TEST(SheetTest, TheBonusCapShowsAsItsOwnLine) {
  Scheme s = Small();
  // 5 cases: the item's own cap of 2; highlights 2: 4 earned, capped at 3.
  ASSERT_OK_AND_ASSIGN(Sheet sheet, ComputeSheet(s, "units/G01", Metrics(30, 0, 0, 5),
                                                 {{"T4", {300, "满分"}}, {"X2", {200, "a"}}}));
  EXPECT_EQ(sheet.base, 900);
  EXPECT_EQ(sheet.bonus_sum, 400);
  EXPECT_EQ(sheet.bonus, 300);
  EXPECT_EQ(sheet.total, 1200);
  std::vector<ExplainLine> lines = Explain(sheet, s);
  EXPECT_EQ(lines.back().points, -100);
  EXPECT_EQ(Sum(lines), sheet.total);
}

TEST(SheetTest, UnscoredManualTasksLeaveTheSheetIncomplete) {
  ASSERT_OK_AND_ASSIGN(Sheet sheet, ComputeSheet(Small(), "units/G01", Metrics(0, 9, 0, 0), {}));
  EXPECT_FALSE(sheet.complete);
  EXPECT_EQ(sheet.total, 0);
  EXPECT_EQ(Sum(Explain(sheet, Small())), 0);
}

TEST(SheetTest, AMetricNotCountedFailsTheSheet) {
  auto metrics = Metrics(1, 1, 1, 1);
  metrics.erase("cases_filed");
  EXPECT_THAT(ComputeSheet(Small(), "units/G01", metrics, {}),
              StatusIs(absl::StatusCode::kFailedPrecondition, "METRIC_MISSING"));
}

TEST(SheetTest, ExplanationsOfTheShippedSchemeAddUpExactly) {
  Scheme group;
  for (const auto& [file, json] : generated::DefaultSchemes()) {
    if (file == "group-v1.json") group = *ParseSchemeJson(json);
  }
  ASSERT_EQ(group.key, "group");
  for (int seed = 1; seed <= 50; ++seed) {
    std::map<std::string, MetricValue> metrics;
    int i = 0;
    for (const MetricDefinition& m : MetricCatalogue()) {
      double v = m.percent ? (seed * 37 + i * 11) % 101 : (seed * 7 + i * 3) % 13;
      metrics[m.name] = {v, m.name};
      ++i;
    }
    std::map<std::string, ManualScore> manual;
    for (const Aspect& a : group.aspects) {
      for (const Task& t : a.tasks) {
        if (t.rule.kind == RuleKind::kManual) manual[t.code] = {t.points * (seed % 4) / 3, "评"};
      }
    }
    ASSERT_OK_AND_ASSIGN(Sheet sheet, ComputeSheet(group, "units/G01", metrics, manual));
    EXPECT_EQ(Sum(Explain(sheet, group)), sheet.total) << seed;
    EXPECT_LE(sheet.base, group.total);
    EXPECT_LE(sheet.bonus, group.bonus_cap);
  }
}

TEST(GradeTest, ThresholdsFromTheHighest) {
  auto t = DefaultGradeThresholds();
  EXPECT_OK(ValidateGradeThresholds(t));
  EXPECT_EQ(Grade(10500, t), "excellent");
  EXPECT_EQ(Grade(9000, t), "excellent");
  EXPECT_EQ(Grade(8999, t), "competent");
  EXPECT_EQ(Grade(6000, t), "basically_competent");
  EXPECT_EQ(Grade(5999, t), "incompetent");
  EXPECT_EQ(Grade(0, t), "incompetent");
  EXPECT_THAT(ValidateGradeThresholds({{"a", 5000}, {"b", 6000}, {"c", 0}}),
              StatusIs(absl::StatusCode::kInvalidArgument, "INVALID_GRADES"));
  EXPECT_THAT(ValidateGradeThresholds({{"a", 5000}}),
              StatusIs(absl::StatusCode::kInvalidArgument, "INVALID_GRADES"));
}

TEST(RankTest, EqualTotalsShareARank) {
  std::vector<Sheet> sheets(4);
  sheets[0].target = "units/G03";
  sheets[0].total = 8000;
  sheets[1].target = "units/G01";
  sheets[1].total = 9100;
  sheets[2].target = "units/G02";
  sheets[2].total = 8000;
  sheets[3].target = "units/G04";
  sheets[3].total = 5000;
  std::vector<Ranked> r = Rank(sheets, DefaultGradeThresholds());
  ASSERT_EQ(r.size(), 4u);
  EXPECT_EQ(r[0].target, "units/G01");
  EXPECT_EQ(r[0].rank, 1);
  EXPECT_EQ(r[0].grade, "excellent");
  EXPECT_EQ(r[1].target, "units/G02");
  EXPECT_EQ(r[1].rank, 2);
  EXPECT_EQ(r[2].target, "units/G03");
  EXPECT_EQ(r[2].rank, 2);
  EXPECT_EQ(r[3].rank, 4);
  EXPECT_EQ(r[3].grade, "incompetent");
}

}  // namespace
}  // namespace paizhu::assess
