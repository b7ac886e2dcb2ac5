// Ledger migration and the figures through the gateway: historical clues, outcomes,
// letters and problems imported as CONTRACTS.md's formats; bad rows reported by line
// and column with nothing changed; live numbering continuing after imported numbers; and
// GetClueStatistics on a seeded period equal to hand-counted figures, with distractors.

#include "absl/strings/str_cat.h"
#include "common/status/grpc_status.h"
#include "gmock/gmock.h"
#include "grpcpp/client_context.h"
#include "gtest/gtest.h"
#include "paizhu/clue/v1/clue.grpc.pb.h"
#include "tests/clue/clue_city_test.h"
#include "tests/support/stack.h"
#include "tests/support/status_matchers.h"

namespace paizhu {
namespace {

using ::paizhu::testing::StatusIs;

class LedgerTest : public testing::ClueCityTest {
 protected:
  static void AddClue(clue::v1::ImportCluesRequest& r, const char* number, const char* received,
                      const char* unit, const char* subject, const char* disposal,
                      const char* disposed, const char* filed = "") {
    auto* row = r.add_rows();
    row->set_line(r.rows_size() + 1);
    row->set_number(number);
    row->set_received_on(received);
    row->set_source("petition");
    row->set_handling_unit(unit);
    row->set_subject_name(subject);
    row->set_subject_unit("U1");
    row->set_subject_level("正科");
    row->set_disposal(disposal);
    row->set_disposed_on(disposed);
    row->set_filed_on(filed);
  }

  static void AddOutcome(clue::v1::ImportOutcomesRequest& r, const char* clue, const char* subject,
                         const char* outcome, const char* decided) {
    auto* row = r.add_rows();
    row->set_line(r.rows_size() + 1);
    row->set_clue(clue);
    row->set_subject_name(subject);
    row->set_outcome(outcome);
    row->set_decided_on(decided);
  }

  static clue::v1::ClueStatistics Statistics(const std::string& person,
                                             std::vector<std::string> units = {}) {
    clue::v1::GetClueStatisticsRequest r;
    r.set_from("2021-01-01");
    r.set_to("2021-12-31");
    for (const std::string& u : units) r.add_units(u);
    auto out = Call(&clue::v1::ClueService::Stub::GetClueStatistics, person, r);
    EXPECT_TRUE(out.ok()) << out.status();
    return out.value_or(clue::v1::ClueStatistics());
  }
};

TEST_F(LedgerTest, ImportedLedgersCountAsTheContractSays) {
  // A bad file changes nothing and names every bad row by line and column.
  clue::v1::ImportCluesRequest bad;
  AddClue(bad, "XS2021-0001", "2021-02-01", "G1", "张三", "verification", "2021-03-10");
  AddClue(bad, "XS2021-0002", "2021-02-30", "G1", "李四", "inquiry", "2021-05-05");
  AddClue(bad, "XS2021-0003", "2021-02-01", "NOPE", "王五", "inquiry", "2021-05-05");
  AddClue(bad, "XS2021-0004", "2021-02-01", "G1", "赵六", "filed", "2021-05-05");
  ASSERT_OK_AND_ASSIGN(common::v1::ImportResult refused,
                       Call(&clue::v1::ClueService::Stub::ImportClues, "cm", bad));
  EXPECT_EQ(refused.imported(), 0);
  ASSERT_EQ(refused.errors_size(), 3);
  // Line 1 is the header: the second row is line 3.
  EXPECT_EQ(refused.errors(0).line(), 3);
  EXPECT_EQ(refused.errors(0).field(), "received_on");
  EXPECT_EQ(refused.errors(1).line(), 4);
  EXPECT_EQ(refused.errors(1).reason(), "UNIT_NOT_FOUND");
  EXPECT_EQ(refused.errors(2).field(), "disposal");
  clue::v1::GetClueRequest g;
  g.set_name("clues/XS2021-0001");
  EXPECT_THAT(Call(&clue::v1::ClueService::Stub::GetClue, "cm", g).status(),
              StatusIs(absl::StatusCode::kNotFound, "CLUE_NOT_FOUND"));

  // The ledger: 2021 is the period; one clue names two people; one clue was received in
  // 2020 and disposed in 2021; one lies wholly outside; G2 handles one.
  clue::v1::ImportCluesRequest clues;
  AddClue(clues, "XS2021-0001", "2021-02-01", "G1", "张三", "verification", "2021-03-10",
          "2021-04-01");
  AddClue(clues, "XS2021-0001", "2021-02-01", "G1", "李四", "verification", "2021-03-10",
          "2021-04-01");
  AddClue(clues, "XS2021-0002", "2021-04-20", "G2", "王五", "inquiry", "2021-06-30");
  AddClue(clues, "XS2020-0100", "2020-12-20", "G1", "钱七", "closed", "2021-01-05");
  AddClue(clues, "XS2019-0003", "2019-05-01", "G1", "孙八", "pending", "2019-05-20");
  ASSERT_OK_AND_ASSIGN(common::v1::ImportResult imported,
                       Call(&clue::v1::ClueService::Stub::ImportClues, "cm", clues));
  EXPECT_EQ(imported.errors_size(), 0) << imported.errors(0).message();
  EXPECT_EQ(imported.imported(), 4);  // four clues from five rows
  // Importing again: every clue is a duplicate.
  ASSERT_OK_AND_ASSIGN(common::v1::ImportResult twice,
                       Call(&clue::v1::ClueService::Stub::ImportClues, "cm", clues));
  EXPECT_EQ(twice.imported(), 0);
  EXPECT_EQ(twice.errors(0).reason(), "DUPLICATE_CLUE");

  clue::v1::ImportOutcomesRequest outcomes;
  AddOutcome(outcomes, "XS2021-0001", "张三", "party_warning", "2021-06-01");
  AddOutcome(outcomes, "XS2021-0001", "张三", "gov_demerit", "2021-06-01");
  AddOutcome(outcomes, "XS2021-0001", "李四", "criticism_education", "2021-06-01");
  AddOutcome(outcomes, "XS2021-0002", "王五", "party_serious_warning", "2022-01-10");
  ASSERT_OK_AND_ASSIGN(common::v1::ImportResult o,
                       Call(&clue::v1::ClueService::Stub::ImportOutcomes, "cm", outcomes));
  EXPECT_EQ(o.imported(), 4);
  clue::v1::ImportOutcomesRequest stranger;
  AddOutcome(stranger, "XS2021-0001", "周九", "party_warning", "2021-06-01");
  ASSERT_OK_AND_ASSIGN(common::v1::ImportResult s,
                       Call(&clue::v1::ClueService::Stub::ImportOutcomes, "cm", stranger));
  ASSERT_EQ(s.errors_size(), 1);
  EXPECT_EQ(s.errors(0).field(), "subject_name");
  EXPECT_EQ(s.errors(0).reason(), "SUBJECT_NOT_ON_CLUE");

  clue::v1::ImportLettersRequest letters;
  auto letter = [&](const char* code, const char* issuer, const char* issued, const char* due,
                    const char* replied) {
    auto* row = letters.add_rows();
    row->set_line(letters.rows_size() + 1);
    row->set_code(code);
    row->set_kind("combined");
    row->set_issuer(issuer);
    row->set_unit("U1");
    row->set_issued_on(issued);
    row->set_reply_due(due);
    row->set_replied_on(replied);
  };
  letter("JY2021-01", "G1", "2021-03-01", "2021-04-01", "2021-03-25");
  letter("JY2020-09", "G2", "2020-12-01", "2021-01-01", "");
  ASSERT_OK_AND_ASSIGN(common::v1::ImportResult l,
                       Call(&clue::v1::ClueService::Stub::ImportLetters, "cm", letters));
  EXPECT_EQ(l.imported(), 2);
  clue::v1::ImportProblemsRequest problems;
  auto problem = [&](const char* letter, const char* seq, const char* state,
                     const char* rectified) {
    auto* row = problems.add_rows();
    row->set_line(problems.rows_size() + 1);
    row->set_letter(letter);
    row->set_seq(seq);
    row->set_description("三重一大制度执行不到位");
    row->set_state(state);
    row->set_rectified_on(rectified);
  };
  problem("JY2021-01", "1", "rectified", "2021-05-01");
  problem("JY2021-01", "2", "open", "");
  problem("JY2020-09", "1", "rectified", "2021-02-01");
  ASSERT_OK_AND_ASSIGN(common::v1::ImportResult p,
                       Call(&clue::v1::ClueService::Stub::ImportProblems, "cm", problems));
  EXPECT_EQ(p.imported(), 3);

  // Counted by hand: received 0001, 0002; disposed 0001, 0002, 2020-0100; one case;
  // 张三 sanctioned once despite two sanctions; 李四 criticised; 王五's outcome is 2022.
  clue::v1::ClueStatistics all = Statistics("cm", {"units/G1"});
  const clue::v1::ClueFigures& t = all.totals();
  EXPECT_EQ(t.clues_received(), 2);
  EXPECT_EQ(t.clues_disposed(), 3);
  EXPECT_EQ(t.disposed_by_disposal().at("verification"), 1);
  EXPECT_EQ(t.disposed_by_disposal().at("closed"), 1);
  EXPECT_EQ(t.cases_filed(), 1);
  EXPECT_EQ(t.people_sanctioned(), 1);
  EXPECT_EQ(t.people_criticised(), 1);
  EXPECT_EQ(t.people_by_form().at("second"), 1);
  EXPECT_EQ(t.people_by_form().at("first"), 1);
  EXPECT_EQ(t.letters_issued(), 1);
  EXPECT_EQ(t.problems_tracked(), 2);
  EXPECT_EQ(t.problems_rectified(), 1);
  // XS2021-0001 (02-01 to 03-10) and 0002 (04-20 to 06-30) took more than their month;
  // XS2020-0100 (2020-12-20 to 2021-01-05) did not.
  EXPECT_EQ(t.disposed_on_time(), 1);
  ASSERT_EQ(all.units_size(), 1);
  EXPECT_EQ(all.units(0).figures().clues_received(), 1);
  EXPECT_EQ(all.units(0).figures().clues_disposed(), 2);
  EXPECT_EQ(all.units(0).figures().letters_issued(), 1);

  // G2's people count only what they may see.
  clue::v1::ClueStatistics g2 = Statistics("g2");
  EXPECT_EQ(g2.totals().clues_received(), 1);
  EXPECT_EQ(g2.totals().clues_disposed(), 1);
  EXPECT_EQ(g2.totals().people_sanctioned(), 0);
  EXPECT_EQ(g2.totals().letters_issued(), 0);

  // Live numbering of 2021 continues after the highest imported number.
  clue::v1::RegisterClueRequest reg;
  reg.mutable_clue()->set_received_on("2021-06-01");
  reg.mutable_clue()->set_source("supervision");
  reg.mutable_clue()->add_subjects()->set_name("吴十");
  reg.mutable_clue()->add_violations("integrity");
  reg.mutable_clue()->set_allegation("违规发放津补贴");
  reg.mutable_clue()->set_handling_unit("units/G1");
  ASSERT_OK_AND_ASSIGN(clue::v1::Clue live,
                       Call(&clue::v1::ClueService::Stub::RegisterClue, "staff1", reg));
  EXPECT_EQ(live.name(), "clues/XS2021-0003");

  // An imported clue is in its chain too.
  clue::v1::VerifyAuditChainRequest va;
  va.set_clue("clues/XS2021-0001");
  ASSERT_OK_AND_ASSIGN(clue::v1::AuditVerification chain,
                       Call(&clue::v1::ClueService::Stub::VerifyAuditChain, "cm", va));
  EXPECT_TRUE(chain.intact());
  EXPECT_EQ(chain.entries(), 4);  // import, three outcomes

  // Export gives the same rows back, page by page (the live, undisposed clue has none).
  clue::v1::ExportRowsRequest page;
  page.set_page_size(2);
  std::vector<std::string> exported;
  do {
    ASSERT_OK_AND_ASSIGN(clue::v1::ExportCluesResponse got,
                         Call(&clue::v1::ClueService::Stub::ExportClues, "cm", page));
    for (const auto& row : got.rows()) {
      exported.push_back(absl::StrCat(row.number(), "|", row.subject_name(), "|", row.disposal(),
                                      "|", row.disposed_on(), "|", row.filed_on()));
    }
    page.set_page_token(got.next_page_token());
  } while (!page.page_token().empty());
  EXPECT_THAT(exported,
              ::testing::UnorderedElementsAre("XS2021-0001|张三|verification|2021-03-10|2021-04-01",
                                              "XS2021-0001|李四|verification|2021-03-10|2021-04-01",
                                              "XS2021-0002|王五|inquiry|2021-06-30|",
                                              "XS2020-0100|钱七|closed|2021-01-05|",
                                              "XS2019-0003|孙八|pending|2019-05-20|"));
  page.Clear();
  ASSERT_OK_AND_ASSIGN(clue::v1::ExportProblemsResponse exported_problems,
                       Call(&clue::v1::ClueService::Stub::ExportProblems, "cm", page));
  EXPECT_EQ(exported_problems.rows_size(), 3);
  ASSERT_OK_AND_ASSIGN(clue::v1::ExportOutcomesResponse exported_outcomes,
                       Call(&clue::v1::ClueService::Stub::ExportOutcomes, "cm", page));
  EXPECT_EQ(exported_outcomes.rows_size(), 4);
  EXPECT_THAT(Call(&clue::v1::ClueService::Stub::ExportLetters, "g2", page).status(),
              StatusIs(absl::StatusCode::kPermissionDenied));
}

TEST_F(LedgerTest, ALetterIsIssuedRepliedAndRectifiedToItsReview) {
  clue::v1::IssueLetterRequest issue;
  auto* l = issue.mutable_letter();
  l->set_name("letters/JY2026-07");
  l->set_kind("combined");
  l->set_issuer("units/G1");
  l->set_unit("units/U1");
  l->set_issued_on("2026-01-10");
  l->set_reply_due("2026-02-10");
  l->add_problems()->set_description("“三重一大”事项未经集体研究");
  l->add_problems()->set_description("公务接待超标准");
  // Another group may not write to a unit it does not supervise.
  l->set_issuer("units/G2");
  EXPECT_THAT(Call(&clue::v1::ClueService::Stub::IssueLetter, "g2", issue).status(),
              StatusIs(absl::StatusCode::kFailedPrecondition, "NOT_SUPERVISED_BY_ISSUER"));
  l->set_issuer("units/G1");
  EXPECT_THAT(Call(&clue::v1::ClueService::Stub::IssueLetter, "g2", issue).status(),
              StatusIs(absl::StatusCode::kPermissionDenied, "NOT_THE_ISSUER"));
  ASSERT_OK_AND_ASSIGN(clue::v1::Letter issued,
                       Call(&clue::v1::ClueService::Stub::IssueLetter, "staff1", issue));
  EXPECT_TRUE(issued.overdue());  // no reply by 2026-02-10
  ASSERT_EQ(issued.problems_size(), 2);
  EXPECT_EQ(issued.problems(0).state(), "open");
  EXPECT_THAT(Call(&clue::v1::ClueService::Stub::IssueLetter, "staff1", issue).status(),
              StatusIs(absl::StatusCode::kAlreadyExists, "LETTER_EXISTS"));
  clue::v1::GetLetterRequest get;
  get.set_name(issued.name());
  EXPECT_THAT(Call(&clue::v1::ClueService::Stub::GetLetter, "g2", get).status(),
              StatusIs(absl::StatusCode::kNotFound, "LETTER_NOT_FOUND"));

  clue::v1::RecordLetterReplyRequest reply;
  reply.set_name(issued.name());
  reply.set_replied_on("2026-02-05");
  reply.set_reply("已制定整改方案");
  ASSERT_OK(Call(&clue::v1::ClueService::Stub::RecordLetterReply, "staff1", reply).status());

  clue::v1::UpdateProblemRequest up;
  up.set_name(issued.name());
  up.set_seq(1);
  up.set_state("verified");
  EXPECT_THAT(Call(&clue::v1::ClueService::Stub::UpdateProblem, "staff1", up).status(),
              StatusIs(absl::StatusCode::kFailedPrecondition, "ILLEGAL_TRANSITION"));
  up.set_state("rectified");
  up.set_on("2026-02-01");
  EXPECT_THAT(Call(&clue::v1::ClueService::Stub::UpdateProblem, "staff1", up).status(),
              StatusIs(absl::StatusCode::kInvalidArgument, "EVIDENCE_REQUIRED"));
  up.set_evidence("党组会议纪要已补正");
  ASSERT_OK(Call(&clue::v1::ClueService::Stub::UpdateProblem, "staff1", up).status());
  up.set_state("verified");
  up.set_on("2026-03-01");
  up.set_evidence("回访核查属实");
  ASSERT_OK_AND_ASSIGN(clue::v1::Letter reviewed,
                       Call(&clue::v1::ClueService::Stub::UpdateProblem, "staff1", up));
  EXPECT_EQ(reviewed.problems(0).state(), "verified");
  EXPECT_EQ(reviewed.problems(0).verified_on(), "2026-03-01");
  EXPECT_FALSE(reviewed.problems(0).overdue());
  up.set_state("in_progress");
  EXPECT_THAT(Call(&clue::v1::ClueService::Stub::UpdateProblem, "staff1", up).status(),
              StatusIs(absl::StatusCode::kFailedPrecondition, "ILLEGAL_TRANSITION"));
  // The second problem is still open past the due date: the letter stays overdue, listed
  // among the overdue ones for the group and its office, not for another group.
  EXPECT_TRUE(reviewed.problems(1).overdue());
  EXPECT_TRUE(reviewed.overdue());
  clue::v1::ListLettersRequest list;
  list.set_overdue_only(true);
  for (const char* person : {"staff1", "o1"}) {
    ASSERT_OK_AND_ASSIGN(clue::v1::ListLettersResponse overdue,
                         Call(&clue::v1::ClueService::Stub::ListLetters, person, list));
    bool found = false;
    for (const auto& letter : overdue.letters()) found = found || letter.name() == issued.name();
    EXPECT_TRUE(found) << person;
  }
  ASSERT_OK_AND_ASSIGN(clue::v1::ListLettersResponse none,
                       Call(&clue::v1::ClueService::Stub::ListLetters, "g2", list));
  for (const auto& letter : none.letters()) EXPECT_NE(letter.name(), issued.name());
}

}  // namespace
}  // namespace paizhu
