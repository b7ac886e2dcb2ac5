#include "services/org/storage/records_store.h"

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "common/status/macros.h"
#include "common/status/status.h"
#include "common/time/civil_date.h"
#include "services/org/storage/dates.h"

namespace paizhu::org {

absl::StatusOr<std::vector<RuleVersion>> ReadRuleVersions(sql::Transaction& tx,
                                                          const std::string& rule) {
  ASSIGN_OR_RETURN(
      sql::Rows rows,
      tx.Query("SELECT rule, from_date, value, note, COALESCE(set_by, ''), "
               "COALESCE(DATE_FORMAT(set_at, '%Y-%m-%dT%H:%i:%sZ'), '') FROM rule_versions "
               "WHERE ? = '' OR rule = ? ORDER BY rule, from_date",
               {rule, rule}));
  std::vector<RuleVersion> out;
  for (size_t r = 0; r < rows.size(); ++r) {
    out.push_back({rows.Str(r, 0), DateOf(rows.Str(r, 1)), rows.Str(r, 2), rows.Str(r, 3),
                   rows.Str(r, 4), rows.Str(r, 5)});
  }
  return out;
}

absl::Status InsertRuleVersion(sql::Transaction& tx, const RuleVersion& v) {
  // FOR UPDATE on the rule's rows (and the gap after them): two admins adding a version at
  // once are serialised, so each sees the other's.
  ASSIGN_OR_RETURN(sql::Rows latest, tx.Query("SELECT from_date FROM rule_versions WHERE rule = ? "
                                              "ORDER BY from_date DESC LIMIT 1 FOR UPDATE",
                                              {v.rule}));
  std::optional<absl::CivilDay> latest_day;
  if (!latest.empty()) latest_day = DateOf(latest.Str(0, 0));
  RETURN_IF_ERROR(ValidateRuleVersion(v, latest_day));
  return tx
      .Exec(
          "INSERT INTO rule_versions (rule, from_date, value, note, set_by, set_at) "
          "VALUES (?, ?, ?, ?, ?, UTC_TIMESTAMP(6))",
          {v.rule, FormatDate(v.from), v.value, v.note, sql::NullIfEmpty(v.set_by)})
      .status();
}

absl::Status InsertIntegrityFile(sql::Transaction& tx, const IntegrityFile& f) {
  ASSIGN_OR_RETURN(
      sql::Rows unit,
      tx.Query("SELECT kind FROM units WHERE code = ? LOCK IN SHARE MODE", {f.unit_code}));
  if (unit.empty()) {
    return InvalidArgument("file.unit", "UNIT_NOT_FOUND",
                           absl::StrCat("file.unit: units/", f.unit_code, " does not exist"));
  }
  if (unit.Str(0, 0) != "supervised_unit") {
    return InvalidArgument("file.unit", "NOT_A_SUPERVISED_UNIT",
                           absl::StrCat("file.unit: units/", f.unit_code, " is a ", unit.Str(0, 0),
                                        "; integrity files are for supervised units"));
  }
  ASSIGN_OR_RETURN(sql::Rows same,
                   tx.Query("SELECT code FROM integrity_files WHERE code = ?", {f.code}));
  if (!same.empty()) {
    return AlreadyExists("INTEGRITY_FILE_EXISTS",
                         absl::StrCat("integrity-files/", f.code, " already exists"));
  }
  return tx
      .Exec(
          "INSERT INTO integrity_files (code, cadre_name, unit_code, position, level, "
          "key_minority, focus_tags) VALUES (?, ?, ?, ?, ?, ?, ?)",
          {f.code, f.cadre_name, f.unit_code, f.position, f.level, f.key_minority,
           absl::StrJoin(f.focus_tags, ";")})
      .status();
}

absl::StatusOr<std::string> SupervisingGroupOn(sql::Transaction& tx, const std::string& unit_code,
                                               absl::CivilDay day) {
  std::string d = FormatDate(day);
  ASSIGN_OR_RETURN(sql::Rows rows,
                   tx.Query("SELECT group_code FROM supervisions WHERE unit_code = ? AND "
                            "from_date <= ? AND (to_date IS NULL OR to_date >= ?)",
                            {unit_code, d, d}));
  return rows.empty() ? std::string() : rows.Str(0, 0);
}

absl::StatusOr<std::optional<IntegrityFile>> ReadIntegrityFile(sql::Transaction& tx,
                                                               const std::string& code,
                                                               absl::CivilDay as_of) {
  ASSIGN_OR_RETURN(sql::Rows rows,
                   tx.Query("SELECT code, cadre_name, unit_code, position, level, key_minority, "
                            "focus_tags, version FROM integrity_files WHERE code = ?",
                            {code}));
  if (rows.empty()) return std::nullopt;
  IntegrityFile f;
  f.code = rows.Str(0, 0);
  f.cadre_name = rows.Str(0, 1);
  f.unit_code = rows.Str(0, 2);
  f.position = rows.Str(0, 3);
  f.level = rows.Str(0, 4);
  f.key_minority = rows.Str(0, 5);
  if (!rows.Str(0, 6).empty()) f.focus_tags = absl::StrSplit(rows.Str(0, 6), ';');
  f.version = rows.Int(0, 7);
  ASSIGN_OR_RETURN(f.supervising_group_code, SupervisingGroupOn(tx, f.unit_code, as_of));
  ASSIGN_OR_RETURN(sql::Rows entries,
                   tx.Query("SELECT kind, day, summary, recorded_by FROM integrity_entries "
                            "WHERE file_code = ? ORDER BY day, id",
                            {code}));
  for (size_t r = 0; r < entries.size(); ++r) {
    f.entries.push_back(
        {entries.Str(r, 0), DateOf(entries.Str(r, 1)), entries.Str(r, 2), entries.Str(r, 3)});
  }
  return f;
}

absl::Status InsertIntegrityEntry(sql::Transaction& tx, const std::string& file_code,
                                  const IntegrityEntry& e) {
  // The version moves on under the file's row lock: entries of one file are serialised.
  ASSIGN_OR_RETURN(
      int64_t bumped,
      tx.Exec("UPDATE integrity_files SET version = version + 1 WHERE code = ?", {file_code}));
  if (bumped == 0) {
    return NotFound("INTEGRITY_FILE_NOT_FOUND",
                    absl::StrCat("integrity-files/", file_code, " does not exist"));
  }
  return tx
      .Exec(
          "INSERT INTO integrity_entries (file_code, kind, day, summary, recorded_by) "
          "VALUES (?, ?, ?, ?, ?)",
          {file_code, e.kind, FormatDate(e.day), e.summary, e.recorded_by})
      .status();
}

absl::StatusOr<std::vector<std::string>> ListIntegrityFileCodes(sql::Transaction& tx,
                                                                const std::string& unit_code,
                                                                const std::string& after_code,
                                                                int limit) {
  ASSIGN_OR_RETURN(sql::Rows rows,
                   tx.Query("SELECT code FROM integrity_files WHERE code > ? AND (? = '' OR "
                            "unit_code = ?) ORDER BY code LIMIT ?",
                            {after_code, unit_code, unit_code, int64_t{limit}}));
  std::vector<std::string> codes;
  for (size_t r = 0; r < rows.size(); ++r) codes.push_back(rows.Str(r, 0));
  return codes;
}

}  // namespace paizhu::org
