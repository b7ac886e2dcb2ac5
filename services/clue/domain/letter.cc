#include "services/clue/domain/letter.h"

#include <set>

#include "absl/strings/str_cat.h"
#include "common/status/status.h"
#include "services/clue/domain/import_rows.h"
#include "services/clue/domain/workflow.h"

namespace paizhu::clue {
namespace {

int Rank(const std::string& state) {
  if (state == "open") return 0;
  if (state == "in_progress") return 1;
  if (state == "rectified") return 2;
  if (state == "verified") return 3;
  return -1;
}

}  // namespace

absl::Status ValidateNewLetter(const Letter& l, absl::CivilDay today) {
  if (l.code.empty() || l.code.size() > 32) {
    return InvalidArgument("letter.name", "INVALID_NAME", "letter.name: letters/{code}, 1..32");
  }
  if (!IsLetterKind(l.kind)) {
    return InvalidArgument("letter.kind", "INVALID_KIND",
                           "letter.kind: discipline, supervision or combined");
  }
  if (l.issued_on > today) {
    return InvalidArgument("letter.issued_on", "DATE_IN_FUTURE", "letter.issued_on: after today");
  }
  if (l.reply_due < l.issued_on) {
    return InvalidArgument("letter.reply_due", "DATE_TOO_EARLY",
                           "letter.reply_due: before issued_on");
  }
  if (l.problems.empty()) {
    return InvalidArgument("letter.problems", "PROBLEMS_REQUIRED",
                           "letter.problems: a letter names at least one problem");
  }
  for (size_t i = 0; i < l.problems.size(); ++i) {
    if (l.problems[i].description.empty()) {
      std::string field = absl::StrCat("letter.problems[", i, "].description");
      return InvalidArgument(field, "DESCRIPTION_REQUIRED", absl::StrCat(field, ": required"));
    }
  }
  return absl::OkStatus();
}

absl::Status AdvanceProblem(LetterProblem& p, const std::string& state, absl::CivilDay on,
                            const std::string& evidence, const Letter& letter,
                            absl::CivilDay today) {
  int to = Rank(state);
  if (to <= 0) {
    return InvalidArgument("state", "INVALID_STATE", "state: in_progress, rectified or verified");
  }
  if (to <= Rank(p.state)) {
    return FailedPrecondition(
        kReasonIllegalTransition,
        absl::StrCat("problem ", p.seq, " is ", p.state, ": cannot go to ", state));
  }
  if (to == 3 && p.state != "rectified") {
    return FailedPrecondition(
        kReasonIllegalTransition,
        absl::StrCat("problem ", p.seq, " is ", p.state, ": only a rectified problem is verified"));
  }
  if (on > today) return InvalidArgument("on", "DATE_IN_FUTURE", "on: after today");
  if (on < letter.issued_on) {
    return InvalidArgument("on", "DATE_TOO_EARLY", "on: before the letter was issued");
  }
  if (to >= 2 && evidence.empty()) {
    return InvalidArgument("evidence", "EVIDENCE_REQUIRED",
                           "evidence: say what was done and what was seen");
  }
  if (to == 2) p.rectified_on = on;
  if (to == 3) {
    if (p.rectified_on && on < *p.rectified_on) {
      return InvalidArgument("on", "DATE_TOO_EARLY", "on: before it was rectified");
    }
    p.verified_on = on;
  }
  p.state = state;
  if (!evidence.empty()) p.evidence = p.evidence.empty() ? evidence : p.evidence + "\n" + evidence;
  return absl::OkStatus();
}

bool IsProblemOverdue(const LetterProblem& p, const Letter& l, absl::CivilDay today) {
  bool done = p.state == "rectified" || p.state == "verified";
  if (done) return p.rectified_on && *p.rectified_on > l.reply_due;
  return today > l.reply_due;
}

bool IsLetterOverdue(const Letter& l, absl::CivilDay today) {
  if (!l.replied_on && today > l.reply_due) return true;
  for (const LetterProblem& p : l.problems) {
    bool done = p.state == "rectified" || p.state == "verified";
    if (!done && today > l.reply_due) return true;
  }
  return false;
}

}  // namespace paizhu::clue
