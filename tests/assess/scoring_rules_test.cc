// Each rule kind of a scheme at its edges: zero, below and at the floor, at and over the
// target, the per-event floor at zero, the bonus item's and the scheme's caps, manual
// bounds and justifications.

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "services/assess/domain/points.h"
#include "services/assess/domain/scoring.h"
#include "tests/support/status_matchers.h"

namespace paizhu::assess {
namespace {

using ::paizhu::testing::HasField;
using ::paizhu::testing::StatusIs;

Task MakeTask(Centipoints points, Rule rule) {
  Task t;
  t.code = "T01";
  t.name = "task";
  t.points = points;
  t.rule = std::move(rule);
  return t;
}

Task TargetTask(double target, double floor) {
  Rule r;
  r.kind = RuleKind::kTarget;
  r.metric = "talks_person_times";
  r.target = target;
  r.floor = floor;
  return MakeTask(400, r);  // 4 points
}

Centipoints Score(const Task& t, double value) { return ScoreTask(t, value, std::nullopt).points; }

TEST(PointsTest, DecimalsRoundTripAndOverPrecisionIsRefused) {
  EXPECT_EQ(PointsFromDecimal(2.5), 250);
  EXPECT_EQ(PointsFromDecimal(0.25), 25);
  EXPECT_EQ(PointsFromDecimal(0), 0);
  EXPECT_EQ(PointsFromDecimal(0.005), std::nullopt);
  EXPECT_EQ(PointsFromDecimal(-1), std::nullopt);
  EXPECT_EQ(FormatPoints(250), "2.5");
  EXPECT_EQ(FormatPoints(300), "3");
  EXPECT_EQ(FormatPoints(7), "0.07");
  EXPECT_EQ(FormatPoints(-50), "-0.5");
}

TEST(TargetRuleTest, ZeroBelowTheFloorProportionalAboveFullAtAndOverTarget) {
  Task t = TargetTask(30, 0.3);  // floor: 9 person-times
  EXPECT_EQ(Score(t, 0), 0);
  EXPECT_EQ(Score(t, 8), 0);     // below the floor
  EXPECT_EQ(Score(t, 9), 120);   // at the floor: 9/30 x 4 = 1.2
  EXPECT_EQ(Score(t, 20), 267);  // 20/30 x 4 = 2.666.. -> 2.67
  EXPECT_EQ(Score(t, 30), 400);  // at target
  EXPECT_EQ(Score(t, 75), 400);  // over target: never above the points
  EXPECT_THAT(ScoreTask(t, 20, std::nullopt).working, ::testing::HasSubstr("20/30"));
}

TEST(TargetRuleTest, NoFloorMeansProportionalFromZero) {
  Task t = TargetTask(3, 0);
  EXPECT_EQ(Score(t, 0), 0);
  EXPECT_EQ(Score(t, 1), 133);  // 1/3 x 4 = 1.333.. -> 1.33
  EXPECT_EQ(Score(t, 2), 267);
  EXPECT_EQ(Score(t, 3), 400);
}

TEST(PerEventRuleTest, DeductsPerEventAndStopsAtZero) {
  Rule r;
  r.kind = RuleKind::kPerEvent;
  r.metric = "monthly_reports_late";
  r.per_event = 50;  // 0.5 per late report
  Task t = MakeTask(200, r);
  EXPECT_EQ(Score(t, 0), 200);
  EXPECT_EQ(Score(t, 1), 150);
  EXPECT_EQ(Score(t, 4), 0);   // exactly used up
  EXPECT_EQ(Score(t, 11), 0);  // floored at zero, never negative
}

TEST(YesNoRuleTest, AnyEventEarnsFullPoints) {
  Rule r;
  r.kind = RuleKind::kYesNo;
  r.metric = "ecology_analyses";
  Task t = MakeTask(300, r);
  EXPECT_EQ(Score(t, 0), 0);
  EXPECT_EQ(Score(t, 1), 300);
  EXPECT_EQ(Score(t, 5), 300);
}

TEST(BonusRuleTest, ItemCappedAtItsPointsAndSchemeAtItsCap) {
  Rule r;
  r.kind = RuleKind::kBonus;
  r.metric = "cases_filed";
  r.per_event = 50;
  Task t = MakeTask(200, r);
  EXPECT_EQ(Score(t, 0), 0);
  EXPECT_EQ(Score(t, 3), 150);
  EXPECT_EQ(Score(t, 4), 200);
  EXPECT_EQ(Score(t, 9), 200);  // the item's own cap
  Scheme s;
  s.bonus_cap = 500;
  EXPECT_EQ(CapBonus(s, 0), 0);
  EXPECT_EQ(CapBonus(s, 499), 499);
  EXPECT_EQ(CapBonus(s, 500), 500);
  EXPECT_EQ(CapBonus(s, 700), 500);
}

TEST(ManualRuleTest, AwaitsTheAssessorThenTakesTheScore) {
  Rule r;
  r.kind = RuleKind::kManual;
  r.min = 100;
  r.max = 300;
  Task t = MakeTask(300, r);
  TaskOutcome pending = ScoreTask(t, std::nullopt, std::nullopt);
  EXPECT_TRUE(pending.awaiting_assessor);
  EXPECT_EQ(pending.points, 0);
  TaskOutcome scored = ScoreTask(t, std::nullopt, ManualScore{250, "good files"});
  EXPECT_FALSE(scored.awaiting_assessor);
  EXPECT_EQ(scored.points, 250);
}

TEST(ManualRuleTest, BoundsAndJustificationAreChecked) {
  Rule r;
  r.kind = RuleKind::kManual;
  r.min = 100;
  r.max = 300;
  Task t = MakeTask(300, r);
  EXPECT_OK(CheckManualScore(t, {100, "minimum earned"}));
  EXPECT_OK(CheckManualScore(t, {300, "all done"}));
  EXPECT_THAT(CheckManualScore(t, {99, "just below"}),
              StatusIs(absl::StatusCode::kInvalidArgument, "POINTS_OUT_OF_BOUNDS"));
  EXPECT_THAT(CheckManualScore(t, {301, "just above"}), HasField("points"));
  EXPECT_THAT(CheckManualScore(t, {200, "  "}),
              StatusIs(absl::StatusCode::kInvalidArgument, "JUSTIFICATION_REQUIRED"));
}

TEST(AdjustmentTest, AnAssessorMayAdjustAMetricTaskWithinZeroAndItsPoints) {
  Task t = TargetTask(30, 0.3);
  EXPECT_OK(CheckManualScore(t, {0, "ledger rows were copied from last year"}));
  EXPECT_THAT(CheckManualScore(t, {401, "more"}), HasField("points"));
  TaskOutcome adjusted = ScoreTask(t, 30, ManualScore{350, "two talks unrecorded"});
  EXPECT_EQ(adjusted.points, 350);
  EXPECT_THAT(adjusted.working, ::testing::HasSubstr("adjusted"));
}

}  // namespace
}  // namespace paizhu::assess
