#include "services/clue/api/clue_convert.h"

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "common/names/resource_name.h"
#include "common/status/macros.h"
#include "common/status/status.h"
#include "common/time/civil_date.h"

namespace paizhu::clue {
namespace {

std::string Bare(const std::string& unit) {
  return absl::StartsWith(unit, "units/") ? unit.substr(6) : unit;
}

std::string OptDate(const std::optional<absl::CivilDay>& day) {
  return day ? FormatDate(*day) : "";
}

// people/{code}, or "" when nobody (not yet decided).
std::string Person(const std::string& code) {
  return code.empty() ? "" : names::MakeName("people", code);
}

}  // namespace

std::string ClueMethod(const char* name) {
  return absl::StrCat("/paizhu.clue.v1.ClueService/", name);
}

Viewer ViewerOf(const auth::Principal& p) {
  Viewer v;
  const char* kind = p.kind() == auth::Principal::PERSON   ? "person:"
                     : p.kind() == auth::Principal::SYSTEM ? "system:"
                                                           : "service:";
  v.actor = absl::StrCat(kind, p.subject());
  for (const auto& role : p.roles()) {
    if (role.role() == "petition") v.sees_reporter = true;
    if (role.role() == "trial") v.trial = true;
    if (absl::StartsWith(role.unit(), "units/")) v.role_units.push_back(role.unit().substr(6));
    for (const std::string& unit : role.visible_units()) {
      if (unit == "*") {
        v.sees_all = true;
      } else if (absl::StartsWith(unit, "units/")) {
        v.units.insert(unit.substr(6));
      }
    }
  }
  // Joint cases: the person named as a participant's handler, or leading that group.
  if (p.kind() == auth::Principal::PERSON) v.person = p.subject();
  for (const auto& post : p.posts()) {
    if (post.post() == "leader") v.leads.insert(Bare(post.unit()));
  }
  // Services (the assessment service) read aggregates only, never through these paths.
  return v;
}

Actor ActorOf(const auth::Principal& p) {
  Actor a;
  if (p.kind() == auth::Principal::PERSON) a.person = p.subject();
  for (const auto& role : p.roles()) a.roles.insert({role.role(), Bare(role.unit())});
  for (const auto& post : p.posts()) a.posts.insert({Bare(post.unit()), post.post()});
  return a;
}

void ToProto(const Proposal& p, const Approver& approver, v1::Proposal* out) {
  out->set_id(p.id);
  out->set_kind(p.kind);
  out->set_value(p.value);
  out->set_note(p.note);
  out->set_proposed_by(names::MakeName("people", p.proposed_by));
  out->set_proposed_on(FormatDate(p.proposed_on));
  out->set_approver(approver.Describe());
}

void ToProto(const Outcome& o, v1::Outcome* out) {
  out->set_subject_name(o.subject_name);
  out->set_outcome(o.outcome);
  out->set_detail(o.detail);
  out->set_months(o.months);
  out->set_decided_on(FormatDate(o.decided_on));
  out->set_form(FourFormsClass(o.outcome));
  out->set_effect_until(OptDate(EffectUntil(o)));
}

void ToProto(const Clue& c, bool with_details, bool sees_reporter, v1::Clue* out) {
  out->set_name(names::MakeName("clues", c.number));
  out->set_received_on(FormatDate(c.received_on));
  out->set_source(c.source);
  for (const std::string& v : c.violations) out->add_violations(v);
  out->set_handling_unit(names::MakeName("units", c.handling_unit_code));
  for (const std::string& h : c.handler_codes) out->add_handlers(names::MakeName("people", h));
  out->set_registering_unit(names::MakeName("units", c.registering_unit_code));
  out->set_state(c.state);
  out->set_registered_by(c.registered_by);
  out->set_etag(absl::StrCat(c.version));
  out->set_disposal(c.disposal);
  out->set_disposed_on(OptDate(c.disposed_on));
  out->set_result(c.result);
  out->set_recusal(c.recusal);
  // The clue's own limit, or its case's once filed.
  const DueDate& due = c.case_file ? c.case_file->due : c.due;
  out->set_due_date(OptDate(due.on));
  out->set_due_provisional(due.provisional);
  if (c.case_file) out->set_filed_case(names::MakeName("cases", c.case_file->number));
  if (!with_details) return;
  out->set_allegation(c.allegation);
  for (const Subject& s : c.subjects) {
    auto* o = out->add_subjects();
    o->set_name(s.name);
    if (!s.unit_code.empty()) o->set_unit(names::MakeName("units", s.unit_code));
    o->set_position(s.position);
    o->set_level(s.level);
    o->set_party_member(s.party_member);
    o->set_integrity_file(s.integrity_file);
    o->set_unit_leadership(s.unit_leadership);
  }
  // Reporters' identities are for the letters-and-visits office alone.
  if (sees_reporter) {
    out->mutable_reporter()->set_name(c.reporter.name);
    out->mutable_reporter()->set_contact(c.reporter.contact);
    out->mutable_reporter()->set_anonymous(c.reporter.anonymous);
  } else {
    out->mutable_reporter()->set_masked(true);
  }
  for (const Review& r : c.reviews) {
    auto* o = out->add_reviews();
    o->set_held_on(FormatDate(r.held_on));
    for (const std::string& a : r.attendee_codes) o->add_attendees(names::MakeName("people", a));
    o->set_summary(r.summary);
  }
  for (const Outcome& o : c.outcomes) ToProto(o, out->add_outcomes());
  for (const Participant& p : c.participants) {
    auto* o = out->add_participants();
    o->set_unit(names::MakeName("units", p.unit_code));
    for (const std::string& h : p.handler_codes) o->add_handlers(names::MakeName("people", h));
    o->set_state(p.state);
    o->set_added_by(Person(p.added_by));
    o->set_added_on(FormatDate(p.added_on));
    o->set_note(p.note);
    o->set_decided_by(Person(p.decided_by));
    o->set_decided_on(OptDate(p.decided_on));
    o->set_decision_note(p.decision_note);
  }
  for (const JointTask& t : c.tasks) {
    auto* o = out->add_tasks();
    o->set_id(t.id);
    o->set_unit(names::MakeName("units", t.unit_code));
    o->set_title(t.title);
    o->set_state(t.state);
    o->set_due_date(OptDate(t.due_on));
    o->set_assigned_by(Person(t.assigned_by));
    o->set_assigned_on(FormatDate(t.assigned_on));
    o->set_accepted_by(Person(t.accepted_by));
    o->set_completed_by(Person(t.completed_by));
    o->set_completed_on(OptDate(t.completed_on));
    o->set_note(t.note);
  }
}

void CaseToProto(const Clue& c, v1::Case* out) {
  const CaseFile& f = *c.case_file;
  out->set_name(names::MakeName("cases", f.number));
  out->set_clue(names::MakeName("clues", c.number));
  out->set_filed_on(FormatDate(f.filed_on));
  out->set_state(f.state);
  out->set_due_date(OptDate(f.due.on));
  out->set_due_provisional(f.due.provisional);
  out->set_investigation_extended(f.investigation_extended);
  out->set_trial_extended(f.trial_extended);
  out->set_handling_unit(names::MakeName("units", c.handling_unit_code));
  out->set_decided_on(OptDate(f.decided_on));
  out->set_etag(absl::StrCat(f.version));
}

absl::StatusOr<std::vector<Outcome>> OutcomesFromProto(
    const google::protobuf::RepeatedPtrField<v1::Outcome>& in, absl::CivilDay default_day,
    absl::CivilDay today) {
  std::vector<Outcome> out;
  for (int i = 0; i < in.size(); ++i) {
    std::string field = absl::StrCat("outcomes[", i, "]");
    Outcome o{in[i].subject_name(), in[i].outcome(), in[i].detail(), in[i].months(), default_day};
    if (!in[i].decided_on().empty()) {
      ASSIGN_OR_RETURN(o.decided_on, ParseDate(in[i].decided_on(), field + ".decided_on"));
    }
    RETURN_IF_ERROR(ValidateOutcome(o, field, today));
    out.push_back(o);
  }
  if (out.empty()) {
    return InvalidArgument("outcomes", "OUTCOMES_REQUIRED", "outcomes: at least one");
  }
  return out;
}

absl::Status ClueNotFound(const std::string& name) {
  return NotFound("CLUE_NOT_FOUND", absl::StrCat(name, " does not exist"));
}

absl::Status CaseNotFound(const std::string& name) {
  return NotFound("CASE_NOT_FOUND", absl::StrCat(name, " does not exist"));
}

}  // namespace paizhu::clue
