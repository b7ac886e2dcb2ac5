#include "services/org/storage/mysql_org_repository.h"

#include "absl/strings/str_cat.h"
#include "common/sql/transaction.h"
#include "common/status/macros.h"
#include "common/status/status.h"
#include "common/time/civil_date.h"

namespace paizhu::org {
namespace {

constexpr char kUnitColumns[] =
    "code, kind, display_name, parent_code, established_on, dissolved_on, version";

// Dates come back from the server as YYYY-MM-DD.
absl::CivilDay DateOf(const std::string& text) {
  auto day = ParseDate(text, "db");
  return day.ok() ? *day : absl::CivilDay();
}

Unit UnitFromRow(const sql::Rows& rows, size_t r) {
  Unit unit;
  unit.code = rows.Str(r, 0);
  unit.kind = rows.Str(r, 1);
  unit.display_name = rows.Str(r, 2);
  unit.parent_code = rows.Str(r, 3);
  unit.established_on = DateOf(rows.Str(r, 4));
  if (!rows.IsNull(r, 5)) unit.dissolved_on = DateOf(rows.Str(r, 5));
  unit.version = rows.Int(r, 6);
  return unit;
}

absl::StatusOr<std::optional<Unit>> ReadUnit(sql::Transaction& tx, const std::string& code) {
  ASSIGN_OR_RETURN(
      sql::Rows rows,
      tx.Query(absl::StrCat("SELECT ", kUnitColumns, " FROM units WHERE code = ?"), {code}));
  if (rows.empty()) return std::nullopt;
  return UnitFromRow(rows, 0);
}

}  // namespace

absl::StatusOr<std::optional<Unit>> MysqlOrgRepository::GetUnit(const std::string& code,
                                                                absl::Time deadline) {
  std::optional<Unit> unit;
  RETURN_IF_ERROR(
      sql::RunInTransaction(*pool_, deadline, [&](sql::Transaction& tx) -> absl::Status {
        ASSIGN_OR_RETURN(unit, ReadUnit(tx, code));
        return absl::OkStatus();
      }));
  return unit;
}

absl::StatusOr<std::vector<Unit>> MysqlOrgRepository::ListUnits(const UnitFilter& filter,
                                                                const std::string& after_code,
                                                                int limit, absl::Time deadline) {
  // Keyset pagination on the primary key; the filters use (kind, code) and (parent, code).
  std::string sql = absl::StrCat("SELECT ", kUnitColumns, " FROM units WHERE code > ?");
  sql::Params params = {after_code};
  if (!filter.kind.empty()) {
    absl::StrAppend(&sql, " AND kind = ?");
    params.push_back(filter.kind);
  }
  if (!filter.parent_code.empty()) {
    absl::StrAppend(&sql, " AND parent_code = ?");
    params.push_back(filter.parent_code);
  }
  absl::StrAppend(&sql, " ORDER BY code LIMIT ?");
  params.push_back(int64_t{limit});
  std::vector<Unit> units;
  RETURN_IF_ERROR(
      sql::RunInTransaction(*pool_, deadline, [&](sql::Transaction& tx) -> absl::Status {
        ASSIGN_OR_RETURN(sql::Rows rows, tx.Query(sql, params));
        units.clear();
        for (size_t r = 0; r < rows.size(); ++r) units.push_back(UnitFromRow(rows, r));
        return absl::OkStatus();
      }));
  return units;
}

absl::StatusOr<Unit> MysqlOrgRepository::CreateUnit(const Unit& unit, const sql::RequestKey& key,
                                                    absl::Time deadline) {
  Unit created;
  RETURN_IF_ERROR(
      sql::RunInTransaction(*pool_, deadline, [&](sql::Transaction& tx) -> absl::Status {
        ASSIGN_OR_RETURN(std::optional<std::string> earlier, key.Claim(tx));
        if (earlier) {
          ASSIGN_OR_RETURN(std::optional<Unit> first, ReadUnit(tx, *earlier));
          if (!first) return Internal("IDEMPOTENCY_RESULT_MISSING", "the first result is gone");
          created = *first;
          return absl::OkStatus();
        }
        ASSIGN_OR_RETURN(std::optional<Unit> existing, ReadUnit(tx, unit.code));
        if (existing) {
          return AlreadyExists("UNIT_EXISTS", absl::StrCat("units/", unit.code, " already exists"));
        }
        if (!unit.parent_code.empty()) {
          // Locks the parent row so it cannot vanish before this commit.
          ASSIGN_OR_RETURN(sql::Rows parent,
                           tx.Query("SELECT code FROM units WHERE code = ? LOCK IN SHARE MODE",
                                    {unit.parent_code}));
          if (parent.empty()) {
            return InvalidArgument(
                "unit.parent", "PARENT_NOT_FOUND",
                absl::StrCat("unit.parent: units/", unit.parent_code, " does not exist"));
          }
        }
        RETURN_IF_ERROR(
            tx.Exec("INSERT INTO units (code, kind, display_name, parent_code, established_on, "
                    "dissolved_on) VALUES (?, ?, ?, ?, ?, ?)",
                    {unit.code, unit.kind, unit.display_name, sql::NullIfEmpty(unit.parent_code),
                     FormatDate(unit.established_on),
                     unit.dissolved_on ? sql::Param(FormatDate(*unit.dissolved_on))
                                       : sql::Param(nullptr)})
                .status());
        RETURN_IF_ERROR(key.Complete(tx, unit.code));
        ASSIGN_OR_RETURN(std::optional<Unit> stored, ReadUnit(tx, unit.code));
        created = *stored;
        return absl::OkStatus();
      }));
  return created;
}

absl::StatusOr<std::optional<ResolvedPerson>> MysqlOrgRepository::ResolvePerson(
    const std::string& code, absl::CivilDay as_of, absl::Time deadline) {
  std::optional<ResolvedPerson> person;
  RETURN_IF_ERROR(
      sql::RunInTransaction(*pool_, deadline, [&](sql::Transaction& tx) -> absl::Status {
        person.reset();
        ASSIGN_OR_RETURN(sql::Rows rows,
                         tx.Query("SELECT display_name FROM people WHERE code = ?", {code}));
        if (rows.empty()) return absl::OkStatus();
        person = ResolvedPerson{code, rows.Str(0, 0), {}};
        std::string day = FormatDate(as_of);
        ASSIGN_OR_RETURN(sql::Rows grants,
                         tx.Query("SELECT role, unit_code FROM role_grants WHERE person_code = ? "
                                  "AND from_date <= ? AND (to_date IS NULL OR to_date >= ?) "
                                  "ORDER BY role, unit_code",
                                  {code, day, day}));
        for (size_t r = 0; r < grants.size(); ++r) {
          person->roles.push_back({grants.Str(r, 0), grants.Str(r, 1)});
        }
        return absl::OkStatus();
      }));
  return person;
}

absl::StatusOr<bool> MysqlOrgRepository::EnsureAdministrator(const std::string& code,
                                                             absl::CivilDay as_of,
                                                             absl::Time deadline) {
  bool created = false;
  RETURN_IF_ERROR(
      sql::RunInTransaction(*pool_, deadline, [&](sql::Transaction& tx) -> absl::Status {
        created = false;
        std::string day = FormatDate(as_of);
        // FOR UPDATE: two replicas starting together create one administrator, not two.
        ASSIGN_OR_RETURN(
            sql::Rows admins,
            tx.Query("SELECT id FROM role_grants WHERE role = 'admin' AND from_date <= ? "
                     "AND (to_date IS NULL OR to_date >= ?) LIMIT 1 FOR UPDATE",
                     {day, day}));
        if (!admins.empty()) return absl::OkStatus();
        RETURN_IF_ERROR(tx.Exec("INSERT IGNORE INTO people (code, display_name) VALUES (?, ?)",
                                {code, std::string("系统管理员")})
                            .status());
        RETURN_IF_ERROR(tx.Exec("INSERT INTO role_grants (person_code, role, unit_code, from_date) "
                                "VALUES (?, 'admin', NULL, ?)",
                                {code, day})
                            .status());
        created = true;
        return absl::OkStatus();
      }));
  return created;
}

}  // namespace paizhu::org
