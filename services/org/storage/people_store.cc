#include "services/org/storage/people_store.h"

#include <set>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "common/status/macros.h"
#include "common/status/status.h"
#include "common/time/civil_date.h"
#include "services/org/storage/dates.h"
#include "services/org/storage/unit_store.h"

namespace paizhu::org {
namespace {

// The rule checks read with LOCK IN SHARE MODE: under REPEATABLE READ a plain read sees
// the snapshot from the transaction's first read, which may predate a competitor's
// commit that the unit's row lock has just waited for.

// People holding `post` in `unit` on `day`, other than `except`.
absl::StatusOr<int> Holders(sql::Transaction& tx, const std::string& unit, const std::string& post,
                            absl::CivilDay day, const std::string& except) {
  std::string d = FormatDate(day);
  ASSIGN_OR_RETURN(sql::Rows rows,
                   tx.Query("SELECT COUNT(DISTINCT person_code) FROM post_assignments WHERE "
                            "unit_code = ? AND post = ? AND person_code <> ? AND from_date <= ? "
                            "AND (to_date IS NULL OR to_date >= ?) LOCK IN SHARE MODE",
                            {unit, post, except, d, d}));
  return static_cast<int>(rows.Int(0, 0));
}

absl::StatusOr<int> QuotaOn(sql::Transaction& tx, const std::string& unit, const std::string& post,
                            absl::CivilDay day) {
  std::string d = FormatDate(day);
  ASSIGN_OR_RETURN(sql::Rows rows,
                   tx.Query("SELECT COALESCE(SUM(count), 0) FROM post_quotas WHERE unit_code = ? "
                            "AND post = ? AND from_date <= ? AND (to_date IS NULL OR to_date >= ?) "
                            "LOCK IN SHARE MODE",
                            {unit, post, d, d}));
  return static_cast<int>(rows.Int(0, 0));
}

// 逢调必谈, by the rule version in force on the start date.
absl::Status CheckTalk(sql::Transaction& tx, const Person& person, const PostAssignment& a) {
  if (!IsTransfer(person.assignments, a.unit_code, a.when.from)) return absl::OkStatus();
  ASSIGN_OR_RETURN(auto rule, ReadRule(tx, "transfer_talk_required", a.when.from));
  std::optional<absl::CivilDay> required_from;
  if (rule && rule->second == "true") required_from = rule->first;
  ASSIGN_OR_RETURN(
      sql::Rows rows,
      tx.Query("SELECT talked_on FROM transfer_talks WHERE person_code = ?", {a.person_code}));
  std::vector<absl::CivilDay> talks;
  for (size_t r = 0; r < rows.size(); ++r) talks.push_back(DateOf(rows.Str(r, 0)));
  return CheckTransferTalk(required_from, a.when.from, true, talks, a.talk_override_reason);
}

}  // namespace

absl::StatusOr<std::optional<Person>> ReadPerson(sql::Transaction& tx, const std::string& code) {
  ASSIGN_OR_RETURN(
      sql::Rows rows,
      tx.Query("SELECT code, display_name, gender, birth_date, education, specialties, "
               "work_start, version FROM people WHERE code = ?",
               {code}));
  if (rows.empty()) return std::nullopt;
  Person p;
  p.code = rows.Str(0, 0);
  p.display_name = rows.Str(0, 1);
  p.gender = rows.Str(0, 2);
  p.birth_date = OptionalDate(rows, 0, 3);
  p.education = rows.Str(0, 4);
  if (!rows.Str(0, 5).empty()) p.specialties = absl::StrSplit(rows.Str(0, 5), ';');
  p.work_start = OptionalDate(rows, 0, 6);
  p.version = rows.Int(0, 7);
  ASSIGN_OR_RETURN(sql::Rows posts,
                   tx.Query("SELECT id, unit_code, post, from_date, to_date, reason, "
                            "over_quota_reason FROM post_assignments WHERE person_code = ? "
                            "ORDER BY from_date, id",
                            {code}));
  for (size_t r = 0; r < posts.size(); ++r) {
    p.assignments.push_back({posts.Int(r, 0), code, posts.Str(r, 1), posts.Str(r, 2),
                             DateRange{DateOf(posts.Str(r, 3)), OptionalDate(posts, r, 4)},
                             posts.Str(r, 5), posts.Str(r, 6)});
  }
  std::string today = FormatDate(TodayInChina());
  ASSIGN_OR_RETURN(
      sql::Rows pairs,
      tx.Query("SELECT mentor_code, mentee_code FROM mentorings WHERE (mentor_code = ? "
               "OR mentee_code = ?) AND from_date <= ? AND (to_date IS NULL OR "
               "to_date >= ?) ORDER BY id",
               {code, code, today, today}));
  for (size_t r = 0; r < pairs.size(); ++r) {
    if (pairs.Str(r, 1) == code) p.mentor_codes.push_back(pairs.Str(r, 0));
    if (pairs.Str(r, 0) == code) p.mentee_codes.push_back(pairs.Str(r, 1));
  }
  return p;
}

absl::Status InsertPerson(sql::Transaction& tx, const Person& p) {
  ASSIGN_OR_RETURN(sql::Rows existing,
                   tx.Query("SELECT code FROM people WHERE code = ?", {p.code}));
  if (!existing.empty())
    return AlreadyExists("PERSON_EXISTS", absl::StrCat("people/", p.code, " already exists"));
  return tx
      .Exec(
          "INSERT INTO people (code, display_name, gender, birth_date, education, specialties, "
          "work_start) "
          "VALUES (?, ?, ?, ?, ?, ?, ?)",
          {p.code, p.display_name, sql::NullIfEmpty(p.gender), DateParam(p.birth_date),
           sql::NullIfEmpty(p.education), absl::StrJoin(p.specialties, ";"),
           DateParam(p.work_start)})
      .status();
}

absl::Status UpdatePersonRow(sql::Transaction& tx, const Person& p, int64_t version) {
  ASSIGN_OR_RETURN(
      int64_t changed,
      tx.Exec(
          "UPDATE people SET display_name = ?, gender = ?, birth_date = ?, education = ?, "
          "specialties = ?, work_start = ?, version = version + 1 WHERE code = ? AND version = ?",
          {p.display_name, sql::NullIfEmpty(p.gender), DateParam(p.birth_date),
           sql::NullIfEmpty(p.education), absl::StrJoin(p.specialties, ";"),
           DateParam(p.work_start), p.code, version}));
  if (changed == 1) return absl::OkStatus();
  ASSIGN_OR_RETURN(sql::Rows exists, tx.Query("SELECT code FROM people WHERE code = ?", {p.code}));
  if (exists.empty())
    return NotFound("PERSON_NOT_FOUND", absl::StrCat("people/", p.code, " does not exist"));
  return Aborted("ETAG_MISMATCH", "the person changed since they were read; read again");
}

absl::Status InsertAssignment(sql::Transaction& tx, const PostAssignment& a) {
  ASSIGN_OR_RETURN(std::optional<Person> person, ReadPerson(tx, a.person_code));
  if (!person)
    return NotFound("PERSON_NOT_FOUND", absl::StrCat("people/", a.person_code, " does not exist"));
  // The unit's row lock serialises everyone taking posts in it: the quota holds.
  ASSIGN_OR_RETURN(std::optional<Unit> unit, ReadUnit(tx, a.unit_code, /*for_update=*/true));
  if (!unit) {
    return InvalidArgument("unit", "UNIT_NOT_FOUND",
                           absl::StrCat("unit: units/", a.unit_code, " does not exist"));
  }
  RETURN_IF_ERROR(ValidatePostForUnitKind(unit->kind, a.post));
  if (a.when.from < unit->established_on ||
      (unit->dissolved_on && *unit->dissolved_on < a.when.from)) {
    return InvalidArgument("from_date", "UNIT_NOT_IN_EXISTENCE",
                           "from_date: the unit does not exist on that date");
  }
  for (const PostAssignment& held : person->assignments) {
    if (held.unit_code == a.unit_code && held.post == a.post && held.when.Overlaps(a.when)) {
      return FailedPrecondition("POST_ALREADY_HELD",
                                absl::StrCat("the person already holds ", a.post, " in units/",
                                             a.unit_code, " from ", FormatDate(held.when.from)));
    }
  }
  if (unit->kind != "group") {
    RETURN_IF_ERROR(CheckTalk(tx, *person, a));
    return tx
        .Exec(
            "INSERT INTO post_assignments (person_code, unit_code, post, from_date, to_date, "
            "reason, "
            "talk_override_reason) VALUES (?, ?, ?, ?, ?, ?, ?)",
            {a.person_code, a.unit_code, a.post, FormatDate(a.when.from), DateParam(a.when.to),
             a.reason, a.talk_override_reason})
        .status();
  }
  // 逢进必审: the rule version in force on the start date says whether vetting is needed.
  ASSIGN_OR_RETURN(auto rule, ReadRule(tx, "vetting_required", a.when.from));
  std::optional<absl::CivilDay> required_from;
  if (rule && rule->second == "true") required_from = rule->first;
  ASSIGN_OR_RETURN(
      sql::Rows vettings,
      tx.Query("SELECT vetted_on, passed FROM vettings WHERE person_code = ?", {a.person_code}));
  std::vector<Vetting> records;
  for (size_t r = 0; r < vettings.size(); ++r)
    records.push_back({DateOf(vettings.Str(r, 0)), vettings.Int(r, 1) != 0});
  RETURN_IF_ERROR(CheckVetting(required_from, a.when.from, records));
  RETURN_IF_ERROR(CheckTalk(tx, *person, a));

  // The quota must hold on the start day and on every later day the count or the quota
  // changes while the new assignment runs.
  std::set<absl::CivilDay> days = {a.when.from};
  std::string from = FormatDate(a.when.from);
  ASSIGN_OR_RETURN(sql::Rows changes,
                   tx.Query("SELECT from_date FROM post_assignments WHERE unit_code = ? AND post = "
                            "? AND from_date > ? "
                            "UNION SELECT from_date FROM post_quotas WHERE unit_code = ? AND post "
                            "= ? AND from_date > ? "
                            "LOCK IN SHARE MODE",
                            {a.unit_code, a.post, from, a.unit_code, a.post, from}));
  for (size_t r = 0; r < changes.size(); ++r) {
    absl::CivilDay day = DateOf(changes.Str(r, 0));
    if (a.when.Contains(day)) days.insert(day);
  }
  for (absl::CivilDay day : days) {
    ASSIGN_OR_RETURN(int authorized, QuotaOn(tx, a.unit_code, a.post, day));
    ASSIGN_OR_RETURN(int filled, Holders(tx, a.unit_code, a.post, day, a.person_code));
    RETURN_IF_ERROR(CheckQuota(authorized, filled, a.over_quota_reason, a.post));
  }
  return tx
      .Exec(
          "INSERT INTO post_assignments (person_code, unit_code, post, from_date, to_date, reason, "
          "over_quota_reason, talk_override_reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
          {a.person_code, a.unit_code, a.post, from, DateParam(a.when.to), a.reason,
           a.over_quota_reason, a.talk_override_reason})
      .status();
}

absl::Status EndAssignment(sql::Transaction& tx, const std::string& person_code,
                           const std::string& unit_code, const std::string& post, absl::CivilDay to,
                           const std::string& reason) {
  ASSIGN_OR_RETURN(sql::Rows open,
                   tx.Query("SELECT id, from_date FROM post_assignments WHERE person_code = ? AND "
                            "unit_code = ? AND post = ? AND to_date IS NULL FOR UPDATE",
                            {person_code, unit_code, post}));
  if (open.empty())
    return FailedPrecondition("NO_OPEN_ASSIGNMENT", "the person holds no such post now");
  if (to < DateOf(open.Str(0, 1))) {
    return InvalidArgument("to_date", "END_BEFORE_START", "to_date: before the assignment began");
  }
  std::string note = reason.empty() ? "" : absl::StrCat(" (ended: ", reason, ")");
  return tx
      .Exec("UPDATE post_assignments SET to_date = ?, reason = CONCAT(reason, ?) WHERE id = ?",
            {FormatDate(to), note, open.Int(0, 0)})
      .status();
}

absl::Status InsertVetting(sql::Transaction& tx, const std::string& person_code, const Vetting& v,
                           const std::string& note) {
  ASSIGN_OR_RETURN(sql::Rows person,
                   tx.Query("SELECT code FROM people WHERE code = ?", {person_code}));
  if (person.empty())
    return NotFound("PERSON_NOT_FOUND", absl::StrCat("people/", person_code, " does not exist"));
  return tx
      .Exec("INSERT INTO vettings (person_code, vetted_on, passed, note) VALUES (?, ?, ?, ?)",
            {person_code, FormatDate(v.vetted_on), int64_t{v.passed ? 1 : 0}, note})
      .status();
}

absl::Status InsertTransferTalk(sql::Transaction& tx, const std::string& person_code,
                                absl::CivilDay talked_on, const std::string& talked_by,
                                const std::string& note) {
  ASSIGN_OR_RETURN(sql::Rows person,
                   tx.Query("SELECT code FROM people WHERE code = ?", {person_code}));
  if (person.empty())
    return NotFound("PERSON_NOT_FOUND", absl::StrCat("people/", person_code, " does not exist"));
  if (!talked_by.empty()) {
    ASSIGN_OR_RETURN(sql::Rows by, tx.Query("SELECT code FROM people WHERE code = ?", {talked_by}));
    if (by.empty()) {
      return InvalidArgument("talked_by", "PERSON_NOT_FOUND",
                             absl::StrCat("talked_by: people/", talked_by, " does not exist"));
    }
  }
  return tx
      .Exec(
          "INSERT INTO transfer_talks (person_code, talked_on, talked_by, note) VALUES (?, ?, ?, "
          "?)",
          {person_code, FormatDate(talked_on), sql::NullIfEmpty(talked_by), note})
      .status();
}

absl::Status InsertTraining(sql::Transaction& tx, const std::string& person_code,
                            const std::string& course, const std::string& organizer,
                            absl::CivilDay day, double hours) {
  ASSIGN_OR_RETURN(sql::Rows person,
                   tx.Query("SELECT code FROM people WHERE code = ?", {person_code}));
  if (person.empty())
    return NotFound("PERSON_NOT_FOUND", absl::StrCat("people/", person_code, " does not exist"));
  return tx
      .Exec(
          "INSERT INTO trainings (person_code, course, organizer, day, hours) VALUES (?, ?, ?, ?, "
          "?)",
          {person_code, course, organizer, FormatDate(day), hours})
      .status();
}

absl::Status InsertMentoring(sql::Transaction& tx, const std::string& mentor,
                             const std::string& mentee, const DateRange& when) {
  if (mentor == mentee)
    return InvalidArgument("mentee", "SELF_MENTORING", "mentee: a person cannot mentor themself");
  for (const auto& [code, field] : {std::pair{mentor, "mentor"}, std::pair{mentee, "mentee"}}) {
    ASSIGN_OR_RETURN(sql::Rows person, tx.Query("SELECT code FROM people WHERE code = ?", {code}));
    if (person.empty()) {
      return InvalidArgument(field, "PERSON_NOT_FOUND",
                             absl::StrCat(field, ": people/", code, " does not exist"));
    }
  }
  ASSIGN_OR_RETURN(sql::Rows pairs,
                   tx.Query("SELECT from_date, to_date FROM mentorings WHERE mentor_code = ? AND "
                            "mentee_code = ? LOCK IN SHARE MODE",
                            {mentor, mentee}));
  for (size_t r = 0; r < pairs.size(); ++r) {
    if (DateRange{DateOf(pairs.Str(r, 0)), OptionalDate(pairs, r, 1)}.Overlaps(when)) {
      return FailedPrecondition("MENTORING_EXISTS",
                                "this pair is already recorded for part of that time");
    }
  }
  return tx
      .Exec(
          "INSERT INTO mentorings (mentor_code, mentee_code, from_date, to_date) VALUES (?, ?, ?, "
          "?)",
          {mentor, mentee, FormatDate(when.from), DateParam(when.to)})
      .status();
}

absl::StatusOr<int64_t> InsertAccountability(sql::Transaction& tx, const Accountability& a) {
  ASSIGN_OR_RETURN(sql::Rows subject,
                   tx.Query(a.subject_kind == "person"
                                ? "SELECT code FROM people WHERE code = ?"
                                : "SELECT code FROM units WHERE code = ? AND kind = 'group'",
                            {a.subject_code}));
  if (subject.empty()) {
    return InvalidArgument("accountability.subject", "SUBJECT_NOT_FOUND",
                           "accountability.subject: no such person or stationed group");
  }
  RETURN_IF_ERROR(
      tx.Exec(
            "INSERT INTO accountability (subject_kind, subject_code, decided_on, measure, reason) "
            "VALUES (?, ?, ?, ?, ?)",
            {a.subject_kind, a.subject_code, FormatDate(a.decided_on), a.measure, a.reason})
          .status());
  ASSIGN_OR_RETURN(sql::Rows id, tx.Query("SELECT LAST_INSERT_ID()"));
  return id.Int(0, 0);
}

absl::StatusOr<std::vector<Accountability>> ReadAccountability(
    sql::Transaction& tx, const std::string& kind, const std::string& code,
    const std::optional<AccountabilityCursor>& after, int limit) {
  std::string condition = "subject_kind = ? AND subject_code = ?";
  sql::Params params = {kind, code};
  if (after) {
    std::string day = FormatDate(after->decided_on);
    absl::StrAppend(&condition, " AND (decided_on < ? OR (decided_on = ? AND id < ?))");
    params.insert(params.end(), {day, day, after->id});
  }
  params.push_back(int64_t{limit});
  ASSIGN_OR_RETURN(sql::Rows rows,
                   tx.Query(absl::StrCat("SELECT id, decided_on, measure, reason FROM "
                                         "accountability WHERE ",
                                         condition, " ORDER BY decided_on DESC, id DESC LIMIT ?"),
                            params));
  std::vector<Accountability> out;
  for (size_t r = 0; r < rows.size(); ++r) {
    out.push_back(
        {rows.Int(r, 0), kind, code, DateOf(rows.Str(r, 1)), rows.Str(r, 2), rows.Str(r, 3)});
  }
  return out;
}

absl::StatusOr<std::vector<std::string>> ListPersonCodes(sql::Transaction& tx,
                                                         const PeopleFilter& filter,
                                                         const std::string& after_code, int limit) {
  std::string condition = "p.code > ?";
  sql::Params params = {after_code};
  if (filter.Filters()) {
    std::string day = FormatDate(filter.as_of);
    absl::StrAppend(&condition,
                    " AND EXISTS (SELECT 1 FROM post_assignments a WHERE a.person_code = p.code "
                    "AND a.from_date <= ? AND (a.to_date IS NULL OR a.to_date >= ?)");
    params.insert(params.end(), {day, day});
    if (!filter.unit_code.empty()) {
      absl::StrAppend(&condition, " AND a.unit_code = ?");
      params.push_back(filter.unit_code);
    }
    if (!filter.post.empty()) {
      absl::StrAppend(&condition, " AND a.post = ?");
      params.push_back(filter.post);
    }
    absl::StrAppend(&condition, ")");
  }
  params.push_back(int64_t{limit});
  ASSIGN_OR_RETURN(sql::Rows rows, tx.Query(absl::StrCat("SELECT p.code FROM people p WHERE ",
                                                         condition, " ORDER BY p.code LIMIT ?"),
                                            params));
  std::vector<std::string> codes;
  for (size_t r = 0; r < rows.size(); ++r) codes.push_back(rows.Str(r, 0));
  return codes;
}

absl::Status InsertRoleGrant(sql::Transaction& tx, const std::string& person_code,
                             const RoleGrant& grant, absl::CivilDay from) {
  ASSIGN_OR_RETURN(sql::Rows person,
                   tx.Query("SELECT code FROM people WHERE code = ?", {person_code}));
  if (person.empty())
    return NotFound("PERSON_NOT_FOUND", absl::StrCat("people/", person_code, " does not exist"));
  if (!grant.unit_code.empty()) {
    ASSIGN_OR_RETURN(std::optional<Unit> unit, ReadUnit(tx, grant.unit_code));
    if (!unit) {
      return InvalidArgument("unit", "UNIT_NOT_FOUND",
                             absl::StrCat("unit: units/", grant.unit_code, " does not exist"));
    }
  }
  std::string day = FormatDate(from);
  ASSIGN_OR_RETURN(sql::Rows same,
                   tx.Query("SELECT id FROM role_grants WHERE person_code = ? AND role = ? AND "
                            "unit_code <=> ? AND (to_date IS NULL OR to_date >= ?)",
                            {person_code, grant.role, sql::NullIfEmpty(grant.unit_code), day}));
  if (!same.empty())
    return AlreadyExists("ROLE_ALREADY_GRANTED", "the person already has this role there");
  return tx
      .Exec("INSERT INTO role_grants (person_code, role, unit_code, from_date) VALUES (?, ?, ?, ?)",
            {person_code, grant.role, sql::NullIfEmpty(grant.unit_code), day})
      .status();
}

absl::StatusOr<std::optional<ResolvedPerson>> ReadResolvedPerson(sql::Transaction& tx,
                                                                 const std::string& code,
                                                                 absl::CivilDay as_of) {
  ASSIGN_OR_RETURN(sql::Rows rows,
                   tx.Query("SELECT display_name FROM people WHERE code = ?", {code}));
  if (rows.empty()) return std::nullopt;
  ResolvedPerson person{code, rows.Str(0, 0), {}, {}};
  std::string day = FormatDate(as_of);
  ASSIGN_OR_RETURN(sql::Rows grants,
                   tx.Query("SELECT role, unit_code FROM role_grants WHERE person_code = ? AND "
                            "from_date <= ? AND (to_date IS NULL OR to_date >= ?) "
                            "ORDER BY role, unit_code",
                            {code, day, day}));
  for (size_t r = 0; r < grants.size(); ++r)
    person.roles.push_back({grants.Str(r, 0), grants.Str(r, 1)});
  ASSIGN_OR_RETURN(
      sql::Rows posts,
      tx.Query("SELECT unit_code, post FROM post_assignments WHERE person_code = ? AND "
               "from_date <= ? AND (to_date IS NULL OR to_date >= ?) ORDER BY unit_code",
               {code, day, day}));
  for (size_t r = 0; r < posts.size(); ++r)
    person.posts.push_back({posts.Str(r, 0), posts.Str(r, 1)});
  return person;
}

absl::StatusOr<std::optional<std::pair<absl::CivilDay, std::string>>> ReadRule(
    sql::Transaction& tx, const std::string& rule, absl::CivilDay day) {
  ASSIGN_OR_RETURN(sql::Rows rows,
                   tx.Query("SELECT from_date, value FROM rule_versions WHERE rule = ? AND "
                            "from_date <= ? ORDER BY from_date DESC LIMIT 1",
                            {rule, FormatDate(day)}));
  if (rows.empty()) return std::nullopt;
  return std::make_pair(DateOf(rows.Str(0, 0)), rows.Str(0, 1));
}

}  // namespace paizhu::org
