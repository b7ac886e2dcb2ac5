#pragma once
// What the org use cases need from storage, one transaction per call.
// storage/mysql_org_repository.h implements it on MariaDB/MySQL (over the *_store
// functions, which imports share); domain tests can use an in-memory fake.

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "common/sql/idempotency.h"
#include "services/org/domain/integrity.h"
#include "services/org/domain/person.h"
#include "services/org/domain/posts.h"
#include "services/org/domain/principal_resolution.h"
#include "services/org/domain/rules.h"
#include "services/org/domain/statistics.h"
#include "services/org/domain/unit.h"
#include "services/org/storage/unit_store.h"

namespace paizhu::org {

struct UnitFilter {
  std::string kind;         // empty: any
  std::string parent_code;  // empty: any
};

// Whether the caller may see an integrity file, given the group supervising its unit today
// (empty: none); asked inside the use case's transaction.
using IntegrityFileCheck = std::function<bool(const std::string& supervising_group_code)>;

class OrgRepository {
 public:
  virtual ~OrgRepository() = default;

  virtual absl::StatusOr<std::optional<UnitView>> GetUnit(const std::string& code,
                                                          absl::CivilDay as_of,
                                                          absl::Time deadline) = 0;
  // Units with code > after_code, in code order, at most `limit`.
  virtual absl::StatusOr<std::vector<Unit>> ListUnits(const UnitFilter& filter,
                                                      const std::string& after_code, int limit,
                                                      absl::Time deadline) = 0;
  // A retried request (same key) returns the unit it first created.
  virtual absl::StatusOr<UnitView> CreateUnit(const Unit& unit, const sql::RequestKey& key,
                                              absl::Time deadline) = 0;
  virtual absl::StatusOr<UnitView> UpdateUnit(const Unit& unit, int64_t version,
                                              absl::Time deadline) = 0;
  virtual absl::Status DeleteUnit(const std::string& code, int64_t version,
                                  absl::Time deadline) = 0;
  virtual absl::StatusOr<UnitView> SetPostQuota(const std::string& group, const std::string& post,
                                                int count, const std::string& rank_note,
                                                absl::CivilDay from, absl::Time deadline) = 0;
  virtual absl::StatusOr<UnitView> AssignSupervision(const std::string& unit,
                                                     const std::string& group, absl::CivilDay from,
                                                     absl::Time deadline) = 0;
  virtual absl::StatusOr<UnitView> AssignLiaison(const std::string& group,
                                                 const std::string& leader, absl::CivilDay from,
                                                 std::optional<absl::CivilDay> to,
                                                 const sql::RequestKey& key,
                                                 absl::Time deadline) = 0;
  virtual absl::StatusOr<UnitView> EndLiaison(const std::string& group, const std::string& leader,
                                              absl::CivilDay to, absl::Time deadline) = 0;

  virtual absl::StatusOr<Zone> CreateZone(const Zone& zone, const sql::RequestKey& key,
                                          absl::Time deadline) = 0;
  virtual absl::StatusOr<std::optional<Zone>> GetZone(const std::string& code, absl::CivilDay as_of,
                                                      absl::Time deadline) = 0;
  // Up to `limit` zones after `after_code`, with their members on `as_of`.
  virtual absl::StatusOr<std::vector<Zone>> ListZones(const std::string& after_code, int limit,
                                                      absl::CivilDay as_of,
                                                      absl::Time deadline) = 0;
  virtual absl::StatusOr<Zone> UpdateZone(const Zone& zone, int64_t version,
                                          absl::Time deadline) = 0;
  virtual absl::StatusOr<Zone> AddZoneMember(const std::string& zone, const std::string& unit,
                                             absl::CivilDay from, absl::Time deadline) = 0;
  virtual absl::StatusOr<Zone> EndZoneMember(const std::string& zone, const std::string& unit,
                                             absl::CivilDay to, absl::Time deadline) = 0;
  // Another office leads the zone from `from` (zone_store.h, MoveZoneOffice).
  virtual absl::StatusOr<Zone> ChangeZoneOffice(const std::string& zone, const std::string& office,
                                                absl::CivilDay from, int64_t version,
                                                absl::Time deadline) = 0;

  virtual absl::StatusOr<Person> CreatePerson(const Person& person, const sql::RequestKey& key,
                                              absl::Time deadline) = 0;
  virtual absl::StatusOr<Person> UpdatePerson(const Person& person, int64_t version,
                                              absl::Time deadline) = 0;
  virtual absl::StatusOr<std::optional<Person>> GetPerson(const std::string& code,
                                                          absl::Time deadline) = 0;
  virtual absl::StatusOr<Person> AssignPost(const PostAssignment& assignment,
                                            absl::Time deadline) = 0;
  virtual absl::StatusOr<Person> EndPost(const std::string& person, const std::string& unit,
                                         const std::string& post, absl::CivilDay to,
                                         const std::string& reason, absl::Time deadline) = 0;
  virtual absl::StatusOr<Person> RecordVetting(const std::string& person, const Vetting& vetting,
                                               const std::string& note, absl::Time deadline) = 0;
  virtual absl::StatusOr<Person> RecordTransferTalk(const std::string& person,
                                                    absl::CivilDay talked_on,
                                                    const std::string& talked_by,
                                                    const std::string& note,
                                                    absl::Time deadline) = 0;
  virtual absl::StatusOr<Person> RecordTraining(const std::string& person,
                                                const std::string& course,
                                                const std::string& organizer, absl::CivilDay day,
                                                double hours, absl::Time deadline) = 0;
  virtual absl::StatusOr<Person> RecordMentoring(const std::string& mentor,
                                                 const std::string& mentee, const DateRange& when,
                                                 absl::Time deadline) = 0;
  virtual absl::StatusOr<Accountability> RecordAccountability(const Accountability& record,
                                                              absl::Time deadline) = 0;
  // Up to `limit` records, newest first, after `after` when set.
  virtual absl::StatusOr<std::vector<Accountability>> ListAccountability(
      const std::string& kind, const std::string& code,
      const std::optional<AccountabilityCursor>& after, int limit, absl::Time deadline) = 0;
  // Up to `limit` people after `after_code` (keyset), with their assignments.
  virtual absl::StatusOr<std::vector<Person>> ListPeople(const PeopleFilter& filter,
                                                         const std::string& after_code, int limit,
                                                         absl::Time deadline) = 0;
  virtual absl::StatusOr<Person> GrantRole(const std::string& person, const RoleGrant& grant,
                                           absl::CivilDay from, absl::Time deadline) = 0;

  // The person's roles and posts in force on `as_of`, and the facts that widen an office
  // role's view; nullopt when the person is unknown.
  virtual absl::StatusOr<std::optional<std::pair<ResolvedPerson, RoleScopeFacts>>> ResolvePerson(
      const std::string& code, absl::CivilDay as_of, absl::Time deadline) = 0;
  // Makes `code` an administrator from `as_of` unless some administrator exists.
  virtual absl::StatusOr<bool> EnsureAdministrator(const std::string& code, absl::CivilDay as_of,
                                                   absl::Time deadline) = 0;

  // Every version of a rule (every rule when empty), by rule then date.
  virtual absl::StatusOr<std::vector<RuleVersion>> ListRuleVersions(const std::string& rule,
                                                                    absl::Time deadline) = 0;
  // A new version after the rule's latest; returns it as stored (who and when).
  virtual absl::StatusOr<RuleVersion> SetRuleVersion(const RuleVersion& version,
                                                     absl::Time deadline) = 0;

  // PERMISSION_DENIED / NOT_YOUR_UNIT when `may_file` refuses the unit's group.
  virtual absl::StatusOr<IntegrityFile> CreateIntegrityFile(const IntegrityFile& file,
                                                            const sql::RequestKey& key,
                                                            const IntegrityFileCheck& may_file,
                                                            absl::Time deadline) = 0;
  // nullopt when missing or when `may_see` refuses it (the same answer).
  // Up to `limit` files the caller may see, after `after_code`, of `unit_code` if set.
  virtual absl::StatusOr<std::vector<IntegrityFile>> ListIntegrityFiles(
      const std::string& unit_code, const std::string& after_code, int limit,
      const IntegrityFileCheck& may_see, absl::Time deadline) = 0;
  virtual absl::StatusOr<std::optional<IntegrityFile>> GetIntegrityFile(
      const std::string& code, const IntegrityFileCheck& may_see, absl::Time deadline) = 0;
  // NOT_FOUND / INTEGRITY_FILE_NOT_FOUND when missing or not seen.
  virtual absl::StatusOr<IntegrityFile> AddIntegrityEntry(const std::string& code,
                                                          const IntegrityEntry& entry,
                                                          const IntegrityFileCheck& may_see,
                                                          absl::Time deadline) = 0;

  // Everything the statistics count, and the target share in force on `as_of`.
  virtual absl::StatusOr<std::pair<OrgSnapshot, double>> LoadStatisticsInput(
      absl::CivilDay as_of, absl::Time deadline) = 0;
};

}  // namespace paizhu::org
