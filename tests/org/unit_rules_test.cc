// The rules a new unit must satisfy, with the field and reason a user sees.

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "services/org/domain/principal_resolution.h"
#include "services/org/domain/unit.h"
#include "tests/support/status_matchers.h"

namespace paizhu::org {
namespace {

using ::paizhu::testing::HasField;
using ::paizhu::testing::StatusIs;

Unit Group() {
  Unit unit;
  unit.code = "G01";
  unit.kind = "group";
  unit.display_name = "驻市教育局纪检监察组";
  unit.parent_code = "C001";
  unit.established_on = absl::CivilDay(2018, 3, 1);
  return unit;
}

TEST(UnitRulesTest, AWellFormedGroupIsAccepted) { EXPECT_OK(ValidateNewUnit(Group())); }

TEST(UnitRulesTest, EveryContractKindIsAcceptedAndNoOther) {
  for (const char* kind :
       {"commission", "supervision_office", "case_management_office", "trial_office",
        "petition_office", "office", "group", "supervised_unit", "township"}) {
    EXPECT_TRUE(IsUnitKind(kind)) << kind;
  }
  Unit unit = Group();
  unit.kind = "Group";
  EXPECT_THAT(ValidateNewUnit(unit),
              StatusIs(absl::StatusCode::kInvalidArgument, "INVALID_UNIT_KIND"));
  EXPECT_THAT(ValidateNewUnit(unit), HasField("unit.kind"));
}

TEST(UnitRulesTest, BadCodesAndNamesAreRefused) {
  Unit unit = Group();
  unit.code = "G 01";
  EXPECT_THAT(ValidateNewUnit(unit), HasField("unit_id"));
  unit = Group();
  unit.display_name = "";
  EXPECT_THAT(ValidateNewUnit(unit), HasField("unit.display_name"));
}

TEST(UnitRulesTest, TreeAndDateRules) {
  Unit commission = Group();
  commission.kind = "commission";
  EXPECT_THAT(ValidateNewUnit(commission),
              StatusIs(absl::StatusCode::kInvalidArgument, "COMMISSION_HAS_NO_PARENT"));
  Unit self = Group();
  self.parent_code = "G01";
  EXPECT_THAT(ValidateNewUnit(self),
              StatusIs(absl::StatusCode::kInvalidArgument, "UNIT_OWN_PARENT"));
  Unit dissolved = Group();
  dissolved.dissolved_on = absl::CivilDay(2017, 1, 1);
  EXPECT_THAT(ValidateNewUnit(dissolved), HasField("unit.dissolved_on"));
}

TEST(VisibleUnitsTest, AreTheDistinctUnitsOfTheRoles) {
  ResolvedPerson person{
      "P0001", "张三", {{"group", "G01"}, {"assessor", "G01"}, {"office", "O1"}, {"admin", ""}}};
  EXPECT_THAT(VisibleUnits(person), ::testing::ElementsAre("G01", "O1"));
}

}  // namespace
}  // namespace paizhu::org
