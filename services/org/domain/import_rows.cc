#include "services/org/domain/import_rows.h"

#include <algorithm>
#include <functional>
#include <map>
#include <numeric>
#include <set>
#include <tuple>

#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/strings/string_view.h"
#include "common/names/resource_name.h"
#include "common/status/status.h"
#include "common/time/civil_date.h"
#include "services/org/domain/posts.h"

namespace paizhu::org {
namespace {

// Names of units, zones and people: required, at most 100 characters (ValidateNewUnit's
// byte bound).
constexpr size_t kMaxNameBytes = 300;

std::string Trim(const std::string& text) {
  return std::string(absl::StripAsciiWhitespace(absl::string_view(text.data(), text.size())));
}

// Characters of a UTF-8 text (MySQL's VARCHAR counts these, not bytes).
size_t Characters(const std::string& text) {
  return static_cast<size_t>(std::count_if(text.begin(), text.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  }));
}

// Collects one row's problems.
class Row {
 public:
  Row(int line, std::vector<RowError>& errors) : line_(line), errors_(errors) {}

  void Bad(const std::string& field, const std::string& reason, const std::string& message) {
    errors_.push_back({line_, field, reason, absl::StrCat(field, ": ", message)});
    bad_fields_.insert(field);
    ok_ = false;
  }
  // The row is bad for a problem reported elsewhere.
  void MarkBad(const std::string& field) {
    bad_fields_.insert(field);
    ok_ = false;
  }
  bool ok() const { return ok_; }
  bool HasError(const std::string& field) const { return bad_fields_.count(field) > 0; }

  // A required column.
  bool Required(const std::string& field, const std::string& value) {
    if (!value.empty()) return true;
    Bad(field, kReasonRequired, "required");
    return false;
  }
  // A code column (required or not): empty, or a valid code.
  void Code(const std::string& field, const std::string& value) {
    if (!value.empty() && !names::IsValidCode(value)) {
      Bad(field, "INVALID_CODE",
          absl::StrCat("'", value, "' is not a code (1-32 letters, digits, '-' or '_')"));
    }
  }
  void Name(const std::string& field, const std::string& value) {
    if (Required(field, value) && value.size() > kMaxNameBytes) {
      Bad(field, "INVALID_DISPLAY_NAME", "at most 100 characters");
    }
  }
  // A date column: nullopt when empty or bad (bad is reported).
  std::optional<absl::CivilDay> Date(const std::string& field, const std::string& value) {
    if (value.empty()) return std::nullopt;
    auto day = ParseDate(value, field);
    if (!day.ok()) {
      Bad(field, ErrorReason(day.status()),
          absl::StrCat("'", value, "' is not a date (YYYY-MM-DD)"));
      return std::nullopt;
    }
    return *day;
  }
  std::optional<absl::CivilDay> RequiredDate(const std::string& field, const std::string& value) {
    if (!Required(field, value)) return std::nullopt;
    return Date(field, value);
  }
  // A required code column.
  void RequiredCode(const std::string& field, const std::string& value) {
    if (Required(field, value)) Code(field, value);
  }
  // A free text of at most kMaxTextCharacters.
  void Text(const std::string& field, const std::string& value, const char* reason) {
    if (Characters(value) > kMaxTextCharacters) {
      Bad(field, reason, absl::StrCat("at most ", kMaxTextCharacters, " characters"));
    }
  }
  // The columns `from` (required) and `to` (optional, not before `from`); a part of the
  // range that is bad is reported, and the range is then not to be used.
  DateRange Period(const std::string& from_text, const std::string& to_text) {
    std::optional<absl::CivilDay> from = RequiredDate("from", from_text);
    std::optional<absl::CivilDay> to = Date("to", to_text);
    if (from && to && *to < *from) {
      Bad("to", kReasonEndBeforeStart,
          absl::StrCat("the last day ", to_text, " is before `from` ", from_text));
    }
    return DateRange{from.value_or(absl::CivilDay()), to};
  }

  int line() const { return line_; }
  std::vector<RowError>& errors() { return errors_; }

 private:
  int line_;
  std::vector<RowError>& errors_;
  std::set<std::string> bad_fields_;
  bool ok_ = true;
};

// Parses every row, then, for the kinds that have a code of their own (zones, units,
// people), drops duplicates: errors stay in file order.
template <typename Columns, typename Record>
ParsedRows<Record> ParseAll(
    const std::vector<Columns>& rows,
    const std::function<std::optional<Record>(const Columns&, std::vector<RowError>&)>& parse) {
  ParsedRows<Record> parsed;
  std::map<std::string, int> first_line;
  for (const Columns& row : rows) {
    std::optional<Record> record = parse(row, parsed.errors);
    std::string code;
    if constexpr (requires { row.code; }) code = Trim(row.code);
    bool duplicate = false;
    if (!code.empty()) {
      auto [it, inserted] = first_line.emplace(code, row.line);
      if (!inserted) {
        duplicate = true;
        parsed.errors.push_back({row.line, "code", kReasonDuplicateInFile,
                                 absl::StrCat("code: '", code, "' is already used on line ",
                                              it->second, " of this file")});
      }
    }
    if (record && !duplicate) parsed.records.push_back(std::move(*record));
  }
  return parsed;
}

// The same for a kind whose rows are checked against today.
template <typename Columns, typename Record>
ParsedRows<Record> ParseAll(const std::vector<Columns>& rows,
                            std::optional<Record> (*parse)(const Columns&, absl::CivilDay,
                                                           std::vector<RowError>&),
                            absl::CivilDay today) {
  return ParseAll<Columns, Record>(
      rows, [parse, today](const Columns& row, std::vector<RowError>& errors) {
        return parse(row, today, errors);
      });
}

// Indexes of `records` sorted by `key`, the file's order among equals.
template <typename Record, typename Key>
std::vector<size_t> StableOrderBy(const std::vector<Record>& records, Key key) {
  std::vector<size_t> order(records.size());
  std::iota(order.begin(), order.end(), size_t{0});
  std::stable_sort(order.begin(), order.end(),
                   [&](size_t a, size_t b) { return key(records[a]) < key(records[b]); });
  return order;
}

// Hours like 2 or 2.5 (digits, an optional decimal part of which only the first digit may
// be other than 0: the column keeps one), 0..kMaxTrainingHours; an empty text is 0.
std::optional<double> ParseHours(const std::string& text) {
  if (text.empty()) return 0.0;
  std::vector<absl::string_view> parts = absl::StrSplit(text, absl::MaxSplits('.', 1));
  auto digits = [](absl::string_view part) {
    return !part.empty() && std::all_of(part.begin(), part.end(), [](char c) {
      return absl::ascii_isdigit(static_cast<unsigned char>(c));
    });
  };
  if (!digits(parts[0])) return std::nullopt;
  if (parts.size() == 2 &&
      (!digits(parts[1]) || parts[1].find_first_not_of('0', 1) != absl::string_view::npos)) {
    return std::nullopt;
  }
  double hours = 0;
  if (!absl::SimpleAtod(text, &hours) || hours > kMaxTrainingHours) return std::nullopt;
  return hours;
}

}  // namespace

std::optional<std::vector<PostCount>> ParsePosts(const std::string& text, int line,
                                                 std::vector<RowError>& errors) {
  Row row(line, errors);
  std::vector<PostCount> posts;
  std::set<std::string> seen;
  std::string trimmed = Trim(text);
  if (trimmed.empty()) return posts;
  for (absl::string_view part : absl::StrSplit(trimmed, ';')) {
    part = absl::StripAsciiWhitespace(part);
    if (part.empty()) continue;  // a trailing ';'
    std::vector<absl::string_view> kv = absl::StrSplit(part, absl::MaxSplits('=', 1));
    if (kv.size() != 2) {
      row.Bad("posts", kReasonInvalidPosts,
              absl::StrCat("'", part, "' is not post=count (like leader=1;deputy=1;staff=1)"));
      continue;
    }
    std::string post(absl::StripAsciiWhitespace(kv[0]));
    absl::string_view count_text = absl::StripAsciiWhitespace(kv[1]);
    int count = 0;
    if (!IsGroupPost(post)) {
      row.Bad("posts", "INVALID_POST",
              absl::StrCat("'", post, "' is not a group's post (leader, deputy, staff)"));
    } else if (!seen.insert(post).second) {
      row.Bad("posts", "DUPLICATE_POST", absl::StrCat("'", post, "' is given twice"));
    }
    bool digits = !count_text.empty();
    for (char c : count_text) digits = digits && absl::ascii_isdigit(static_cast<unsigned char>(c));
    if (!digits || !absl::SimpleAtoi(count_text, &count) || count > kMaxQuota) {
      row.Bad("posts", "INVALID_COUNT",
              absl::StrCat("'", count_text, "' for ", post, ": a count between 0 and ", kMaxQuota));
      continue;
    }
    posts.push_back({post, count});
  }
  if (!row.ok()) return std::nullopt;
  return posts;
}

std::optional<ZoneRecord> ParseZoneRow(const ZoneColumns& in, std::vector<RowError>& errors) {
  Row row(in.line, errors);
  ZoneRecord out;
  out.line = in.line;
  out.code = Trim(in.code);
  out.display_name = Trim(in.name);
  out.office_code = Trim(in.office);
  if (row.Required("code", out.code)) row.Code("code", out.code);
  row.Name("name", out.display_name);
  if (row.Required("office", out.office_code)) row.Code("office", out.office_code);
  std::optional<absl::CivilDay> established =
      row.RequiredDate("established_on", Trim(in.established_on));
  if (!row.ok()) return std::nullopt;
  out.established_on = *established;
  return out;
}

std::optional<UnitRecord> ParseUnitRow(const UnitColumns& in, std::vector<RowError>& errors) {
  Row row(in.line, errors);
  UnitRecord out;
  out.line = in.line;
  Unit& unit = out.unit;
  unit.code = Trim(in.code);
  unit.kind = Trim(in.kind);
  unit.display_name = Trim(in.name);
  unit.parent_code = Trim(in.parent);
  unit.guiding_office_code = Trim(in.guiding_office);
  out.supervising_group_code = Trim(in.supervising_group);
  out.zone_code = Trim(in.zone);
  std::string posts_text = Trim(in.posts);
  std::string supervised_since_text = Trim(in.supervised_since);

  if (row.Required("code", unit.code)) row.Code("code", unit.code);
  bool kind_known = false;
  if (row.Required("kind", unit.kind)) {
    kind_known = IsUnitKind(unit.kind);
    if (!kind_known) {
      row.Bad("kind", "INVALID_UNIT_KIND",
              absl::StrCat("'", unit.kind,
                           "' is not one of commission, supervision_office, "
                           "case_management_office, trial_office, petition_office, office, group, "
                           "supervised_unit, township"));
    }
  }
  row.Name("name", unit.display_name);
  row.Code("parent", unit.parent_code);
  std::optional<absl::CivilDay> established =
      row.RequiredDate("established_on", Trim(in.established_on));
  if (!unit.parent_code.empty() && unit.parent_code == unit.code) {
    row.Bad("parent", "UNIT_OWN_PARENT", "a unit cannot be its own parent");
  }
  row.Code("guiding_office", unit.guiding_office_code);
  row.Code("supervising_group", out.supervising_group_code);
  out.supervised_since = row.Date("supervised_since", supervised_since_text);
  row.Code("zone", out.zone_code);

  // Columns by kind; an unknown kind has already been reported.
  if (kind_known) {
    bool group = unit.kind == "group";
    bool supervised = unit.kind == "supervised_unit";
    if (unit.kind == "commission" && !unit.parent_code.empty()) {
      row.Bad("parent", "COMMISSION_HAS_NO_PARENT", "the commission is the root and has no parent");
    }
    if (group) {
      std::optional<std::vector<PostCount>> posts = ParsePosts(posts_text, in.line, errors);
      if (posts) {
        out.posts = std::move(*posts);
      } else {
        row.MarkBad("posts");  // ParsePosts reported why
      }
    } else if (!posts_text.empty()) {
      row.Bad("posts", "NOT_A_GROUP", "only stationed groups have posts");
    }
    if (!group && !unit.guiding_office_code.empty()) {
      row.Bad("guiding_office", "NOT_A_GROUP", "only stationed groups have a guiding office");
    }
    if (!supervised) {
      if (!out.supervising_group_code.empty()) {
        row.Bad("supervising_group", "NOT_A_SUPERVISED_UNIT",
                "only supervised units have a supervising group");
      }
      if (!supervised_since_text.empty()) {
        row.Bad("supervised_since", "NOT_A_SUPERVISED_UNIT",
                "only supervised units have a supervising group");
      }
    } else if (out.supervising_group_code.empty() != supervised_since_text.empty()) {
      const char* missing =
          out.supervising_group_code.empty() ? "supervising_group" : "supervised_since";
      row.Bad(missing, kReasonIncomplete, "supervising_group and supervised_since go together");
    }
    bool zoned = IsOfficeKind(unit.kind) || group || unit.kind == "township";
    if (!zoned && !out.zone_code.empty()) {
      row.Bad("zone", kReasonNotApplicable, "only offices, groups and townships are in a zone");
    }
  }
  if (!row.ok()) return std::nullopt;
  unit.established_on = *established;
  // The single create's rules, as a backstop (their fields are the API's).
  if (absl::Status status = ValidateNewUnit(unit); !status.ok()) {
    std::string field = ErrorField(status);
    if (field == "unit_id") {
      field = "code";
    } else if (field == "unit.display_name") {
      field = "name";
    } else if (field.rfind("unit.", 0) == 0) {
      field = field.substr(5);
    }
    errors.push_back({in.line, field, ErrorReason(status), std::string(status.message())});
    return std::nullopt;
  }
  return out;
}

std::optional<PersonRecord> ParsePersonRow(const PersonColumns& in, absl::CivilDay today,
                                           std::vector<RowError>& errors) {
  Row row(in.line, errors);
  PersonRecord out;
  out.line = in.line;
  Person& person = out.person;
  person.code = Trim(in.code);
  person.display_name = Trim(in.name);
  person.gender = Trim(in.gender);
  person.education = Trim(in.education);
  out.unit_code = Trim(in.unit);
  out.post = Trim(in.post);
  std::string post_since_text = Trim(in.post_since);

  if (row.Required("code", person.code)) row.Code("code", person.code);
  row.Name("name", person.display_name);
  if (!person.gender.empty() && !IsGender(person.gender)) {
    row.Bad("gender", "INVALID_GENDER", absl::StrCat("'", person.gender, "': male or female"));
  }
  person.birth_date = row.Date("birth_date", Trim(in.birth_date));
  if (!person.education.empty() && !IsEducation(person.education)) {
    row.Bad("education", "INVALID_EDUCATION",
            absl::StrCat("'", person.education,
                         "': one of below_college, college, bachelor, master, doctorate"));
  }
  std::set<std::string> seen;
  for (absl::string_view part : absl::StrSplit(Trim(in.specialties), ';')) {
    std::string specialty(absl::StripAsciiWhitespace(part));
    if (specialty.empty()) continue;
    if (!IsSpecialty(specialty)) {
      row.Bad("specialties", "INVALID_SPECIALTY",
              absl::StrCat("'", specialty,
                           "' is not one of law, finance, accounting, audit, it, other"));
    } else if (!seen.insert(specialty).second) {
      row.Bad("specialties", "DUPLICATE_SPECIALTY", absl::StrCat("'", specialty, "' twice"));
    } else {
      person.specialties.push_back(specialty);
    }
  }
  person.work_start = row.Date("work_start", Trim(in.work_start));

  // unit, post, post_since: one open assignment, all three or none.
  row.Code("unit", out.unit_code);
  if (!out.post.empty() && !IsGroupPost(out.post) && out.post != "member") {
    row.Bad("post", "INVALID_POST",
            absl::StrCat("'", out.post, "': leader, deputy or staff in a group, member elsewhere"));
  }
  out.post_since = row.Date("post_since", post_since_text);
  bool any = !out.unit_code.empty() || !out.post.empty() || !post_since_text.empty();
  if (any) {
    for (const auto& [field, value] :
         {std::pair<const char*, const std::string*>{"unit", &out.unit_code},
          {"post", &out.post},
          {"post_since", &post_since_text}}) {
      if (value->empty()) {
        row.Bad(field, kReasonIncomplete, "unit, post and post_since go together");
      }
    }
  }
  out.vetted_on = row.Date("vetted_on", Trim(in.vetted_on));
  if (out.vetted_on && *out.vetted_on > today) {
    row.Bad("vetted_on", "DATE_IN_FUTURE", "a vetting is recorded after it happened");
  }

  // The single create's rules on what is left (dates against today and each other); a
  // column already reported is taken out so that each problem is reported once.
  Person rest = person;
  if (row.HasError("code")) rest.code = "X";
  if (row.HasError("name")) rest.display_name = "x";
  if (row.HasError("gender")) rest.gender.clear();
  if (row.HasError("education")) rest.education.clear();
  rest.specialties.clear();  // checked above, one by one
  for (int guard = 0; guard < 8; ++guard) {
    absl::Status status = ValidatePerson(rest, today, "");
    if (status.ok()) break;
    std::string field = ErrorField(status);
    if (!row.HasError(field)) {
      errors.push_back({in.line, field, ErrorReason(status), std::string(status.message())});
    }
    // Take the column out and look again.
    if (field == "birth_date") {
      rest.birth_date.reset();
    } else if (field == "work_start") {
      rest.work_start.reset();
    } else if (field == "gender") {
      rest.gender.clear();
    } else if (field == "education") {
      rest.education.clear();
    } else if (field == "code") {
      rest.code = "X";
    } else if (field == "name") {
      rest.display_name = "x";
    } else {
      // Another column: it is reported; nothing more can be learnt.
      row.MarkBad(field);
      break;
    }
    row.MarkBad(field);
  }
  if (!row.ok()) return std::nullopt;
  return out;
}

std::optional<SupervisionRecord> ParseSupervisionRow(const SupervisionColumns& in,
                                                     std::vector<RowError>& errors) {
  Row row(in.line, errors);
  SupervisionRecord out;
  out.line = in.line;
  out.unit_code = Trim(in.unit);
  out.group_code = Trim(in.group);
  row.RequiredCode("unit", out.unit_code);
  row.RequiredCode("group", out.group_code);
  out.when = row.Period(Trim(in.from), Trim(in.to));
  if (!row.ok()) return std::nullopt;
  return out;
}

std::optional<AssignmentRecord> ParseAssignmentRow(const AssignmentColumns& in,
                                                   std::vector<RowError>& errors) {
  Row row(in.line, errors);
  AssignmentRecord out;
  out.line = in.line;
  PostAssignment& a = out.assignment;
  a.person_code = Trim(in.person);
  a.unit_code = Trim(in.unit);
  a.post = Trim(in.post);
  a.reason = Trim(in.reason);
  row.RequiredCode("person", a.person_code);
  row.RequiredCode("unit", a.unit_code);
  if (row.Required("post", a.post) && !IsGroupPost(a.post) && a.post != "member") {
    row.Bad("post", "INVALID_POST",
            absl::StrCat("'", a.post, "': leader, deputy or staff in a group, member elsewhere"));
  }
  a.when = row.Period(Trim(in.from), Trim(in.to));
  row.Text("reason", a.reason, "INVALID_REASON");
  if (!row.ok()) return std::nullopt;
  return out;
}

std::optional<RoleRecord> ParseRoleRow(const RoleColumns& in, absl::CivilDay today,
                                       std::vector<RowError>& errors) {
  Row row(in.line, errors);
  RoleRecord out;
  out.line = in.line;
  out.person_code = Trim(in.person);
  out.grant.role = Trim(in.role);
  out.grant.unit_code = Trim(in.unit);
  out.from = today;
  row.RequiredCode("person", out.person_code);
  bool role_known = false;
  if (row.Required("role", out.grant.role)) {
    role_known = IsRole(out.grant.role);
    if (!role_known) {
      row.Bad("role", "INVALID_ROLE",
              absl::StrCat("'", out.grant.role,
                           "' is not one of admin, commission_leader, case_manager, office, "
                           "group, township, trial, petition, assessor, auditor"));
    }
  }
  row.Code("unit", out.grant.unit_code);
  // CONTRACTS.md: the unit is empty only for admin (GrantRole's rule).
  if (role_known && (out.grant.role == "admin") != out.grant.unit_code.empty()) {
    row.Bad("unit", "ROLE_UNIT_MISMATCH",
            out.grant.role == "admin" ? "empty for admin (the administrator has no unit)"
                                      : absl::StrCat("required for the role ", out.grant.role));
  }
  if (!row.ok()) return std::nullopt;
  return out;
}

std::optional<TrainingRecord> ParseTrainingRow(const TrainingColumns& in, absl::CivilDay today,
                                               std::vector<RowError>& errors) {
  Row row(in.line, errors);
  TrainingRecord out;
  out.line = in.line;
  out.person_code = Trim(in.person);
  out.course = Trim(in.course);
  out.organizer = Trim(in.organizer);
  std::string hours_text = Trim(in.hours);
  row.RequiredCode("person", out.person_code);
  if (row.Required("course", out.course)) row.Text("course", out.course, "INVALID_COURSE");
  row.Text("organizer", out.organizer, "INVALID_ORGANIZER");
  std::optional<absl::CivilDay> day = row.RequiredDate("date", Trim(in.date));
  if (day && *day > today) {
    row.Bad("date", "DATE_IN_FUTURE", "a training is recorded after it happened");
  }
  std::optional<double> hours = ParseHours(hours_text);
  if (!hours) {
    row.Bad("hours", "INVALID_HOURS",
            absl::StrCat("'", hours_text, "' is not a number of hours between 0 and ",
                         kMaxTrainingHours, " (like 2 or 2.5)"));
  }
  if (!row.ok()) return std::nullopt;
  out.day = *day;
  out.hours = *hours;
  return out;
}

ParsedRows<ZoneRecord> ParseZoneRows(const std::vector<ZoneColumns>& rows) {
  return ParseAll<ZoneColumns, ZoneRecord>(rows, ParseZoneRow);
}

ParsedRows<UnitRecord> ParseUnitRows(const std::vector<UnitColumns>& rows) {
  return ParseAll<UnitColumns, UnitRecord>(rows, ParseUnitRow);
}

ParsedRows<PersonRecord> ParsePersonRows(const std::vector<PersonColumns>& rows,
                                         absl::CivilDay today) {
  return ParseAll(rows, ParsePersonRow, today);
}

ParsedRows<SupervisionRecord> ParseSupervisionRows(const std::vector<SupervisionColumns>& rows) {
  return ParseAll<SupervisionColumns, SupervisionRecord>(rows, ParseSupervisionRow);
}

ParsedRows<AssignmentRecord> ParseAssignmentRows(const std::vector<AssignmentColumns>& rows) {
  return ParseAll<AssignmentColumns, AssignmentRecord>(rows, ParseAssignmentRow);
}

ParsedRows<RoleRecord> ParseRoleRows(const std::vector<RoleColumns>& rows, absl::CivilDay today) {
  return ParseAll(rows, ParseRoleRow, today);
}

ParsedRows<TrainingRecord> ParseTrainingRows(const std::vector<TrainingColumns>& rows,
                                             absl::CivilDay today) {
  return ParseAll(rows, ParseTrainingRow, today);
}

std::vector<size_t> DateOrder(const std::vector<SupervisionRecord>& rows) {
  return StableOrderBy(
      rows, [](const SupervisionRecord& r) { return std::tie(r.unit_code, r.when.from); });
}

std::vector<size_t> DateOrder(const std::vector<AssignmentRecord>& rows) {
  return StableOrderBy(rows, [](const AssignmentRecord& r) {
    return std::tie(r.assignment.person_code, r.assignment.when.from);
  });
}

std::vector<size_t> InsertionOrder(const std::vector<UnitRecord>& units) {
  std::map<std::string, size_t> index;
  for (size_t i = 0; i < units.size(); ++i) index.emplace(units[i].unit.code, i);
  enum class Mark { kNone, kVisiting, kDone };
  std::vector<Mark> marks(units.size(), Mark::kNone);
  std::vector<size_t> order;
  order.reserve(units.size());
  // Depth first, dependencies first; iterative so a deep chain cannot overflow the stack.
  for (size_t start = 0; start < units.size(); ++start) {
    if (marks[start] != Mark::kNone) continue;
    std::vector<std::pair<size_t, int>> stack = {{start, 0}};
    marks[start] = Mark::kVisiting;
    while (!stack.empty()) {
      size_t i = stack.back().first;
      const UnitRecord& u = units[i];
      const std::string* deps[] = {&u.unit.parent_code, &u.unit.guiding_office_code,
                                   &u.supervising_group_code};
      std::optional<size_t> dependency;
      while (!dependency && stack.back().second < 3) {
        const std::string& dep = *deps[stack.back().second++];
        if (dep.empty()) continue;
        auto it = index.find(dep);
        // Not in the file, already placed, or a cycle: nothing to place first.
        if (it == index.end() || marks[it->second] != Mark::kNone) continue;
        dependency = it->second;
      }
      if (dependency) {
        marks[*dependency] = Mark::kVisiting;
        stack.push_back({*dependency, 0});
        continue;
      }
      marks[i] = Mark::kDone;
      order.push_back(i);
      stack.pop_back();
    }
  }
  return order;
}

namespace {

// A date column that records what happened: required, not after today.
std::optional<absl::CivilDay> PastDate(Row& row, const std::string& field, const std::string& text,
                                       absl::CivilDay today) {
  std::optional<absl::CivilDay> day = row.RequiredDate(field, Trim(text));
  if (day && *day > today) {
    row.Bad(field, "DATE_IN_FUTURE", "after today (a record of what happened)");
    return std::nullopt;
  }
  return day;
}

// A free text of at most `max` characters.
void LongText(Row& row, const std::string& field, const std::string& value, size_t max,
              const char* reason) {
  if (Characters(value) > max) row.Bad(field, reason, absl::StrCat("at most ", max, " characters"));
}

}  // namespace

std::optional<VettingRecord> ParseVettingRow(const VettingColumns& in, absl::CivilDay today,
                                             std::vector<RowError>& errors) {
  Row row(in.line, errors);
  VettingRecord out;
  out.line = in.line;
  out.person_code = Trim(in.person);
  out.note = Trim(in.note);
  row.RequiredCode("person", out.person_code);
  std::optional<absl::CivilDay> day = PastDate(row, "vetted_on", in.vetted_on, today);
  std::string passed = Trim(in.passed);
  if (passed != "" && passed != "true" && passed != "false") {
    row.Bad("passed", "INVALID_PASSED", absl::StrCat("'", passed, "' is not true or false"));
  }
  LongText(row, "note", out.note, kMaxNoteCharacters, "INVALID_NOTE");
  if (!row.ok()) return std::nullopt;
  out.vetting.vetted_on = *day;
  out.vetting.passed = passed != "false";
  return out;
}

std::optional<TransferTalkRecord> ParseTransferTalkRow(const TransferTalkColumns& in,
                                                       absl::CivilDay today,
                                                       std::vector<RowError>& errors) {
  Row row(in.line, errors);
  TransferTalkRecord out;
  out.line = in.line;
  out.person_code = Trim(in.person);
  out.talked_by_code = Trim(in.talked_by);
  out.note = Trim(in.note);
  row.RequiredCode("person", out.person_code);
  std::optional<absl::CivilDay> day = PastDate(row, "talked_on", in.talked_on, today);
  row.Code("talked_by", out.talked_by_code);
  LongText(row, "note", out.note, kMaxNoteCharacters, "INVALID_NOTE");
  if (!row.ok()) return std::nullopt;
  out.talked_on = *day;
  return out;
}

std::optional<MentoringRecord> ParseMentoringRow(const MentoringColumns& in,
                                                 std::vector<RowError>& errors) {
  Row row(in.line, errors);
  MentoringRecord out;
  out.line = in.line;
  out.mentor_code = Trim(in.mentor);
  out.mentee_code = Trim(in.mentee);
  row.RequiredCode("mentor", out.mentor_code);
  row.RequiredCode("mentee", out.mentee_code);
  if (row.ok() && out.mentor_code == out.mentee_code) {
    row.Bad("mentee", "SELF_MENTORING", "a person cannot mentor themself");
  }
  out.when = row.Period(Trim(in.from), Trim(in.to));
  if (!row.ok()) return std::nullopt;
  return out;
}

std::optional<AccountabilityRecord> ParseAccountabilityRow(const AccountabilityColumns& in,
                                                           absl::CivilDay today,
                                                           std::vector<RowError>& errors) {
  Row row(in.line, errors);
  AccountabilityRecord out;
  out.line = in.line;
  Accountability& a = out.record;
  std::string person = Trim(in.person);
  std::string group = Trim(in.group);
  row.Code("person", person);
  row.Code("group", group);
  if (person.empty() == group.empty()) {
    row.Bad(person.empty() ? "person" : "group", "ONE_SUBJECT",
            "exactly one of person and group (who is held accountable)");
  }
  a.subject_kind = person.empty() ? "unit" : "person";
  a.subject_code = person.empty() ? group : person;
  std::optional<absl::CivilDay> day = PastDate(row, "decided_on", in.decided_on, today);
  a.measure = Trim(in.measure);
  a.reason = Trim(in.reason);
  if (row.Required("measure", a.measure))
    LongText(row, "measure", a.measure, kMaxTextCharacters / 2, "INVALID_MEASURE");
  if (row.Required("reason", a.reason))
    LongText(row, "reason", a.reason, kMaxReasonCharacters, "INVALID_REASON");
  if (!row.ok()) return std::nullopt;
  a.decided_on = *day;
  return out;
}

std::optional<IntegrityFileRecord> ParseIntegrityFileRow(const IntegrityFileColumns& in,
                                                         std::vector<RowError>& errors) {
  Row row(in.line, errors);
  IntegrityFileRecord out;
  out.line = in.line;
  IntegrityFile& f = out.file;
  f.code = Trim(in.code);
  f.cadre_name = Trim(in.name);
  f.unit_code = Trim(in.unit);
  f.position = Trim(in.position);
  f.level = Trim(in.level);
  f.key_minority = Trim(in.key_minority);
  row.RequiredCode("unit", f.unit_code);
  std::string tags = Trim(in.focus_tags);
  if (!tags.empty()) {
    for (absl::string_view part : absl::StrSplit(tags, ';'))
      f.focus_tags.push_back(Trim(std::string(part)));
  }
  // The single create's rules, one column at a time (each problem once).
  IntegrityFile rest = f;
  for (int guard = 0; guard < 8; ++guard) {
    absl::Status status = ValidateIntegrityFile(rest, "");
    if (status.ok()) break;
    std::string field = ErrorField(status);
    row.Bad(field, ErrorReason(status), std::string(status.message()));
    if (field == "code")
      rest.code = "X";
    else if (field == "name")
      rest.cadre_name = "x";
    else if (field == "position")
      rest.position.clear();
    else if (field == "level")
      rest.level.clear();
    else if (field == "key_minority")
      rest.key_minority.clear();
    else if (field == "focus_tags")
      rest.focus_tags.clear();
    else
      break;
  }
  if (!row.ok()) return std::nullopt;
  return out;
}

std::optional<IntegrityEntryRecord> ParseIntegrityEntryRow(const IntegrityEntryColumns& in,
                                                           absl::CivilDay today,
                                                           std::vector<RowError>& errors) {
  Row row(in.line, errors);
  IntegrityEntryRecord out;
  out.line = in.line;
  out.file_code = Trim(in.file);
  IntegrityEntry& e = out.entry;
  e.kind = Trim(in.kind);
  e.summary = Trim(in.summary);
  row.RequiredCode("file", out.file_code);
  if (row.Required("kind", e.kind) && !IsIntegrityEntryKind(e.kind)) {
    row.Bad("kind", "INVALID_ENTRY_KIND",
            absl::StrCat("'", e.kind, "' is not one of declaration, talk, reminder, note"));
  }
  std::optional<absl::CivilDay> day = PastDate(row, "date", in.date, today);
  if (row.Required("summary", e.summary))
    LongText(row, "summary", e.summary, kMaxNoteCharacters, "INVALID_SUMMARY");
  if (!row.ok()) return std::nullopt;
  e.day = *day;
  return out;
}

std::optional<LiaisonRecord> ParseLiaisonRow(const LiaisonColumns& in,
                                             std::vector<RowError>& errors) {
  Row row(in.line, errors);
  LiaisonRecord out;
  out.line = in.line;
  out.group_code = Trim(in.group);
  out.leader_code = Trim(in.leader);
  row.RequiredCode("group", out.group_code);
  row.RequiredCode("leader", out.leader_code);
  out.when = row.Period(Trim(in.from), Trim(in.to));
  if (!row.ok()) return std::nullopt;
  return out;
}

ParsedRows<VettingRecord> ParseVettingRows(const std::vector<VettingColumns>& rows,
                                           absl::CivilDay today) {
  return ParseAll(rows, ParseVettingRow, today);
}
ParsedRows<TransferTalkRecord> ParseTransferTalkRows(const std::vector<TransferTalkColumns>& rows,
                                                     absl::CivilDay today) {
  return ParseAll(rows, ParseTransferTalkRow, today);
}
ParsedRows<MentoringRecord> ParseMentoringRows(const std::vector<MentoringColumns>& rows) {
  return ParseAll<MentoringColumns, MentoringRecord>(rows, ParseMentoringRow);
}
ParsedRows<AccountabilityRecord> ParseAccountabilityRows(
    const std::vector<AccountabilityColumns>& rows, absl::CivilDay today) {
  return ParseAll(rows, ParseAccountabilityRow, today);
}
ParsedRows<IntegrityFileRecord> ParseIntegrityFileRows(
    const std::vector<IntegrityFileColumns>& rows) {
  return ParseAll<IntegrityFileColumns, IntegrityFileRecord>(rows, ParseIntegrityFileRow);
}
ParsedRows<IntegrityEntryRecord> ParseIntegrityEntryRows(
    const std::vector<IntegrityEntryColumns>& rows, absl::CivilDay today) {
  return ParseAll(rows, ParseIntegrityEntryRow, today);
}
ParsedRows<LiaisonRecord> ParseLiaisonRows(const std::vector<LiaisonColumns>& rows) {
  return ParseAll<LiaisonColumns, LiaisonRecord>(rows, ParseLiaisonRow);
}

}  // namespace paizhu::org
