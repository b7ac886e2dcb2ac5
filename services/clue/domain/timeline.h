#pragma once
// A clue's timeline: what each entry of its audit trail changed, in words a reader can
// follow. The chain (audit_chain.h) proves the order and the digests; these notes,
// stored beside it, say who acted for which unit and which facts changed.

#include <cstdint>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "services/clue/domain/clue.h"
#include "services/clue/domain/visibility.h"

namespace paizhu::clue {

// One fact a step set: `field` is a stable key (state, handlers, reporter.name, ...),
// `value` what it became and `previous` what it was ("" when it had none).
struct Fact {
  std::string field;
  std::string value;
  std::string previous;
};

// What is stored beside an audit entry.
struct AuditNote {
  std::string acting_unit;  // unit code; "" when unknown
  std::vector<Fact> facts;
};

// One entry of the timeline as stored: the chain's fields and its note (empty for reads
// and for entries written before notes were kept).
struct TimelineEntry {
  int64_t seq = 0;
  int64_t at_micros = 0;
  std::string actor;  // "person:P0001", "service:assess"
  std::string action;
  AuditNote note;
};

// The facts a step changed, `before` null for a registration (then every fact the clue
// was registered with). Reporter facts only at registration: they never change.
std::vector<Fact> ChangedFacts(const Clue* before, const Clue& after);

// Facts only the petition role may see (GetClue masks the same fields).
bool IsReporterFact(const Fact& fact);

// The unit the viewer acted for on `clue`: one of their role units that handles,
// registered or takes part in it, else a participant unit they handle or lead, else
// their first role unit; "" when none (a service).
std::string ActingUnit(const Viewer& viewer, const Clue& clue);

// The facts as one text column and back; separators inside values become spaces.
std::string EncodeFacts(const std::vector<Fact>& facts);
std::vector<Fact> DecodeFacts(absl::string_view text);

}  // namespace paizhu::clue
