// The audit chain's tamper detection, on entries as the database would return them.

#include "services/clue/domain/audit_chain.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "services/clue/domain/clue.h"
#include "tests/support/status_matchers.h"

namespace paizhu::clue {
namespace {

using ::paizhu::testing::HasField;

const std::string kKey(32, 'k');
constexpr int64_t kClue = 7;

class AuditChainTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string previous;
    for (int i = 1; i <= 4; ++i) {
      AuditEntry e{
          i, 1000 + i, "person:P1", i == 1 ? "register" : "read", "", std::string(64, 'a' + i), ""};
      e.mac = EntryMac(kKey, kClue, previous, e);
      previous = e.mac;
      entries_.push_back(e);
    }
    head_ = AuditHead{4, previous};
  }
  ChainCheck Check() { return VerifyChain(kKey, kClue, entries_, head_); }
  std::vector<AuditEntry> entries_;
  std::optional<AuditHead> head_;
};

TEST_F(AuditChainTest, AnUntouchedChainVerifies) {
  ChainCheck c = Check();
  EXPECT_TRUE(c.intact) << c.problem;
  EXPECT_EQ(c.entries, 4);
}

TEST_F(AuditChainTest, AnEditedEntryIsNamed) {
  entries_[1].actor = "person:P9";
  ChainCheck c = Check();
  EXPECT_FALSE(c.intact);
  EXPECT_EQ(c.first_broken_seq, 2);
}

TEST_F(AuditChainTest, AnEditWithItsDigestRecomputedStillFails) {
  // Someone with SQL access can recompute plain hashes, but not the keyed MAC.
  entries_[2].digest_after = std::string(64, 'z');
  entries_[2].mac = EntryMac(std::string(32, 'x'), kClue, entries_[1].mac, entries_[2]);
  EXPECT_EQ(Check().first_broken_seq, 3);
}

TEST_F(AuditChainTest, AnEditedOrMovedTimelineNoteIsNamed) {
  std::string text = NoteText("G1", "state=registered");
  std::vector<SealedNote> notes = {{1, text, NoteMac(kKey, entries_[0].mac, text)}};
  ChainCheck whole = VerifyChain(kKey, kClue, entries_, head_, notes);
  EXPECT_TRUE(whole.intact) << whole.problem;

  notes[0].text = NoteText("G1", "state=closed");  // facts edited
  ChainCheck edited = VerifyChain(kKey, kClue, entries_, head_, notes);
  EXPECT_FALSE(edited.intact);
  EXPECT_EQ(edited.first_broken_seq, 1);
  EXPECT_THAT(edited.problem, ::testing::HasSubstr("note"));

  notes[0].text = text;
  notes.push_back({3, text, notes[0].mac});  // entry 1's note copied to entry 3
  EXPECT_EQ(VerifyChain(kKey, kClue, entries_, head_, notes).first_broken_seq, 3);
}

TEST_F(AuditChainTest, ADeletedTailDisagreesWithTheHead) {
  entries_.pop_back();
  ChainCheck c = Check();
  EXPECT_FALSE(c.intact);
  EXPECT_EQ(c.first_broken_seq, 4);
}

TEST_F(AuditChainTest, AllEntriesDeletedIsCaught) {
  entries_.clear();
  EXPECT_FALSE(Check().intact);
  head_.reset();
  EXPECT_FALSE(Check().intact);  // nor does a clue without any trail pass
}

TEST_F(AuditChainTest, AReorderIsCaught) {
  std::swap(entries_[1].seq, entries_[2].seq);
  std::swap(entries_[1], entries_[2]);
  EXPECT_EQ(Check().first_broken_seq, 2);
}

TEST_F(AuditChainTest, AnotherCluesEntryDoesNotVerifyHere) {
  EXPECT_FALSE(VerifyChain(kKey, kClue + 1, entries_, head_).intact);
}

TEST(ClueRulesTest, NumbersAreGapFreePerYear) {
  EXPECT_EQ(ClueNumber(2026, 1), "XS2026-0001");
  EXPECT_EQ(ClueNumber(2026, 12345), "XS2026-12345");
}

TEST(ClueRulesTest, ARegistrationNeedsItsFacts) {
  Clue c;
  c.received_on = absl::CivilDay(2026, 3, 2);
  c.source = "petition";
  c.subjects = {{"张某", "U01", "局长", "正处", true, ""}};
  c.violations = {"integrity"};
  c.allegation = "收受礼金";
  const absl::CivilDay today(2026, 11, 28);
  EXPECT_OK(ValidateNewClue(c, today));
  Clue bad = c;
  bad.source = "rumour";
  EXPECT_THAT(ValidateNewClue(bad, today), HasField("clue.source"));
  bad = c;
  bad.subjects.clear();
  EXPECT_THAT(ValidateNewClue(bad, today), HasField("clue.subjects"));
  bad = c;
  bad.reporter = {"李四", "", true};
  EXPECT_THAT(ValidateNewClue(bad, today), HasField("clue.reporter"));
  bad = c;
  bad.received_on = today + 1;
  EXPECT_THAT(ValidateNewClue(bad, today), HasField("clue.received_on"));
}

}  // namespace
}  // namespace paizhu::clue
