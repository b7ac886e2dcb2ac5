#pragma once

#include "common/sql/pool.h"
#include "services/org/storage/org_repository.h"

namespace paizhu::org {

class MysqlOrgRepository : public OrgRepository {
 public:
  explicit MysqlOrgRepository(sql::Pool* pool) : pool_(pool) {}

  absl::StatusOr<std::optional<UnitView>> GetUnit(const std::string& code, absl::CivilDay as_of,
                                                  absl::Time deadline) override;
  absl::StatusOr<std::vector<Unit>> ListUnits(const UnitFilter& filter,
                                              const std::string& after_code, int limit,
                                              absl::Time deadline) override;
  absl::StatusOr<UnitView> CreateUnit(const Unit& unit, const sql::RequestKey& key,
                                      absl::Time deadline) override;
  absl::StatusOr<UnitView> UpdateUnit(const Unit& unit, int64_t version,
                                      absl::Time deadline) override;
  absl::Status DeleteUnit(const std::string& code, int64_t version, absl::Time deadline) override;
  absl::StatusOr<UnitView> SetPostQuota(const std::string& group, const std::string& post,
                                        int count, const std::string& rank_note,
                                        absl::CivilDay from, absl::Time deadline) override;
  absl::StatusOr<UnitView> AssignSupervision(const std::string& unit, const std::string& group,
                                             absl::CivilDay from, absl::Time deadline) override;
  absl::StatusOr<UnitView> AssignLiaison(const std::string& group, const std::string& leader,
                                         absl::CivilDay from, std::optional<absl::CivilDay> to,
                                         const sql::RequestKey& key, absl::Time deadline) override;
  absl::StatusOr<UnitView> EndLiaison(const std::string& group, const std::string& leader,
                                      absl::CivilDay to, absl::Time deadline) override;
  absl::StatusOr<Zone> CreateZone(const Zone& zone, const sql::RequestKey& key,
                                  absl::Time deadline) override;
  absl::StatusOr<std::optional<Zone>> GetZone(const std::string& code, absl::CivilDay as_of,
                                              absl::Time deadline) override;
  absl::StatusOr<std::vector<Zone>> ListZones(const std::string& after_code, int limit,
                                              absl::CivilDay as_of, absl::Time deadline) override;
  absl::StatusOr<Zone> UpdateZone(const Zone& zone, int64_t version, absl::Time deadline) override;
  absl::StatusOr<Zone> AddZoneMember(const std::string& zone, const std::string& unit,
                                     absl::CivilDay from, absl::Time deadline) override;
  absl::StatusOr<Zone> EndZoneMember(const std::string& zone, const std::string& unit,
                                     absl::CivilDay to, absl::Time deadline) override;
  absl::StatusOr<Zone> ChangeZoneOffice(const std::string& zone, const std::string& office,
                                        absl::CivilDay from, int64_t version,
                                        absl::Time deadline) override;
  absl::StatusOr<Person> CreatePerson(const Person& person, const sql::RequestKey& key,
                                      absl::Time deadline) override;
  absl::StatusOr<Person> UpdatePerson(const Person& person, int64_t version,
                                      absl::Time deadline) override;
  absl::StatusOr<std::optional<Person>> GetPerson(const std::string& code,
                                                  absl::Time deadline) override;
  absl::StatusOr<Person> AssignPost(const PostAssignment& assignment, absl::Time deadline) override;
  absl::StatusOr<Person> EndPost(const std::string& person, const std::string& unit,
                                 const std::string& post, absl::CivilDay to,
                                 const std::string& reason, absl::Time deadline) override;
  absl::StatusOr<Person> RecordVetting(const std::string& person, const Vetting& vetting,
                                       const std::string& note, absl::Time deadline) override;
  absl::StatusOr<Person> RecordTransferTalk(const std::string& person, absl::CivilDay talked_on,
                                            const std::string& talked_by, const std::string& note,
                                            absl::Time deadline) override;
  absl::StatusOr<Person> RecordTraining(const std::string& person, const std::string& course,
                                        const std::string& organizer, absl::CivilDay day,
                                        double hours, absl::Time deadline) override;
  absl::StatusOr<Person> RecordMentoring(const std::string& mentor, const std::string& mentee,
                                         const DateRange& when, absl::Time deadline) override;
  absl::StatusOr<Accountability> RecordAccountability(const Accountability& record,
                                                      absl::Time deadline) override;
  absl::StatusOr<std::vector<Accountability>> ListAccountability(
      const std::string& kind, const std::string& code,
      const std::optional<AccountabilityCursor>& after, int limit, absl::Time deadline) override;
  absl::StatusOr<std::vector<Person>> ListPeople(const PeopleFilter& filter,
                                                 const std::string& after_code, int limit,
                                                 absl::Time deadline) override;
  absl::StatusOr<Person> GrantRole(const std::string& person, const RoleGrant& grant,
                                   absl::CivilDay from, absl::Time deadline) override;
  absl::StatusOr<std::optional<std::pair<ResolvedPerson, RoleScopeFacts>>> ResolvePerson(
      const std::string& code, absl::CivilDay as_of, absl::Time deadline) override;
  absl::StatusOr<bool> EnsureAdministrator(const std::string& code, absl::CivilDay as_of,
                                           absl::Time deadline) override;
  absl::StatusOr<std::vector<RuleVersion>> ListRuleVersions(const std::string& rule,
                                                            absl::Time deadline) override;
  absl::StatusOr<RuleVersion> SetRuleVersion(const RuleVersion& version,
                                             absl::Time deadline) override;
  absl::StatusOr<IntegrityFile> CreateIntegrityFile(const IntegrityFile& file,
                                                    const sql::RequestKey& key,
                                                    const IntegrityFileCheck& may_file,
                                                    absl::Time deadline) override;
  absl::StatusOr<std::vector<IntegrityFile>> ListIntegrityFiles(const std::string& unit_code,
                                                                const std::string& after_code,
                                                                int limit,
                                                                const IntegrityFileCheck& may_see,
                                                                absl::Time deadline) override;
  absl::StatusOr<std::optional<IntegrityFile>> GetIntegrityFile(const std::string& code,
                                                                const IntegrityFileCheck& may_see,
                                                                absl::Time deadline) override;
  absl::StatusOr<IntegrityFile> AddIntegrityEntry(const std::string& code,
                                                  const IntegrityEntry& entry,
                                                  const IntegrityFileCheck& may_see,
                                                  absl::Time deadline) override;
  absl::StatusOr<std::pair<OrgSnapshot, double>> LoadStatisticsInput(absl::CivilDay as_of,
                                                                     absl::Time deadline) override;

 private:
  // Runs `change` then reads the person back, in one transaction.
  absl::StatusOr<Person> ChangePerson(const std::string& code, absl::Time deadline,
                                      const std::function<absl::Status(sql::Transaction&)>& change);
  absl::StatusOr<UnitView> ChangeUnit(const std::string& code, absl::Time deadline,
                                      const std::function<absl::Status(sql::Transaction&)>& change);
  // Runs `change` then reads the zone back as of today, in one transaction.
  absl::StatusOr<Zone> ChangeZone(const std::string& code, absl::Time deadline,
                                  const std::function<absl::Status(sql::Transaction&)>& change);
  sql::Pool* pool_;
};

}  // namespace paizhu::org
