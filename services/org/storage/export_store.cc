#include "services/org/storage/export_store.h"

#include <initializer_list>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "common/status/macros.h"

namespace paizhu::org {
namespace {

// Every export reads the same shape: the rows of one table (or join) after a key, in key
// order, a page at a time. A kind says what differs.
struct PageQuery {
  const char* key;      // the key column: a code, or the id of history without a code
  bool by_id;           // history: keys are ids, compared as numbers
  const char* columns;  // the row's columns after the key, in the order of `fields`
  const char* from;     // FROM ...
  const char* also;     // more conditions ("" or "AND ..."), their values in `params`
};

// History rows are keyed by their id, zero-padded so keys compare as the ids do.
std::string IdKey(const std::string& id) {
  int64_t value = 0;
  if (!absl::SimpleAtoi(id, &value)) value = 0;
  return absl::StrFormat("%020d", value);
}

sql::Param KeyAfter(const std::string& key, bool by_id) {
  if (!by_id) return key;
  int64_t value = 0;
  if (key.empty() || !absl::SimpleAtoi(key, &value)) return int64_t{0};
  return value;
}

// Reads a page of `query` after `after`, filling `fields` from the columns in order.
template <typename Columns>
absl::StatusOr<KeyedRows<Columns>> ReadPage(sql::Transaction& tx, const PageQuery& query,
                                            const std::string& after, int limit,
                                            std::initializer_list<std::string Columns::*> fields,
                                            sql::Params params = {}) {
  params.insert(params.begin(), KeyAfter(after, query.by_id));
  params.push_back(int64_t{limit});
  ASSIGN_OR_RETURN(sql::Rows rows,
                   tx.Query(absl::StrCat("SELECT ", query.key, ", ", query.columns, " FROM ",
                                         query.from, " WHERE ", query.key, " > ? ", query.also,
                                         " ORDER BY ", query.key, " LIMIT ?"),
                            params));
  KeyedRows<Columns> out;
  for (size_t r = 0; r < rows.size(); ++r) {
    Columns row;
    size_t c = 1;
    for (std::string Columns::*field : fields) row.*field = rows.Str(r, c++);
    std::string key = query.by_id ? IdKey(rows.Str(r, 0)) : rows.Str(r, 0);
    out.emplace_back(std::move(key), std::move(row));
  }
  return out;
}

}  // namespace

absl::StatusOr<KeyedRows<ZoneColumns>> ExportZoneRows(sql::Transaction& tx,
                                                      const std::string& after, int limit) {
  using C = ZoneColumns;
  return ReadPage<C>(
      tx, {"code", false, "code, display_name, office_code, established_on", "zones", ""}, after,
      limit, {&C::code, &C::name, &C::office, &C::established_on});
}

absl::StatusOr<KeyedRows<UnitColumns>> ExportUnitRows(sql::Transaction& tx,
                                                      const std::string& after, int limit) {
  using C = UnitColumns;
  return ReadPage<C>(
      tx,
      {"u.code", false,
       "u.code, u.kind, u.display_name, u.parent_code, u.established_on, "
       "(SELECT GROUP_CONCAT(CONCAT(q.post, '=', q.count) ORDER BY FIELD(q.post, "
       "'leader', 'deputy', 'staff') SEPARATOR ';') FROM post_quotas q WHERE "
       "q.unit_code = u.code AND q.from_date <= u.established_on AND (q.to_date IS NULL "
       "OR q.to_date >= u.established_on)), u.guiding_office_code, "
       "(SELECT m.zone_code FROM zone_members m WHERE m.unit_code = u.code AND u.kind NOT IN "
       "('supervision_office', 'case_management_office', 'trial_office', 'petition_office', "
       "'office') ORDER BY m.from_date, m.id LIMIT 1)",
       "units u", ""},
      after, limit,
      {&C::code, &C::kind, &C::name, &C::parent, &C::established_on, &C::posts, &C::guiding_office,
       &C::zone});
}

absl::StatusOr<KeyedRows<SupervisionColumns>> ExportSupervisionRows(sql::Transaction& tx,
                                                                    const std::string& after,
                                                                    int limit) {
  using C = SupervisionColumns;
  return ReadPage<C>(tx,
                     {"id", true, "unit_code, group_code, from_date, to_date", "supervisions", ""},
                     after, limit, {&C::unit, &C::group, &C::from, &C::to});
}

absl::StatusOr<KeyedRows<PersonColumns>> ExportPersonRows(sql::Transaction& tx,
                                                          const std::string& after, int limit,
                                                          const std::string& skip_person) {
  using C = PersonColumns;
  return ReadPage<C>(
      tx,
      {"p.code", false,
       "p.code, p.display_name, p.gender, p.birth_date, p.education, p.specialties, "
       "p.work_start, (SELECT MAX(v.vetted_on) FROM vettings v WHERE v.person_code = p.code "
       "AND v.passed = 1)",
       "people p", "AND p.code <> ?"},
      after, limit,
      {&C::code, &C::name, &C::gender, &C::birth_date, &C::education, &C::specialties,
       &C::work_start, &C::vetted_on},
      {skip_person});
}

absl::StatusOr<KeyedRows<AssignmentColumns>> ExportAssignmentRows(sql::Transaction& tx,
                                                                  const std::string& after,
                                                                  int limit) {
  using C = AssignmentColumns;
  return ReadPage<C>(tx,
                     {"id", true, "person_code, unit_code, post, from_date, to_date, reason",
                      "post_assignments", ""},
                     after, limit, {&C::person, &C::unit, &C::post, &C::from, &C::to, &C::reason});
}

absl::StatusOr<KeyedRows<RoleColumns>> ExportRoleRows(sql::Transaction& tx,
                                                      const std::string& after, int limit,
                                                      const std::string& today,
                                                      const std::string& skip_person) {
  using C = RoleColumns;
  return ReadPage<C>(tx,
                     {"id", true, "person_code, role, unit_code", "role_grants",
                      "AND person_code <> ? AND from_date <= ? AND (to_date IS NULL OR "
                      "to_date >= ?)"},
                     after, limit, {&C::person, &C::role, &C::unit}, {skip_person, today, today});
}

absl::StatusOr<KeyedRows<TrainingColumns>> ExportTrainingRows(sql::Transaction& tx,
                                                              const std::string& after, int limit) {
  using C = TrainingColumns;
  return ReadPage<C>(tx,
                     {"id", true, "person_code, course, organizer, day, hours", "trainings", ""},
                     after, limit, {&C::person, &C::course, &C::organizer, &C::date, &C::hours});
}

absl::StatusOr<KeyedRows<VettingColumns>> ExportVettingRows(sql::Transaction& tx,
                                                            const std::string& after, int limit) {
  using C = VettingColumns;
  return ReadPage<C>(
      tx,
      {"v.id", true, "v.person_code, v.vetted_on, IF(v.passed, 'true', 'false'), v.note",
       "vettings v",
       "AND NOT v.id <=> (SELECT MIN(w.id) FROM vettings w WHERE w.person_code = "
       "v.person_code AND w.passed = 1 AND w.vetted_on = (SELECT MAX(x.vetted_on) FROM "
       "vettings x WHERE x.person_code = v.person_code AND x.passed = 1))"},
      after, limit, {&C::person, &C::vetted_on, &C::passed, &C::note});
}

absl::StatusOr<KeyedRows<TransferTalkColumns>> ExportTransferTalkRows(sql::Transaction& tx,
                                                                      const std::string& after,
                                                                      int limit) {
  using C = TransferTalkColumns;
  return ReadPage<C>(tx,
                     {"id", true, "person_code, talked_on, talked_by, note", "transfer_talks", ""},
                     after, limit, {&C::person, &C::talked_on, &C::talked_by, &C::note});
}

absl::StatusOr<KeyedRows<MentoringColumns>> ExportMentoringRows(sql::Transaction& tx,
                                                                const std::string& after,
                                                                int limit) {
  using C = MentoringColumns;
  return ReadPage<C>(tx,
                     {"id", true, "mentor_code, mentee_code, from_date, to_date", "mentorings", ""},
                     after, limit, {&C::mentor, &C::mentee, &C::from, &C::to});
}

absl::StatusOr<KeyedRows<AccountabilityColumns>> ExportAccountabilityRows(sql::Transaction& tx,
                                                                          const std::string& after,
                                                                          int limit) {
  using C = AccountabilityColumns;
  // A unit subject is a group: the import's "group" column.
  return ReadPage<C>(tx,
                     {"id", true,
                      "IF(subject_kind = 'person', subject_code, ''), IF(subject_kind = 'person', "
                      "'', subject_code), decided_on, measure, reason",
                      "accountability", ""},
                     after, limit,
                     {&C::person, &C::group, &C::decided_on, &C::measure, &C::reason});
}

absl::StatusOr<KeyedRows<IntegrityFileColumns>> ExportIntegrityFileRows(sql::Transaction& tx,
                                                                        const std::string& after,
                                                                        int limit) {
  using C = IntegrityFileColumns;
  return ReadPage<C>(
      tx,
      {"code", false, "code, cadre_name, unit_code, position, level, key_minority, focus_tags",
       "integrity_files", ""},
      after, limit,
      {&C::code, &C::name, &C::unit, &C::position, &C::level, &C::key_minority, &C::focus_tags});
}

absl::StatusOr<KeyedRows<IntegrityEntryColumns>> ExportIntegrityEntryRows(sql::Transaction& tx,
                                                                          const std::string& after,
                                                                          int limit) {
  using C = IntegrityEntryColumns;
  return ReadPage<C>(tx, {"id", true, "file_code, kind, day, summary", "integrity_entries", ""},
                     after, limit, {&C::file, &C::kind, &C::date, &C::summary});
}

absl::StatusOr<KeyedRows<LiaisonColumns>> ExportLiaisonRows(sql::Transaction& tx,
                                                            const std::string& after, int limit) {
  using C = LiaisonColumns;
  return ReadPage<C>(tx,
                     {"id", true, "group_code, person_code, from_date, to_date", "liaisons", ""},
                     after, limit, {&C::group, &C::leader, &C::from, &C::to});
}

}  // namespace paizhu::org
