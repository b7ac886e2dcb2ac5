// The records' own rules and the counts their metrics read: risk points worked on in a
// period, campaign follow-ups by the period's end, the share of the file catalogue kept.

#include "gtest/gtest.h"
#include "services/assess/domain/campaign.h"
#include "services/assess/domain/file_catalogue.h"
#include "services/assess/domain/risk_point.h"
#include "tests/support/status_matchers.h"

namespace paizhu::assess {
namespace {

using ::paizhu::testing::HasField;
using ::paizhu::testing::StatusIs;

constexpr absl::CivilDay kToday(2025, 6, 1);

RiskPoint Point(int64_t id, const char* group, absl::CivilDay identified,
                std::optional<absl::CivilDay> reviewed = std::nullopt) {
  RiskPoint p;
  p.id = id;
  p.group_code = group;
  p.unit_code = "U1";
  p.category = "key_power";
  p.description = "招投标";
  p.identified_on = identified;
  p.reviewed_on = reviewed;
  return p;
}

TEST(RiskPointTest, WorkedOnMeansIdentifiedOrReviewedInThePeriodBothEndsIncluded) {
  std::vector<RiskPoint> points = {
      Point(1, "G1", absl::CivilDay(2024, 1, 1)),                              // first day
      Point(2, "G1", absl::CivilDay(2024, 12, 31)),                            // last day
      Point(3, "G1", absl::CivilDay(2023, 12, 31)),                            // before
      Point(4, "G1", absl::CivilDay(2023, 5, 1), absl::CivilDay(2024, 6, 1)),  // reviewed in
      Point(5, "G2", absl::CivilDay(2024, 6, 1)),                              // another group
      Point(6, "G1", absl::CivilDay(2025, 1, 1))};                             // after
  EXPECT_EQ(PointsWorkedOn(points, "G1", absl::CivilDay(2024, 1, 1), absl::CivilDay(2024, 12, 31)),
            (std::vector<int64_t>{1, 2, 4}));
  EXPECT_TRUE(PointsWorkedOn(points, "G3", absl::CivilDay(2024, 1, 1), absl::CivilDay(2024, 12, 31))
                  .empty());
}

TEST(RiskPointTest, RefusesWithTheField) {
  RiskPoint p = Point(0, "G1", absl::CivilDay(2024, 1, 1));
  EXPECT_OK(ValidateRiskPoint(p, kToday));
  p.category = "other";
  EXPECT_THAT(ValidateRiskPoint(p, kToday), HasField("risk_point.category"));
  p.category = "weak_management";
  p.description.clear();
  EXPECT_THAT(ValidateRiskPoint(p, kToday), HasField("risk_point.description"));
  p = Point(0, "G1", kToday + 1);
  EXPECT_THAT(ValidateRiskPoint(p, kToday), HasField("risk_point.identified_on"));
  p = Point(0, "G1", absl::CivilDay(2024, 1, 1));
  EXPECT_OK(ValidateReview(p, "closed", absl::CivilDay(2024, 1, 1), kToday));
  EXPECT_THAT(ValidateReview(p, "closed", absl::CivilDay(2023, 12, 31), kToday),
              HasField("reviewed_on"));
  EXPECT_THAT(ValidateReview(p, "finished", kToday, kToday),
              StatusIs(absl::StatusCode::kInvalidArgument, "INVALID_RISK_STATE"));
}

Campaign SchoolMeals() {
  Campaign c;
  c.id = 7;
  c.kind = "special_rectification";
  c.title = "校园餐";
  c.from = absl::CivilDay(2024, 3, 1);
  c.to = absl::CivilDay(2024, 6, 30);
  c.units = {{"U1", "G1", absl::CivilDay(2024, 4, 1), 3, 1, ""},
             {"U2", "G1", absl::CivilDay(2025, 1, 5), 2, 2, ""},  // after 2024's end
             {"U3", "G1", std::nullopt, 0, 0, ""},
             {"U4", "G2", absl::CivilDay(2024, 5, 1), 1, 0, ""}};
  return c;
}

TEST(CampaignTest, TallyCountsTheGroupsUnitsFollowedUpByThePeriodsEnd) {
  std::vector<Campaign> campaigns = {SchoolMeals()};
  CampaignTally t =
      TallyCampaigns(campaigns, "G1", absl::CivilDay(2024, 1, 1), absl::CivilDay(2024, 12, 31));
  EXPECT_EQ(t.assigned, 3);
  EXPECT_EQ(t.followed_up, 1);
  EXPECT_EQ(t.problems_found, 3);
  EXPECT_EQ(t.evidence, std::vector<std::string>{"campaigns/7/units/U1"});
  t = TallyCampaigns(campaigns, "G1", absl::CivilDay(2025, 1, 1), absl::CivilDay(2025, 12, 31));
  EXPECT_EQ(t.assigned, 0);  // the campaign ended in 2024
  // A campaign that ends on the period's first day overlaps it.
  t = TallyCampaigns(campaigns, "G2", absl::CivilDay(2024, 6, 30), absl::CivilDay(2024, 12, 31));
  EXPECT_EQ(t.assigned, 1);
  EXPECT_EQ(t.followed_up, 1);
}

TEST(CampaignTest, RefusesWithTheField) {
  Campaign c = SchoolMeals();
  EXPECT_OK(ValidateCampaign(c));
  c.units.push_back(c.units.front());
  EXPECT_THAT(ValidateCampaign(c), StatusIs(absl::StatusCode::kInvalidArgument, "DUPLICATE_UNIT"));
  c = SchoolMeals();
  c.to = c.from - 1;
  EXPECT_THAT(ValidateCampaign(c), HasField("campaign.to"));
  c = SchoolMeals();
  CampaignUnit f{"U1", "", absl::CivilDay(2024, 3, 1), 2, 2, ""};
  EXPECT_OK(ValidateFollowUp(c, f, kToday));
  f.problems_rectified = 3;
  EXPECT_THAT(ValidateFollowUp(c, f, kToday), HasField("problems_rectified"));
  f.problems_rectified = 0;
  f.followed_up_on = absl::CivilDay(2024, 2, 29);
  EXPECT_THAT(ValidateFollowUp(c, f, kToday), HasField("followed_up_on"));
}

TEST(FileCatalogueTest, KeptPercentAndChecks) {
  std::vector<FileItem> catalogue = {
      {"F01", "制度"}, {"F02", "计划"}, {"F03", "月报"}, {"F04", "会议"}};
  std::map<std::string, GroupFile> kept;
  EXPECT_EQ(KeptPercent(catalogue, kept), 0);
  kept["F02"] = {};
  kept["F99"] = {};  // not in the catalogue: not counted
  EXPECT_EQ(KeptPercent(catalogue, kept), 25);
  EXPECT_EQ(KeptPercent({}, kept), 100);  // nothing due

  GroupFile f{"G1", 2024, "F01", absl::CivilDay(2024, 1, 1), "", ""};
  EXPECT_OK(ValidateGroupFile(f, catalogue, kToday));
  f.item_code = "F99";
  EXPECT_THAT(ValidateGroupFile(f, catalogue, kToday),
              StatusIs(absl::StatusCode::kInvalidArgument, "UNKNOWN_FILE_ITEM"));
  f.item_code = "F01";
  f.kept_on = absl::CivilDay(2023, 12, 31);
  EXPECT_THAT(ValidateGroupFile(f, catalogue, kToday), HasField("file.kept_on"));
  f.year = 2026;
  EXPECT_THAT(ValidateGroupFile(f, catalogue, kToday), HasField("file.year"));
}

}  // namespace
}  // namespace paizhu::assess
