// Schemes as data: the shipped defaults are valid and shaped as the report describes, and
// a scheme whose points do not add up or whose rules read unknown metrics is refused.

#include <map>
#include <numeric>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "services/assess/domain/metric_catalogue.h"
#include "services/assess/domain/scheme.h"
#include "services/assess/domain/scheme_json.h"
#include "tests/support/status_matchers.h"

namespace paizhu::generated {
std::vector<std::pair<std::string, std::string>> DefaultSchemes();
}

namespace paizhu::assess {
namespace {

using ::paizhu::testing::HasField;
using ::paizhu::testing::StatusIs;

Scheme Default(const std::string& file) {
  for (const auto& [name, json] : generated::DefaultSchemes()) {
    if (name == file) {
      absl::StatusOr<Scheme> s = ParseSchemeJson(json);
      EXPECT_OK(s.status());
      return s.ok() ? *s : Scheme{};
    }
  }
  ADD_FAILURE() << file << " is not shipped";
  return {};
}

TEST(DefaultSchemesTest, EveryShippedSchemeIsValid) {
  ASSERT_EQ(generated::DefaultSchemes().size(), 3u);
  for (const auto& [name, json] : generated::DefaultSchemes()) {
    absl::StatusOr<Scheme> s = ParseSchemeJson(json);
    ASSERT_OK(s.status()) << name;
    EXPECT_OK(ValidateScheme(*s)) << name;
    EXPECT_EQ(name, s->key + "-v" + std::to_string(s->version) + ".json");
  }
}

TEST(DefaultSchemesTest, GroupsHaveFiveAspectsAndThirtyNineTasksForAHundredPoints) {
  Scheme s = Default("group-v1.json");
  EXPECT_EQ(s.target_kind, "group");
  ASSERT_EQ(s.aspects.size(), 5u);
  int tasks = 0;
  Centipoints points = 0;
  std::map<RuleKind, int> kinds;
  for (const Aspect& a : s.aspects) {
    for (const Task& t : a.tasks) {
      ++tasks;
      points += t.points;
      ++kinds[t.rule.kind];
    }
  }
  EXPECT_EQ(tasks, 39);
  EXPECT_EQ(points, 10000);
  EXPECT_EQ(s.total, 10000);
  // Every rule kind is used, and the bonus is capped below what its items could add.
  EXPECT_GT(kinds[RuleKind::kManual], 0);
  EXPECT_GT(kinds[RuleKind::kTarget], 0);
  EXPECT_GT(kinds[RuleKind::kPerEvent], 0);
  EXPECT_GT(kinds[RuleKind::kYesNo], 0);
  Centipoints bonus_items = 0;
  for (const Task& t : s.bonus) bonus_items += t.points;
  EXPECT_GT(s.bonus_cap, 0);
  EXPECT_LT(s.bonus_cap, bonus_items);
}

TEST(DefaultSchemesTest, SupervisedUnitsAreLedByCarryingOutRecommendationLetters) {
  Scheme s = Default("supervised_unit-v1.json");
  EXPECT_EQ(s.target_kind, "supervised_unit");
  ASSERT_FALSE(s.aspects.empty());
  const Aspect& first = s.aspects.front();
  EXPECT_GT(first.points * 2, s.total) << "the letters aspect carries most of the points";
  int letter_metrics = 0;
  for (const Task& t : first.tasks) {
    if (t.rule.kind == RuleKind::kManual) continue;
    const MetricDefinition* m = FindMetric(t.rule.metric);
    ASSERT_NE(m, nullptr);
    EXPECT_EQ(m->source, MetricSource::kClue) << t.code;
    EXPECT_TRUE(absl::string_view(m->definition).find("letter") != absl::string_view::npos)
        << t.code << " reads " << t.rule.metric;
    ++letter_metrics;
  }
  EXPECT_GE(letter_metrics, 2);
}

TEST(SchemeJsonTest, RoundTripsToAnEqualScheme) {
  Scheme s = Default("group-v1.json");
  absl::StatusOr<Scheme> again = ParseSchemeJson(SchemeToJson(s));
  ASSERT_OK(again.status());
  EXPECT_EQ(SchemeToJson(*again), SchemeToJson(s));
  EXPECT_OK(ValidateScheme(*again));
}

TEST(SchemeJsonTest, StructureErrorsNameTheirPath) {
  EXPECT_THAT(ParseSchemeJson("{"),
              StatusIs(absl::StatusCode::kInvalidArgument, "INVALID_SCHEME_JSON"));
  Scheme s = Default("group-v1.json");
  std::string json = SchemeToJson(s);
  std::string extra = json;
  extra.insert(json.find("\"key\""), "\"colour\": \"red\", ");
  EXPECT_THAT(ParseSchemeJson(extra), HasField("colour"));
  const char* precise = R"({"key": "k", "version": 1, "title": "t", "target_kind": "group",
      "total": 3, "aspects": [{"code": "A", "name": "a", "points": 3, "tasks": [
      {"code": "A1", "name": "n", "points": 3.005, "rule": {"kind": "manual"}}]}]})";
  EXPECT_THAT(ParseSchemeJson(precise), HasField("aspects[0].tasks[0].points"));
}

TEST(SchemeValidationTest, PointsThatDoNotAddUpAreRefused) {
  Scheme s = Default("group-v1.json");
  s.aspects[1].tasks[0].points += 100;  // the aspect's declared sum is now wrong
  EXPECT_THAT(ValidateScheme(s),
              StatusIs(absl::StatusCode::kInvalidArgument, "POINTS_DO_NOT_ADD_UP"));
  EXPECT_THAT(ValidateScheme(s), HasField("aspects[1].points"));
  s.aspects[1].points += 100;  // the aspect adds up, the scheme's total does not
  EXPECT_THAT(ValidateScheme(s), HasField("total"));
  s.total += 100;
  EXPECT_OK(ValidateScheme(s));
}

TEST(SchemeValidationTest, UnknownMetricsAndOtherTargetsMetricsAreRefused) {
  Scheme s = Default("group-v1.json");
  s.aspects[0].tasks[0].rule.metric = "parties_thrown";
  EXPECT_THAT(ValidateScheme(s), StatusIs(absl::StatusCode::kInvalidArgument, "UNKNOWN_METRIC"));
  EXPECT_THAT(ValidateScheme(s), HasField("aspects[0].tasks[0].rule.metric"));
  s.aspects[0].tasks[0].rule.metric = "letters_replied_on_time_percent";  // a unit's figure
  EXPECT_THAT(ValidateScheme(s),
              StatusIs(absl::StatusCode::kInvalidArgument, "METRIC_NOT_FOR_TARGET"));
}

TEST(SchemeValidationTest, RuleParametersAreChecked) {
  Scheme s = Default("group-v1.json");
  Task& target = s.aspects[0].tasks[0];
  ASSERT_EQ(target.rule.kind, RuleKind::kTarget);
  target.rule.target = 0;
  EXPECT_THAT(ValidateScheme(s), HasField("aspects[0].tasks[0].rule.target"));
  target.rule.target = 4;
  target.rule.floor = 1;
  EXPECT_THAT(ValidateScheme(s), HasField("aspects[0].tasks[0].rule.floor"));
  target.rule.floor = 0;
  EXPECT_OK(ValidateScheme(s));

  Task& manual = s.aspects[0].tasks[3];
  ASSERT_EQ(manual.rule.kind, RuleKind::kManual);
  manual.rule.max = manual.points + 1;
  EXPECT_THAT(ValidateScheme(s), StatusIs(absl::StatusCode::kInvalidArgument, "INVALID_BOUNDS"));
  manual.rule.max = manual.points;

  s.aspects[0].tasks[1].code = s.aspects[0].tasks[0].code;
  EXPECT_THAT(ValidateScheme(s), StatusIs(absl::StatusCode::kInvalidArgument, "DUPLICATE_CODE"));
}

TEST(SchemeValidationTest, BonusRulesOnlyAmongBonusItemsAndTheCapIsRequired) {
  Scheme s = Default("group-v1.json");
  Task bonus_in_aspect = s.bonus.back();
  ASSERT_EQ(bonus_in_aspect.rule.kind, RuleKind::kBonus);
  Scheme moved = s;
  moved.aspects[0].tasks[0].rule = bonus_in_aspect.rule;
  EXPECT_THAT(ValidateScheme(moved), HasField("aspects[0].tasks[0].rule.kind"));
  s.bonus_cap = 0;
  EXPECT_THAT(ValidateScheme(s), HasField("bonus_cap"));
}

TEST(SchemeIdTest, KeyAndVersion) {
  std::string key;
  int version = 0;
  EXPECT_OK(ParseSchemeId("supervised_unit-v12", &key, &version));
  EXPECT_EQ(key, "supervised_unit");
  EXPECT_EQ(version, 12);
  EXPECT_THAT(ParseSchemeId("group", &key, &version), HasField("name"));
  EXPECT_THAT(ParseSchemeId("group-v0", &key, &version), HasField("name"));
}

TEST(MetricCatalogueTest, NamesAreUniqueAndEachHasADefinition) {
  std::map<std::string, int> seen;
  for (const MetricDefinition& m : MetricCatalogue()) {
    EXPECT_EQ(++seen[m.name], 1) << m.name;
    EXPECT_FALSE(m.definition.empty()) << m.name;
  }
  EXPECT_NE(FindMetric("training_person_times"), nullptr);
  EXPECT_EQ(FindMetric("nothing"), nullptr);
}

}  // namespace
}  // namespace paizhu::assess
