#pragma once
// The clue service's ledger-migration rows (CONTRACTS.md formats 9 to 12: letters,
// problems, clues, outcomes): parsed and checked on their own, before the database.

#include <optional>
#include <string>
#include <vector>

#include "absl/time/civil_time.h"
#include "common/import/import_rows.h"
#include "services/clue/domain/clue.h"

namespace paizhu::clue {

// One historical clue: the rows of one number (one per person reported) grouped.
struct ClueImport {
  int line = 0;  // its first row's line
  std::string number;
  absl::CivilDay received_on;
  std::string source;
  std::string handling_unit;
  std::vector<Subject> subjects;  // name, unit_code, level
  std::string disposal;
  absl::CivilDay disposed_on;
  std::optional<absl::CivilDay> filed_on;
};

struct OutcomeImport {
  int line = 0;
  std::string clue;  // number
  Outcome outcome;
};

struct LetterImport {
  int line = 0;
  std::string code;
  std::string kind;  // discipline, supervision, combined
  std::string issuer;
  std::string unit;
  absl::CivilDay issued_on;
  absl::CivilDay reply_due;
  std::optional<absl::CivilDay> replied_on;
};

struct ProblemImport {
  int line = 0;
  std::string letter;
  int seq = 0;
  std::string description;
  std::string state;  // open, in_progress, rectified, verified
  std::optional<absl::CivilDay> rectified_on;
  std::optional<absl::CivilDay> verified_on;
};

// The text columns of each kind, as the CSV holds them.
struct ClueColumns {
  int line;
  std::string number, received_on, source, handling_unit, subject_name, subject_unit, subject_level,
      disposal, disposed_on, filed_on;
};
struct OutcomeColumns {
  int line;
  std::string clue, subject_name, outcome, detail, months, decided_on;
};
struct LetterColumns {
  int line;
  std::string code, kind, issuer, unit, issued_on, reply_due, replied_on;
};
struct ProblemColumns {
  int line;
  std::string letter, seq, description, state, rectified_on, verified_on;
};

bool IsLetterKind(const std::string& kind);
bool IsProblemState(const std::string& state);

imports::ParsedRows<ClueImport> ParseClueRows(const std::vector<ClueColumns>& rows,
                                              absl::CivilDay today);
imports::ParsedRows<OutcomeImport> ParseOutcomeRows(const std::vector<OutcomeColumns>& rows,
                                                    absl::CivilDay today);
imports::ParsedRows<LetterImport> ParseLetterRows(const std::vector<LetterColumns>& rows,
                                                  absl::CivilDay today);
imports::ParsedRows<ProblemImport> ParseProblemRows(const std::vector<ProblemColumns>& rows,
                                                    absl::CivilDay today);

}  // namespace paizhu::clue
