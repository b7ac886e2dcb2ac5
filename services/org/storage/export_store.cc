#include "services/org/storage/export_store.h"

#include "absl/strings/numbers.h"
#include "absl/strings/str_format.h"
#include "common/status/macros.h"

namespace paizhu::org {
namespace {

// History rows are keyed by their id, zero-padded so keys compare as the ids do.
std::string IdKey(const std::string& id) {
  int64_t value = 0;
  if (!absl::SimpleAtoi(id, &value)) value = 0;
  return absl::StrFormat("%020d", value);
}

int64_t IdAfter(const std::string& key) {
  int64_t value = 0;
  if (key.empty() || !absl::SimpleAtoi(key, &value)) return 0;
  return value;
}

}  // namespace

absl::StatusOr<KeyedRows<ZoneColumns>> ExportZoneRows(sql::Transaction& tx,
                                                      const std::string& after, int limit) {
  ASSIGN_OR_RETURN(sql::Rows rows,
                   tx.Query("SELECT code, display_name, office_code, established_on FROM zones "
                            "WHERE code > ? ORDER BY code LIMIT ?",
                            {after, int64_t{limit}}));
  KeyedRows<ZoneColumns> out;
  for (size_t r = 0; r < rows.size(); ++r) {
    ZoneColumns row;
    row.code = rows.Str(r, 0);
    row.name = rows.Str(r, 1);
    row.office = rows.Str(r, 2);
    row.established_on = rows.Str(r, 3);
    out.emplace_back(row.code, std::move(row));
  }
  return out;
}

absl::StatusOr<KeyedRows<UnitColumns>> ExportUnitRows(sql::Transaction& tx,
                                                      const std::string& after, int limit) {
  ASSIGN_OR_RETURN(
      sql::Rows rows,
      tx.Query("SELECT u.code, u.kind, u.display_name, u.parent_code, u.established_on, "
               "(SELECT GROUP_CONCAT(CONCAT(q.post, '=', q.count) ORDER BY FIELD(q.post, "
               "'leader', 'deputy', 'staff') SEPARATOR ';') FROM post_quotas q WHERE "
               "q.unit_code = u.code AND q.from_date <= u.established_on AND (q.to_date IS NULL "
               "OR q.to_date >= u.established_on)), u.guiding_office_code, "
               "(SELECT m.zone_code FROM zone_members m WHERE m.unit_code = u.code ORDER BY "
               "m.from_date, m.id LIMIT 1) FROM units u WHERE u.code > ? ORDER BY u.code LIMIT ?",
               {after, int64_t{limit}}));
  KeyedRows<UnitColumns> out;
  for (size_t r = 0; r < rows.size(); ++r) {
    UnitColumns row;
    row.code = rows.Str(r, 0);
    row.kind = rows.Str(r, 1);
    row.name = rows.Str(r, 2);
    row.parent = rows.Str(r, 3);
    row.established_on = rows.Str(r, 4);
    row.posts = rows.Str(r, 5);
    row.guiding_office = rows.Str(r, 6);
    row.zone = rows.Str(r, 7);
    out.emplace_back(row.code, std::move(row));
  }
  return out;
}

absl::StatusOr<KeyedRows<SupervisionColumns>> ExportSupervisionRows(sql::Transaction& tx,
                                                                    const std::string& after,
                                                                    int limit) {
  ASSIGN_OR_RETURN(sql::Rows rows,
                   tx.Query("SELECT id, unit_code, group_code, from_date, to_date FROM "
                            "supervisions WHERE id > ? ORDER BY id LIMIT ?",
                            {IdAfter(after), int64_t{limit}}));
  KeyedRows<SupervisionColumns> out;
  for (size_t r = 0; r < rows.size(); ++r) {
    SupervisionColumns row;
    row.unit = rows.Str(r, 1);
    row.group = rows.Str(r, 2);
    row.from = rows.Str(r, 3);
    row.to = rows.Str(r, 4);
    out.emplace_back(IdKey(rows.Str(r, 0)), std::move(row));
  }
  return out;
}

absl::StatusOr<KeyedRows<PersonColumns>> ExportPersonRows(sql::Transaction& tx,
                                                          const std::string& after, int limit,
                                                          const std::string& skip_person) {
  ASSIGN_OR_RETURN(
      sql::Rows rows,
      tx.Query("SELECT p.code, p.display_name, p.gender, p.birth_date, p.education, "
               "p.specialties, p.work_start, (SELECT MAX(v.vetted_on) FROM vettings v WHERE "
               "v.person_code = p.code AND v.passed = 1) FROM people p WHERE p.code > ? AND "
               "p.code <> ? ORDER BY p.code LIMIT ?",
               {after, skip_person, int64_t{limit}}));
  KeyedRows<PersonColumns> out;
  for (size_t r = 0; r < rows.size(); ++r) {
    PersonColumns row;
    row.code = rows.Str(r, 0);
    row.name = rows.Str(r, 1);
    row.gender = rows.Str(r, 2);
    row.birth_date = rows.Str(r, 3);
    row.education = rows.Str(r, 4);
    row.specialties = rows.Str(r, 5);
    row.work_start = rows.Str(r, 6);
    row.vetted_on = rows.Str(r, 7);
    out.emplace_back(row.code, std::move(row));
  }
  return out;
}

absl::StatusOr<KeyedRows<AssignmentColumns>> ExportAssignmentRows(sql::Transaction& tx,
                                                                  const std::string& after,
                                                                  int limit) {
  ASSIGN_OR_RETURN(sql::Rows rows,
                   tx.Query("SELECT id, person_code, unit_code, post, from_date, to_date, reason "
                            "FROM post_assignments WHERE id > ? ORDER BY id LIMIT ?",
                            {IdAfter(after), int64_t{limit}}));
  KeyedRows<AssignmentColumns> out;
  for (size_t r = 0; r < rows.size(); ++r) {
    AssignmentColumns row;
    row.person = rows.Str(r, 1);
    row.unit = rows.Str(r, 2);
    row.post = rows.Str(r, 3);
    row.from = rows.Str(r, 4);
    row.to = rows.Str(r, 5);
    row.reason = rows.Str(r, 6);
    out.emplace_back(IdKey(rows.Str(r, 0)), std::move(row));
  }
  return out;
}

absl::StatusOr<KeyedRows<RoleColumns>> ExportRoleRows(sql::Transaction& tx,
                                                      const std::string& after, int limit,
                                                      const std::string& today,
                                                      const std::string& skip_person) {
  ASSIGN_OR_RETURN(sql::Rows rows,
                   tx.Query("SELECT id, person_code, role, unit_code FROM role_grants WHERE id > ? "
                            "AND person_code <> ? AND from_date <= ? AND (to_date IS NULL OR "
                            "to_date >= ?) ORDER BY id LIMIT ?",
                            {IdAfter(after), skip_person, today, today, int64_t{limit}}));
  KeyedRows<RoleColumns> out;
  for (size_t r = 0; r < rows.size(); ++r) {
    RoleColumns row;
    row.person = rows.Str(r, 1);
    row.role = rows.Str(r, 2);
    row.unit = rows.Str(r, 3);
    out.emplace_back(IdKey(rows.Str(r, 0)), std::move(row));
  }
  return out;
}

absl::StatusOr<KeyedRows<TrainingColumns>> ExportTrainingRows(sql::Transaction& tx,
                                                              const std::string& after, int limit) {
  ASSIGN_OR_RETURN(sql::Rows rows,
                   tx.Query("SELECT id, person_code, course, organizer, day, hours FROM trainings "
                            "WHERE id > ? ORDER BY id LIMIT ?",
                            {IdAfter(after), int64_t{limit}}));
  KeyedRows<TrainingColumns> out;
  for (size_t r = 0; r < rows.size(); ++r) {
    TrainingColumns row;
    row.person = rows.Str(r, 1);
    row.course = rows.Str(r, 2);
    row.organizer = rows.Str(r, 3);
    row.date = rows.Str(r, 4);
    row.hours = rows.Str(r, 5);
    out.emplace_back(IdKey(rows.Str(r, 0)), std::move(row));
  }
  return out;
}

absl::StatusOr<KeyedRows<VettingColumns>> ExportVettingRows(sql::Transaction& tx,
                                                            const std::string& after, int limit) {
  ASSIGN_OR_RETURN(
      sql::Rows rows,
      tx.Query("SELECT v.id, v.person_code, v.vetted_on, v.passed, v.note FROM "
               "vettings v WHERE v.id > ? AND NOT v.id <=> (SELECT MIN(w.id) FROM "
               "vettings w WHERE w.person_code = v.person_code AND w.passed = 1 AND "
               "w.vetted_on = (SELECT MAX(x.vetted_on) FROM vettings x WHERE "
               "x.person_code = v.person_code AND x.passed = 1)) ORDER BY v.id LIMIT ?",
               {IdAfter(after), int64_t{limit}}));
  KeyedRows<VettingColumns> out;
  for (size_t r = 0; r < rows.size(); ++r) {
    VettingColumns row;
    row.person = rows.Str(r, 1);
    row.vetted_on = rows.Str(r, 2);
    row.passed = rows.Int(r, 3) != 0 ? "true" : "false";
    row.note = rows.Str(r, 4);
    out.emplace_back(IdKey(rows.Str(r, 0)), std::move(row));
  }
  return out;
}

absl::StatusOr<KeyedRows<TransferTalkColumns>> ExportTransferTalkRows(sql::Transaction& tx,
                                                                      const std::string& after,
                                                                      int limit) {
  ASSIGN_OR_RETURN(sql::Rows rows,
                   tx.Query("SELECT id, person_code, talked_on, talked_by, note FROM "
                            "transfer_talks WHERE id > ? ORDER BY id LIMIT ?",
                            {IdAfter(after), int64_t{limit}}));
  KeyedRows<TransferTalkColumns> out;
  for (size_t r = 0; r < rows.size(); ++r) {
    TransferTalkColumns row;
    row.person = rows.Str(r, 1);
    row.talked_on = rows.Str(r, 2);
    row.talked_by = rows.Str(r, 3);
    row.note = rows.Str(r, 4);
    out.emplace_back(IdKey(rows.Str(r, 0)), std::move(row));
  }
  return out;
}

absl::StatusOr<KeyedRows<MentoringColumns>> ExportMentoringRows(sql::Transaction& tx,
                                                                const std::string& after,
                                                                int limit) {
  ASSIGN_OR_RETURN(sql::Rows rows,
                   tx.Query("SELECT id, mentor_code, mentee_code, from_date, to_date FROM "
                            "mentorings WHERE id > ? ORDER BY id LIMIT ?",
                            {IdAfter(after), int64_t{limit}}));
  KeyedRows<MentoringColumns> out;
  for (size_t r = 0; r < rows.size(); ++r) {
    MentoringColumns row;
    row.mentor = rows.Str(r, 1);
    row.mentee = rows.Str(r, 2);
    row.from = rows.Str(r, 3);
    row.to = rows.Str(r, 4);
    out.emplace_back(IdKey(rows.Str(r, 0)), std::move(row));
  }
  return out;
}

absl::StatusOr<KeyedRows<AccountabilityColumns>> ExportAccountabilityRows(sql::Transaction& tx,
                                                                          const std::string& after,
                                                                          int limit) {
  ASSIGN_OR_RETURN(sql::Rows rows,
                   tx.Query("SELECT id, subject_kind, subject_code, decided_on, measure, reason "
                            "FROM accountability WHERE id > ? ORDER BY id LIMIT ?",
                            {IdAfter(after), int64_t{limit}}));
  KeyedRows<AccountabilityColumns> out;
  for (size_t r = 0; r < rows.size(); ++r) {
    AccountabilityColumns row;
    // A unit subject is a group: the import's "group" column.
    (rows.Str(r, 1) == "person" ? row.person : row.group) = rows.Str(r, 2);
    row.decided_on = rows.Str(r, 3);
    row.measure = rows.Str(r, 4);
    row.reason = rows.Str(r, 5);
    out.emplace_back(IdKey(rows.Str(r, 0)), std::move(row));
  }
  return out;
}

absl::StatusOr<KeyedRows<IntegrityFileColumns>> ExportIntegrityFileRows(sql::Transaction& tx,
                                                                        const std::string& after,
                                                                        int limit) {
  ASSIGN_OR_RETURN(sql::Rows rows,
                   tx.Query("SELECT code, cadre_name, unit_code, position, level, key_minority, "
                            "focus_tags FROM integrity_files WHERE code > ? ORDER BY code LIMIT ?",
                            {after, int64_t{limit}}));
  KeyedRows<IntegrityFileColumns> out;
  for (size_t r = 0; r < rows.size(); ++r) {
    IntegrityFileColumns row;
    row.code = rows.Str(r, 0);
    row.name = rows.Str(r, 1);
    row.unit = rows.Str(r, 2);
    row.position = rows.Str(r, 3);
    row.level = rows.Str(r, 4);
    row.key_minority = rows.Str(r, 5);
    row.focus_tags = rows.Str(r, 6);
    out.emplace_back(row.code, std::move(row));
  }
  return out;
}

absl::StatusOr<KeyedRows<IntegrityEntryColumns>> ExportIntegrityEntryRows(sql::Transaction& tx,
                                                                          const std::string& after,
                                                                          int limit) {
  ASSIGN_OR_RETURN(sql::Rows rows,
                   tx.Query("SELECT id, file_code, kind, day, summary FROM integrity_entries "
                            "WHERE id > ? ORDER BY id LIMIT ?",
                            {IdAfter(after), int64_t{limit}}));
  KeyedRows<IntegrityEntryColumns> out;
  for (size_t r = 0; r < rows.size(); ++r) {
    IntegrityEntryColumns row;
    row.file = rows.Str(r, 1);
    row.kind = rows.Str(r, 2);
    row.date = rows.Str(r, 3);
    row.summary = rows.Str(r, 4);
    out.emplace_back(IdKey(rows.Str(r, 0)), std::move(row));
  }
  return out;
}

}  // namespace paizhu::org
