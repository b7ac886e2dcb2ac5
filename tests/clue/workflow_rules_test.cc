// The workflow's rules without a database: which step starts where, who approves, the
// four-forms mapping, effect periods, and provisional due dates.

#include "common/status/status.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "services/clue/domain/deadline_rules.h"
#include "services/clue/domain/outcome.h"
#include "services/clue/domain/workflow.h"
#include "tests/support/status_matchers.h"

namespace paizhu::clue {
namespace {

using ::paizhu::testing::StatusIs;

Proposal P(const std::string& kind, const std::string& value, const std::string& by = "p9") {
  Proposal p;
  p.kind = kind;
  p.value = value;
  p.proposed_by = by;
  return p;
}

TEST(WorkflowRules, StepsStartOnlyFromTheirStates) {
  EXPECT_OK(CheckStep("assign", "registered"));
  EXPECT_OK(CheckStep("decide", "trial"));
  for (const char* state : {"assigned", "inquiry", "closed", "filed"}) {
    absl::Status s = CheckStep("assign", state);
    EXPECT_THAT(s, StatusIs(absl::StatusCode::kFailedPrecondition, kReasonIllegalTransition));
    EXPECT_THAT(std::string(s.message()), ::testing::HasSubstr(state));
  }
  EXPECT_THAT(CheckStep("archive", "trial"),
              StatusIs(absl::StatusCode::kFailedPrecondition, kReasonIllegalTransition));
}

TEST(WorkflowRules, ApprovedProposalsLeadWhereTheReportSays) {
  EXPECT_EQ(StateAfterApproval(P("disposal", "pending")), "pending");
  EXPECT_EQ(StateAfterApproval(P("inquiry_conclusion", "escalate")), "verification");
  EXPECT_EQ(StateAfterApproval(P("verification_report", "file_case")), "filing_approved");
  EXPECT_EQ(StateAfterApproval(P("verification_report", "transfer")), "transferred");
  EXPECT_EQ(ResultAfterApproval(P("verification_report", "transfer")), "transfer");
  EXPECT_EQ(ResultAfterApproval(P("disposal", "verification")), "");
  EXPECT_EQ(ResultAfterApproval(P("inquiry_conclusion", "cleared")), "cleared");
}

TEST(WorkflowRules, TheApproverFollowsTheUnitAndRecusal) {
  HandlingUnit group{"G1", "group", "O1", false};
  Actor leader{"p1", {{"group", "G1"}}, {{"G1", "leader"}}};
  Actor deputy{"p2", {{"group", "G1"}}, {{"G1", "deputy"}}};
  Actor office{"p3", {{"office", "O1"}}, {}};
  Actor chief{"p4", {{"commission_leader", "C"}}, {}};
  Proposal disposal = P("disposal", "inquiry", "p9");
  EXPECT_OK(CheckMayDecide(disposal, leader, group, false));
  EXPECT_THAT(CheckMayDecide(disposal, deputy, group, false),
              StatusIs(absl::StatusCode::kPermissionDenied, kReasonNotApprover));
  EXPECT_THAT(CheckMayDecide(disposal, leader, group, true),
              StatusIs(absl::StatusCode::kPermissionDenied, kReasonRecused));
  EXPECT_OK(CheckMayDecide(disposal, office, group, true));
  Proposal own = P("disposal", "inquiry", "p1");
  EXPECT_THAT(CheckMayDecide(own, leader, group, false),
              StatusIs(absl::StatusCode::kPermissionDenied, kReasonOwnProposal));
  Proposal report = P("verification_report", "file_case", "p9");
  EXPECT_THAT(CheckMayDecide(report, leader, group, false),
              StatusIs(absl::StatusCode::kPermissionDenied, kReasonNotApprover));
  EXPECT_OK(CheckMayDecide(report, chief, group, false));
  HandlingUnit township{"T1", "township", "", false};
  Actor tw{"p5", {{"township", "T1"}}, {}};
  EXPECT_OK(CheckMayDecide(disposal, tw, township, false));
}

TEST(WorkflowRules, TheDeputyActsWhileTheLeaderPostIsVacant) {
  HandlingUnit vacant{"G3", "group", "O2", true};
  Actor deputy{"d3", {{"group", "G3"}}, {{"G3", "deputy"}}};
  Actor staff{"s4", {{"group", "G3"}}, {{"G3", "staff"}}};
  Proposal disposal = P("disposal", "inquiry", "s3");
  Approver acting = ApproverFor("disposal", vacant, false);
  EXPECT_EQ(acting.Describe(), "the deputy of units/G3 (acting leader)");
  EXPECT_OK(CheckMayDecide(disposal, deputy, vacant, false));
  EXPECT_THAT(CheckMayDecide(disposal, staff, vacant, false),
              StatusIs(absl::StatusCode::kPermissionDenied, kReasonNotApprover));
  // Once a leader holds the post again, the deputy no longer decides.
  HandlingUnit filled{"G3", "group", "O2", false};
  EXPECT_THAT(CheckMayDecide(disposal, deputy, filled, false),
              StatusIs(absl::StatusCode::kPermissionDenied, kReasonNotApprover));
  // A recused clue still goes to the guiding office.
  EXPECT_EQ(ApproverFor("disposal", vacant, true).unit, "O2");
}

TEST(WorkflowRules, OnlyTheHandlingSideActsOnAClue) {
  Actor staff{"p1", {{"group", "G1"}}, {}};
  Actor other_group{"p2", {{"group", "G2"}}, {}};
  Actor office{"p3", {{"office", "O1"}}, {}};  // sees G1's clues, does not work them
  Actor manager{"p4", {{"case_manager", "CMO"}}, {}};
  Actor named{"p5", {}, {}};
  std::vector<std::string> handlers = {"p5"};
  EXPECT_OK(CheckActsOn(staff, "G1", handlers));
  EXPECT_OK(CheckActsOn(manager, "G1", handlers));
  EXPECT_OK(CheckActsOn(named, "G1", handlers));
  for (const Actor& a : {other_group, office}) {
    EXPECT_THAT(CheckActsOn(a, "G1", handlers),
                StatusIs(absl::StatusCode::kPermissionDenied, "NOT_HANDLING_UNIT"));
  }
}

TEST(Outcomes, FourFormsAndEffectPeriods) {
  EXPECT_EQ(FourFormsClass("criticism_education"), "first");
  EXPECT_EQ(FourFormsClass("party_warning"), "second");
  EXPECT_EQ(FourFormsClass("gov_dismissal"), "third");
  EXPECT_EQ(FourFormsClass("party_expulsion"), "fourth");
  EXPECT_EQ(FourFormsClass("cleared"), "");
  Outcome warning{"张某", "party_warning", "", 0, absl::CivilDay(2026, 3, 31)};
  EXPECT_EQ(EffectUntil(warning), absl::CivilDay(2027, 3, 30));
  Outcome gov{"张某", "gov_warning", "", 0, absl::CivilDay(2026, 8, 31)};
  EXPECT_EQ(EffectUntil(gov), absl::CivilDay(2027, 2, 27));  // Feb 28 clamps, less a day
  Outcome probation{"张某", "party_probation", "", 24, absl::CivilDay(2026, 1, 10)};
  EXPECT_EQ(EffectUntil(probation), absl::CivilDay(2029, 1, 9));
  Outcome expelled{"张某", "party_expulsion", "", 0, absl::CivilDay(2026, 1, 10)};
  EXPECT_EQ(EffectUntil(expelled), std::nullopt);
  absl::CivilDay today(2026, 11, 29);
  EXPECT_OK(ValidateOutcome(probation, "outcomes[0]", today));
  probation.months = 6;
  EXPECT_THAT(ValidateOutcome(probation, "outcomes[0]", today),
              StatusIs(absl::StatusCode::kInvalidArgument, "INVALID_MONTHS"));
  Outcome measure{"张某", "organisational", "", 0, today};
  EXPECT_THAT(ValidateOutcome(measure, "outcomes[1]", today),
              StatusIs(absl::StatusCode::kInvalidArgument, "DETAIL_REQUIRED"));
}

TEST(DeadlineRules, AVersionAppliesFromItsDateAndUnloadedYearsAreProvisional) {
  std::vector<DeadlineRule> rules = {
      {"inquiry_reply", 1, 15, DurationUnit::kWorkingDays, absl::CivilDay(2000, 1, 1)},
      {"inquiry_reply", 2, 10, DurationUnit::kWorkingDays, absl::CivilDay(2026, 7, 1)}};
  ASSERT_OK_AND_ASSIGN(DeadlineRule before,
                       RuleInForce(rules, "inquiry_reply", absl::CivilDay(2026, 6, 30)));
  EXPECT_EQ(before.version, 1);
  ASSERT_OK_AND_ASSIGN(DeadlineRule after,
                       RuleInForce(rules, "inquiry_reply", absl::CivilDay(2026, 7, 1)));
  EXPECT_EQ(after.version, 2);
  EXPECT_THAT(RuleInForce(rules, "trial", absl::CivilDay(2026, 7, 1)).status(),
              StatusIs(absl::StatusCode::kFailedPrecondition, "DEADLINE_RULE_MISSING"));

  WorkingCalendar none({}, {2026});
  // 2026-12-31 (Thursday) + 3 working days: Fri 2027-01-01, Mon 01-04, Tue 01-05 on a
  // Monday-to-Friday guess, marked provisional; the plain Compute refuses.
  EXPECT_THAT(none.Compute(absl::CivilDay(2026, 12, 31), 3, DurationUnit::kWorkingDays).status(),
              StatusIs(absl::StatusCode::kFailedPrecondition, kReasonCalendarNotLoaded));
  ASSERT_OK_AND_ASSIGN(Deadline guess, none.ComputeOrProvisional(absl::CivilDay(2026, 12, 31), 3,
                                                                 DurationUnit::kWorkingDays));
  EXPECT_EQ(guess.due, absl::CivilDay(2027, 1, 5));
  EXPECT_TRUE(guess.provisional);
  EXPECT_EQ(RuleForClueState("disposal_proposed"), "disposal_opinion");
  EXPECT_EQ(RuleForClueState("pending"), "");
  EXPECT_EQ(RuleForCaseState("investigation", true), "supplementary_investigation");
}

}  // namespace
}  // namespace paizhu::clue
