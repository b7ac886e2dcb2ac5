#include "services/org/api/convert.h"

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "common/names/resource_name.h"
#include "common/status/macros.h"
#include "common/status/status.h"
#include "common/time/civil_date.h"

namespace paizhu::org {

std::string Method(const char* name) { return absl::StrCat("/paizhu.org.v1.OrgService/", name); }

void ToProto(const Unit& unit, v1::Unit* out) {
  out->set_name(names::MakeName("units", unit.code));
  out->set_kind(unit.kind);
  out->set_display_name(unit.display_name);
  if (!unit.parent_code.empty()) out->set_parent(names::MakeName("units", unit.parent_code));
  out->set_established_on(FormatDate(unit.established_on));
  if (unit.dissolved_on) out->set_dissolved_on(FormatDate(*unit.dissolved_on));
  if (!unit.guiding_office_code.empty())
    out->set_guiding_office(names::MakeName("units", unit.guiding_office_code));
  out->set_etag(absl::StrCat(unit.version));
}

void ToProto(const UnitView& view, v1::Unit* out) {
  ToProto(view.unit, out);
  for (const UnitView::Quota& q : view.quotas) {
    auto* quota = out->add_quotas();
    quota->set_post(q.post);
    quota->set_count(q.count);
    quota->set_rank_note(q.rank_note);
    quota->set_from_date(FormatDate(q.from));
    if (q.to) quota->set_to_date(FormatDate(*q.to));
    quota->set_filled(q.filled);
  }
  if (!view.supervising_group_code.empty()) {
    out->set_supervising_group(names::MakeName("units", view.supervising_group_code));
  }
  if (!view.zone_code.empty()) out->set_zone(names::MakeName("zones", view.zone_code));
  for (const UnitView::Liaison& l : view.liaisons) {
    auto* liaison = out->add_liaisons();
    liaison->set_leader(names::MakeName("people", l.leader_code));
    liaison->set_leader_display_name(l.leader_name);
    liaison->set_from_date(FormatDate(l.from));
    if (l.to) liaison->set_to_date(FormatDate(*l.to));
  }
}

void ToProto(const Zone& zone, v1::Zone* out) {
  out->set_name(names::MakeName("zones", zone.code));
  out->set_display_name(zone.display_name);
  out->set_office(names::MakeName("units", zone.office_code));
  out->set_established_on(FormatDate(zone.established_on));
  for (const std::string& member : zone.member_codes)
    out->add_members(names::MakeName("units", member));
  if (zone.dissolved_on) out->set_dissolved_on(FormatDate(*zone.dissolved_on));
  out->set_etag(absl::StrCat(zone.version));
  for (const Zone::Membership& m : zone.memberships) {
    auto* membership = out->add_memberships();
    membership->set_unit(names::MakeName("units", m.unit_code));
    membership->set_from_date(FormatDate(m.from));
    if (m.to) membership->set_to_date(FormatDate(*m.to));
  }
}

void ToProto(const Person& p, v1::Person* out) {
  out->set_name(names::MakeName("people", p.code));
  out->set_display_name(p.display_name);
  out->set_gender(p.gender);
  if (p.birth_date) out->set_birth_date(FormatDate(*p.birth_date));
  out->set_education(p.education);
  for (const std::string& s : p.specialties) out->add_specialties(s);
  if (p.work_start) out->set_work_start(FormatDate(*p.work_start));
  for (const PostAssignment& a : p.assignments) {
    auto* out_a = out->add_assignments();
    out_a->set_unit(names::MakeName("units", a.unit_code));
    out_a->set_post(a.post);
    out_a->set_from_date(FormatDate(a.when.from));
    if (a.when.to) out_a->set_to_date(FormatDate(*a.when.to));
    out_a->set_reason(a.reason);
  }
  for (const std::string& m : p.mentor_codes) out->add_mentors(names::MakeName("people", m));
  for (const std::string& m : p.mentee_codes) out->add_mentees(names::MakeName("people", m));
  out->set_etag(absl::StrCat(p.version));
}

absl::StatusOr<absl::CivilDay> DateOrToday(const std::string& text, const char* field) {
  if (text.empty()) return TodayInChina();
  return ParseDate(text, field);
}

absl::StatusOr<int64_t> ParseEtag(const std::string& etag, const char* field) {
  int64_t version = 0;
  if (!absl::SimpleAtoi(etag, &version) || version < 1) {
    return InvalidArgument(field, "INVALID_ETAG",
                           absl::StrCat(field, ": required; use the etag a read returned"));
  }
  return version;
}

absl::Status CheckMask(const google::protobuf::FieldMask& mask,
                       std::initializer_list<const char*> allowed) {
  if (mask.paths().empty()) {
    return InvalidArgument("update_mask", "EMPTY_FIELD_MASK",
                           "update_mask: name the fields to change");
  }
  for (const std::string& path : mask.paths()) {
    bool known = false;
    for (const char* a : allowed) known |= path == a;
    if (!known) {
      return InvalidArgument("update_mask", "INVALID_FIELD_MASK",
                             absl::StrCat("update_mask: '", path, "' cannot be changed here"));
    }
  }
  return absl::OkStatus();
}

bool InMask(const google::protobuf::FieldMask& mask, const char* path) {
  for (const std::string& p : mask.paths()) {
    if (p == path) return true;
  }
  return false;
}

absl::StatusOr<std::optional<absl::CivilDay>> OptionalDate(const std::string& text,
                                                           const char* field) {
  if (text.empty()) return std::nullopt;
  ASSIGN_OR_RETURN(absl::CivilDay day, ParseDate(text, field));
  return day;
}

}  // namespace paizhu::org
