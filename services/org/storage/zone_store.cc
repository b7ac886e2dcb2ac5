#include "services/org/storage/zone_store.h"

#include "absl/strings/str_cat.h"
#include "common/status/macros.h"
#include "common/status/status.h"
#include "common/time/civil_date.h"
#include "services/org/storage/dates.h"

namespace paizhu::org {
namespace {

// A unit joins a zone only while it exists.
absl::Status CheckExistsOn(const Unit& unit, absl::CivilDay day) {
  if (day >= unit.established_on && (!unit.dissolved_on || day <= *unit.dissolved_on)) {
    return absl::OkStatus();
  }
  return InvalidArgument(
      "from_date", "UNIT_NOT_IN_EXISTENCE",
      absl::StrCat("from_date: units/", unit.code, " does not exist on ", FormatDate(day)));
}

// The zone's row, locked: its changes are serialised on it.
absl::StatusOr<Zone> LockZone(sql::Transaction& tx, const std::string& code) {
  ASSIGN_OR_RETURN(sql::Rows rows,
                   tx.Query("SELECT code, display_name, office_code, established_on, "
                            "dissolved_on, version FROM zones WHERE code = ? FOR UPDATE",
                            {code}));
  if (rows.empty())
    return NotFound("ZONE_NOT_FOUND", absl::StrCat("zones/", code, " does not exist"));
  Zone zone;
  zone.code = rows.Str(0, 0);
  zone.display_name = rows.Str(0, 1);
  zone.office_code = rows.Str(0, 2);
  zone.established_on = DateOf(rows.Str(0, 3));
  zone.dissolved_on = OptionalDate(rows, 0, 4);
  zone.version = rows.Int(0, 5);
  return zone;
}

}  // namespace

absl::Status MoveZoneOffice(sql::Transaction& tx, const std::string& zone_code,
                            const std::string& office_code, absl::CivilDay from, int64_t version) {
  ASSIGN_OR_RETURN(Zone zone, LockZone(tx, zone_code));
  if (zone.version != version)
    return Aborted("ETAG_MISMATCH", "the zone changed since it was read; read it again");
  ASSIGN_OR_RETURN(std::optional<Unit> office, ReadUnit(tx, office_code));
  if (!office || !IsOfficeKind(office->kind)) {
    return InvalidArgument("office", "NOT_AN_OFFICE",
                           absl::StrCat("office: units/", office_code, " is not an office"));
  }
  RETURN_IF_ERROR(CheckExistsOn(*office, from));
  if (zone.dissolved_on && from > *zone.dissolved_on) {
    return MakeError(absl::StatusCode::kFailedPrecondition, "ZONE_DISSOLVED",
                     absl::StrCat("from_date: zones/", zone_code, " was dissolved on ",
                                  FormatDate(*zone.dissolved_on)),
                     "from_date");
  }
  std::string day = FormatDate(from);
  // The office memberships of the zone in force on `from` or beginning later.
  ASSIGN_OR_RETURN(
      sql::Rows offices,
      tx.Query("SELECT m.id, m.unit_code, m.from_date, m.to_date FROM zone_members m JOIN units "
               "u ON u.code = m.unit_code WHERE m.zone_code = ? AND u.kind IN "
               "('supervision_office', 'case_management_office', 'trial_office', "
               "'petition_office', 'office') AND (m.to_date IS NULL OR m.to_date >= ?) "
               "ORDER BY m.from_date FOR UPDATE",
               {zone_code, day}));
  if (offices.empty() || DateOf(offices.Str(0, 2)) >= from || offices.size() > 1) {
    return InvalidArgument(
        "from_date", "NOT_AFTER_CURRENT_OFFICE",
        "from_date: after the first day of the office leading the zone then, and not before a "
        "later change of office");
  }
  if (offices.Str(0, 1) == office_code) {
    return MakeError(
        absl::StatusCode::kFailedPrecondition, "ALREADY_THE_OFFICE",
        absl::StrCat("office: units/", office_code, " leads zones/", zone_code, " on that date"),
        "office");
  }
  ASSIGN_OR_RETURN(std::optional<std::string> elsewhere, ZoneOnOrAfter(tx, office_code, from));
  if (elsewhere) {
    return MakeError(absl::StatusCode::kFailedPrecondition, "ALREADY_IN_A_ZONE",
                     absl::StrCat("office: units/", office_code, " is in zones/", *elsewhere,
                                  " on or after that date"),
                     "office");
  }
  // The new office stays as long as the old one would have: to the dissolution, if any.
  std::optional<absl::CivilDay> until = OptionalDate(offices, 0, 3);
  RETURN_IF_ERROR(tx.Exec("UPDATE zone_members SET to_date = ? WHERE id = ?",
                          {FormatDate(from - 1), offices.Int(0, 0)})
                      .status());
  RETURN_IF_ERROR(tx.Exec("INSERT INTO zone_members (zone_code, unit_code, from_date, to_date) "
                          "VALUES (?, ?, ?, ?)",
                          {zone_code, office_code, day, DateParam(until)})
                      .status());
  return tx.Exec("UPDATE zones SET version = version + 1 WHERE code = ?", {zone_code}).status();
}

absl::StatusOr<std::vector<std::string>> ListZoneCodes(sql::Transaction& tx,
                                                       const std::string& after_code, int limit) {
  ASSIGN_OR_RETURN(sql::Rows rows,
                   tx.Query("SELECT code FROM zones WHERE code > ? ORDER BY code LIMIT ?",
                            {after_code, int64_t{limit}}));
  std::vector<std::string> codes;
  for (size_t r = 0; r < rows.size(); ++r) codes.push_back(rows.Str(r, 0));
  return codes;
}

absl::Status UpdateZoneRow(sql::Transaction& tx, const Zone& zone, int64_t version) {
  ASSIGN_OR_RETURN(Zone current, LockZone(tx, zone.code));
  if (current.version != version)
    return Aborted("ETAG_MISMATCH", "the zone changed since it was read; read it again");
  if (current.dissolved_on && zone.dissolved_on != current.dissolved_on) {
    // Its memberships ended then: a later or cleared date would leave it without them.
    return MakeError(absl::StatusCode::kFailedPrecondition, "ZONE_DISSOLVED",
                     absl::StrCat("zone.dissolved_on: the zone was dissolved on ",
                                  FormatDate(*current.dissolved_on), "; that stays"),
                     "zone.dissolved_on");
  }
  if (zone.dissolved_on && !current.dissolved_on) {
    if (*zone.dissolved_on < current.established_on) {
      return InvalidArgument("zone.dissolved_on", "INVALID_DATE_RANGE",
                             "zone.dissolved_on: not before the zone was established");
    }
    std::string day = FormatDate(*zone.dissolved_on);
    ASSIGN_OR_RETURN(sql::Rows later,
                     tx.Query("SELECT COUNT(*) FROM zone_members WHERE zone_code = ? AND "
                              "from_date > ?",
                              {zone.code, day}));
    if (later.Int(0, 0) > 0) {
      return MakeError(absl::StatusCode::kFailedPrecondition, "ZONE_HAS_LATER_MEMBERS",
                       "zone.dissolved_on: a membership of this zone begins after that date",
                       "zone.dissolved_on");
    }
    RETURN_IF_ERROR(tx.Exec("UPDATE zone_members SET to_date = ? WHERE zone_code = ? AND "
                            "(to_date IS NULL OR to_date > ?)",
                            {day, zone.code, day})
                        .status());
  }
  return tx
      .Exec(
          "UPDATE zones SET display_name = ?, dissolved_on = ?, version = version + 1 "
          "WHERE code = ?",
          {zone.display_name, DateParam(zone.dissolved_on), zone.code})
      .status();
}

absl::Status JoinZone(sql::Transaction& tx, const std::string& zone_code,
                      const std::string& unit_code, absl::CivilDay from) {
  ASSIGN_OR_RETURN(Zone zone, LockZone(tx, zone_code));
  if (from < zone.established_on) {
    return InvalidArgument("from_date", "BEFORE_ZONE_ESTABLISHED",
                           absl::StrCat("from_date: zones/", zone_code, " was established on ",
                                        FormatDate(zone.established_on)));
  }
  if (zone.dissolved_on && from > *zone.dissolved_on) {
    return MakeError(absl::StatusCode::kFailedPrecondition, "ZONE_DISSOLVED",
                     absl::StrCat("from_date: zones/", zone_code, " was dissolved on ",
                                  FormatDate(*zone.dissolved_on)),
                     "from_date");
  }
  ASSIGN_OR_RETURN(std::optional<Unit> unit, ReadUnit(tx, unit_code));
  if (!unit || (unit->kind != "group" && unit->kind != "township")) {
    return InvalidArgument(
        "unit", "NOT_A_GROUP_OR_TOWNSHIP",
        absl::StrCat("unit: units/", unit_code, " is not a stationed group or a township"));
  }
  RETURN_IF_ERROR(CheckExistsOn(*unit, from));
  std::string day = FormatDate(from);
  // Any membership of the unit still open on or after `from` overlaps the new open one.
  ASSIGN_OR_RETURN(std::optional<std::string> current, ZoneOnOrAfter(tx, unit_code, from));
  if (current) {
    return MakeError(absl::StatusCode::kFailedPrecondition, "ALREADY_IN_A_ZONE",
                     absl::StrCat("unit: units/", unit_code, " is in zones/", *current,
                                  " on or after that date"),
                     "unit");
  }
  std::optional<absl::CivilDay> to = zone.dissolved_on;  // a dissolved zone's end bounds it
  return tx
      .Exec(
          "INSERT INTO zone_members (zone_code, unit_code, from_date, to_date) VALUES "
          "(?, ?, ?, ?)",
          {zone_code, unit_code, day, DateParam(to)})
      .status();
}

absl::Status LeaveZone(sql::Transaction& tx, const std::string& zone_code,
                       const std::string& unit_code, absl::CivilDay to) {
  RETURN_IF_ERROR(LockZone(tx, zone_code).status());
  ASSIGN_OR_RETURN(std::optional<Unit> unit, ReadUnit(tx, unit_code));
  if (unit && IsOfficeKind(unit->kind)) {
    return InvalidArgument("unit", "ZONE_OFFICE",
                           "unit: the leading office leaves when the zone is dissolved or "
                           "another office takes over (ChangeZoneOffice)");
  }
  ASSIGN_OR_RETURN(bool ended, EndInForce(tx, "zone_members", "zone_code = ? AND unit_code = ?",
                                          {zone_code, unit_code}, to));
  if (!ended) {
    return MakeError(absl::StatusCode::kFailedPrecondition, "NOT_A_MEMBER",
                     absl::StrCat("to_date: units/", unit_code, " is not in zones/", zone_code,
                                  " on ", FormatDate(to)),
                     "to_date");
  }
  return absl::OkStatus();
}

}  // namespace paizhu::org
