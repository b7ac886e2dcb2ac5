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

TEST(VisibleUnitsTest, EachRoleSeesWhatTheContractsSay) {
  RoleScopeFacts facts;
  facts.groups_guided_by["O1"] = {"G02", "G01"};
  facts.townships_in_zones_of["O1"] = {"T1"};
  EXPECT_THAT(VisibleUnits(RoleGrant{"group", "G01"}, facts), ::testing::ElementsAre("G01"));
  EXPECT_THAT(VisibleUnits(RoleGrant{"township", "T1"}, facts), ::testing::ElementsAre("T1"));
  EXPECT_THAT(VisibleUnits(RoleGrant{"office", "O1"}, facts),
              ::testing::ElementsAre("G01", "G02", "O1", "T1"));
  EXPECT_THAT(VisibleUnits(RoleGrant{"case_manager", "C"}, facts), ::testing::ElementsAre("*"));
  EXPECT_THAT(VisibleUnits(RoleGrant{"commission_leader", "C"}, facts),
              ::testing::ElementsAre("*"));
  EXPECT_TRUE(VisibleUnits(RoleGrant{"admin", ""}, facts).empty());
  ResolvedPerson person{
      "P0001", "张三", {{"group", "G01"}, {"assessor", "G01"}, {"admin", ""}}, {}};
  EXPECT_THAT(VisibleUnits(person, facts), ::testing::ElementsAre("G01"));
  person.roles.push_back({"case_manager", "C"});
  EXPECT_THAT(VisibleUnits(person, facts), ::testing::ElementsAre("*"));
}

}  // namespace
}  // namespace paizhu::org
