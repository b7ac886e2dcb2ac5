#pragma once
// The tamper-evident audit trail of one clue: each entry's MAC covers the previous
// entry's MAC and its own fields, with a key that lives in a file, never in the
// database. Someone with SQL access can change rows but not recompute the MACs; a
// deleted tail or chain no longer matches the clue's head row.

#include <optional>
#include <string>
#include <vector>

namespace paizhu::clue {

struct AuditEntry {
  int64_t seq = 0;
  int64_t at_micros = 0;
  std::string actor;          // "person:P0001", "service:assess"
  std::string action;         // register, read, ...
  std::string digest_before;  // SHA-256 hex of the facts before ("" for none)
  std::string digest_after;
  std::string mac;
};

// The timeline note stored beside entry `seq` (acting unit and changed facts, as NoteText
// makes them) and its MAC; reads and imports have none.
struct SealedNote {
  int64_t seq = 0;
  std::string text;
  std::string mac;
};

struct AuditHead {
  int64_t seq = 0;
  std::string mac;
};

struct ChainCheck {
  bool intact = true;
  int64_t entries = 0;
  int64_t first_broken_seq = 0;
  std::string problem;
};

// Hex HMAC-SHA256 of the entry chained to `previous_mac` ("" for the first).
std::string EntryMac(const std::string& key, int64_t clue_id, const std::string& previous_mac,
                     const AuditEntry& entry);

// A note's text as its MAC covers it: the acting unit and the encoded facts.
std::string NoteText(const std::string& acting_unit, const std::string& encoded_facts);

// Hex HMAC-SHA256 of a note, bound to its entry through the entry's MAC (which covers
// the clue, the seq and the chain before it): a note moved to another entry fails too.
std::string NoteMac(const std::string& key, const std::string& entry_mac,
                    const std::string& note_text);

// `entries` in the order the database returns them (by seq); `notes` in any order.
ChainCheck VerifyChain(const std::string& key, int64_t clue_id,
                       const std::vector<AuditEntry>& entries, const std::optional<AuditHead>& head,
                       const std::vector<SealedNote>& notes = {});

// ---- signed checkpoints of all heads ----

struct HeadAt {
  int64_t clue_id = 0;
  int64_t seq = 0;
  std::string mac;
};

struct Checkpoint {
  int64_t id = 0;
  int64_t taken_at_micros = 0;
  std::vector<HeadAt> heads;  // in clue order
  std::string digest;         // SHA-256 hex over the heads
  std::string previous_mac;   // the previous checkpoint's mac ("" for the first)
  std::string mac;
};

std::string HeadsDigest(const std::vector<HeadAt>& heads);
std::string CheckpointMac(const std::string& key, const Checkpoint& checkpoint);

}  // namespace paizhu::clue
