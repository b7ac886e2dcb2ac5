#pragma once
// The clue service's published figures (CONTRACTS.md), counted from plain facts so the
// counting rules live in one pure place: per clue and person reported, over a period.

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "absl/time/civil_time.h"
#include "services/clue/domain/deadline_rules.h"
#include "services/clue/domain/working_calendar.h"

namespace paizhu::clue {

struct ClueFact {  // a clue received or disposed in the period
  int64_t clue_id = 0;
  std::string unit;  // handling unit code
  std::string source;
  absl::CivilDay received_on;
  std::string disposal;  // the first disposal, "" if none yet
  std::optional<absl::CivilDay> disposed_on;
  bool joint = false;  // another unit took part (a participant active or since removed)
};

struct CaseFact {
  std::string unit;
  absl::CivilDay filed_on;
};

struct OutcomeFact {
  int64_t clue_id = 0;
  std::string unit;
  std::string subject_name;
  std::string outcome;
  absl::CivilDay decided_on;
};

struct LetterFact {
  int64_t letter_id = 0;
  std::string issuer;
  std::string unit;  // the recipient
  absl::CivilDay issued_on;
  absl::CivilDay reply_due;
  std::optional<absl::CivilDay> replied_on;
};

struct ProblemFact {
  int64_t letter_id = 0;
  std::string state;
  std::optional<absl::CivilDay> rectified_on;
};

struct StatisticsFacts {
  std::vector<ClueFact> clues;        // received or disposed in the period (maybe both)
  std::vector<CaseFact> cases;        // filed in the period
  std::vector<OutcomeFact> outcomes;  // decided in the period
  std::vector<LetterFact> letters;    // issued in the period
  std::vector<ProblemFact> problems;  // of those letters
};

struct ClueFigures {
  int64_t clues_received = 0;
  std::map<std::string, int64_t> received_by_source;
  int64_t clues_disposed = 0;
  int64_t disposed_on_time = 0;
  std::map<std::string, int64_t> disposed_by_disposal;
  int64_t cases_filed = 0;
  int64_t joint_cases = 0;
  int64_t people_sanctioned = 0;
  int64_t people_criticised = 0;
  std::map<std::string, int64_t> people_by_outcome;
  std::map<std::string, int64_t> people_by_form;
  int64_t letters_issued = 0;
  int64_t problems_tracked = 0;
  int64_t problems_rectified = 0;
  int64_t letters_received = 0;
  int64_t letters_replied_on_time = 0;
  int64_t problems_received = 0;
  int64_t problems_received_rectified = 0;
};

// Counts the facts of the period from..to. `unit` (when set) keeps the facts attributed
// to it: clues, cases and outcomes by handling unit; letters issued by issuer, letters
// received by recipient. On time: decided by the disposal-opinion limit from receipt
// (the rule version in force then, on `calendar`).
ClueFigures CountFigures(const StatisticsFacts& facts, absl::CivilDay from, absl::CivilDay to,
                         const std::optional<std::string>& unit, const WorkingCalendar& calendar,
                         const std::vector<DeadlineRule>& rules);

}  // namespace paizhu::clue
