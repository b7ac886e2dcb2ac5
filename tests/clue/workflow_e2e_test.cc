// The life of a clue through the gateway, with real people, posts and roles from org:
// disposal proposed and approved by the approver the rule names, verification, a case
// with an extension, trial, outcomes and archive; illegal steps; recusal; racing
// approvals; deadlines and the calendar.

#include <thread>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "common/status/grpc_status.h"
#include "common/time/civil_date.h"
#include "gmock/gmock.h"
#include "grpcpp/client_context.h"
#include "gtest/gtest.h"
#include "paizhu/clue/v1/clue.grpc.pb.h"
#include "paizhu/org/v1/org.grpc.pb.h"
#include "tests/clue/clue_city.h"
#include "tests/support/stack.h"
#include "tests/support/status_matchers.h"

namespace paizhu {
namespace {

using ::paizhu::testing::StatusIs;
using ::testing::HasSubstr;

class WorkflowTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto stack = testing::Stack::Start();
    ASSERT_TRUE(stack.ok()) << stack.status();
    stack_ = stack->release();
    org_ = org::v1::OrgService::NewStub(stack_->Gateway());
    clue_ = clue::v1::ClueService::NewStub(stack_->Gateway());
    ASSERT_OK(testing::SeedClueCity(*stack_));

    // Limits that start now run into years the service does not ship: the test city's
    // administrator loads them (only New Year's Day off), so due dates are exact.
    for (int year : {2027, 2028}) {
      clue::v1::LoadCalendarYearRequest load;
      load.set_year(year);
      auto* d = load.add_days();
      d->set_date(absl::StrCat(year, "-01-01"));
      d->set_kind("holiday");
      d->set_name("元旦");
      ASSERT_OK(Call(&clue::v1::ClueService::Stub::LoadCalendarYear, "admin", load).status());
    }
  }
  static void TearDownTestSuite() {
    org_.reset();
    clue_.reset();
    delete stack_;
  }

  template <typename Request, typename Response>
  static absl::StatusOr<Response> Call(grpc::Status (clue::v1::ClueService::Stub::*rpc)(
                                           grpc::ClientContext*, const Request&, Response*),
                                       const std::string& person, const Request& request) {
    return testing::CallAs(*stack_, *clue_, rpc, person, request);
  }

  // A clue handled by G1 about 张某 (and, with `leader_of_u1`, about U1's leadership).
  static clue::v1::Clue Register(const std::string& received_on = "2026-03-02",
                                 bool leader_of_u1 = false) {
    clue::v1::RegisterClueRequest r;
    auto* c = r.mutable_clue();
    c->set_received_on(received_on);
    c->set_source("petition");
    auto* s = c->add_subjects();
    s->set_name("张某");
    s->set_position("副局长");
    s->set_party_member(true);
    if (leader_of_u1) {
      s->set_unit("units/U1");
      s->set_unit_leadership(true);
    }
    c->add_violations("integrity");
    c->set_allegation("收受管理服务对象礼金");
    c->set_handling_unit("units/G1");
    auto out = Call(&clue::v1::ClueService::Stub::RegisterClue, "staff1", r);
    EXPECT_TRUE(out.ok()) << out.status();
    return out.value_or(clue::v1::Clue());
  }

  // Brings a new clue to disposal_proposed with `disposal`, proposed by staff1.
  static clue::v1::Clue Proposed(const std::string& disposal, bool leader_of_u1 = false) {
    clue::v1::Clue c = Register("2026-03-02", leader_of_u1);
    clue::v1::AssignClueRequest a;
    a.set_name(c.name());
    a.add_handlers("people/staff1");
    EXPECT_OK(Call(&clue::v1::ClueService::Stub::AssignClue, "staff1", a).status());
    clue::v1::ReviewClueRequest rv;
    rv.set_name(c.name());
    for (const char* p : {"people/staff1", "people/staff2", "people/dep1"}) rv.add_attendees(p);
    rv.set_summary("研判：线索具体，可查性强");
    EXPECT_OK(Call(&clue::v1::ClueService::Stub::ReviewClue, "staff1", rv).status());
    clue::v1::ProposeDisposalRequest pd;
    pd.set_name(c.name());
    pd.set_disposal(disposal);
    auto out = Call(&clue::v1::ClueService::Stub::ProposeDisposal, "staff1", pd);
    EXPECT_TRUE(out.ok()) << out.status();
    return out.value_or(clue::v1::Clue());
  }

  static absl::StatusOr<clue::v1::Clue> Decide(bool approve, const std::string& person,
                                               const clue::v1::Clue& c,
                                               const std::string& note = "同意") {
    clue::v1::DecideProposalRequest d;
    d.set_name(c.name());
    d.set_proposal_id(c.proposal().id());
    d.set_note(note);
    return Call(approve ? &clue::v1::ClueService::Stub::ApproveProposal
                        : &clue::v1::ClueService::Stub::RejectProposal,
                person, d);
  }

  static std::string Due(const std::string& start, int amount, clue::v1::DurationUnit unit) {
    clue::v1::ComputeDeadlineRequest r;
    r.set_start_date(start);
    r.set_amount(amount);
    r.set_unit(unit);
    auto d = Call(&clue::v1::ClueService::Stub::ComputeDeadline, "staff1", r);
    EXPECT_TRUE(d.ok()) << d.status();
    return d.ok() ? d->due_date() : "";
  }

  static std::string Today() { return FormatDate(TodayInChina()); }

  static testing::Stack* stack_;
  static std::unique_ptr<org::v1::OrgService::Stub> org_;
  static std::unique_ptr<clue::v1::ClueService::Stub> clue_;
};

testing::Stack* WorkflowTest::stack_ = nullptr;
std::unique_ptr<org::v1::OrgService::Stub> WorkflowTest::org_;
std::unique_ptr<clue::v1::ClueService::Stub> WorkflowTest::clue_;

TEST_F(WorkflowTest, FullLifeToAnArchivedCaseWithSanctions) {
  clue::v1::Clue c = Proposed("verification");
  EXPECT_EQ(c.state(), "disposal_proposed");
  EXPECT_EQ(c.proposal().kind(), "disposal");
  EXPECT_EQ(c.proposal().approver(), "the leader of units/G1");
  EXPECT_EQ(c.due_date(), Due("2026-03-02", 1, clue::v1::MONTHS));  // disposal opinion

  // Not the proposer, not a deputy, not another group: the group's leader decides.
  EXPECT_THAT(Decide(true, "staff1", c).status(),
              StatusIs(absl::StatusCode::kPermissionDenied, "OWN_PROPOSAL"));
  EXPECT_THAT(Decide(true, "dep1", c).status(),
              StatusIs(absl::StatusCode::kPermissionDenied, "NOT_THE_APPROVER"));
  EXPECT_THAT(Decide(true, "g2", c).status(),
              StatusIs(absl::StatusCode::kNotFound, "CLUE_NOT_FOUND"));
  ASSERT_OK_AND_ASSIGN(clue::v1::Clue approved, Decide(true, "lead1", c));
  EXPECT_EQ(approved.state(), "verification");
  EXPECT_EQ(approved.disposal(), "verification");
  EXPECT_EQ(approved.disposed_on(), Today());
  EXPECT_FALSE(approved.has_proposal());
  EXPECT_EQ(approved.due_date(), Due(Today(), 3, clue::v1::MONTHS));

  // The verification report proposes filing; a commission leader approves it.
  clue::v1::ReportVerificationRequest rv;
  rv.set_name(c.name());
  rv.set_result("file_case");
  ASSERT_OK_AND_ASSIGN(clue::v1::Clue reported,
                       Call(&clue::v1::ClueService::Stub::ReportVerification, "staff1", rv));
  EXPECT_EQ(reported.proposal().approver(), "a commission leader");
  EXPECT_THAT(Decide(true, "lead1", reported).status(),
              StatusIs(absl::StatusCode::kPermissionDenied, "NOT_THE_APPROVER"));
  ASSERT_OK_AND_ASSIGN(clue::v1::Clue to_file, Decide(true, "cl", reported));
  EXPECT_EQ(to_file.state(), "filing_approved");

  // Filing: its own number; a retry with the same request id files nothing twice.
  clue::v1::FileCaseRequest f;
  f.set_clue(c.name());
  f.set_request_id("file-1");
  ASSERT_OK_AND_ASSIGN(clue::v1::Case filed,
                       Call(&clue::v1::ClueService::Stub::FileCase, "staff1", f));
  EXPECT_THAT(filed.name(), ::testing::StartsWith("cases/LA"));
  EXPECT_EQ(filed.state(), "investigation");
  EXPECT_EQ(filed.due_date(), Due(Today(), 90, clue::v1::CALENDAR_DAYS));
  ASSERT_OK_AND_ASSIGN(clue::v1::Case again,
                       Call(&clue::v1::ClueService::Stub::FileCase, "staff1", f));
  EXPECT_EQ(again.name(), filed.name());

  // One extension of the investigation, approved by a commission leader.
  clue::v1::RequestExtensionRequest ext;
  ext.set_name(filed.name());
  ext.set_days(30);
  ext.set_note("涉案金额需进一步核查");
  ASSERT_OK_AND_ASSIGN(clue::v1::Case asked,
                       Call(&clue::v1::ClueService::Stub::RequestExtension, "staff1", ext));
  clue::v1::Clue on_clue;
  on_clue.set_name(c.name());
  on_clue.mutable_proposal()->set_id(asked.proposal().id());
  ASSERT_OK(Decide(true, "cl", on_clue).status());
  clue::v1::GetCaseRequest gc;
  gc.set_name(filed.name());
  ASSERT_OK_AND_ASSIGN(clue::v1::Case extended,
                       Call(&clue::v1::ClueService::Stub::GetCase, "staff1", gc));
  EXPECT_TRUE(extended.investigation_extended());
  EXPECT_EQ(extended.due_date(),
            Due(Due(Today(), 90, clue::v1::CALENDAR_DAYS), 30, clue::v1::CALENDAR_DAYS));
  EXPECT_THAT(Call(&clue::v1::ClueService::Stub::RequestExtension, "staff1", ext).status(),
              StatusIs(absl::StatusCode::kFailedPrecondition, "EXTENSION_ALREADY_USED"));

  // Trial sees the case only from its transfer to trial.
  EXPECT_THAT(Call(&clue::v1::ClueService::Stub::GetCase, "tr", gc).status(),
              StatusIs(absl::StatusCode::kNotFound, "CASE_NOT_FOUND"));
  clue::v1::CaseStepRequest step;
  step.set_name(filed.name());
  ASSERT_OK_AND_ASSIGN(clue::v1::Case in_trial,
                       Call(&clue::v1::ClueService::Stub::TransferToTrial, "staff1", step));
  EXPECT_EQ(in_trial.state(), "trial");
  EXPECT_EQ(in_trial.due_date(), Due(Today(), 1, clue::v1::MONTHS));
  ASSERT_OK(Call(&clue::v1::ClueService::Stub::GetCase, "tr", gc).status());

  // The decision: one person, a party and an administrative sanction.
  clue::v1::DecideCaseRequest dc;
  dc.set_name(filed.name());
  auto* party = dc.add_outcomes();
  party->set_subject_name("张某");
  party->set_outcome("party_probation");
  party->set_months(12);
  auto* gov = dc.add_outcomes();
  gov->set_subject_name("张某");
  gov->set_outcome("gov_demotion");
  ASSERT_OK_AND_ASSIGN(clue::v1::Case decided,
                       Call(&clue::v1::ClueService::Stub::DecideCase, "tr", dc));
  EXPECT_EQ(decided.state(), "decided");
  EXPECT_EQ(decided.due_date(), "");
  ASSERT_OK_AND_ASSIGN(clue::v1::Case archived,
                       Call(&clue::v1::ClueService::Stub::ArchiveCase, "cm", step));
  EXPECT_EQ(archived.state(), "archived");

  clue::v1::GetClueRequest g;
  g.set_name(c.name());
  ASSERT_OK_AND_ASSIGN(clue::v1::Clue final_clue,
                       Call(&clue::v1::ClueService::Stub::GetClue, "cm", g));
  EXPECT_EQ(final_clue.state(), "filed");
  EXPECT_EQ(final_clue.filed_case(), filed.name());
  ASSERT_EQ(final_clue.outcomes_size(), 2);
  EXPECT_EQ(final_clue.outcomes(0).form(), "third");
  EXPECT_EQ(final_clue.outcomes(1).form(), "third");
  // 留党察看一年: the probation and a year after it.
  absl::CivilDay today = TodayInChina();
  EXPECT_FALSE(final_clue.outcomes(0).effect_until().empty());
  EXPECT_GT(final_clue.outcomes(0).effect_until(), FormatDate(today + 700));
  EXPECT_EQ(final_clue.reviews_size(), 1);
  EXPECT_EQ(final_clue.reviews(0).attendees_size(), 3);

  // Every step is in the clue's chain, and the chain verifies.
  clue::v1::VerifyAuditChainRequest va;
  va.set_clue(c.name());
  ASSERT_OK_AND_ASSIGN(clue::v1::AuditVerification chain,
                       Call(&clue::v1::ClueService::Stub::VerifyAuditChain, "cm", va));
  EXPECT_TRUE(chain.intact()) << chain.problem();
  EXPECT_GE(chain.entries(), 14);
}

TEST_F(WorkflowTest, EveryIllegalStepNamesTheState) {
  clue::v1::Clue c = Register();
  auto illegal = [&](const absl::Status& s, const std::string& state) {
    EXPECT_THAT(s, StatusIs(absl::StatusCode::kFailedPrecondition, "ILLEGAL_TRANSITION"));
    EXPECT_THAT(std::string(s.message()), HasSubstr(state));
  };
  clue::v1::ReviewClueRequest rv;
  rv.set_name(c.name());
  for (const char* p : {"people/staff1", "people/staff2", "people/dep1"}) rv.add_attendees(p);
  illegal(Call(&clue::v1::ClueService::Stub::ReviewClue, "staff1", rv).status(), "registered");
  clue::v1::ProposeDisposalRequest pd;
  pd.set_name(c.name());
  pd.set_disposal("closed");
  illegal(Call(&clue::v1::ClueService::Stub::ProposeDisposal, "staff1", pd).status(), "registered");
  clue::v1::ConcludeInquiryRequest ci;
  ci.set_name(c.name());
  ci.set_result("cleared");
  illegal(Call(&clue::v1::ClueService::Stub::ConcludeInquiry, "staff1", ci).status(), "registered");
  clue::v1::ReportVerificationRequest vr;
  vr.set_name(c.name());
  vr.set_result("closed");
  illegal(Call(&clue::v1::ClueService::Stub::ReportVerification, "staff1", vr).status(),
          "registered");
  clue::v1::ReopenClueRequest ro;
  ro.set_name(c.name());
  illegal(Call(&clue::v1::ClueService::Stub::ReopenClue, "staff1", ro).status(), "registered");
  clue::v1::FileCaseRequest fc;
  fc.set_clue(c.name());
  illegal(Call(&clue::v1::ClueService::Stub::FileCase, "staff1", fc).status(), "registered");
  clue::v1::RecordOutcomesRequest ro2;
  ro2.set_name(c.name());
  auto* o = ro2.add_outcomes();
  o->set_subject_name("张某");
  o->set_outcome("criticism_education");
  illegal(Call(&clue::v1::ClueService::Stub::RecordOutcomes, "staff1", ro2).status(), "registered");
  // Deciding a proposal that is not open is ABORTED, like losing a race.
  clue::v1::Clue none = c;
  none.mutable_proposal()->set_id(999999);
  EXPECT_THAT(Decide(true, "lead1", none).status(),
              StatusIs(absl::StatusCode::kAborted, "PROPOSAL_ALREADY_DECIDED"));

  // Closed is the end: nothing reopens or files it.
  clue::v1::Clue closing = Proposed("closed");
  ASSERT_OK_AND_ASSIGN(clue::v1::Clue closed, Decide(true, "lead1", closing));
  EXPECT_EQ(closed.state(), "closed");
  EXPECT_EQ(closed.result(), "closed");
  EXPECT_EQ(closed.due_date(), "");
  ro.set_name(closed.name());
  illegal(Call(&clue::v1::ClueService::Stub::ReopenClue, "staff1", ro).status(), "closed");
  // A stale etag is refused before anything changes.
  clue::v1::AssignClueRequest a;
  a.set_name(c.name());
  a.add_handlers("people/staff1");
  a.set_etag("12345");
  EXPECT_THAT(Call(&clue::v1::ClueService::Stub::AssignClue, "staff1", a).status(),
              StatusIs(absl::StatusCode::kAborted, "ETAG_MISMATCH"));
  // Someone who may see the clue but does not handle it cannot act on it.
  a.clear_etag();
  EXPECT_THAT(Call(&clue::v1::ClueService::Stub::AssignClue, "o1", a).status(),
              StatusIs(absl::StatusCode::kPermissionDenied, "NOT_HANDLING_UNIT"));
}

TEST_F(WorkflowTest, InquiryEndsInFirstFormHandlingWithOutcomes) {
  clue::v1::Clue c = Proposed("inquiry");
  ASSERT_OK_AND_ASSIGN(clue::v1::Clue inquiry, Decide(true, "lead1", c));
  EXPECT_EQ(inquiry.state(), "inquiry");
  EXPECT_EQ(inquiry.due_date(), Due(Today(), 15, clue::v1::WORKING_DAYS));
  clue::v1::ConcludeInquiryRequest ci;
  ci.set_name(c.name());
  ci.set_result("first_form");
  ASSERT_OK_AND_ASSIGN(clue::v1::Clue concluding,
                       Call(&clue::v1::ClueService::Stub::ConcludeInquiry, "staff1", ci));
  // One proposal at a time.
  EXPECT_THAT(Call(&clue::v1::ClueService::Stub::ConcludeInquiry, "staff1", ci).status(),
              StatusIs(absl::StatusCode::kFailedPrecondition, "PROPOSAL_PENDING"));
  ASSERT_OK_AND_ASSIGN(clue::v1::Clue handled, Decide(true, "lead1", concluding));
  EXPECT_EQ(handled.state(), "first_form");
  EXPECT_EQ(handled.disposal(), "inquiry");  // the first disposal stays the one counted

  clue::v1::RecordOutcomesRequest ro;
  ro.set_name(c.name());
  auto* o = ro.add_outcomes();
  o->set_subject_name("李某");
  o->set_outcome("criticism_education");
  EXPECT_THAT(Call(&clue::v1::ClueService::Stub::RecordOutcomes, "staff1", ro).status(),
              StatusIs(absl::StatusCode::kInvalidArgument, "SUBJECT_NOT_ON_CLUE"));
  o->set_subject_name("张某");
  ASSERT_OK_AND_ASSIGN(clue::v1::Clue with_outcome,
                       Call(&clue::v1::ClueService::Stub::RecordOutcomes, "staff1", ro));
  ASSERT_EQ(with_outcome.outcomes_size(), 1);
  EXPECT_EQ(with_outcome.outcomes(0).form(), "first");
}

TEST_F(WorkflowTest, RejectedDisposalGoesBackAndAHeldClueReopens) {
  clue::v1::Clue c = Proposed("pending");
  EXPECT_THAT(Decide(false, "lead1", c, "").status(),
              StatusIs(absl::StatusCode::kInvalidArgument, "REASON_REQUIRED"));
  ASSERT_OK_AND_ASSIGN(clue::v1::Clue back, Decide(false, "lead1", c, "先初核"));
  EXPECT_EQ(back.state(), "under_review");
  EXPECT_EQ(back.disposal(), "");
  clue::v1::ProposeDisposalRequest pd;
  pd.set_name(c.name());
  pd.set_disposal("pending");
  ASSERT_OK_AND_ASSIGN(clue::v1::Clue again,
                       Call(&clue::v1::ClueService::Stub::ProposeDisposal, "staff1", pd));
  ASSERT_OK_AND_ASSIGN(clue::v1::Clue held, Decide(true, "lead1", again));
  EXPECT_EQ(held.state(), "pending");
  EXPECT_EQ(held.due_date(), "");
  clue::v1::ReopenClueRequest ro;
  ro.set_name(c.name());
  ASSERT_OK_AND_ASSIGN(clue::v1::Clue reopened,
                       Call(&clue::v1::ClueService::Stub::ReopenClue, "staff1", ro));
  EXPECT_EQ(reopened.state(), "under_review");
  EXPECT_EQ(reopened.disposal(), "pending");
  EXPECT_EQ(reopened.due_date(), Due(Today(), 1, clue::v1::MONTHS));
}

TEST_F(WorkflowTest, TheGroupLeaderIsRecusedFromAClueAboutTheHostLeadership) {
  clue::v1::Clue c = Register("2026-03-02", /*leader_of_u1=*/true);
  EXPECT_TRUE(c.recusal());
  clue::v1::AssignClueRequest a;
  a.set_name(c.name());
  a.add_handlers("people/staff1");
  ASSERT_OK(Call(&clue::v1::ClueService::Stub::AssignClue, "staff1", a).status());
  clue::v1::ReviewClueRequest rv;
  rv.set_name(c.name());
  for (const char* p : {"people/staff1", "people/staff2", "people/dep1"}) rv.add_attendees(p);
  ASSERT_OK(Call(&clue::v1::ClueService::Stub::ReviewClue, "staff1", rv).status());
  clue::v1::ProposeDisposalRequest pd;
  pd.set_name(c.name());
  pd.set_disposal("verification");
  EXPECT_THAT(Call(&clue::v1::ClueService::Stub::ProposeDisposal, "lead1", pd).status(),
              StatusIs(absl::StatusCode::kPermissionDenied, "RECUSED"));
  ASSERT_OK_AND_ASSIGN(clue::v1::Clue proposed,
                       Call(&clue::v1::ClueService::Stub::ProposeDisposal, "staff1", pd));
  EXPECT_EQ(proposed.proposal().approver(), "role office in units/O1");
  EXPECT_THAT(Decide(true, "lead1", proposed).status(),
              StatusIs(absl::StatusCode::kPermissionDenied, "RECUSED"));
  ASSERT_OK_AND_ASSIGN(clue::v1::Clue approved, Decide(true, "o1", proposed));
  EXPECT_EQ(approved.state(), "verification");
}

TEST_F(WorkflowTest, TheDeputyApprovesAsActingLeaderWhileTheLeaderPostIsVacant) {
  // G3 has a leader post nobody holds: its deputy g3dep acts (主持工作); G1's deputy,
  // whose group has a leader, does not.
  clue::v1::RegisterClueRequest r;
  auto* in = r.mutable_clue();
  in->set_received_on("2026-03-02");
  in->set_source("supervision");
  in->add_subjects()->set_name("赵某");
  in->add_violations("work");
  in->set_allegation("履职不力");
  in->set_handling_unit("units/G3");
  ASSERT_OK_AND_ASSIGN(clue::v1::Clue c, Call(&clue::v1::ClueService::Stub::RegisterClue, "g3", r));
  clue::v1::AssignClueRequest a;
  a.set_name(c.name());
  a.add_handlers("people/g3");
  ASSERT_OK(Call(&clue::v1::ClueService::Stub::AssignClue, "g3", a).status());
  clue::v1::ReviewClueRequest rv;
  rv.set_name(c.name());
  for (const char* p : {"people/g3", "people/g3dep", "people/o2"}) rv.add_attendees(p);
  ASSERT_OK(Call(&clue::v1::ClueService::Stub::ReviewClue, "g3", rv).status());
  clue::v1::ProposeDisposalRequest pd;
  pd.set_name(c.name());
  pd.set_disposal("closed");
  ASSERT_OK_AND_ASSIGN(clue::v1::Clue proposed,
                       Call(&clue::v1::ClueService::Stub::ProposeDisposal, "g3", pd));
  EXPECT_EQ(proposed.proposal().approver(), "the deputy of units/G3 (acting leader)");
  ASSERT_OK_AND_ASSIGN(clue::v1::Clue approved, Decide(true, "g3dep", proposed));
  EXPECT_EQ(approved.state(), "closed");

  clue::v1::Clue g1 = Proposed("closed");
  EXPECT_EQ(g1.proposal().approver(), "the leader of units/G1");
  EXPECT_THAT(Decide(true, "dep1", g1).status(),
              StatusIs(absl::StatusCode::kPermissionDenied, "NOT_THE_APPROVER"));
}

TEST_F(WorkflowTest, TwoRacingApprovalsOneWinsTheOtherIsAborted) {
  // The guiding office decides a recused clue: two of its people approve at once.
  for (int round = 0; round < 3; ++round) {
    clue::v1::Clue c = Proposed("verification", /*leader_of_u1=*/true);
    absl::Status first, second;
    std::thread a([&] { first = Decide(true, "o1", c).status(); });
    std::thread b([&] { second = Decide(true, "o1b", c).status(); });
    a.join();
    b.join();
    EXPECT_NE(first.ok(), second.ok()) << first << " / " << second;
    const absl::Status& loser = first.ok() ? second : first;
    EXPECT_THAT(loser, StatusIs(absl::StatusCode::kAborted, "PROPOSAL_ALREADY_DECIDED"));
  }
}

TEST_F(WorkflowTest, DeadlinesListedExplainedAndRecomputedWhenTheYearIsLoaded) {
  // Received 2023-12-20: the disposal opinion was due 2024-01-20, a Saturday in a year
  // whose calendar is not loaded: counted Monday to Friday, provisional, overdue.
  clue::v1::Clue old = Register("2023-12-20");
  EXPECT_EQ(old.due_date(), "2024-01-22");
  EXPECT_TRUE(old.due_provisional());

  clue::v1::ListDeadlinesRequest lr;
  lr.set_overdue(true);
  lr.set_unit("units/G1");
  ASSERT_OK_AND_ASSIGN(clue::v1::ListDeadlinesResponse overdue,
                       Call(&clue::v1::ClueService::Stub::ListDeadlines, "staff1", lr));
  bool listed = false;
  for (const auto& item : overdue.items()) {
    if (item.name() != old.name()) continue;
    listed = true;
    EXPECT_TRUE(item.provisional());
    EXPECT_EQ(item.days_overdue(), static_cast<int>(TodayInChina() - absl::CivilDay(2024, 1, 22)));
  }
  EXPECT_TRUE(listed);
  // Another group's people see nothing of it.
  ASSERT_OK_AND_ASSIGN(clue::v1::ListDeadlinesResponse other,
                       Call(&clue::v1::ClueService::Stub::ListDeadlines, "g2", lr));
  for (const auto& item : other.items()) EXPECT_NE(item.name(), old.name());

  clue::v1::ExplainDeadlineRequest er;
  er.set_name(old.name());
  ASSERT_OK_AND_ASSIGN(clue::v1::Deadline why,
                       Call(&clue::v1::ClueService::Stub::ExplainDeadline, "staff1", er));
  EXPECT_EQ(why.rule(), "disposal_opinion v1: 1 months");
  EXPECT_EQ(why.start_date(), "2023-12-20");
  EXPECT_TRUE(why.provisional());

  // Loading 2024 (only administrators may) recomputes it on the real calendar: here a
  // make-up workday on the Saturday it fell on.
  clue::v1::LoadCalendarYearRequest load;
  load.set_year(2024);
  auto day = [&](const char* date, const char* kind, const char* name) {
    auto* d = load.add_days();
    d->set_date(date);
    d->set_kind(kind);
    d->set_name(name);
  };
  day("2024-01-01", "holiday", "元旦");
  day("2024-01-20", "workday", "测试调休");
  EXPECT_THAT(Call(&clue::v1::ClueService::Stub::LoadCalendarYear, "staff1", load).status(),
              StatusIs(absl::StatusCode::kPermissionDenied));
  day("2024-01-03", "workday", "测试");  // a Wednesday cannot be a make-up workday
  EXPECT_THAT(Call(&clue::v1::ClueService::Stub::LoadCalendarYear, "admin", load).status(),
              StatusIs(absl::StatusCode::kInvalidArgument, "WORKDAY_NOT_WEEKEND"));
  load.mutable_days()->RemoveLast();
  ASSERT_OK_AND_ASSIGN(clue::v1::LoadCalendarYearResponse loaded,
                       Call(&clue::v1::ClueService::Stub::LoadCalendarYear, "admin", load));
  EXPECT_GE(loaded.due_dates_recomputed(), 1);
  clue::v1::GetClueRequest g;
  g.set_name(old.name());
  ASSERT_OK_AND_ASSIGN(clue::v1::Clue now,
                       Call(&clue::v1::ClueService::Stub::GetClue, "staff1", g));
  EXPECT_EQ(now.due_date(), "2024-01-20");
  EXPECT_FALSE(now.due_provisional());
}

}  // namespace
}  // namespace paizhu
