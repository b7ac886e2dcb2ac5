// Joint-case rules without a database: who coordinates, who is in the zone, the states a
// participant and a task pass through, and who sees a clue through its participants.

#include "common/status/status.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "services/clue/domain/joint_case.h"
#include "services/clue/domain/visibility.h"
#include "services/clue/domain/workflow.h"
#include "tests/support/status_matchers.h"

namespace paizhu::clue {
namespace {

using ::paizhu::testing::StatusIs;

Participant Party(const std::string& unit, const std::string& state,
                  std::vector<std::string> handlers = {}) {
  Participant p;
  p.unit_code = unit;
  p.state = state;
  p.handler_codes = std::move(handlers);
  return p;
}

JointContext GroupLead() { return JointContext{"G1", "group", "Z1", "O1"}; }

TEST(JointRules, TheCoordinatingOfficeFollowsTheLeadUnitsKind) {
  EXPECT_EQ(CoordinatingOffice({"G1", "group", "O1", false}, "O9"), "O1");
  EXPECT_EQ(CoordinatingOffice({"T1", "township", "", false}, "O9"), "O9");
  EXPECT_EQ(CoordinatingOffice({"O2", "supervision_office", "", false}, "O9"), "O2");
}

TEST(JointRules, OnlyTheCoordinatingOfficeOrCaseManagementChangesParties) {
  Actor office{"o1", {{"office", "O1"}}, {}};
  Actor other_office{"o2", {{"office", "O2"}}, {}};
  Actor group{"staff1", {{"group", "G1"}}, {}};
  Actor cm{"cm", {{"case_manager", "CMO"}}, {}};
  EXPECT_OK(CheckCoordinates(office, GroupLead()));
  EXPECT_OK(CheckCoordinates(cm, GroupLead()));
  for (const Actor& a : {other_office, group}) {
    EXPECT_THAT(CheckCoordinates(a, GroupLead()),
                StatusIs(absl::StatusCode::kPermissionDenied, kReasonNotCoordinator));
  }
}

TEST(JointRules, AUnitOfTheZoneJoinsAtOnceOthersWaitForApproval) {
  EXPECT_TRUE(InLeadZone({"T1", "township", "Z1"}, GroupLead()));
  EXPECT_TRUE(InLeadZone({"O1", "supervision_office", ""}, GroupLead()));
  EXPECT_FALSE(InLeadZone({"T2", "township", "Z2"}, GroupLead()));
  EXPECT_FALSE(InLeadZone({"G9", "group", ""}, GroupLead()));
}

TEST(JointRules, AParticipantIsAGroupTownshipOrOfficeOnceAndNotTheLead) {
  std::vector<Participant> parties = {Party("T1", "active"), Party("T2", "removed")};
  EXPECT_OK(CheckNewParticipant({"T2", "township", "Z2"}, GroupLead(), parties, "unit"));
  EXPECT_OK(CheckNewParticipant({"O2", "supervision_office", "Z2"}, GroupLead(), parties, "unit"));
  EXPECT_THAT(CheckNewParticipant({"T1", "township", "Z1"}, GroupLead(), parties, "unit"),
              StatusIs(absl::StatusCode::kFailedPrecondition, kReasonAlreadyParty));
  EXPECT_THAT(CheckNewParticipant({"G1", "group", "Z1"}, GroupLead(), parties, "unit"),
              StatusIs(absl::StatusCode::kInvalidArgument, "PARTICIPANT_IS_LEAD"));
  EXPECT_THAT(CheckNewParticipant({"U1", "supervised_unit", ""}, GroupLead(), parties, "unit"),
              StatusIs(absl::StatusCode::kInvalidArgument, "NOT_A_CASE_UNIT"));
}

TEST(JointRules, OnlyGroupsAndTownshipsAskAndOnlyOnce) {
  std::vector<Participant> none;
  EXPECT_OK(CheckMayAskOffice(GroupLead(), none));
  std::vector<Participant> asked = {Party("O1", "requested")};
  EXPECT_THAT(CheckMayAskOffice(GroupLead(), asked),
              StatusIs(absl::StatusCode::kFailedPrecondition, kReasonAlreadyParty));
  std::vector<Participant> declined = {Party("O1", "declined")};
  EXPECT_OK(CheckMayAskOffice(GroupLead(), declined));
  EXPECT_THAT(CheckMayAskOffice({"O1", "supervision_office", "Z1", "O1"}, none),
              StatusIs(absl::StatusCode::kFailedPrecondition, "NOT_GROUP_OR_TOWNSHIP"));
  EXPECT_THAT(CheckMayAskOffice({"T9", "township", "", ""}, none),
              StatusIs(absl::StatusCode::kFailedPrecondition, "NO_COORDINATING_OFFICE"));
}

TEST(JointRules, ParticipantAndTaskStepsStartOnlyFromTheirStates) {
  EXPECT_OK(CheckParticipantStep("answer", Party("O1", "requested")));
  EXPECT_OK(CheckParticipantStep("decide", Party("T2", "awaiting_approval")));
  EXPECT_OK(CheckParticipantStep("remove", Party("T2", "awaiting_approval")));
  EXPECT_OK(CheckParticipantStep("assign_task", Party("T1", "active")));
  for (const char* state : {"removed", "declined"}) {
    EXPECT_THAT(CheckParticipantStep("remove", Party("T1", state)),
                StatusIs(absl::StatusCode::kFailedPrecondition, kReasonIllegalTransition));
    EXPECT_THAT(CheckParticipantStep("assign_task", Party("T1", state)),
                StatusIs(absl::StatusCode::kFailedPrecondition, kReasonIllegalTransition));
  }
  JointTask task;
  EXPECT_OK(CheckTaskStep("accept", task));
  EXPECT_THAT(CheckTaskStep("complete", task),
              StatusIs(absl::StatusCode::kFailedPrecondition, kReasonIllegalTransition));
  std::vector<JointTask> tasks(3);
  tasks[0].unit_code = tasks[1].unit_code = "T1";
  tasks[1].state = "completed";
  tasks[2].unit_code = "T2";
  CancelOpenTasks(tasks, "T1");
  EXPECT_EQ(tasks[0].state, "cancelled");
  EXPECT_EQ(tasks[1].state, "completed");
  EXPECT_EQ(tasks[2].state, "assigned");
}

TEST(JointRules, TasksAreWorkedByTheParticipantsHandlersAndItsLeader) {
  Participant g2 = Party("G2", "active", {"g2"});
  EXPECT_OK(CheckWorksTask(Actor{"g2", {{"group", "G2"}}, {}}, g2));
  EXPECT_OK(CheckWorksTask(Actor{"g2lead", {{"group", "G2"}}, {{"G2", "leader"}}}, g2));
  EXPECT_THAT(CheckWorksTask(Actor{"g2b", {{"group", "G2"}}, {{"G2", "staff"}}}, g2),
              StatusIs(absl::StatusCode::kPermissionDenied, kReasonNotTaskParty));
  EXPECT_THAT(CheckWorksTask(Actor{"g2", {{"group", "G2"}}, {}}, Party("G2", "removed", {"g2"})),
              StatusIs(absl::StatusCode::kPermissionDenied, kReasonNotTaskParty));
}

TEST(JointRules, AnActiveParticipantIsSeenByItsHandlersAndLeaderOnly) {
  std::vector<Participant> parties = {Party("T1", "active", {"t1a"}), Party("G2", "active", {"g2"}),
                                      Party("T2", "removed", {"t2"}),
                                      Party("G3", "awaiting_approval", {"g3"})};
  auto sees = [&](const std::string& person, std::set<std::string> leads = {}) {
    Viewer v;
    v.person = person;
    v.leads = std::move(leads);
    return CanSee(v, "G1", "G1", false, parties);
  };
  EXPECT_TRUE(sees("t1a"));
  EXPECT_TRUE(sees("g2"));
  EXPECT_TRUE(sees("g2lead", {"G2"}));
  EXPECT_FALSE(sees("t1b"));  // same unit, not named
  EXPECT_FALSE(sees("t2"));   // removed
  EXPECT_FALSE(sees("g3"));   // not yet approved
  EXPECT_FALSE(sees("g3lead", {"G3"}));
  EXPECT_FALSE(sees(""));  // a system is no handler
}

}  // namespace
}  // namespace paizhu::clue
