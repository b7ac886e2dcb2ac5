#include "services/clue/domain/audit_chain.h"

#include "absl/strings/str_cat.h"
#include "common/crypto/digest.h"

namespace paizhu::clue {

std::string EntryMac(const std::string& key, int64_t clue_id, const std::string& previous_mac,
                     const AuditEntry& e) {
  // Fields are separated by a byte no field contains.
  std::string text =
      absl::StrCat(previous_mac, "\x1f", clue_id, "\x1f", e.seq, "\x1f", e.at_micros, "\x1f",
                   e.actor, "\x1f", e.action, "\x1f", e.digest_before, "\x1f", e.digest_after);
  return crypto::HexEncode(crypto::HmacSha256(key, text));
}

std::string NoteText(const std::string& acting_unit, const std::string& encoded_facts) {
  return absl::StrCat(acting_unit, "\x1f", encoded_facts);
}

std::string NoteMac(const std::string& key, const std::string& entry_mac,
                    const std::string& note_text) {
  return crypto::HexEncode(
      crypto::HmacSha256(key, absl::StrCat("note\x1f", entry_mac, "\x1f", note_text)));
}

ChainCheck VerifyChain(const std::string& key, int64_t clue_id,
                       const std::vector<AuditEntry>& entries, const std::optional<AuditHead>& head,
                       const std::vector<SealedNote>& notes) {
  ChainCheck check;
  auto broken = [&](int64_t seq, std::string problem) {
    check.intact = false;
    check.first_broken_seq = seq;
    check.problem = std::move(problem);
    return check;
  };
  std::string previous;
  for (size_t i = 0; i < entries.size(); ++i) {
    const AuditEntry& e = entries[i];
    int64_t expected_seq = static_cast<int64_t>(i) + 1;
    check.entries = expected_seq;
    if (e.seq != expected_seq) {
      return broken(expected_seq,
                    absl::StrCat("entry ", expected_seq, " is missing or out of order"));
    }
    if (EntryMac(key, clue_id, previous, e) != e.mac) {
      return broken(e.seq,
                    absl::StrCat("entry ", e.seq, " does not verify (changed, moved or forged)"));
    }
    previous = e.mac;
  }
  if (!head) {
    if (entries.empty()) return broken(1, "the clue has no audit trail at all");
    return broken(entries.back().seq, "the chain's head row is missing");
  }
  int64_t last = entries.empty() ? 0 : entries.back().seq;
  if (head->seq != last || head->mac != previous) {
    return broken(last + 1, absl::StrCat("the head says ", head->seq, " entries but ", last,
                                         " verify: the tail was deleted or the head edited"));
  }
  // The chain is whole, so entry n sits at n - 1.
  const SealedNote* first_bad = nullptr;
  for (const SealedNote& n : notes) {
    bool fits =
        n.seq >= 1 && n.seq <= last && NoteMac(key, entries[n.seq - 1].mac, n.text) == n.mac;
    if (!fits && (!first_bad || n.seq < first_bad->seq)) first_bad = &n;
  }
  if (first_bad) {
    return broken(first_bad->seq, absl::StrCat("the timeline note of entry ", first_bad->seq,
                                               " does not verify (changed or forged)"));
  }
  return check;
}

std::string HeadsDigest(const std::vector<HeadAt>& heads) {
  std::string text;
  for (const HeadAt& h : heads) absl::StrAppend(&text, h.clue_id, ":", h.seq, ":", h.mac, "\n");
  return crypto::HexEncode(crypto::Sha256(text));
}

std::string CheckpointMac(const std::string& key, const Checkpoint& c) {
  return crypto::HexEncode(
      crypto::HmacSha256(key, absl::StrCat("checkpoint|", c.previous_mac, "|", c.taken_at_micros,
                                           "|", c.heads.size(), "|", c.digest)));
}

}  // namespace paizhu::clue
