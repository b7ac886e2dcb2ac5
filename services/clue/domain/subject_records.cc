#include "services/clue/domain/subject_records.h"

#include "services/clue/domain/outcome.h"

namespace paizhu::clue {

bool IsOpen(const Clue& clue) {
  // Ended: cleared, first_form, closed, transferred; imported history is `concluded`.
  const std::string& s = clue.state;
  if (s == "cleared" || s == "first_form" || s == "closed" || s == "transferred" ||
      s == "concluded") {
    return false;
  }
  if (s == "filed") {
    return clue.case_file && clue.case_file->state != "decided" &&
           clue.case_file->state != "archived";
  }
  return true;  // registered .. filing_approved, pending (暂存待查) included
}

std::vector<Outcome> SanctionsInEffect(const Clue& clue, const std::string& subject_name,
                                       absl::CivilDay as_of) {
  std::vector<Outcome> out;
  for (const Outcome& o : clue.outcomes) {
    if (o.subject_name != subject_name || as_of < o.decided_on) continue;
    if (!IsPartySanction(o.outcome) && !IsAdministrativeSanction(o.outcome)) continue;
    std::optional<absl::CivilDay> until = EffectUntil(o);
    if (!until || as_of <= *until) out.push_back(o);
  }
  return out;
}

}  // namespace paizhu::clue
