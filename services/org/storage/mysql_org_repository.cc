#include "services/org/storage/mysql_org_repository.h"

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "common/sql/transaction.h"
#include "common/status/macros.h"
#include "common/status/status.h"
#include "common/time/civil_date.h"
#include "services/org/storage/people_store.h"
#include "services/org/storage/records_store.h"
#include "services/org/storage/snapshot_store.h"
#include "services/org/storage/zone_store.h"

namespace paizhu::org {
namespace {

constexpr double kDefaultTargetShare = 0.3;

}  // namespace

absl::StatusOr<std::optional<UnitView>> MysqlOrgRepository::GetUnit(const std::string& code,
                                                                    absl::CivilDay as_of,
                                                                    absl::Time deadline) {
  std::optional<UnitView> view;
  RETURN_IF_ERROR(
      sql::RunInTransaction(*pool_, deadline, [&](sql::Transaction& tx) -> absl::Status {
        ASSIGN_OR_RETURN(view, ReadUnitView(tx, code, as_of));
        return absl::OkStatus();
      }));
  return view;
}

absl::StatusOr<std::vector<Unit>> MysqlOrgRepository::ListUnits(const UnitFilter& filter,
                                                                const std::string& after_code,
                                                                int limit, absl::Time deadline) {
  // Keyset pagination on the primary key; the filters use (kind, code) and (parent, code).
  std::string condition = "code > ?";
  sql::Params params = {after_code};
  if (!filter.kind.empty()) {
    absl::StrAppend(&condition, " AND kind = ?");
    params.push_back(filter.kind);
  }
  if (!filter.parent_code.empty()) {
    absl::StrAppend(&condition, " AND parent_code = ?");
    params.push_back(filter.parent_code);
  }
  absl::StrAppend(&condition, " ORDER BY code LIMIT ?");
  params.push_back(int64_t{limit});
  std::vector<Unit> units;
  RETURN_IF_ERROR(
      sql::RunInTransaction(*pool_, deadline, [&](sql::Transaction& tx) -> absl::Status {
        ASSIGN_OR_RETURN(units, QueryUnits(tx, condition, params));
        return absl::OkStatus();
      }));
  return units;
}

absl::StatusOr<UnitView> MysqlOrgRepository::ChangeUnit(
    const std::string& code, absl::Time deadline,
    const std::function<absl::Status(sql::Transaction&)>& change) {
  UnitView view;
  RETURN_IF_ERROR(
      sql::RunInTransaction(*pool_, deadline, [&](sql::Transaction& tx) -> absl::Status {
        RETURN_IF_ERROR(change(tx));
        ASSIGN_OR_RETURN(std::optional<UnitView> read, ReadUnitView(tx, code, TodayInChina()));
        if (!read) return Internal("UNIT_MISSING", "a changed unit is missing");
        view = *read;
        return absl::OkStatus();
      }));
  return view;
}

absl::StatusOr<UnitView> MysqlOrgRepository::CreateUnit(const Unit& unit,
                                                        const sql::RequestKey& key,
                                                        absl::Time deadline) {
  std::string code = unit.code;
  return ChangeUnit(code, deadline, [&](sql::Transaction& tx) -> absl::Status {
    ASSIGN_OR_RETURN(std::optional<std::string> earlier, key.Claim(tx));
    if (earlier) {
      code = *earlier;  // the first call's unit
      return absl::OkStatus();
    }
    RETURN_IF_ERROR(InsertUnit(tx, unit));
    return key.Complete(tx, unit.code);
  });
}

absl::StatusOr<UnitView> MysqlOrgRepository::UpdateUnit(const Unit& unit, int64_t version,
                                                        absl::Time deadline) {
  return ChangeUnit(unit.code, deadline,
                    [&](sql::Transaction& tx) { return UpdateUnitRow(tx, unit, version); });
}

absl::Status MysqlOrgRepository::DeleteUnit(const std::string& code, int64_t version,
                                            absl::Time deadline) {
  return sql::RunInTransaction(
      *pool_, deadline, [&](sql::Transaction& tx) { return DeleteUnitRow(tx, code, version); });
}

absl::StatusOr<UnitView> MysqlOrgRepository::SetPostQuota(const std::string& group,
                                                          const std::string& post, int count,
                                                          const std::string& rank_note,
                                                          absl::CivilDay from,
                                                          absl::Time deadline) {
  return ChangeUnit(group, deadline, [&](sql::Transaction& tx) {
    return SetQuota(tx, group, post, count, rank_note, from);
  });
}

absl::StatusOr<UnitView> MysqlOrgRepository::AssignSupervision(const std::string& unit,
                                                               const std::string& group,
                                                               absl::CivilDay from,
                                                               absl::Time deadline) {
  return ChangeUnit(unit, deadline,
                    [&](sql::Transaction& tx) { return SetSupervision(tx, unit, group, from); });
}

absl::StatusOr<UnitView> MysqlOrgRepository::AssignLiaison(
    const std::string& group, const std::string& leader, absl::CivilDay from,
    std::optional<absl::CivilDay> to, const sql::RequestKey& key, absl::Time deadline) {
  return ChangeUnit(group, deadline, [&](sql::Transaction& tx) -> absl::Status {
    ASSIGN_OR_RETURN(std::optional<std::string> earlier, key.Claim(tx));
    if (earlier) return absl::OkStatus();  // the first call assigned it
    RETURN_IF_ERROR(AddLiaison(tx, group, leader, from, to));
    return key.Complete(tx, group);
  });
}

absl::StatusOr<UnitView> MysqlOrgRepository::EndLiaison(const std::string& group,
                                                        const std::string& leader,
                                                        absl::CivilDay to, absl::Time deadline) {
  return ChangeUnit(group, deadline, [&](sql::Transaction& tx) {
    return ::paizhu::org::EndLiaison(tx, group, leader, to);
  });
}

absl::StatusOr<Zone> MysqlOrgRepository::CreateZone(const Zone& zone, const sql::RequestKey& key,
                                                    absl::Time deadline) {
  Zone out;
  RETURN_IF_ERROR(
      sql::RunInTransaction(*pool_, deadline, [&](sql::Transaction& tx) -> absl::Status {
        ASSIGN_OR_RETURN(std::optional<std::string> earlier, key.Claim(tx));
        std::string code = earlier ? *earlier : zone.code;  // a retry: the first call's zone
        if (!earlier) {
          RETURN_IF_ERROR(InsertZone(tx, zone));
          RETURN_IF_ERROR(key.Complete(tx, zone.code));
        }
        ASSIGN_OR_RETURN(std::optional<Zone> read, ReadZone(tx, code, TodayInChina()));
        if (!read) return Internal("ZONE_MISSING", "a created zone is missing");
        out = *std::move(read);
        return absl::OkStatus();
      }));
  return out;
}

absl::StatusOr<std::optional<Zone>> MysqlOrgRepository::GetZone(const std::string& code,
                                                                absl::CivilDay as_of,
                                                                absl::Time deadline) {
  std::optional<Zone> zone;
  RETURN_IF_ERROR(
      sql::RunInTransaction(*pool_, deadline, [&](sql::Transaction& tx) -> absl::Status {
        ASSIGN_OR_RETURN(zone, ReadZone(tx, code, as_of));
        return absl::OkStatus();
      }));
  return zone;
}

absl::StatusOr<std::vector<Zone>> MysqlOrgRepository::ListZones(const std::string& after_code,
                                                                int limit, absl::CivilDay as_of,
                                                                absl::Time deadline) {
  std::vector<Zone> zones;
  RETURN_IF_ERROR(
      sql::RunInTransaction(*pool_, deadline, [&](sql::Transaction& tx) -> absl::Status {
        zones.clear();
        ASSIGN_OR_RETURN(std::vector<std::string> codes, ListZoneCodes(tx, after_code, limit));
        for (const std::string& code : codes) {
          ASSIGN_OR_RETURN(std::optional<Zone> zone, ReadZone(tx, code, as_of));
          if (zone) zones.push_back(*std::move(zone));
        }
        return absl::OkStatus();
      }));
  return zones;
}

absl::StatusOr<Zone> MysqlOrgRepository::ChangeZone(
    const std::string& code, absl::Time deadline,
    const std::function<absl::Status(sql::Transaction&)>& change) {
  Zone out;
  RETURN_IF_ERROR(
      sql::RunInTransaction(*pool_, deadline, [&](sql::Transaction& tx) -> absl::Status {
        RETURN_IF_ERROR(change(tx));
        ASSIGN_OR_RETURN(std::optional<Zone> read, ReadZone(tx, code, TodayInChina()));
        if (!read) return Internal("ZONE_MISSING", "a changed zone is missing");
        out = *std::move(read);
        return absl::OkStatus();
      }));
  return out;
}

absl::StatusOr<Zone> MysqlOrgRepository::UpdateZone(const Zone& zone, int64_t version,
                                                    absl::Time deadline) {
  return ChangeZone(zone.code, deadline,
                    [&](sql::Transaction& tx) { return UpdateZoneRow(tx, zone, version); });
}

absl::StatusOr<Zone> MysqlOrgRepository::AddZoneMember(const std::string& zone,
                                                       const std::string& unit, absl::CivilDay from,
                                                       absl::Time deadline) {
  return ChangeZone(zone, deadline,
                    [&](sql::Transaction& tx) { return JoinZone(tx, zone, unit, from); });
}

absl::StatusOr<Zone> MysqlOrgRepository::EndZoneMember(const std::string& zone,
                                                       const std::string& unit, absl::CivilDay to,
                                                       absl::Time deadline) {
  return ChangeZone(zone, deadline,
                    [&](sql::Transaction& tx) { return LeaveZone(tx, zone, unit, to); });
}

absl::StatusOr<Zone> MysqlOrgRepository::ChangeZoneOffice(const std::string& zone,
                                                          const std::string& office,
                                                          absl::CivilDay from, int64_t version,
                                                          absl::Time deadline) {
  return ChangeZone(zone, deadline, [&](sql::Transaction& tx) {
    return MoveZoneOffice(tx, zone, office, from, version);
  });
}

absl::StatusOr<Person> MysqlOrgRepository::ChangePerson(
    const std::string& code, absl::Time deadline,
    const std::function<absl::Status(sql::Transaction&)>& change) {
  Person person;
  RETURN_IF_ERROR(
      sql::RunInTransaction(*pool_, deadline, [&](sql::Transaction& tx) -> absl::Status {
        RETURN_IF_ERROR(change(tx));
        ASSIGN_OR_RETURN(std::optional<Person> read, ReadPerson(tx, code));
        if (!read)
          return NotFound("PERSON_NOT_FOUND", absl::StrCat("people/", code, " does not exist"));
        person = *read;
        return absl::OkStatus();
      }));
  return person;
}

absl::StatusOr<Person> MysqlOrgRepository::CreatePerson(const Person& person,
                                                        const sql::RequestKey& key,
                                                        absl::Time deadline) {
  std::string code = person.code;
  return ChangePerson(code, deadline, [&](sql::Transaction& tx) -> absl::Status {
    ASSIGN_OR_RETURN(std::optional<std::string> earlier, key.Claim(tx));
    if (earlier) {
      code = *earlier;
      return absl::OkStatus();
    }
    RETURN_IF_ERROR(InsertPerson(tx, person));
    return key.Complete(tx, person.code);
  });
}

absl::StatusOr<Person> MysqlOrgRepository::UpdatePerson(const Person& person, int64_t version,
                                                        absl::Time deadline) {
  return ChangePerson(person.code, deadline,
                      [&](sql::Transaction& tx) { return UpdatePersonRow(tx, person, version); });
}

absl::StatusOr<std::optional<Person>> MysqlOrgRepository::GetPerson(const std::string& code,
                                                                    absl::Time deadline) {
  std::optional<Person> person;
  RETURN_IF_ERROR(
      sql::RunInTransaction(*pool_, deadline, [&](sql::Transaction& tx) -> absl::Status {
        ASSIGN_OR_RETURN(person, ReadPerson(tx, code));
        return absl::OkStatus();
      }));
  return person;
}

absl::StatusOr<Person> MysqlOrgRepository::AssignPost(const PostAssignment& a,
                                                      absl::Time deadline) {
  return ChangePerson(a.person_code, deadline,
                      [&](sql::Transaction& tx) { return InsertAssignment(tx, a); });
}

absl::StatusOr<Person> MysqlOrgRepository::EndPost(const std::string& person,
                                                   const std::string& unit, const std::string& post,
                                                   absl::CivilDay to, const std::string& reason,
                                                   absl::Time deadline) {
  return ChangePerson(person, deadline, [&](sql::Transaction& tx) {
    return EndAssignment(tx, person, unit, post, to, reason);
  });
}

absl::StatusOr<Person> MysqlOrgRepository::RecordVetting(const std::string& person,
                                                         const Vetting& vetting,
                                                         const std::string& note,
                                                         absl::Time deadline) {
  return ChangePerson(person, deadline, [&](sql::Transaction& tx) {
    return InsertVetting(tx, person, vetting, note);
  });
}

absl::StatusOr<Person> MysqlOrgRepository::RecordTransferTalk(const std::string& person,
                                                              absl::CivilDay talked_on,
                                                              const std::string& talked_by,
                                                              const std::string& note,
                                                              absl::Time deadline) {
  return ChangePerson(person, deadline, [&](sql::Transaction& tx) {
    return InsertTransferTalk(tx, person, talked_on, talked_by, note);
  });
}

absl::StatusOr<Person> MysqlOrgRepository::RecordTraining(const std::string& person,
                                                          const std::string& course,
                                                          const std::string& organizer,
                                                          absl::CivilDay day, double hours,
                                                          absl::Time deadline) {
  return ChangePerson(person, deadline, [&](sql::Transaction& tx) {
    return InsertTraining(tx, person, course, organizer, day, hours);
  });
}

absl::StatusOr<Person> MysqlOrgRepository::RecordMentoring(const std::string& mentor,
                                                           const std::string& mentee,
                                                           const DateRange& when,
                                                           absl::Time deadline) {
  return ChangePerson(mentee, deadline, [&](sql::Transaction& tx) {
    return InsertMentoring(tx, mentor, mentee, when);
  });
}

absl::StatusOr<Accountability> MysqlOrgRepository::RecordAccountability(
    const Accountability& record, absl::Time deadline) {
  Accountability out = record;
  RETURN_IF_ERROR(
      sql::RunInTransaction(*pool_, deadline, [&](sql::Transaction& tx) -> absl::Status {
        ASSIGN_OR_RETURN(out.id, InsertAccountability(tx, record));
        return absl::OkStatus();
      }));
  return out;
}

absl::StatusOr<std::vector<Accountability>> MysqlOrgRepository::ListAccountability(
    const std::string& kind, const std::string& code,
    const std::optional<AccountabilityCursor>& after, int limit, absl::Time deadline) {
  std::vector<Accountability> out;
  RETURN_IF_ERROR(
      sql::RunInTransaction(*pool_, deadline, [&](sql::Transaction& tx) -> absl::Status {
        ASSIGN_OR_RETURN(out, ReadAccountability(tx, kind, code, after, limit));
        return absl::OkStatus();
      }));
  return out;
}

absl::StatusOr<std::vector<Person>> MysqlOrgRepository::ListPeople(const PeopleFilter& filter,
                                                                   const std::string& after_code,
                                                                   int limit, absl::Time deadline) {
  std::vector<Person> out;
  RETURN_IF_ERROR(
      sql::RunInTransaction(*pool_, deadline, [&](sql::Transaction& tx) -> absl::Status {
        out.clear();
        ASSIGN_OR_RETURN(std::vector<std::string> codes,
                         ListPersonCodes(tx, filter, after_code, limit));
        for (const std::string& code : codes) {
          ASSIGN_OR_RETURN(std::optional<Person> person, ReadPerson(tx, code));
          if (person) out.push_back(*std::move(person));
        }
        return absl::OkStatus();
      }));
  return out;
}

absl::StatusOr<Person> MysqlOrgRepository::GrantRole(const std::string& person,
                                                     const RoleGrant& grant, absl::CivilDay from,
                                                     absl::Time deadline) {
  return ChangePerson(person, deadline, [&](sql::Transaction& tx) {
    return InsertRoleGrant(tx, person, grant, from);
  });
}

absl::StatusOr<std::optional<std::pair<ResolvedPerson, RoleScopeFacts>>>
MysqlOrgRepository::ResolvePerson(const std::string& code, absl::CivilDay as_of,
                                  absl::Time deadline) {
  std::optional<std::pair<ResolvedPerson, RoleScopeFacts>> out;
  RETURN_IF_ERROR(
      sql::RunInTransaction(*pool_, deadline, [&](sql::Transaction& tx) -> absl::Status {
        out.reset();
        ASSIGN_OR_RETURN(std::optional<ResolvedPerson> person, ReadResolvedPerson(tx, code, as_of));
        if (!person) return absl::OkStatus();
        RoleScopeFacts facts;
        bool has_office = false;
        for (const RoleGrant& g : person->roles) has_office |= g.role == "office";
        if (has_office) {
          ASSIGN_OR_RETURN(facts, ReadRoleScopeFacts(tx, as_of));
        }
        out.emplace(std::move(*person), std::move(facts));
        return absl::OkStatus();
      }));
  return out;
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

absl::StatusOr<std::pair<OrgSnapshot, double>> MysqlOrgRepository::LoadStatisticsInput(
    absl::CivilDay as_of, absl::Time deadline) {
  std::pair<OrgSnapshot, double> out;
  RETURN_IF_ERROR(
      sql::RunInTransaction(*pool_, deadline, [&](sql::Transaction& tx) -> absl::Status {
        // One snapshot: REPEATABLE READ makes every table read see the same moment.
        ASSIGN_OR_RETURN(out.first, ReadSnapshot(tx));
        ASSIGN_OR_RETURN(auto rule, ReadRule(tx, "specialist_target_share", as_of));
        out.second = kDefaultTargetShare;
        if (rule) (void)absl::SimpleAtod(rule->second, &out.second);
        return absl::OkStatus();
      }));
  return out;
}

absl::StatusOr<std::vector<RuleVersion>> MysqlOrgRepository::ListRuleVersions(
    const std::string& rule, absl::Time deadline) {
  std::vector<RuleVersion> versions;
  RETURN_IF_ERROR(
      sql::RunInTransaction(*pool_, deadline, [&](sql::Transaction& tx) -> absl::Status {
        ASSIGN_OR_RETURN(versions, ReadRuleVersions(tx, rule));
        return absl::OkStatus();
      }));
  return versions;
}

absl::StatusOr<RuleVersion> MysqlOrgRepository::SetRuleVersion(const RuleVersion& version,
                                                               absl::Time deadline) {
  RuleVersion stored;
  RETURN_IF_ERROR(
      sql::RunInTransaction(*pool_, deadline, [&](sql::Transaction& tx) -> absl::Status {
        RETURN_IF_ERROR(InsertRuleVersion(tx, version));
        ASSIGN_OR_RETURN(std::vector<RuleVersion> all, ReadRuleVersions(tx, version.rule));
        for (const RuleVersion& v : all) {
          if (v.from == version.from) stored = v;
        }
        return absl::OkStatus();
      }));
  return stored;
}

absl::StatusOr<IntegrityFile> MysqlOrgRepository::CreateIntegrityFile(
    const IntegrityFile& file, const sql::RequestKey& key, const IntegrityFileCheck& may_file,
    absl::Time deadline) {
  std::optional<IntegrityFile> stored;
  RETURN_IF_ERROR(
      sql::RunInTransaction(*pool_, deadline, [&](sql::Transaction& tx) -> absl::Status {
        ASSIGN_OR_RETURN(std::optional<std::string> earlier, key.Claim(tx));
        std::string code = earlier ? *earlier : file.code;
        if (!earlier) {
          ASSIGN_OR_RETURN(std::string group,
                           SupervisingGroupOn(tx, file.unit_code, TodayInChina()));
          if (!may_file(group)) {
            return MakeError(absl::StatusCode::kPermissionDenied, "NOT_YOUR_UNIT",
                             absl::StrCat("file.unit: units/", file.unit_code,
                                          " is not supervised by a group you see"),
                             "file.unit");
          }
          RETURN_IF_ERROR(InsertIntegrityFile(tx, file));
          RETURN_IF_ERROR(key.Complete(tx, file.code));
        }
        ASSIGN_OR_RETURN(stored, ReadIntegrityFile(tx, code, TodayInChina()));
        return absl::OkStatus();
      }));
  if (!stored) return absl::InternalError("integrity file vanished after its creation");
  return *stored;
}

absl::StatusOr<std::vector<IntegrityFile>> MysqlOrgRepository::ListIntegrityFiles(
    const std::string& unit_code, const std::string& after_code, int limit,
    const IntegrityFileCheck& may_see, absl::Time deadline) {
  std::vector<IntegrityFile> out;
  RETURN_IF_ERROR(
      sql::RunInTransaction(*pool_, deadline, [&](sql::Transaction& tx) -> absl::Status {
        out.clear();
        // Files the caller may not see are skipped: read batches until the page is full.
        std::string after = after_code;
        while (static_cast<int>(out.size()) < limit) {
          ASSIGN_OR_RETURN(std::vector<std::string> codes,
                           ListIntegrityFileCodes(tx, unit_code, after, limit));
          for (const std::string& code : codes) {
            ASSIGN_OR_RETURN(std::optional<IntegrityFile> file,
                             ReadIntegrityFile(tx, code, TodayInChina()));
            if (file && may_see(file->supervising_group_code)) out.push_back(*std::move(file));
            if (static_cast<int>(out.size()) == limit) break;
          }
          if (static_cast<int>(codes.size()) < limit) break;
          after = codes.back();
        }
        return absl::OkStatus();
      }));
  return out;
}

absl::StatusOr<std::optional<IntegrityFile>> MysqlOrgRepository::GetIntegrityFile(
    const std::string& code, const IntegrityFileCheck& may_see, absl::Time deadline) {
  std::optional<IntegrityFile> file;
  RETURN_IF_ERROR(
      sql::RunInTransaction(*pool_, deadline, [&](sql::Transaction& tx) -> absl::Status {
        ASSIGN_OR_RETURN(file, ReadIntegrityFile(tx, code, TodayInChina()));
        return absl::OkStatus();
      }));
  if (file && !may_see(file->supervising_group_code)) return std::nullopt;
  return file;
}

absl::StatusOr<IntegrityFile> MysqlOrgRepository::AddIntegrityEntry(
    const std::string& code, const IntegrityEntry& entry, const IntegrityFileCheck& may_see,
    absl::Time deadline) {
  std::optional<IntegrityFile> file;
  auto not_found = [&] {
    return NotFound("INTEGRITY_FILE_NOT_FOUND",
                    absl::StrCat("integrity-files/", code, " does not exist"));
  };
  RETURN_IF_ERROR(
      sql::RunInTransaction(*pool_, deadline, [&](sql::Transaction& tx) -> absl::Status {
        ASSIGN_OR_RETURN(std::optional<IntegrityFile> before,
                         ReadIntegrityFile(tx, code, TodayInChina()));
        if (!before || !may_see(before->supervising_group_code)) return not_found();
        RETURN_IF_ERROR(InsertIntegrityEntry(tx, code, entry));
        ASSIGN_OR_RETURN(file, ReadIntegrityFile(tx, code, TodayInChina()));
        return absl::OkStatus();
      }));
  if (!file) return not_found();
  return *file;
}

}  // namespace paizhu::org
