// The rules a ledger row must satisfy (CONTRACTS.md, kind `activities`).

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "services/assess/domain/activity.h"
#include "tests/support/status_matchers.h"

namespace paizhu::assess {
namespace {

using ::paizhu::testing::HasField;
using ::paizhu::testing::StatusIs;

const absl::CivilDay kToday(2026, 11, 28);

Activity Talk() {
  Activity a;
  a.group_code = "G01";
  a.unit_code = "U001";
  a.day = absl::CivilDay(2026, 11, 2);
  a.kind = "talk";
  a.count = 12;
  return a;
}

TEST(ActivityRulesTest, ARealRowIsAccepted) { EXPECT_OK(ValidateActivity(Talk(), kToday)); }

TEST(ActivityRulesTest, KindsAreTheContractsList) {
  for (const char* kind : {"meeting", "talk", "written_report", "holiday_reminder", "holiday_check",
                           "interview", "ecology_analysis", "campaign", "study_check", "other"}) {
    EXPECT_TRUE(IsActivityKind(kind)) << kind;
  }
  Activity a = Talk();
  a.kind = "party";
  EXPECT_THAT(ValidateActivity(a, kToday), HasField("activity.kind"));
}

TEST(ActivityRulesTest, CountAndDateBounds) {
  Activity a = Talk();
  a.count = 0;
  EXPECT_THAT(ValidateActivity(a, kToday),
              StatusIs(absl::StatusCode::kInvalidArgument, "INVALID_COUNT"));
  a = Talk();
  a.day = kToday + 1;
  EXPECT_THAT(ValidateActivity(a, kToday),
              StatusIs(absl::StatusCode::kInvalidArgument, "DATE_IN_FUTURE"));
  a.day = kToday;
  EXPECT_OK(ValidateActivity(a, kToday));
}

TEST(ActivityRulesTest, TheGroupMustBeAGroupAndTheUnitSupervised) {
  EXPECT_OK(ValidateActivityUnits("group", "supervised_unit"));
  EXPECT_THAT(ValidateActivityUnits("office", "supervised_unit"), HasField("activity.group"));
  EXPECT_THAT(ValidateActivityUnits("group", "township"), HasField("activity.unit"));
}

}  // namespace
}  // namespace paizhu::assess
