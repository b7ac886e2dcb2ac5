#pragma once
// Recommendation letters (纪检监察建议书): a group or office tells a supervised unit what
// to put right, by a reply date; each problem's rectification is tracked to a follow-up
// review, so that ignoring a letter shows and can be held to account.

#include <optional>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/time/civil_time.h"

namespace paizhu::clue {

struct LetterProblem {
  int seq = 0;
  std::string description;
  std::string state = "open";  // open, in_progress, rectified, verified
  std::optional<absl::CivilDay> rectified_on;
  std::optional<absl::CivilDay> verified_on;
  std::string evidence;
};

struct Letter {
  int64_t id = 0;
  std::string code;
  std::string kind;    // discipline, supervision, combined
  std::string issuer;  // unit code
  std::string unit;    // unit code
  absl::CivilDay issued_on;
  absl::CivilDay reply_due;
  std::optional<absl::CivilDay> replied_on;
  std::string reply;
  std::vector<LetterProblem> problems;
  int64_t version = 1;
};

absl::Status ValidateNewLetter(const Letter& letter, absl::CivilDay today);
// The next state of a problem, with its day and evidence (FAILED_PRECONDITION /
// ILLEGAL_TRANSITION for a step back or a skipped review; INVALID_ARGUMENT for the rest).
absl::Status AdvanceProblem(LetterProblem& problem, const std::string& state, absl::CivilDay on,
                            const std::string& evidence, const Letter& letter,
                            absl::CivilDay today);
bool IsProblemOverdue(const LetterProblem& problem, const Letter& letter, absl::CivilDay today);
// No reply by the due date, or a problem not rectified by it.
bool IsLetterOverdue(const Letter& letter, absl::CivilDay today);

}  // namespace paizhu::clue
