#include "services/clue/domain/clue.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "common/names/resource_name.h"
#include "common/status/status.h"
#include "common/time/civil_date.h"

namespace paizhu::clue {
namespace {

bool OneOf(const std::string& v, std::initializer_list<const char*> allowed) {
  return std::any_of(allowed.begin(), allowed.end(), [&](const char* a) { return v == a; });
}

constexpr size_t kMaxSubjects = 50;
constexpr size_t kMaxAllegationBytes = 30000;  // about 10,000 Chinese characters

}  // namespace

bool IsSource(const std::string& s) {
  return OneOf(s, {"petition", "supervision", "investigation", "inspection", "audit", "transfer",
                   "media", "big_data", "other"});
}

bool IsViolation(const std::string& v) {
  return OneOf(v, {"political", "organisational", "integrity", "mass", "work", "life"});
}

absl::Status CheckOutcomeSubjects(const std::vector<Outcome>& outcomes,
                                  const std::vector<Subject>& subjects) {
  for (size_t i = 0; i < outcomes.size(); ++i) {
    bool known = false;
    for (const Subject& s : subjects) known = known || s.name == outcomes[i].subject_name;
    if (!known) {
      std::string field = absl::StrCat("outcomes[", i, "].subject_name");
      return InvalidArgument(field, "SUBJECT_NOT_ON_CLUE",
                             absl::StrCat(field, ": \"", outcomes[i].subject_name,
                                          "\" is not a person this clue reports"));
    }
  }
  return absl::OkStatus();
}

std::string CaseNumber(int year, int64_t seq) { return absl::StrFormat("LA%04d-%04d", year, seq); }

std::string ClueNumber(int year, int64_t seq) { return absl::StrFormat("XS%04d-%04d", year, seq); }

absl::Status ValidateNewClue(const Clue& c, absl::CivilDay today) {
  if (c.received_on > today) {
    return InvalidArgument("clue.received_on", "DATE_IN_FUTURE", "clue.received_on: after today");
  }
  if (!IsSource(c.source)) {
    return InvalidArgument(
        "clue.source", "INVALID_SOURCE",
        "clue.source: one of petition, supervision, investigation, inspection, audit, "
        "transfer, media, big_data, other");
  }
  if (c.subjects.empty() || c.subjects.size() > kMaxSubjects) {
    return InvalidArgument("clue.subjects", "INVALID_SUBJECTS",
                           "clue.subjects: one to 50 people reported");
  }
  for (size_t i = 0; i < c.subjects.size(); ++i) {
    const Subject& s = c.subjects[i];
    if (s.name.empty() || s.name.size() > 300) {
      return InvalidArgument(absl::StrCat("clue.subjects[", i, "].name"), "INVALID_NAME",
                             "the person reported needs a name (at most 100 characters)");
    }
    if (!s.unit_code.empty() && !names::IsValidCode(s.unit_code)) {
      return InvalidArgument(absl::StrCat("clue.subjects[", i, "].unit"), "INVALID_NAME",
                             "not a unit name");
    }
  }
  if (c.violations.empty()) {
    return InvalidArgument("clue.violations", "INVALID_VIOLATIONS",
                           "clue.violations: at least one");
  }
  for (const std::string& v : c.violations) {
    if (!IsViolation(v)) {
      return InvalidArgument(
          "clue.violations", "INVALID_VIOLATIONS",
          absl::StrCat("clue.violations: '", v,
                       "' is not one of political, organisational, integrity, mass, work, life"));
    }
  }
  if (c.allegation.empty() || c.allegation.size() > kMaxAllegationBytes) {
    return InvalidArgument("clue.allegation", "INVALID_ALLEGATION",
                           "clue.allegation: required, at most 10,000 characters");
  }
  if (c.reporter.anonymous && (!c.reporter.name.empty() || !c.reporter.contact.empty())) {
    return InvalidArgument("clue.reporter", "ANONYMOUS_WITH_IDENTITY",
                           "clue.reporter: an anonymous report carries no name or contact");
  }
  return absl::OkStatus();
}

std::string CanonicalText(const Clue& c) {
  std::string out =
      absl::StrCat("received_on=", FormatDate(c.received_on), "\nsource=", c.source,
                   "\nreporter=", c.reporter.name, "|", c.reporter.contact, "|",
                   c.reporter.anonymous, "\nviolations=", absl::StrJoin(c.violations, ";"),
                   "\nallegation=", c.allegation, "\nhandling_unit=", c.handling_unit_code,
                   "\nhandlers=", absl::StrJoin(c.handler_codes, ";"), "\nstate=", c.state);
  for (const Subject& s : c.subjects) {
    absl::StrAppend(&out, "\nsubject=", s.name, "|", s.unit_code, "|", s.position, "|", s.level,
                    "|", s.party_member, "|", s.integrity_file, "|", s.unit_leadership);
  }
  // The workflow's facts: a step's before/after digests show what it changed.
  absl::StrAppend(&out, "\ndisposal=", c.disposal, "|",
                  c.disposed_on ? FormatDate(*c.disposed_on) : "", "\nresult=", c.result,
                  "\ndue=", c.due.on ? FormatDate(*c.due.on) : "", "|", c.due.rule, "\nproposal=",
                  c.proposal
                      ? absl::StrCat(c.proposal->id, "|", c.proposal->kind, "|", c.proposal->value)
                      : "");
  for (const Outcome& o : c.outcomes) {
    absl::StrAppend(&out, "\noutcome=", o.subject_name, "|", o.outcome, "|", o.detail, "|",
                    o.months, "|", FormatDate(o.decided_on));
  }
  // Joint parties and tasks (absent on a clue without any: older digests stay valid).
  for (const Participant& p : c.participants) {
    absl::StrAppend(&out, "\nparticipant=", p.unit_code, "|", p.state, "|",
                    absl::StrJoin(p.handler_codes, ";"));
  }
  for (const JointTask& t : c.tasks) {
    absl::StrAppend(&out, "\ntask=", t.id, "|", t.unit_code, "|", t.title, "|", t.state);
  }
  if (c.case_file) {
    absl::StrAppend(&out, "\ncase=", c.case_file->number, "|", c.case_file->state, "|",
                    c.case_file->due.on ? FormatDate(*c.case_file->due.on) : "");
  }
  return out;
}

}  // namespace paizhu::clue
