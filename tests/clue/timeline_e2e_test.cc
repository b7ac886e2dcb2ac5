// A clue's timeline through the gateway (ListClueEvents): a clue walked from
// registration to an approved disposal reads back as its audit entries in order, with
// who acted for which unit and what changed; reporter facts only for the
// letters-and-visits office; a caller who may not see the clue is told it is missing,
// word for word. And ListClues' source filter, with its page tokens bound to it.

#include <vector>

#include "absl/strings/str_cat.h"
#include "common/status/grpc_status.h"
#include "common/status/status.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "paizhu/clue/v1/clue.grpc.pb.h"
#include "paizhu/org/v1/org.grpc.pb.h"
#include "tests/clue/clue_city_test.h"
#include "tests/support/stack.h"
#include "tests/support/status_matchers.h"

namespace paizhu {
namespace {

using ::paizhu::testing::HasField;
using ::paizhu::testing::StatusIs;
using ::testing::ElementsAre;
using Stub = clue::v1::ClueService::Stub;

class TimelineTest : public testing::ClueCityTest {
 protected:
  static void SetUpTestSuite() {
    ClueCityTest::SetUpTestSuite();
    ASSERT_NE(stack_, nullptr);
    // A letters-and-visits office and its clerk, who alone sees reporters.
    auto org = org::v1::OrgService::NewStub(stack_->Gateway());
    org::v1::CreateUnitRequest u;
    u.set_unit_id("PET");
    u.mutable_unit()->set_kind("petition_office");
    u.mutable_unit()->set_display_name("信访室");
    u.mutable_unit()->set_established_on("2018-03-01");
    u.mutable_unit()->set_parent("units/C");
    ASSERT_OK(testing::CallAs(*stack_, *org, &org::v1::OrgService::Stub::CreateUnit, "admin", u)
                  .status());
    org::v1::CreatePersonRequest p;
    p.set_person_id("pet");
    p.mutable_person()->set_display_name("pet");
    ASSERT_OK(testing::CallAs(*stack_, *org, &org::v1::OrgService::Stub::CreatePerson, "admin", p)
                  .status());
    org::v1::GrantRoleRequest g;
    g.set_person("people/pet");
    g.set_role("petition");
    g.set_unit("units/PET");
    g.set_from_date("2020-01-01");
    ASSERT_OK(
        testing::CallAs(*stack_, *org, &org::v1::OrgService::Stub::GrantRole, "admin", g).status());
  }
  static clue::v1::Clue Register(const std::string& person, const std::string& source,
                                 bool with_reporter) {
    clue::v1::RegisterClueRequest r;
    auto* c = r.mutable_clue();
    c->set_received_on("2026-03-02");
    c->set_source(source);
    if (with_reporter) {
      c->mutable_reporter()->set_name("李四");
      c->mutable_reporter()->set_contact("13800000000");
    }
    c->add_subjects()->set_name("张某");
    c->add_violations("integrity");
    c->set_allegation("收受管理服务对象礼金");
    c->set_handling_unit("units/G1");
    auto out = Call(&Stub::RegisterClue, person, r);
    EXPECT_TRUE(out.ok()) << out.status();
    return out.value_or(clue::v1::Clue());
  }

  // Registered by the letters-and-visits office, assigned, reviewed, a verification
  // proposed by staff1 and approved by G1's leader.
  static std::string WalkedClue() {
    clue::v1::Clue c = Register("pet", "petition", true);
    clue::v1::AssignClueRequest a;
    a.set_name(c.name());
    a.add_handlers("people/staff1");
    EXPECT_OK(Call(&Stub::AssignClue, "staff1", a).status());
    clue::v1::ReviewClueRequest rv;
    rv.set_name(c.name());
    for (const char* p : {"people/staff1", "people/staff2", "people/dep1"}) rv.add_attendees(p);
    rv.set_summary("研判：线索具体，可查性强");
    EXPECT_OK(Call(&Stub::ReviewClue, "staff1", rv).status());
    clue::v1::ProposeDisposalRequest pd;
    pd.set_name(c.name());
    pd.set_disposal("verification");
    auto proposed = Call(&Stub::ProposeDisposal, "staff1", pd);
    EXPECT_TRUE(proposed.ok()) << proposed.status();
    clue::v1::DecideProposalRequest d;
    d.set_name(c.name());
    d.set_proposal_id(proposed.ok() ? proposed->proposal().id() : 0);
    d.set_note("同意");
    EXPECT_OK(Call(&Stub::ApproveProposal, "lead1", d).status());
    return c.name();
  }

  // Every event of the clue as `person` sees it, page by page.
  static std::vector<clue::v1::ClueEvent> Timeline(const std::string& person,
                                                   const std::string& name,
                                                   bool include_reads = false, int page_size = 0) {
    std::vector<clue::v1::ClueEvent> out;
    clue::v1::ListClueEventsRequest r;
    r.set_clue(name);
    r.set_include_reads(include_reads);
    r.set_page_size(page_size);
    for (int pages = 0; pages < 100; ++pages) {
      auto page = Call(&Stub::ListClueEvents, person, r);
      EXPECT_TRUE(page.ok()) << page.status();
      if (!page.ok()) break;
      out.insert(out.end(), page->events().begin(), page->events().end());
      if (page->next_page_token().empty()) break;
      r.set_page_token(page->next_page_token());
    }
    return out;
  }

  static const clue::v1::ClueFact* FactOf(const clue::v1::ClueEvent& e, const std::string& field) {
    for (const auto& f : e.facts()) {
      if (f.field() == field) return &f;
    }
    return nullptr;
  }
};

TEST_F(TimelineTest, AClueWalkedToADisposalReadsBackInOrder) {
  std::string name = WalkedClue();
  std::vector<clue::v1::ClueEvent> events = Timeline("staff1", name);
  std::vector<std::string> actions, actors, units;
  for (const auto& e : events) {
    actions.push_back(e.action());
    actors.push_back(e.actor());
    units.push_back(e.acting_unit());
  }
  EXPECT_THAT(actions, ElementsAre("register", "assign", "review", "propose_disposal", "approve"));
  EXPECT_THAT(actors, ElementsAre("people/pet", "people/staff1", "people/staff1", "people/staff1",
                                  "people/lead1"));
  EXPECT_THAT(units, ElementsAre("units/PET", "units/G1", "units/G1", "units/G1", "units/G1"));
  ASSERT_EQ(events.size(), 5u);
  for (size_t i = 1; i < events.size(); ++i) {
    EXPECT_GT(events[i].seq(), events[i - 1].seq());
    EXPECT_GE(events[i].time(), events[i - 1].time());  // RFC 3339 UTC sorts as text
  }

  // What each step changed.
  const clue::v1::ClueEvent& registered = events[0];
  ASSERT_NE(FactOf(registered, "source"), nullptr);
  EXPECT_EQ(FactOf(registered, "source")->value(), "petition");
  ASSERT_NE(FactOf(registered, "state"), nullptr);
  EXPECT_EQ(FactOf(registered, "state")->value(), "registered");
  ASSERT_NE(FactOf(registered, "handling_unit"), nullptr);
  EXPECT_EQ(FactOf(registered, "handling_unit")->value(), "units/G1");
  const clue::v1::ClueFact* assigned = FactOf(events[1], "state");
  ASSERT_NE(assigned, nullptr);
  EXPECT_EQ(assigned->previous(), "registered");
  EXPECT_EQ(assigned->value(), "assigned");
  ASSERT_NE(FactOf(events[1], "handlers"), nullptr);
  EXPECT_EQ(FactOf(events[1], "handlers")->value(), "people/staff1");
  ASSERT_NE(FactOf(events[2], "review.summary"), nullptr);
  EXPECT_EQ(FactOf(events[2], "review.summary")->value(), "研判：线索具体，可查性强");
  ASSERT_NE(FactOf(events[3], "proposal.value"), nullptr);
  EXPECT_EQ(FactOf(events[3], "proposal.value")->value(), "verification");
  ASSERT_NE(FactOf(events[4], "disposal"), nullptr);
  EXPECT_EQ(FactOf(events[4], "disposal")->value(), "verification");
  EXPECT_EQ(FactOf(events[4], "state")->value(), "verification");

  // Pages of two read back the same events; a token does not serve another filter.
  std::vector<clue::v1::ClueEvent> paged = Timeline("staff1", name, false, 2);
  ASSERT_EQ(paged.size(), events.size());
  for (size_t i = 0; i < paged.size(); ++i) EXPECT_EQ(paged[i].seq(), events[i].seq());
  clue::v1::ListClueEventsRequest first;
  first.set_clue(name);
  first.set_page_size(2);
  ASSERT_OK_AND_ASSIGN(clue::v1::ListClueEventsResponse page,
                       Call(&Stub::ListClueEvents, "staff1", first));
  clue::v1::ListClueEventsRequest other = first;
  other.set_include_reads(true);
  other.set_page_token(page.next_page_token());
  EXPECT_THAT(Call(&Stub::ListClueEvents, "staff1", other),
              StatusIs(absl::StatusCode::kInvalidArgument, "INVALID_PAGE_TOKEN"));

  // Reads are entries too, on request: the listings above were audited.
  std::vector<clue::v1::ClueEvent> with_reads = Timeline("staff1", name, true);
  int reads = 0;
  for (const auto& e : with_reads) reads += e.action() == "read";
  EXPECT_GE(reads, 3);
  EXPECT_EQ(with_reads.size() - reads, events.size());
}

TEST_F(TimelineTest, ReporterFactsOnlyForTheLettersAndVisitsOffice) {
  std::string name = WalkedClue();
  std::vector<clue::v1::ClueEvent> by_pet = Timeline("pet", name);
  ASSERT_FALSE(by_pet.empty());
  ASSERT_NE(FactOf(by_pet[0], "reporter.name"), nullptr);
  EXPECT_EQ(FactOf(by_pet[0], "reporter.name")->value(), "李四");
  EXPECT_EQ(FactOf(by_pet[0], "reporter.contact")->value(), "13800000000");
  EXPECT_FALSE(by_pet[0].reporter_masked());
  for (const char* person : {"staff1", "lead1", "o1", "cm"}) {
    std::vector<clue::v1::ClueEvent> seen = Timeline(person, name);
    ASSERT_EQ(seen.size(), by_pet.size()) << person;
    EXPECT_TRUE(seen[0].reporter_masked()) << person;
    for (const auto& e : seen) {
      for (const auto& f : e.facts()) {
        EXPECT_NE(f.value(), "李四") << person;
        EXPECT_NE(f.value(), "13800000000") << person;
      }
    }
    // Everything else reads the same.
    const clue::v1::ClueFact* allegation = FactOf(seen[0], "allegation");
    ASSERT_NE(allegation, nullptr) << person;
    EXPECT_EQ(allegation->value(), "收受管理服务对象礼金") << person;
  }
}

TEST_F(TimelineTest, AHiddenClueIsMissingWordForWord) {
  std::string name = WalkedClue();
  auto ask = [&](const std::string& person, const std::string& clue) {
    clue::v1::ListClueEventsRequest r;
    r.set_clue(clue);
    return Call(&Stub::ListClueEvents, person, r).status();
  };
  for (const char* person : {"g2", "t1a", "o2"}) {
    testing::ExpectReadsAsMissing(ask(person, name), ask(person, testing::kMissingClue), name,
                                  person);
  }
  // Their tries left no entry in the trail.
  std::vector<clue::v1::ClueEvent> all = Timeline("staff1", name, true);
  for (const auto& e : all) {
    EXPECT_NE(e.actor(), "people/g2");
    EXPECT_NE(e.actor(), "people/t1a");
  }
}

TEST_F(TimelineTest, ListCluesBySource) {
  std::string media = Register("staff1", "media", false).name();
  std::string audit = Register("staff1", "audit", false).name();
  clue::v1::ListCluesRequest r;
  r.set_source("media");
  std::vector<std::string> listed;
  for (int pages = 0; pages < 100; ++pages) {
    ASSERT_OK_AND_ASSIGN(clue::v1::ListCluesResponse page, Call(&Stub::ListClues, "staff1", r));
    for (const auto& c : page.clues()) {
      EXPECT_EQ(c.source(), "media") << c.name();
      listed.push_back(c.name());
    }
    if (page.next_page_token().empty()) break;
    r.set_page_token(page.next_page_token());
  }
  EXPECT_THAT(listed, ::testing::Contains(media));
  EXPECT_THAT(listed, ::testing::Not(::testing::Contains(audit)));

  // A token made for one source does not serve another.
  Register("staff1", "media", false);
  clue::v1::ListCluesRequest one;
  one.set_source("media");
  one.set_page_size(1);
  ASSERT_OK_AND_ASSIGN(clue::v1::ListCluesResponse first, Call(&Stub::ListClues, "staff1", one));
  ASSERT_FALSE(first.next_page_token().empty());
  one.set_source("audit");
  one.set_page_token(first.next_page_token());
  EXPECT_THAT(Call(&Stub::ListClues, "staff1", one),
              StatusIs(absl::StatusCode::kInvalidArgument, "INVALID_PAGE_TOKEN"));

  clue::v1::ListCluesRequest bad;
  bad.set_source("rumour");
  absl::StatusOr<clue::v1::ListCluesResponse> refused = Call(&Stub::ListClues, "staff1", bad);
  EXPECT_THAT(refused, StatusIs(absl::StatusCode::kInvalidArgument, "INVALID_SOURCE"));
  EXPECT_THAT(refused, HasField("source"));
}

}  // namespace
}  // namespace paizhu
