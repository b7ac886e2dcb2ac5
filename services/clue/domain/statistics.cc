#include "services/clue/domain/statistics.h"

#include <set>
#include <tuple>

#include "services/clue/domain/outcome.h"

namespace paizhu::clue {
namespace {

bool In(absl::CivilDay day, absl::CivilDay from, absl::CivilDay to) {
  return day >= from && day <= to;
}

bool OnTime(const ClueFact& c, const WorkingCalendar& calendar,
            const std::vector<DeadlineRule>& rules) {
  absl::StatusOr<DueDate> due = DueForState(calendar, rules, "disposal_opinion", c.received_on);
  return due.ok() && due->on && *c.disposed_on <= *due->on;
}

}  // namespace

ClueFigures CountFigures(const StatisticsFacts& facts, absl::CivilDay from, absl::CivilDay to,
                         const std::optional<std::string>& unit, const WorkingCalendar& calendar,
                         const std::vector<DeadlineRule>& rules) {
  auto mine = [&](const std::string& u) { return !unit || *unit == u; };
  ClueFigures f;
  for (const ClueFact& c : facts.clues) {
    if (!mine(c.unit)) continue;
    if (In(c.received_on, from, to)) {
      ++f.clues_received;
      ++f.received_by_source[c.source];
      if (c.joint) ++f.joint_cases;
    }
    // The first disposal decision is the one counted, once per clue.
    if (c.disposed_on && In(*c.disposed_on, from, to)) {
      ++f.clues_disposed;
      ++f.disposed_by_disposal[c.disposal];
      if (OnTime(c, calendar, rules)) ++f.disposed_on_time;
    }
  }
  for (const CaseFact& k : facts.cases) {
    if (mine(k.unit) && In(k.filed_on, from, to)) ++f.cases_filed;
  }
  // Per (clue, person reported): a person with two sanctions counts once.
  std::set<std::tuple<int64_t, std::string>> sanctioned, criticised;
  std::set<std::tuple<int64_t, std::string, std::string>> by_outcome, by_form;
  for (const OutcomeFact& o : facts.outcomes) {
    if (!mine(o.unit) || !In(o.decided_on, from, to)) continue;
    if (IsPartySanction(o.outcome) || IsAdministrativeSanction(o.outcome)) {
      sanctioned.insert({o.clue_id, o.subject_name});
    }
    if (o.outcome == "criticism_education") criticised.insert({o.clue_id, o.subject_name});
    if (by_outcome.insert({o.clue_id, o.subject_name, o.outcome}).second) {
      ++f.people_by_outcome[o.outcome];
    }
    std::string form = FourFormsClass(o.outcome);
    if (!form.empty() && by_form.insert({o.clue_id, o.subject_name, form}).second) {
      ++f.people_by_form[form];
    }
  }
  f.people_sanctioned = static_cast<int64_t>(sanctioned.size());
  f.people_criticised = static_cast<int64_t>(criticised.size());

  std::set<int64_t> issued, received;
  for (const LetterFact& l : facts.letters) {
    if (!In(l.issued_on, from, to)) continue;
    if (mine(l.issuer)) {
      ++f.letters_issued;
      issued.insert(l.letter_id);
    }
    if (!unit || *unit == l.unit) {
      ++f.letters_received;
      received.insert(l.letter_id);
      if (l.replied_on && *l.replied_on <= l.reply_due) ++f.letters_replied_on_time;
    }
  }
  for (const ProblemFact& p : facts.problems) {
    bool rectified = (p.state == "rectified" || p.state == "verified") && p.rectified_on &&
                     *p.rectified_on <= to;
    if (issued.count(p.letter_id)) {
      ++f.problems_tracked;
      if (rectified) ++f.problems_rectified;
    }
    if (received.count(p.letter_id)) {
      ++f.problems_received;
      if (rectified) ++f.problems_received_rectified;
    }
  }
  return f;
}

}  // namespace paizhu::clue
