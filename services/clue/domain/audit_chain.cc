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

ChainCheck VerifyChain(const std::string& key, int64_t clue_id,
                       const std::vector<AuditEntry>& entries,
                       const std::optional<AuditHead>& head) {
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
