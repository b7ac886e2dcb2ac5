#include "services/org/storage/unit_store.h"

#include "absl/strings/str_cat.h"
#include "common/status/macros.h"
#include "common/status/status.h"
#include "common/time/civil_date.h"
#include "services/org/storage/dates.h"

namespace paizhu::org {
namespace {

constexpr char kUnitColumns[] =
    "code, kind, display_name, parent_code, established_on, dissolved_on, version, "
    "guiding_office_code";

}  // namespace

absl::StatusOr<std::vector<Unit>> QueryUnits(sql::Transaction& tx, const std::string& condition,
                                             const sql::Params& params) {
  ASSIGN_OR_RETURN(
      sql::Rows rows,
      tx.Query(absl::StrCat("SELECT ", kUnitColumns, " FROM units WHERE ", condition), params));
  std::vector<Unit> units;
  for (size_t r = 0; r < rows.size(); ++r) {
    Unit unit;
    unit.code = rows.Str(r, 0);
    unit.kind = rows.Str(r, 1);
    unit.display_name = rows.Str(r, 2);
    unit.parent_code = rows.Str(r, 3);
    unit.established_on = DateOf(rows.Str(r, 4));
    unit.dissolved_on = OptionalDate(rows, r, 5);
    unit.version = rows.Int(r, 6);
    unit.guiding_office_code = rows.Str(r, 7);
    units.push_back(std::move(unit));
  }
  return units;
}

absl::StatusOr<std::optional<Unit>> ReadUnit(sql::Transaction& tx, const std::string& code,
                                             bool for_update) {
  ASSIGN_OR_RETURN(std::vector<Unit> units,
                   QueryUnits(tx, for_update ? "code = ? FOR UPDATE" : "code = ?", {code}));
  if (units.empty()) return std::nullopt;
  return units.front();
}

absl::StatusOr<std::optional<UnitView>> ReadUnitView(sql::Transaction& tx, const std::string& code,
                                                     absl::CivilDay as_of) {
  ASSIGN_OR_RETURN(std::optional<Unit> unit, ReadUnit(tx, code));
  if (!unit) return std::nullopt;
  UnitView view;
  view.unit = *unit;
  std::string day = FormatDate(as_of);
  ASSIGN_OR_RETURN(
      sql::Rows quotas,
      tx.Query("SELECT q.post, q.count, q.rank_note, q.from_date, q.to_date, (SELECT COUNT(*) "
               "FROM post_assignments a WHERE a.unit_code = q.unit_code AND a.post = q.post AND "
               "a.from_date <= ? AND (a.to_date IS NULL OR a.to_date >= ?)) FROM post_quotas q "
               "WHERE q.unit_code = ? AND q.from_date <= ? AND (q.to_date IS NULL OR q.to_date "
               ">= ?) ORDER BY FIELD(q.post, 'leader', 'deputy', 'staff')",
               {day, day, code, day, day}));
  for (size_t r = 0; r < quotas.size(); ++r) {
    view.quotas.push_back({quotas.Str(r, 0), static_cast<int>(quotas.Int(r, 1)), quotas.Str(r, 2),
                           DateOf(quotas.Str(r, 3)), OptionalDate(quotas, r, 4),
                           static_cast<int>(quotas.Int(r, 5))});
  }
  ASSIGN_OR_RETURN(sql::Rows group,
                   tx.Query("SELECT group_code FROM supervisions WHERE unit_code = ? AND "
                            "from_date <= ? AND (to_date IS NULL OR to_date >= ?)",
                            {code, day, day}));
  if (!group.empty()) view.supervising_group_code = group.Str(0, 0);
  ASSIGN_OR_RETURN(sql::Rows zone,
                   tx.Query("SELECT zone_code FROM zone_members WHERE unit_code = ? AND "
                            "from_date <= ? AND (to_date IS NULL OR to_date >= ?)",
                            {code, day, day}));
  if (!zone.empty()) view.zone_code = zone.Str(0, 0);
  ASSIGN_OR_RETURN(
      sql::Rows liaisons,
      tx.Query("SELECT l.person_code, p.display_name, l.from_date, l.to_date FROM liaisons l "
               "JOIN people p ON p.code = l.person_code WHERE l.group_code = ? AND "
               "l.from_date <= ? AND (l.to_date IS NULL OR l.to_date >= ?) ORDER BY l.person_code",
               {code, day, day}));
  for (size_t r = 0; r < liaisons.size(); ++r) {
    view.liaisons.push_back({liaisons.Str(r, 0), liaisons.Str(r, 1), DateOf(liaisons.Str(r, 2)),
                             OptionalDate(liaisons, r, 3)});
  }
  return view;
}

absl::Status InsertUnit(sql::Transaction& tx, const Unit& unit) {
  ASSIGN_OR_RETURN(std::optional<Unit> existing, ReadUnit(tx, unit.code));
  if (existing)
    return AlreadyExists("UNIT_EXISTS", absl::StrCat("units/", unit.code, " already exists"));
  if (!unit.parent_code.empty()) {
    // Locks the parent so it cannot vanish before this commit.
    ASSIGN_OR_RETURN(
        sql::Rows parent,
        tx.Query("SELECT code FROM units WHERE code = ? LOCK IN SHARE MODE", {unit.parent_code}));
    if (parent.empty()) {
      return InvalidArgument(
          "unit.parent", "PARENT_NOT_FOUND",
          absl::StrCat("unit.parent: units/", unit.parent_code, " does not exist"));
    }
  }
  if (!unit.guiding_office_code.empty()) {
    ASSIGN_OR_RETURN(std::optional<Unit> office, ReadUnit(tx, unit.guiding_office_code));
    if (!office || !IsOfficeKind(office->kind)) {
      return InvalidArgument("unit.guiding_office", "OFFICE_NOT_FOUND",
                             absl::StrCat("unit.guiding_office: units/", unit.guiding_office_code,
                                          " is not an office"));
    }
  }
  RETURN_IF_ERROR(
      tx.Exec("INSERT INTO units (code, kind, display_name, parent_code, guiding_office_code, "
              "established_on, dissolved_on) VALUES (?, ?, ?, ?, ?, ?, ?)",
              {unit.code, unit.kind, unit.display_name, sql::NullIfEmpty(unit.parent_code),
               sql::NullIfEmpty(unit.guiding_office_code), FormatDate(unit.established_on),
               DateParam(unit.dissolved_on)})
          .status());
  // A zone imported before its office: the office arrives now, and leads it.
  ASSIGN_OR_RETURN(
      sql::Rows led,
      tx.Query("SELECT code, established_on FROM zones WHERE office_code = ?", {unit.code}));
  for (size_t r = 0; r < led.size(); ++r) {
    if (!IsOfficeKind(unit.kind)) {
      return InvalidArgument("unit.kind", "ZONE_OFFICE_NOT_AN_OFFICE",
                             absl::StrCat("unit.kind: zones/", led.Str(r, 0), " names units/",
                                          unit.code, " as its office, so it must be an office"));
    }
    RETURN_IF_ERROR(AddZoneMember(tx, led.Str(r, 0), unit.code,
                                  std::max(unit.established_on, DateOf(led.Str(r, 1)))));
  }
  return absl::OkStatus();
}

absl::Status SetQuota(sql::Transaction& tx, const std::string& group_code, const std::string& post,
                      int count, const std::string& rank_note, absl::CivilDay from) {
  ASSIGN_OR_RETURN(std::optional<Unit> group, ReadUnit(tx, group_code, /*for_update=*/true));
  if (!group)
    return NotFound("UNIT_NOT_FOUND", absl::StrCat("units/", group_code, " does not exist"));
  if (group->kind != "group") {
    return InvalidArgument("unit", "NOT_A_GROUP",
                           absl::StrCat("unit: units/", group_code, " is not a stationed group"));
  }
  if (from < group->established_on) {
    return InvalidArgument("from_date", "BEFORE_ESTABLISHED",
                           "from_date: before the group was established");
  }
  std::string day = FormatDate(from);
  // A later period already recorded would be contradicted: history is not rewritten.
  ASSIGN_OR_RETURN(sql::Rows later,
                   tx.Query("SELECT COUNT(*) FROM post_quotas WHERE unit_code = ? AND post = ? "
                            "AND from_date >= ? LOCK IN SHARE MODE",
                            {group_code, post, day}));
  if (later.Int(0, 0) > 0) {
    return FailedPrecondition("LATER_QUOTA_EXISTS",
                              "a quota for this post from that date or later is recorded");
  }
  RETURN_IF_ERROR(
      tx.Exec("UPDATE post_quotas SET to_date = DATE_SUB(?, INTERVAL 1 DAY) WHERE unit_code = ? "
              "AND post = ? AND to_date IS NULL",
              {day, group_code, post})
          .status());
  return tx
      .Exec(
          "INSERT INTO post_quotas (unit_code, post, count, rank_note, from_date) VALUES (?, ?, ?, "
          "?, ?)",
          {group_code, post, int64_t{count}, rank_note, day})
      .status();
}

absl::Status SetSupervision(sql::Transaction& tx, const std::string& unit_code,
                            const std::string& group_code, absl::CivilDay from) {
  // The unit's row lock serialises reassignments: never two groups on one date.
  ASSIGN_OR_RETURN(std::optional<Unit> unit, ReadUnit(tx, unit_code, /*for_update=*/true));
  if (!unit)
    return NotFound("UNIT_NOT_FOUND", absl::StrCat("units/", unit_code, " does not exist"));
  if (unit->kind != "supervised_unit") {
    return InvalidArgument(
        "unit", "NOT_A_SUPERVISED_UNIT",
        absl::StrCat("unit: units/", unit_code, " is a ", unit->kind, ", not a supervised unit"));
  }
  if (!group_code.empty()) {
    ASSIGN_OR_RETURN(std::optional<Unit> group, ReadUnit(tx, group_code));
    if (!group || group->kind != "group") {
      return InvalidArgument(
          "group", "NOT_A_GROUP",
          absl::StrCat("group: units/", group_code, " is not a stationed group"));
    }
  }
  std::string day = FormatDate(from);
  // A locking read: it sees a competitor's commit the row lock above waited for.
  ASSIGN_OR_RETURN(
      sql::Rows later,
      tx.Query("SELECT COUNT(*) FROM supervisions WHERE unit_code = ? AND from_date >= ? "
               "LOCK IN SHARE MODE",
               {unit_code, day}));
  if (later.Int(0, 0) > 0) {
    return FailedPrecondition("LATER_SUPERVISION_EXISTS",
                              "a supervision from that date or later is recorded for this unit");
  }
  RETURN_IF_ERROR(
      tx.Exec("UPDATE supervisions SET to_date = DATE_SUB(?, INTERVAL 1 DAY) WHERE unit_code = ? "
              "AND to_date IS NULL",
              {day, unit_code})
          .status());
  if (group_code.empty()) return absl::OkStatus();
  return tx
      .Exec("INSERT INTO supervisions (unit_code, group_code, from_date) VALUES (?, ?, ?)",
            {unit_code, group_code, day})
      .status();
}

absl::Status AddLiaison(sql::Transaction& tx, const std::string& group_code,
                        const std::string& person_code, absl::CivilDay from,
                        std::optional<absl::CivilDay> to) {
  if (to && *to < from) {
    return InvalidArgument("to_date", "INVALID_DATE_RANGE", "to_date: not before from_date");
  }
  // The group's row lock serialises liaison changes: never two overlapping periods.
  ASSIGN_OR_RETURN(std::optional<Unit> group, ReadUnit(tx, group_code, /*for_update=*/true));
  if (!group || group->kind != "group") {
    return InvalidArgument("group", "NOT_A_GROUP",
                           absl::StrCat("group: units/", group_code, " is not a stationed group"));
  }
  std::string first = FormatDate(from);
  sql::Param last = DateParam(to);
  ASSIGN_OR_RETURN(sql::Rows person,
                   tx.Query("SELECT code FROM people WHERE code = ?", {person_code}));
  if (person.empty()) {
    return InvalidArgument("leader", "PERSON_NOT_FOUND",
                           absl::StrCat("leader: people/", person_code, " does not exist"));
  }
  // Any grant: the roles import grants from its own day, so an imported past liaison
  // would never meet a grant of its period.
  ASSIGN_OR_RETURN(sql::Rows leads,
                   tx.Query("SELECT COUNT(*) FROM role_grants WHERE person_code = ? AND role = "
                            "'commission_leader'",
                            {person_code}));
  if (leads.Int(0, 0) == 0) {
    return InvalidArgument(
        "leader", "NOT_A_COMMISSION_LEADER",
        absl::StrCat("leader: people/", person_code, " was never granted commission_leader"));
  }
  ASSIGN_OR_RETURN(
      sql::Rows overlapping,
      tx.Query("SELECT COUNT(*) FROM liaisons WHERE group_code = ? AND person_code = ? AND "
               "(? IS NULL OR from_date <= ?) AND (to_date IS NULL OR to_date >= ?) "
               "LOCK IN SHARE MODE",
               {group_code, person_code, last, last, first}));
  if (overlapping.Int(0, 0) > 0) {
    return MakeError(absl::StatusCode::kFailedPrecondition, "LIAISON_OVERLAPS",
                     "from_date: this leader already liaises with the group in that period",
                     "from_date");
  }
  return tx
      .Exec(
          "INSERT INTO liaisons (group_code, person_code, from_date, to_date) VALUES (?, ?, ?, ?)",
          {group_code, person_code, first, last})
      .status();
}

absl::Status EndLiaison(sql::Transaction& tx, const std::string& group_code,
                        const std::string& person_code, absl::CivilDay to) {
  ASSIGN_OR_RETURN(std::optional<Unit> group, ReadUnit(tx, group_code, /*for_update=*/true));
  if (!group || group->kind != "group") {
    return InvalidArgument("group", "NOT_A_GROUP",
                           absl::StrCat("group: units/", group_code, " is not a stationed group"));
  }
  ASSIGN_OR_RETURN(bool ended, EndInForce(tx, "liaisons", "group_code = ? AND person_code = ?",
                                          {group_code, person_code}, to));
  if (!ended) {
    return MakeError(absl::StatusCode::kFailedPrecondition, "NO_LIAISON_IN_FORCE",
                     absl::StrCat("to_date: people/", person_code, " does not liaise with units/",
                                  group_code, " on ", FormatDate(to)),
                     "to_date");
  }
  return absl::OkStatus();
}

absl::Status UpdateUnitRow(sql::Transaction& tx, const Unit& unit, int64_t version) {
  if (!unit.guiding_office_code.empty()) {
    ASSIGN_OR_RETURN(std::optional<Unit> office, ReadUnit(tx, unit.guiding_office_code));
    if (!office || !IsOfficeKind(office->kind)) {
      return InvalidArgument("unit.guiding_office", "OFFICE_NOT_FOUND",
                             absl::StrCat("unit.guiding_office: units/", unit.guiding_office_code,
                                          " is not an office"));
    }
  }
  ASSIGN_OR_RETURN(
      int64_t changed,
      tx.Exec("UPDATE units SET display_name = ?, dissolved_on = ?, guiding_office_code = ?, "
              "version = version + 1 WHERE code = ? AND version = ?",
              {unit.display_name, DateParam(unit.dissolved_on),
               sql::NullIfEmpty(unit.guiding_office_code), unit.code, version}));
  if (changed == 1) return absl::OkStatus();
  ASSIGN_OR_RETURN(std::optional<Unit> current, ReadUnit(tx, unit.code));
  if (!current)
    return NotFound("UNIT_NOT_FOUND", absl::StrCat("units/", unit.code, " does not exist"));
  return Aborted("ETAG_MISMATCH", "the unit changed since it was read; read it again");
}

absl::Status DeleteUnitRow(sql::Transaction& tx, const std::string& code, int64_t version) {
  ASSIGN_OR_RETURN(std::optional<Unit> unit, ReadUnit(tx, code, /*for_update=*/true));
  if (!unit) return NotFound("UNIT_NOT_FOUND", absl::StrCat("units/", code, " does not exist"));
  if (unit->version != version)
    return Aborted("ETAG_MISMATCH", "the unit changed since it was read; read it again");
  // Every table that refers to a unit; history is never deleted, the unit is dissolved.
  static constexpr const char* kReferences[][2] = {
      {"units", "parent_code"},       {"units", "guiding_office_code"},
      {"post_quotas", "unit_code"},   {"supervisions", "unit_code"},
      {"supervisions", "group_code"}, {"post_assignments", "unit_code"},
      {"role_grants", "unit_code"},   {"zone_members", "unit_code"},
      {"zones", "office_code"},       {"liaisons", "group_code"}};
  for (const auto& [table, column] : kReferences) {
    ASSIGN_OR_RETURN(
        sql::Rows rows,
        tx.Query(absl::StrCat("SELECT COUNT(*) FROM ", table, " WHERE ", column, " = ?"), {code}));
    if (rows.Int(0, 0) > 0) {
      return FailedPrecondition("UNIT_HAS_HISTORY",
                                absl::StrCat("units/", code, " is referred to by ", table, ".",
                                             column, "; set dissolved_on instead of deleting it"));
    }
  }
  return tx.Exec("DELETE FROM units WHERE code = ?", {code}).status();
}

absl::Status InsertZone(sql::Transaction& tx, const Zone& zone, bool office_may_follow) {
  ASSIGN_OR_RETURN(sql::Rows existing,
                   tx.Query("SELECT code FROM zones WHERE code = ?", {zone.code}));
  if (!existing.empty())
    return AlreadyExists("ZONE_EXISTS", absl::StrCat("zones/", zone.code, " already exists"));
  ASSIGN_OR_RETURN(std::optional<Unit> office, ReadUnit(tx, zone.office_code));
  if (!office && office_may_follow) {
    return tx
        .Exec(
            "INSERT INTO zones (code, display_name, office_code, established_on) VALUES (?, ?, ?, "
            "?)",
            {zone.code, zone.display_name, zone.office_code, FormatDate(zone.established_on)})
        .status();
  }
  if (!office || !IsOfficeKind(office->kind)) {
    return InvalidArgument(
        "zone.office", "OFFICE_NOT_FOUND",
        absl::StrCat("zone.office: units/", zone.office_code, " is not an office"));
  }
  RETURN_IF_ERROR(
      tx.Exec("INSERT INTO zones (code, display_name, office_code, established_on) VALUES (?, ?, "
              "?, ?)",
              {zone.code, zone.display_name, zone.office_code, FormatDate(zone.established_on)})
          .status());
  return AddZoneMember(tx, zone.code, zone.office_code, zone.established_on);
}

absl::StatusOr<std::optional<std::string>> ZoneOnOrAfter(sql::Transaction& tx,
                                                         const std::string& unit_code,
                                                         absl::CivilDay from) {
  ASSIGN_OR_RETURN(sql::Rows current,
                   tx.Query("SELECT zone_code FROM zone_members WHERE unit_code = ? AND "
                            "(to_date IS NULL OR to_date >= ?) FOR UPDATE",
                            {unit_code, FormatDate(from)}));
  if (current.empty()) return std::nullopt;
  return current.Str(0, 0);
}

absl::Status AddZoneMember(sql::Transaction& tx, const std::string& zone_code,
                           const std::string& unit_code, absl::CivilDay from) {
  std::string day = FormatDate(from);
  ASSIGN_OR_RETURN(std::optional<std::string> current, ZoneOnOrAfter(tx, unit_code, from));
  if (current) {
    if (*current == zone_code) return absl::OkStatus();
    return FailedPrecondition(
        "ALREADY_IN_A_ZONE",
        absl::StrCat("units/", unit_code, " is in zones/", *current, " on that date"));
  }
  return tx
      .Exec("INSERT INTO zone_members (zone_code, unit_code, from_date) VALUES (?, ?, ?)",
            {zone_code, unit_code, day})
      .status();
}

absl::StatusOr<std::optional<Zone>> ReadZone(sql::Transaction& tx, const std::string& code,
                                             absl::CivilDay as_of) {
  ASSIGN_OR_RETURN(sql::Rows rows,
                   tx.Query("SELECT code, display_name, office_code, established_on, "
                            "dissolved_on, version FROM zones WHERE code = ?",
                            {code}));
  if (rows.empty()) return std::nullopt;
  Zone zone;
  zone.code = rows.Str(0, 0);
  zone.display_name = rows.Str(0, 1);
  zone.office_code = rows.Str(0, 2);
  zone.established_on = DateOf(rows.Str(0, 3));
  zone.dissolved_on = OptionalDate(rows, 0, 4);
  zone.version = rows.Int(0, 5);
  std::string day = FormatDate(as_of);
  ASSIGN_OR_RETURN(
      sql::Rows members,
      tx.Query("SELECT unit_code FROM zone_members WHERE zone_code = ? AND "
               "from_date <= ? AND (to_date IS NULL OR to_date >= ?) ORDER BY unit_code",
               {code, day, day}));
  for (size_t r = 0; r < members.size(); ++r) zone.member_codes.push_back(members.Str(r, 0));
  ASSIGN_OR_RETURN(sql::Rows history,
                   tx.Query("SELECT m.unit_code, m.from_date, m.to_date, u.kind FROM zone_members "
                            "m JOIN units u ON u.code = m.unit_code WHERE m.zone_code = ? ORDER "
                            "BY m.from_date, m.unit_code, m.id",
                            {code}));
  for (size_t r = 0; r < history.size(); ++r) {
    Zone::Membership m{history.Str(r, 0), DateOf(history.Str(r, 1)), OptionalDate(history, r, 2)};
    // The office leading the zone on the read date: the latest to join by then (offices
    // follow each other; after a dissolution, the last one).
    if (IsOfficeKind(history.Str(r, 3)) && m.from <= as_of) zone.office_code = m.unit_code;
    zone.memberships.push_back(std::move(m));
  }
  return zone;
}

}  // namespace paizhu::org
