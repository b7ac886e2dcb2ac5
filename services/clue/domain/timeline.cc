#include "services/clue/domain/timeline.h"

#include <map>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_replace.h"
#include "absl/strings/str_split.h"
#include "common/time/civil_date.h"

namespace paizhu::clue {
namespace {

constexpr char kFactSep[] = "\x1e";
constexpr char kPartSep[] = "\x1f";

std::string Day(const std::optional<absl::CivilDay>& day) { return day ? FormatDate(*day) : ""; }

std::string Names(absl::string_view collection, const std::vector<std::string>& codes) {
  std::vector<std::string> names;
  for (const std::string& c : codes) names.push_back(absl::StrCat(collection, "/", c));
  return absl::StrJoin(names, ", ");
}

std::string Unit(const std::string& code) { return code.empty() ? "" : "units/" + code; }

// Adds `field` when it changed (or, at registration, when it has a value).
void Changed(std::vector<Fact>& out, const char* field, const std::string& previous,
             const std::string& value) {
  if (previous != value) out.push_back({field, value, previous});
}

// The clue's own limit, or its case's once filed (what GetClue shows as due_date).
std::string DueOn(const Clue& c) { return Day(c.case_file ? c.case_file->due.on : c.due.on); }

void RegistrationFacts(const Clue& c, std::vector<Fact>& out) {
  Changed(out, "received_on", "", FormatDate(c.received_on));
  Changed(out, "source", "", c.source);
  Changed(out, "handling_unit", "", Unit(c.handling_unit_code));
  Changed(out, "registering_unit", "", Unit(c.registering_unit_code));
  Changed(out, "handlers", "", Names("people", c.handler_codes));
  Changed(out, "violations", "", absl::StrJoin(c.violations, ", "));
  std::vector<std::string> subjects;
  for (const Subject& s : c.subjects) subjects.push_back(s.name);
  Changed(out, "subjects", "", absl::StrJoin(subjects, ", "));
  Changed(out, "allegation", "", c.allegation);
  Changed(out, "reporter.name", "", c.reporter.name);
  Changed(out, "reporter.contact", "", c.reporter.contact);
  if (c.reporter.anonymous) out.push_back({"reporter.anonymous", "true", ""});
  Changed(out, "state", "", c.state);
  Changed(out, "due_date", "", DueOn(c));
}

}  // namespace

std::vector<Fact> ChangedFacts(const Clue* before, const Clue& after) {
  std::vector<Fact> out;
  if (!before) {
    RegistrationFacts(after, out);
    return out;
  }
  const Clue& b = *before;
  Changed(out, "state", b.state, after.state);
  Changed(out, "handlers", Names("people", b.handler_codes), Names("people", after.handler_codes));
  Changed(out, "disposal", b.disposal, after.disposal);
  Changed(out, "disposed_on", Day(b.disposed_on), Day(after.disposed_on));
  Changed(out, "result", b.result, after.result);
  Changed(out, "due_date", DueOn(b), DueOn(after));
  // A new proposal (a decided one leaves: the state and disposal say how).
  bool new_proposal = after.proposal && (!b.proposal || b.proposal->id != after.proposal->id);
  if (new_proposal) {
    out.push_back({"proposal.kind", after.proposal->kind, ""});
    out.push_back({"proposal.value", after.proposal->value, ""});
    if (!after.proposal->note.empty()) out.push_back({"proposal.note", after.proposal->note, ""});
  } else if (b.proposal && !after.proposal) {
    out.push_back({"proposal.decided", b.proposal->value, b.proposal->kind});
  }
  for (size_t i = b.reviews.size(); i < after.reviews.size(); ++i) {
    const Review& r = after.reviews[i];
    out.push_back({"review.held_on", FormatDate(r.held_on), ""});
    out.push_back({"review.attendees", Names("people", r.attendee_codes), ""});
    out.push_back({"review.summary", r.summary, ""});
  }
  for (size_t i = b.outcomes.size(); i < after.outcomes.size(); ++i) {
    const Outcome& o = after.outcomes[i];
    out.push_back({"outcome", absl::StrCat(o.subject_name, ": ", o.outcome), ""});
  }
  std::string case_before = b.case_file ? "cases/" + b.case_file->number : "";
  std::string case_after = after.case_file ? "cases/" + after.case_file->number : "";
  Changed(out, "case", case_before, case_after);
  Changed(out, "case.state", b.case_file ? b.case_file->state : "",
          after.case_file ? after.case_file->state : "");
  // Joint parties and tasks: "units/T01 active", "3 accepted".
  std::map<std::string, std::string> parties;
  for (const Participant& p : b.participants) parties[p.unit_code] = p.state;
  for (const Participant& p : after.participants) {
    auto it = parties.find(p.unit_code);
    std::string was = it == parties.end() ? "" : it->second;
    if (was == p.state) continue;
    out.push_back({"participant", absl::StrCat(Unit(p.unit_code), " ", p.state),
                   was.empty() ? "" : absl::StrCat(Unit(p.unit_code), " ", was)});
  }
  std::map<int64_t, std::string> tasks;
  for (const JointTask& t : b.tasks) tasks[t.id] = t.state;
  for (const JointTask& t : after.tasks) {
    auto it = t.id == 0 ? tasks.end() : tasks.find(t.id);
    std::string was = it == tasks.end() ? "" : it->second;
    if (was == t.state) continue;
    std::string what = absl::StrCat(Unit(t.unit_code), " ", t.title);
    out.push_back({"task", absl::StrCat(what, ": ", t.state),
                   was.empty() ? "" : absl::StrCat(what, ": ", was)});
  }
  return out;
}

bool IsReporterFact(const Fact& fact) { return absl::StartsWith(fact.field, "reporter."); }

std::string ActingUnit(const Viewer& viewer, const Clue& clue) {
  auto party = [&](const std::string& unit) {
    for (const Participant& p : clue.participants) {
      if (p.unit_code == unit && p.state == "active") return true;
    }
    return false;
  };
  for (const std::string& u : viewer.role_units) {
    if (u == clue.handling_unit_code || u == clue.registering_unit_code || party(u)) return u;
  }
  for (const Participant& p : clue.participants) {
    if (viewer.leads.count(p.unit_code)) return p.unit_code;
    for (const std::string& h : p.handler_codes) {
      if (!viewer.person.empty() && h == viewer.person) return p.unit_code;
    }
  }
  return viewer.role_units.empty() ? "" : viewer.role_units.front();
}

std::string EncodeFacts(const std::vector<Fact>& facts) {
  auto clean = [](const std::string& s) {
    return absl::StrReplaceAll(s, {{kFactSep, " "}, {kPartSep, " "}});
  };
  std::vector<std::string> parts;
  for (const Fact& f : facts) {
    parts.push_back(
        absl::StrCat(clean(f.field), kPartSep, clean(f.value), kPartSep, clean(f.previous)));
  }
  return absl::StrJoin(parts, kFactSep);
}

std::vector<Fact> DecodeFacts(absl::string_view text) {
  std::vector<Fact> out;
  if (text.empty()) return out;
  for (absl::string_view one : absl::StrSplit(text, kFactSep)) {
    std::vector<std::string> p = absl::StrSplit(one, absl::MaxSplits(kPartSep, 2));
    p.resize(3);
    out.push_back({p[0], p[1], p[2]});
  }
  return out;
}

}  // namespace paizhu::clue
