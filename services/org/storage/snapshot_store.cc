#include "services/org/storage/snapshot_store.h"

#include "absl/strings/str_split.h"
#include "common/status/macros.h"
#include "common/time/civil_date.h"
#include "services/org/storage/dates.h"

namespace paizhu::org {
namespace {

DateRange RangeOf(const sql::Rows& rows, size_t r, size_t from_col) {
  return DateRange{DateOf(rows.Str(r, from_col)), OptionalDate(rows, r, from_col + 1)};
}

}  // namespace

absl::StatusOr<OrgSnapshot> ReadSnapshot(sql::Transaction& tx) {
  OrgSnapshot s;
  ASSIGN_OR_RETURN(sql::Rows units,
                   tx.Query("SELECT code, kind, established_on, dissolved_on FROM units"));
  for (size_t r = 0; r < units.size(); ++r) {
    Unit u;
    u.code = units.Str(r, 0);
    u.kind = units.Str(r, 1);
    u.established_on = DateOf(units.Str(r, 2));
    u.dissolved_on = OptionalDate(units, r, 3);
    s.units.push_back(std::move(u));
  }
  ASSIGN_OR_RETURN(sql::Rows quotas,
                   tx.Query("SELECT unit_code, post, count, from_date, to_date FROM post_quotas"));
  for (size_t r = 0; r < quotas.size(); ++r) {
    s.quotas.push_back({quotas.Str(r, 0), quotas.Str(r, 1), static_cast<int>(quotas.Int(r, 2)),
                        RangeOf(quotas, r, 3)});
  }
  ASSIGN_OR_RETURN(sql::Rows sup,
                   tx.Query("SELECT unit_code, group_code, from_date, to_date FROM supervisions"));
  for (size_t r = 0; r < sup.size(); ++r)
    s.supervisions.push_back({sup.Str(r, 0), sup.Str(r, 1), RangeOf(sup, r, 2)});
  ASSIGN_OR_RETURN(
      sql::Rows posts,
      tx.Query(
          "SELECT id, person_code, unit_code, post, from_date, to_date FROM post_assignments"));
  for (size_t r = 0; r < posts.size(); ++r) {
    s.assignments.push_back({posts.Int(r, 0), posts.Str(r, 1), posts.Str(r, 2), posts.Str(r, 3),
                             RangeOf(posts, r, 4), "", ""});
  }
  ASSIGN_OR_RETURN(
      sql::Rows people,
      tx.Query("SELECT code, birth_date, education, specialties, work_start FROM people"));
  for (size_t r = 0; r < people.size(); ++r) {
    Person p;
    p.code = people.Str(r, 0);
    p.birth_date = OptionalDate(people, r, 1);
    p.education = people.Str(r, 2);
    if (!people.Str(r, 3).empty()) p.specialties = absl::StrSplit(people.Str(r, 3), ';');
    p.work_start = OptionalDate(people, r, 4);
    s.people[p.code] = std::move(p);
  }
  ASSIGN_OR_RETURN(sql::Rows trainings, tx.Query("SELECT person_code, day FROM trainings"));
  for (size_t r = 0; r < trainings.size(); ++r) {
    s.trainings.push_back({trainings.Str(r, 0), DateOf(trainings.Str(r, 1))});
  }
  ASSIGN_OR_RETURN(
      sql::Rows zones,
      tx.Query("SELECT code, display_name, office_code, established_on, dissolved_on FROM zones"));
  for (size_t r = 0; r < zones.size(); ++r) {
    s.zones.push_back({zones.Str(r, 0), zones.Str(r, 1), zones.Str(r, 2), RangeOf(zones, r, 3)});
  }
  ASSIGN_OR_RETURN(sql::Rows members,
                   tx.Query("SELECT zone_code, unit_code, from_date, to_date FROM zone_members"));
  for (size_t r = 0; r < members.size(); ++r) {
    s.zone_members.push_back({members.Str(r, 0), members.Str(r, 1), RangeOf(members, r, 2)});
  }
  return s;
}

absl::StatusOr<RoleScopeFacts> ReadRoleScopeFacts(sql::Transaction& tx, absl::CivilDay as_of) {
  RoleScopeFacts facts;
  std::string day = FormatDate(as_of);
  ASSIGN_OR_RETURN(sql::Rows guided,
                   tx.Query("SELECT guiding_office_code, code FROM units WHERE kind = 'group' AND "
                            "guiding_office_code IS NOT NULL AND established_on <= ? AND "
                            "(dissolved_on IS NULL OR dissolved_on >= ?)",
                            {day, day}));
  for (size_t r = 0; r < guided.size(); ++r)
    facts.groups_guided_by[guided.Str(r, 0)].push_back(guided.Str(r, 1));
  // The office leading each zone on as_of (zone_members: it changes over time).
  ASSIGN_OR_RETURN(
      sql::Rows townships,
      tx.Query("SELECT o.unit_code, m.unit_code FROM zone_members o JOIN units ou ON ou.code = "
               "o.unit_code JOIN zone_members m ON m.zone_code = o.zone_code JOIN units u ON "
               "u.code = m.unit_code WHERE ou.kind IN ('supervision_office', "
               "'case_management_office', 'trial_office', 'petition_office', 'office') AND "
               "o.from_date <= ? AND (o.to_date IS NULL OR o.to_date >= ?) AND u.kind = "
               "'township' AND m.from_date <= ? AND (m.to_date IS NULL OR m.to_date >= ?)",
               {day, day, day, day}));
  for (size_t r = 0; r < townships.size(); ++r) {
    facts.townships_in_zones_of[townships.Str(r, 0)].push_back(townships.Str(r, 1));
  }
  return facts;
}

}  // namespace paizhu::org
