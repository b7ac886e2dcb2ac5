#pragma once
// A problem clue (问题线索) as the registry holds it, and the rules a new one satisfies.

#include <optional>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/time/civil_time.h"
#include "services/clue/domain/deadline_rules.h"
#include "services/clue/domain/joint_case.h"
#include "services/clue/domain/outcome.h"
#include "services/clue/domain/workflow.h"

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
  bool unit_leadership = false;  // in the leading group (领导班子) of unit_code
};

// A collective review (集体研判) of the clue.
struct Review {
  absl::CivilDay held_on;
  std::vector<std::string> attendee_codes;
  std::string summary;
};

// A filed case (立案), its own resource linked to its clue.
struct CaseFile {
  int64_t id = 0;
  std::string number;  // LA2026-0001
  absl::CivilDay filed_on;
  std::string state = "investigation";  // investigation, trial, decided, archived
  DueDate due;
  bool investigation_extended = false;
  bool trial_extended = false;
  bool returned_from_trial = false;
  std::optional<absl::CivilDay> decided_on;
  int64_t version = 1;
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
  // The workflow (workflow.h):
  std::string disposal;  // the first approved disposal
  std::optional<absl::CivilDay> disposed_on;
  std::string result;    // how it ended
  bool recusal = false;  // fixed at registration from the org facts of that day
  DueDate due;
  std::optional<Proposal> proposal;
  std::vector<Review> reviews;
  std::vector<Outcome> outcomes;
  std::optional<CaseFile> case_file;
  std::optional<absl::CivilDay> trial_since;  // trial sees it from then on
  // Joint case (joint_case.h): the parties besides the lead unit, and their tasks.
  std::vector<Participant> participants;
  std::vector<JointTask> tasks;
};

// Every outcome names a person the clue reports (INVALID_ARGUMENT / SUBJECT_NOT_ON_CLUE
// on "outcomes[i].subject_name" otherwise).
absl::Status CheckOutcomeSubjects(const std::vector<Outcome>& outcomes,
                                  const std::vector<Subject>& subjects);

// "LA2026-0001": filing numbers, gap-free per year of filing.
std::string CaseNumber(int year, int64_t seq);

bool IsSource(const std::string& source);
bool IsViolation(const std::string& violation);
// "XS2026-0001": the registry's own numbering, gap-free per year of receipt.
std::string ClueNumber(int year, int64_t seq);
absl::Status ValidateNewClue(const Clue& clue, absl::CivilDay today);
// A canonical text of the clue's facts: its digest goes into the audit trail.
std::string CanonicalText(const Clue& clue);

}  // namespace paizhu::clue
