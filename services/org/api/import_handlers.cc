// Bulk imports (CONTRACTS.md, "CSV import formats" 1 to 7): zones, units, supervision,
// people, assignments, roles, trainings; and the kinds CONTRACTS.md gives org without a
// format (README.md, "org record imports"): vettings, transfer talks, mentoring,
// accountability, integrity files and their entries.
//
// Every import runs the same way (ServeImport here, RunImport in common/import/run_import.h):
//  1. more than 20,000 rows: INVALID_ARGUMENT, field "rows", reason TOO_MANY_ROWS;
//  2. every row is parsed (domain/import_rows.h): bad rows are reported, good rows go on;
//  3. one transaction applies the good rows in file order (units: parents, guiding offices
//     and supervising groups of the same file first; supervision by unit and assignments by
//     person, each in date order), each inside a savepoint, through the
//     same store functions a single create uses. A store error about the row (bad input,
//     not found, exists, a failed precondition such as QUOTA_FULL) rolls that row back to
//     its savepoint and is reported with the CSV column it is about; any other error
//     (database down, deadline, deadlock) fails the whole call (a deadlock reruns it);
//  4. ALL_OR_NOTHING (the default): any bad row rolls everything back and the answer lists
//     every bad row with imported = 0. GOOD_ROWS_ONLY: the good rows commit. validate_only:
//     everything is checked, including against the database, then rolled back.
//
// request_id (sql::RequestKey, method "ImportUnits" etc., the request without
// options.request_id): the key is stored with "imported=N" when the import commits, so a
// retry answers rows and imported from it, without the first answer's row errors (the
// key's resource holds 255 characters, too few for them). An import that changed nothing
// (refused, or validate_only) stores no key: a retry runs it again, with the same answer.

#include <algorithm>
#include <functional>
#include <initializer_list>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "common/import/run_import.h"
#include "common/sql/idempotency.h"
#include "common/sql/transaction.h"
#include "common/status/macros.h"
#include "common/status/status.h"
#include "common/time/civil_date.h"
#include "services/org/api/convert.h"
#include "services/org/api/org_api.h"
#include "services/org/domain/import_rows.h"
#include "services/org/storage/people_store.h"
#include "services/org/storage/records_store.h"
#include "services/org/storage/unit_store.h"

namespace paizhu::org {

using paizhu::common::v1::ImportOptions;
using paizhu::common::v1::ImportResult;
using server::CallContext;

namespace {

using imports::AsRow;
using imports::CheckOptions;
using imports::KeyOf;
using imports::RunImport;

template <typename Record>
std::vector<size_t> FileOrder(const std::vector<Record>& records) {
  std::vector<size_t> order(records.size());
  for (size_t i = 0; i < records.size(); ++i) order[i] = i;
  return order;
}

// ---- a request's rows as the CSV's text columns ----

ZoneColumns ColumnsOf(const v1::ZoneRow& in) {
  return {in.line(), in.code(), in.name(), in.office(), in.established_on()};
}
UnitColumns ColumnsOf(const v1::UnitRow& in) {
  return {in.line(),
          in.code(),
          in.kind(),
          in.name(),
          in.parent(),
          in.established_on(),
          in.posts(),
          in.guiding_office(),
          in.supervising_group(),
          in.supervised_since(),
          in.zone()};
}
PersonColumns ColumnsOf(const v1::PersonRow& in) {
  return {in.line(),       in.code(),      in.name(),        in.gender(),
          in.birth_date(), in.education(), in.specialties(), in.work_start(),
          in.unit(),       in.post(),      in.post_since(),  in.vetted_on()};
}
SupervisionColumns ColumnsOf(const v1::SupervisionRow& in) {
  return {in.line(), in.unit(), in.group(), in.from(), in.to()};
}
AssignmentColumns ColumnsOf(const v1::AssignmentRow& in) {
  return {in.line(), in.person(), in.unit(), in.post(), in.from(), in.to(), in.reason()};
}
RoleColumns ColumnsOf(const v1::RoleRow& in) {
  return {in.line(), in.person(), in.role(), in.unit()};
}
TrainingColumns ColumnsOf(const v1::TrainingRow& in) {
  return {in.line(), in.person(), in.course(), in.organizer(), in.date(), in.hours()};
}
VettingColumns ColumnsOf(const v1::VettingRow& in) {
  return {in.line(), in.person(), in.vetted_on(), in.passed(), in.note()};
}
TransferTalkColumns ColumnsOf(const v1::TransferTalkRow& in) {
  return {in.line(), in.person(), in.talked_on(), in.talked_by(), in.note()};
}
MentoringColumns ColumnsOf(const v1::MentoringRow& in) {
  return {in.line(), in.mentor(), in.mentee(), in.from(), in.to()};
}
AccountabilityColumns ColumnsOf(const v1::AccountabilityRow& in) {
  return {in.line(), in.person(), in.group(), in.decided_on(), in.measure(), in.reason()};
}
IntegrityFileColumns ColumnsOf(const v1::IntegrityFileRow& in) {
  return {in.line(),     in.code(),  in.name(),         in.unit(),
          in.position(), in.level(), in.key_minority(), in.focus_tags()};
}
IntegrityEntryColumns ColumnsOf(const v1::IntegrityEntryRow& in) {
  return {in.line(), in.file(), in.kind(), in.date(), in.summary()};
}
LiaisonColumns ColumnsOf(const v1::LiaisonRow& in) {
  return {in.line(), in.group(), in.leader(), in.from(), in.to()};
}

// One import call (the file comment): the options checked, every row of the request parsed
// by `parse`, the good rows applied by `apply` in `order`.
template <typename Record, typename Request, typename Parse>
grpc::Status ServeImport(const server::CallGate& gate, sql::Pool& pool, grpc::ServerContext* ctx,
                         const char* method, const Request& request, Parse parse,
                         std::vector<size_t> (*order)(const std::vector<Record>&),
                         absl::Status (*apply)(sql::Transaction&, const Record&),
                         ImportResult* response) {
  return gate.Serve(ctx, Method(method), [&](const CallContext& call) -> absl::Status {
    RETURN_IF_ERROR(CheckOptions(request.rows_size(), request.options()));
    std::vector<decltype(ColumnsOf(request.rows(0)))> rows;
    rows.reserve(request.rows_size());
    for (const auto& in : request.rows()) rows.push_back(ColumnsOf(in));
    ParsedRows<Record> parsed = parse(rows);
    return RunImport<Record>(pool, call.deadline, request.rows_size(), request.options(),
                             KeyOf(request, method), parsed, order(parsed.records), apply,
                             response);
  });
}

// ---- applying one row ----

// InsertAssignment's errors on the CSV's columns: the person's, the start date's, and the
// one a missing vetting is reported on.
absl::Status AsAssignmentRow(absl::Status status, absl::string_view person, absl::string_view from,
                             absl::string_view vetting) {
  return AsRow(std::move(status),
               {{"PERSON_NOT_FOUND", person},
                {"QUOTA_FULL", "post"},
                {"POST_ALREADY_HELD", "post"},
                {"INVALID_POST", "post"},
                {"VETTING_REQUIRED", vetting},
                {"UNIT_NOT_FOUND", "unit"},
                {"UNIT_NOT_IN_EXISTENCE", from},
                {"unit", "unit"},
                {"post", "post"},
                {"from_date", from}},
               from);
}

// The zone a unit joins must exist (zone_members' foreign key would say so less clearly).
absl::Status CheckZoneExists(sql::Transaction& tx, const std::string& zone_code) {
  ASSIGN_OR_RETURN(sql::Rows zone, tx.Query("SELECT code FROM zones WHERE code = ?", {zone_code}));
  if (zone.empty()) {
    return InvalidArgument("zone", "ZONE_NOT_FOUND",
                           absl::StrCat("zone: zones/", zone_code, " does not exist"));
  }
  return absl::OkStatus();
}

absl::Status ApplyZone(sql::Transaction& tx, const ZoneRecord& row) {
  Zone zone;
  zone.code = row.code;
  zone.display_name = row.display_name;
  zone.office_code = row.office_code;
  zone.established_on = row.established_on;
  return AsRow(InsertZone(tx, zone, /*office_may_follow=*/true),
               {{"ZONE_EXISTS", "code"},
                {"ALREADY_IN_A_ZONE", "office"},
                {"DB_DATA_TOO_LONG", "name"},
                {"zone.office", "office"}},
               "code");
}

absl::Status ApplyUnit(sql::Transaction& tx, const UnitRecord& row) {
  const Unit& unit = row.unit;
  RETURN_IF_ERROR(AsRow(InsertUnit(tx, unit),
                        {{"UNIT_EXISTS", "code"},
                         {"DB_DATA_TOO_LONG", "name"},
                         {"unit.parent", "parent"},
                         {"unit.guiding_office", "guiding_office"},
                         {"unit.kind", "kind"}},
                        "code"));
  for (const PostCount& quota : row.posts) {
    RETURN_IF_ERROR(AsRow(
        SetQuota(tx, unit.code, quota.post, quota.count, /*rank_note=*/"", unit.established_on), {},
        "posts"));
  }
  if (!row.supervising_group_code.empty()) {
    RETURN_IF_ERROR(
        AsRow(SetSupervision(tx, unit.code, row.supervising_group_code, *row.supervised_since),
              {{"LATER_SUPERVISION_EXISTS", "supervised_since"}}, "supervising_group"));
  }
  if (!row.zone_code.empty()) {
    RETURN_IF_ERROR(CheckZoneExists(tx, row.zone_code));
    RETURN_IF_ERROR(
        AsRow(AddZoneMember(tx, row.zone_code, unit.code, unit.established_on), {}, "zone"));
  }
  return absl::OkStatus();
}

absl::Status ApplyPerson(sql::Transaction& tx, const PersonRecord& row) {
  RETURN_IF_ERROR(AsRow(InsertPerson(tx, row.person),
                        {{"PERSON_EXISTS", "code"}, {"DB_DATA_TOO_LONG", "name"}}, "code"));
  if (row.vetted_on) {
    Vetting vetting;
    vetting.vetted_on = *row.vetted_on;
    vetting.passed = true;
    RETURN_IF_ERROR(
        AsRow(InsertVetting(tx, row.person.code, vetting, /*note=*/""), {}, "vetted_on"));
  }
  if (!row.unit_code.empty()) {
    PostAssignment assignment;
    assignment.person_code = row.person.code;
    assignment.unit_code = row.unit_code;
    assignment.post = row.post;
    assignment.when.from = *row.post_since;
    RETURN_IF_ERROR(
        AsAssignmentRow(InsertAssignment(tx, assignment), "code", "post_since", "vetted_on"));
  }
  return absl::OkStatus();
}

// The group from `from`; with `to`, no group from the day after (SetSupervision ends the
// supervision in force the day before each change): rows (unit, group, from, to).
absl::Status ApplySupervision(sql::Transaction& tx, const SupervisionRecord& row) {
  auto as_row = [](absl::Status status) {
    return AsRow(std::move(status),
                 {{"UNIT_NOT_FOUND", "unit"},
                  {"LATER_SUPERVISION_EXISTS", "from"},
                  {"unit", "unit"},
                  {"group", "group"}},
                 "from");
  };
  RETURN_IF_ERROR(as_row(SetSupervision(tx, row.unit_code, row.group_code, row.when.from)));
  // SetSupervision ends only the open supervision: one that has ended (on or after `from`)
  // would overlap the new one. The unit's row is locked by now.
  ASSIGN_OR_RETURN(
      sql::Rows ended,
      tx.Query("SELECT COUNT(*) FROM supervisions WHERE unit_code = ? AND to_date >= ? "
               "LOCK IN SHARE MODE",
               {row.unit_code, FormatDate(row.when.from)}));
  if (ended.Int(0, 0) > 0) {
    return MakeError(absl::StatusCode::kFailedPrecondition, "SUPERVISION_OVERLAPS",
                     absl::StrCat("from: units/", row.unit_code,
                                  " has a recorded supervision that ends on or after ",
                                  FormatDate(row.when.from)),
                     "from");
  }
  if (!row.when.to) return absl::OkStatus();
  return as_row(SetSupervision(tx, row.unit_code, /*group_code=*/"", *row.when.to + 1));
}

absl::Status ApplyAssignment(sql::Transaction& tx, const AssignmentRecord& row) {
  return AsAssignmentRow(InsertAssignment(tx, row.assignment), "person", "from", "from");
}

absl::Status ApplyRole(sql::Transaction& tx, const RoleRecord& row) {
  return AsRow(InsertRoleGrant(tx, row.person_code, row.grant, row.from),
               {{"PERSON_NOT_FOUND", "person"}, {"ROLE_ALREADY_GRANTED", "role"}, {"unit", "unit"}},
               "person");
}

absl::Status ApplyTraining(sql::Transaction& tx, const TrainingRecord& row) {
  return AsRow(InsertTraining(tx, row.person_code, row.course, row.organizer, row.day, row.hours),
               {{"PERSON_NOT_FOUND", "person"}}, "person");
}

absl::Status ApplyVetting(sql::Transaction& tx, const VettingRecord& row) {
  return AsRow(InsertVetting(tx, row.person_code, row.vetting, row.note), {}, "person");
}

// A missing person is NOT_FOUND without a field; a missing talker names talked_by.
absl::Status ApplyTransferTalk(sql::Transaction& tx, const TransferTalkRecord& row) {
  return AsRow(InsertTransferTalk(tx, row.person_code, row.talked_on, row.talked_by_code, row.note),
               {{"talked_by", "talked_by"}}, "person");
}

absl::Status ApplyLiaison(sql::Transaction& tx, const LiaisonRecord& row) {
  return AsRow(AddLiaison(tx, row.group_code, row.leader_code, row.when.from, row.when.to),
               {{"group", "group"}, {"leader", "leader"}, {"from_date", "from"}, {"to_date", "to"}},
               "group");
}

absl::Status ApplyMentoring(sql::Transaction& tx, const MentoringRecord& row) {
  return AsRow(InsertMentoring(tx, row.mentor_code, row.mentee_code, row.when),
               {{"MENTORING_EXISTS", "from"}, {"mentor", "mentor"}, {"mentee", "mentee"}},
               "mentee");
}

absl::Status ApplyAccountability(sql::Transaction& tx, const AccountabilityRecord& row) {
  return AsRow(InsertAccountability(tx, row.record).status(), {},
               row.record.subject_kind == "person" ? "person" : "group");
}

absl::Status ApplyIntegrityFile(sql::Transaction& tx, const IntegrityFileRecord& row) {
  return AsRow(
      InsertIntegrityFile(tx, row.file),
      {{"INTEGRITY_FILE_EXISTS", "code"}, {"DB_DATA_TOO_LONG", "name"}, {"file.unit", "unit"}},
      "code");
}

absl::Status ApplyIntegrityEntry(sql::Transaction& tx, const IntegrityEntryRecord& row) {
  return AsRow(InsertIntegrityEntry(tx, row.file_code, row.entry), {}, "file");
}

}  // namespace

grpc::Status OrgApi::ImportZones(grpc::ServerContext* ctx, const v1::ImportZonesRequest* request,
                                 ImportResult* response) {
  return ServeImport<ZoneRecord>(*gate_, *pool_, ctx, "ImportZones", *request, ParseZoneRows,
                                 FileOrder, ApplyZone, response);
}

grpc::Status OrgApi::ImportUnits(grpc::ServerContext* ctx, const v1::ImportUnitsRequest* request,
                                 ImportResult* response) {
  return ServeImport<UnitRecord>(*gate_, *pool_, ctx, "ImportUnits", *request, ParseUnitRows,
                                 InsertionOrder, ApplyUnit, response);
}

grpc::Status OrgApi::ImportSupervision(grpc::ServerContext* ctx,
                                       const v1::ImportSupervisionRequest* request,
                                       ImportResult* response) {
  return ServeImport<SupervisionRecord>(*gate_, *pool_, ctx, "ImportSupervision", *request,
                                        ParseSupervisionRows, DateOrder, ApplySupervision,
                                        response);
}

grpc::Status OrgApi::ImportPeople(grpc::ServerContext* ctx, const v1::ImportPeopleRequest* request,
                                  ImportResult* response) {
  auto parse = [](const auto& rows) { return ParsePersonRows(rows, TodayInChina()); };
  return ServeImport<PersonRecord>(*gate_, *pool_, ctx, "ImportPeople", *request, parse, FileOrder,
                                   ApplyPerson, response);
}

grpc::Status OrgApi::ImportAssignments(grpc::ServerContext* ctx,
                                       const v1::ImportAssignmentsRequest* request,
                                       ImportResult* response) {
  return ServeImport<AssignmentRecord>(*gate_, *pool_, ctx, "ImportAssignments", *request,
                                       ParseAssignmentRows, DateOrder, ApplyAssignment, response);
}

// Grants from the day of the import (the format has no date).
grpc::Status OrgApi::ImportRoles(grpc::ServerContext* ctx, const v1::ImportRolesRequest* request,
                                 ImportResult* response) {
  auto parse = [](const auto& rows) { return ParseRoleRows(rows, TodayInChina()); };
  return ServeImport<RoleRecord>(*gate_, *pool_, ctx, "ImportRoles", *request, parse, FileOrder,
                                 ApplyRole, response);
}

grpc::Status OrgApi::ImportTrainings(grpc::ServerContext* ctx,
                                     const v1::ImportTrainingsRequest* request,
                                     ImportResult* response) {
  auto parse = [](const auto& rows) { return ParseTrainingRows(rows, TodayInChina()); };
  return ServeImport<TrainingRecord>(*gate_, *pool_, ctx, "ImportTrainings", *request, parse,
                                     FileOrder, ApplyTraining, response);
}

grpc::Status OrgApi::ImportVettings(grpc::ServerContext* ctx,
                                    const v1::ImportVettingsRequest* request,
                                    ImportResult* response) {
  auto parse = [](const auto& rows) { return ParseVettingRows(rows, TodayInChina()); };
  return ServeImport<VettingRecord>(*gate_, *pool_, ctx, "ImportVettings", *request, parse,
                                    FileOrder, ApplyVetting, response);
}

grpc::Status OrgApi::ImportTransferTalks(grpc::ServerContext* ctx,
                                         const v1::ImportTransferTalksRequest* request,
                                         ImportResult* response) {
  auto parse = [](const auto& rows) { return ParseTransferTalkRows(rows, TodayInChina()); };
  return ServeImport<TransferTalkRecord>(*gate_, *pool_, ctx, "ImportTransferTalks", *request,
                                         parse, FileOrder, ApplyTransferTalk, response);
}

grpc::Status OrgApi::ImportMentoring(grpc::ServerContext* ctx,
                                     const v1::ImportMentoringRequest* request,
                                     ImportResult* response) {
  return ServeImport<MentoringRecord>(*gate_, *pool_, ctx, "ImportMentoring", *request,
                                      ParseMentoringRows, FileOrder, ApplyMentoring, response);
}

grpc::Status OrgApi::ImportAccountability(grpc::ServerContext* ctx,
                                          const v1::ImportAccountabilityRequest* request,
                                          ImportResult* response) {
  auto parse = [](const auto& rows) { return ParseAccountabilityRows(rows, TodayInChina()); };
  return ServeImport<AccountabilityRecord>(*gate_, *pool_, ctx, "ImportAccountability", *request,
                                           parse, FileOrder, ApplyAccountability, response);
}

grpc::Status OrgApi::ImportIntegrityFiles(grpc::ServerContext* ctx,
                                          const v1::ImportIntegrityFilesRequest* request,
                                          ImportResult* response) {
  return ServeImport<IntegrityFileRecord>(*gate_, *pool_, ctx, "ImportIntegrityFiles", *request,
                                          ParseIntegrityFileRows, FileOrder, ApplyIntegrityFile,
                                          response);
}

grpc::Status OrgApi::ImportIntegrityEntries(grpc::ServerContext* ctx,
                                            const v1::ImportIntegrityEntriesRequest* request,
                                            ImportResult* response) {
  auto parse = [](const auto& rows) { return ParseIntegrityEntryRows(rows, TodayInChina()); };
  return ServeImport<IntegrityEntryRecord>(*gate_, *pool_, ctx, "ImportIntegrityEntries", *request,
                                           parse, FileOrder, ApplyIntegrityEntry, response);
}

grpc::Status OrgApi::ImportLiaisons(grpc::ServerContext* ctx,
                                    const v1::ImportLiaisonsRequest* request,
                                    ImportResult* response) {
  return ServeImport<LiaisonRecord>(*gate_, *pool_, ctx, "ImportLiaisons", *request,
                                    ParseLiaisonRows, FileOrder, ApplyLiaison, response);
}

}  // namespace paizhu::org
