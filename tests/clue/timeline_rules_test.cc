// What a clue's timeline says each step changed, and for which unit its actor acted.

#include "services/clue/domain/timeline.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace paizhu::clue {
namespace {

using ::testing::Contains;
using ::testing::Field;
using ::testing::Not;

auto IsFact(const std::string& field, const std::string& value, const std::string& previous) {
  return ::testing::AllOf(Field(&Fact::field, field), Field(&Fact::value, value),
                          Field(&Fact::previous, previous));
}
auto HasFactNamed(const std::string& field) { return Contains(Field(&Fact::field, field)); }

Clue Registered() {
  Clue c;
  c.number = "XS2026-0001";
  c.received_on = absl::CivilDay(2026, 3, 2);
  c.source = "petition";
  c.reporter = {"李四", "13800000000", false};
  c.subjects.push_back({"张某", "U1", "局长", "", true, "", false});
  c.violations = {"integrity"};
  c.allegation = "收受礼金";
  c.handling_unit_code = "G1";
  c.registering_unit_code = "PET";
  return c;
}

TEST(ChangedFactsTest, ARegistrationStatesEveryFactItWasGiven) {
  std::vector<Fact> facts = ChangedFacts(nullptr, Registered());
  EXPECT_THAT(facts, Contains(IsFact("source", "petition", "")));
  EXPECT_THAT(facts, Contains(IsFact("handling_unit", "units/G1", "")));
  EXPECT_THAT(facts, Contains(IsFact("registering_unit", "units/PET", "")));
  EXPECT_THAT(facts, Contains(IsFact("subjects", "张某", "")));
  EXPECT_THAT(facts, Contains(IsFact("reporter.name", "李四", "")));
  EXPECT_THAT(facts, Contains(IsFact("state", "registered", "")));
  EXPECT_THAT(facts, Not(HasFactNamed("handlers")));  // none given: nothing to say
  EXPECT_THAT(facts, Not(HasFactNamed("reporter.anonymous")));
}

TEST(ChangedFactsTest, AStepStatesOnlyWhatChanged) {
  Clue before = Registered();
  Clue after = before;
  after.state = "assigned";
  after.handler_codes = {"staff1", "staff2"};
  std::vector<Fact> facts = ChangedFacts(&before, after);
  EXPECT_THAT(facts, Contains(IsFact("state", "assigned", "registered")));
  EXPECT_THAT(facts, Contains(IsFact("handlers", "people/staff1, people/staff2", "")));
  EXPECT_EQ(facts.size(), 2u);
  EXPECT_TRUE(ChangedFacts(&after, after).empty());
}

TEST(ChangedFactsTest, ProposalsDecisionsPartiesAndTasks) {
  Clue before = Registered();
  before.state = "under_review";
  Clue proposed = before;
  proposed.state = "disposal_proposed";
  proposed.proposal = Proposal{7, "disposal", "verification", "可查", "staff1", {}};
  std::vector<Fact> facts = ChangedFacts(&before, proposed);
  EXPECT_THAT(facts, Contains(IsFact("proposal.kind", "disposal", "")));
  EXPECT_THAT(facts, Contains(IsFact("proposal.value", "verification", "")));
  EXPECT_THAT(facts, Contains(IsFact("proposal.note", "可查", "")));

  Clue approved = proposed;
  approved.proposal.reset();
  approved.state = "verification";
  approved.disposal = "verification";
  facts = ChangedFacts(&proposed, approved);
  EXPECT_THAT(facts, Contains(IsFact("proposal.decided", "verification", "disposal")));
  EXPECT_THAT(facts, Contains(IsFact("disposal", "verification", "")));

  Clue joint = approved;
  Participant t1;
  t1.unit_code = "T1";
  t1.state = "active";
  joint.participants.push_back(t1);
  JointTask task;
  task.id = 3;
  task.unit_code = "T1";
  task.title = "走访";
  joint.tasks.push_back(task);
  facts = ChangedFacts(&approved, joint);
  EXPECT_THAT(facts, Contains(IsFact("participant", "units/T1 active", "")));
  EXPECT_THAT(facts, Contains(IsFact("task", "units/T1 走访: assigned", "")));
  Clue removed = joint;
  removed.participants[0].state = "removed";
  removed.tasks[0].state = "accepted";
  facts = ChangedFacts(&joint, removed);
  EXPECT_THAT(facts, Contains(IsFact("participant", "units/T1 removed", "units/T1 active")));
  EXPECT_THAT(facts,
              Contains(IsFact("task", "units/T1 走访: accepted", "units/T1 走访: assigned")));
}

TEST(TimelineTest, ReporterFactsAreTheReporterFields) {
  EXPECT_TRUE(IsReporterFact({"reporter.name", "", ""}));
  EXPECT_TRUE(IsReporterFact({"reporter.contact", "", ""}));
  EXPECT_FALSE(IsReporterFact({"subjects", "", ""}));
}

TEST(TimelineTest, FactsSurviveTheirTextColumn) {
  std::vector<Fact> facts = {{"review.summary", "第一行\n第二行", ""},
                             {"state", "assigned", "registered"},
                             {"allegation",
                              "a\x1e"
                              "b\x1f"
                              "c",
                              ""},
                             {"handlers", "", "people/x"}};
  std::vector<Fact> back = DecodeFacts(EncodeFacts(facts));
  ASSERT_EQ(back.size(), 4u);
  EXPECT_THAT(back[0], IsFact("review.summary", "第一行\n第二行", ""));
  EXPECT_THAT(back[1], IsFact("state", "assigned", "registered"));
  EXPECT_THAT(back[2], IsFact("allegation", "a b c", ""));  // separators become spaces
  EXPECT_THAT(back[3], IsFact("handlers", "", "people/x"));
  EXPECT_TRUE(DecodeFacts("").empty());
}

TEST(ActingUnitTest, TheRoleUnitTheClueConcerns) {
  Clue c = Registered();
  Viewer staff;
  staff.role_units = {"G2", "G1"};
  EXPECT_EQ(ActingUnit(staff, c), "G1");
  Viewer clerk;
  clerk.role_units = {"PET"};
  EXPECT_EQ(ActingUnit(clerk, c), "PET");
  Viewer manager;  // sees all, acts for the case-management office
  manager.sees_all = true;
  manager.role_units = {"CMO"};
  EXPECT_EQ(ActingUnit(manager, c), "CMO");
  Participant t1;
  t1.unit_code = "T1";
  t1.state = "active";
  t1.handler_codes = {"t1a"};
  c.participants.push_back(t1);
  Viewer handler;
  handler.person = "t1a";
  handler.role_units = {"T9"};
  EXPECT_EQ(ActingUnit(handler, c), "T1");
  EXPECT_EQ(ActingUnit(Viewer{}, c), "");
}

}  // namespace
}  // namespace paizhu::clue
