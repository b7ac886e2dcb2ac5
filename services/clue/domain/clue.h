#pragma once
// A problem clue (问题线索) as the registry holds it, and the rules a new one satisfies.

#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/time/civil_time.h"

namespace paizhu::clue {

struct Reporter {
  std::string name;
  std::string contact;
  bool anonymous = false;
};

struct Subject {
  std::string name;
  std::string unit_code;
  std::string position;
  std::string level;
  bool party_member = false;
  std::string integrity_file;
};

struct Clue {
  int64_t id = 0;
  std::string number;  // XS2026-0001
  absl::CivilDay received_on;
  std::string source;
  Reporter reporter;
  std::vector<Subject> subjects;
  std::vector<std::string> violations;
  std::string allegation;
  std::string handling_unit_code;
  std::vector<std::string> handler_codes;
  std::string registering_unit_code;
  std::string state = "registered";
  std::string registered_by;
  int64_t version = 0;
};

bool IsSource(const std::string& source);
bool IsViolation(const std::string& violation);
// "XS2026-0001": the registry's own numbering, gap-free per year of receipt.
std::string ClueNumber(int year, int64_t seq);
absl::Status ValidateNewClue(const Clue& clue, absl::CivilDay today);
// A canonical text of the clue's facts: its digest goes into the audit trail.
std::string CanonicalText(const Clue& clue);

}  // namespace paizhu::clue
