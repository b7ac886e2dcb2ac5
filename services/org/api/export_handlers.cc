// Bulk exports: the import rows back, a page at a time (org.proto, "bulk export").

#include <functional>
#include <string>

#include "common/names/page_token.h"
#include "common/sql/transaction.h"
#include "common/status/macros.h"
#include "common/time/civil_date.h"
#include "services/org/api/convert.h"
#include "services/org/api/org_api.h"
#include "services/org/storage/export_store.h"

namespace paizhu::org {

using server::CallContext;

namespace {

constexpr int kDefaultExportPage = 1000;
constexpr int kMaxExportPage = 5000;

void ToRow(const ZoneColumns& in, v1::ZoneRow* out) {
  out->set_code(in.code);
  out->set_name(in.name);
  out->set_office(in.office);
  out->set_established_on(in.established_on);
}
void ToRow(const UnitColumns& in, v1::UnitRow* out) {
  out->set_code(in.code);
  out->set_kind(in.kind);
  out->set_name(in.name);
  out->set_parent(in.parent);
  out->set_established_on(in.established_on);
  out->set_posts(in.posts);
  out->set_guiding_office(in.guiding_office);
  out->set_supervising_group(in.supervising_group);
  out->set_supervised_since(in.supervised_since);
  out->set_zone(in.zone);
}
void ToRow(const SupervisionColumns& in, v1::SupervisionRow* out) {
  out->set_unit(in.unit);
  out->set_group(in.group);
  out->set_from(in.from);
  out->set_to(in.to);
}
void ToRow(const PersonColumns& in, v1::PersonRow* out) {
  out->set_code(in.code);
  out->set_name(in.name);
  out->set_gender(in.gender);
  out->set_birth_date(in.birth_date);
  out->set_education(in.education);
  out->set_specialties(in.specialties);
  out->set_work_start(in.work_start);
  out->set_unit(in.unit);
  out->set_post(in.post);
  out->set_post_since(in.post_since);
  out->set_vetted_on(in.vetted_on);
}
void ToRow(const AssignmentColumns& in, v1::AssignmentRow* out) {
  out->set_person(in.person);
  out->set_unit(in.unit);
  out->set_post(in.post);
  out->set_from(in.from);
  out->set_to(in.to);
  out->set_reason(in.reason);
}
void ToRow(const RoleColumns& in, v1::RoleRow* out) {
  out->set_person(in.person);
  out->set_role(in.role);
  out->set_unit(in.unit);
}
void ToRow(const TrainingColumns& in, v1::TrainingRow* out) {
  out->set_person(in.person);
  out->set_course(in.course);
  out->set_organizer(in.organizer);
  out->set_date(in.date);
  out->set_hours(in.hours);
}
void ToRow(const VettingColumns& in, v1::VettingRow* out) {
  out->set_person(in.person);
  out->set_vetted_on(in.vetted_on);
  out->set_passed(in.passed);
  out->set_note(in.note);
}
void ToRow(const TransferTalkColumns& in, v1::TransferTalkRow* out) {
  out->set_person(in.person);
  out->set_talked_on(in.talked_on);
  out->set_talked_by(in.talked_by);
  out->set_note(in.note);
}
void ToRow(const MentoringColumns& in, v1::MentoringRow* out) {
  out->set_mentor(in.mentor);
  out->set_mentee(in.mentee);
  out->set_from(in.from);
  out->set_to(in.to);
}
void ToRow(const AccountabilityColumns& in, v1::AccountabilityRow* out) {
  out->set_person(in.person);
  out->set_group(in.group);
  out->set_decided_on(in.decided_on);
  out->set_measure(in.measure);
  out->set_reason(in.reason);
}
void ToRow(const IntegrityFileColumns& in, v1::IntegrityFileRow* out) {
  out->set_code(in.code);
  out->set_name(in.name);
  out->set_unit(in.unit);
  out->set_position(in.position);
  out->set_level(in.level);
  out->set_key_minority(in.key_minority);
  out->set_focus_tags(in.focus_tags);
}
void ToRow(const IntegrityEntryColumns& in, v1::IntegrityEntryRow* out) {
  out->set_file(in.file);
  out->set_kind(in.kind);
  out->set_date(in.date);
  out->set_summary(in.summary);
}
void ToRow(const LiaisonColumns& in, v1::LiaisonRow* out) {
  out->set_group(in.group);
  out->set_leader(in.leader);
  out->set_from(in.from);
  out->set_to(in.to);
}

// One page of an export: `read` gives the rows after a key, one more than the page, so
// the answer knows whether another page follows.
template <typename Columns, typename Response>
grpc::Status ServeExport(const server::CallGate& gate, sql::Pool& pool, grpc::ServerContext* ctx,
                         const char* method, const v1::ExportRowsRequest& request,
                         const std::function<absl::StatusOr<KeyedRows<Columns>>(
                             sql::Transaction&, const std::string&, int)>& read,
                         Response* response) {
  return gate.Serve(ctx, Method(method), [&](const CallContext& call) -> absl::Status {
    ASSIGN_OR_RETURN(names::PageRequest page,
                     names::ParsePage(request.page_size(), request.page_token(), method,
                                      kDefaultExportPage, kMaxExportPage));
    KeyedRows<Columns> rows;
    RETURN_IF_ERROR(
        sql::RunInTransaction(pool, call.deadline, [&](sql::Transaction& tx) -> absl::Status {
          ASSIGN_OR_RETURN(rows, read(tx, page.after_key, page.limit + 1));
          return absl::OkStatus();
        }));
    bool more = static_cast<int>(rows.size()) > page.limit;
    if (more) rows.resize(page.limit);
    for (const auto& [key, row] : rows) ToRow(row, response->add_rows());
    if (more) response->set_next_page_token(names::MakePageToken(rows.back().first, method));
    return absl::OkStatus();
  });
}

}  // namespace

grpc::Status OrgApi::ExportZones(grpc::ServerContext* ctx, const v1::ExportRowsRequest* request,
                                 v1::ExportZonesResponse* response) {
  return ServeExport<ZoneColumns>(*gate_, *pool_, ctx, "ExportZones", *request, ExportZoneRows,
                                  response);
}

grpc::Status OrgApi::ExportUnits(grpc::ServerContext* ctx, const v1::ExportRowsRequest* request,
                                 v1::ExportUnitsResponse* response) {
  return ServeExport<UnitColumns>(*gate_, *pool_, ctx, "ExportUnits", *request, ExportUnitRows,
                                  response);
}

grpc::Status OrgApi::ExportSupervision(grpc::ServerContext* ctx,
                                       const v1::ExportRowsRequest* request,
                                       v1::ExportSupervisionResponse* response) {
  return ServeExport<SupervisionColumns>(*gate_, *pool_, ctx, "ExportSupervision", *request,
                                         ExportSupervisionRows, response);
}

grpc::Status OrgApi::ExportPeople(grpc::ServerContext* ctx, const v1::ExportRowsRequest* request,
                                  v1::ExportPeopleResponse* response) {
  auto read = [this](sql::Transaction& tx, const std::string& after, int limit) {
    return ExportPersonRows(tx, after, limit, bootstrap_admin_);
  };
  return ServeExport<PersonColumns>(*gate_, *pool_, ctx, "ExportPeople", *request, read, response);
}

grpc::Status OrgApi::ExportAssignments(grpc::ServerContext* ctx,
                                       const v1::ExportRowsRequest* request,
                                       v1::ExportAssignmentsResponse* response) {
  return ServeExport<AssignmentColumns>(*gate_, *pool_, ctx, "ExportAssignments", *request,
                                        ExportAssignmentRows, response);
}

grpc::Status OrgApi::ExportRoles(grpc::ServerContext* ctx, const v1::ExportRowsRequest* request,
                                 v1::ExportRolesResponse* response) {
  std::string today = FormatDate(TodayInChina());
  auto read = [this, &today](sql::Transaction& tx, const std::string& after, int limit) {
    return ExportRoleRows(tx, after, limit, today, bootstrap_admin_);
  };
  return ServeExport<RoleColumns>(*gate_, *pool_, ctx, "ExportRoles", *request, read, response);
}

grpc::Status OrgApi::ExportTrainings(grpc::ServerContext* ctx, const v1::ExportRowsRequest* request,
                                     v1::ExportTrainingsResponse* response) {
  return ServeExport<TrainingColumns>(*gate_, *pool_, ctx, "ExportTrainings", *request,
                                      ExportTrainingRows, response);
}

grpc::Status OrgApi::ExportVettings(grpc::ServerContext* ctx, const v1::ExportRowsRequest* request,
                                    v1::ExportVettingsResponse* response) {
  return ServeExport<VettingColumns>(*gate_, *pool_, ctx, "ExportVettings", *request,
                                     ExportVettingRows, response);
}

grpc::Status OrgApi::ExportTransferTalks(grpc::ServerContext* ctx,
                                         const v1::ExportRowsRequest* request,
                                         v1::ExportTransferTalksResponse* response) {
  return ServeExport<TransferTalkColumns>(*gate_, *pool_, ctx, "ExportTransferTalks", *request,
                                          ExportTransferTalkRows, response);
}

grpc::Status OrgApi::ExportMentoring(grpc::ServerContext* ctx, const v1::ExportRowsRequest* request,
                                     v1::ExportMentoringResponse* response) {
  return ServeExport<MentoringColumns>(*gate_, *pool_, ctx, "ExportMentoring", *request,
                                       ExportMentoringRows, response);
}

grpc::Status OrgApi::ExportAccountability(grpc::ServerContext* ctx,
                                          const v1::ExportRowsRequest* request,
                                          v1::ExportAccountabilityResponse* response) {
  return ServeExport<AccountabilityColumns>(*gate_, *pool_, ctx, "ExportAccountability", *request,
                                            ExportAccountabilityRows, response);
}

grpc::Status OrgApi::ExportIntegrityFiles(grpc::ServerContext* ctx,
                                          const v1::ExportRowsRequest* request,
                                          v1::ExportIntegrityFilesResponse* response) {
  return ServeExport<IntegrityFileColumns>(*gate_, *pool_, ctx, "ExportIntegrityFiles", *request,
                                           ExportIntegrityFileRows, response);
}

grpc::Status OrgApi::ExportIntegrityEntries(grpc::ServerContext* ctx,
                                            const v1::ExportRowsRequest* request,
                                            v1::ExportIntegrityEntriesResponse* response) {
  return ServeExport<IntegrityEntryColumns>(*gate_, *pool_, ctx, "ExportIntegrityEntries", *request,
                                            ExportIntegrityEntryRows, response);
}

grpc::Status OrgApi::ExportLiaisons(grpc::ServerContext* ctx, const v1::ExportRowsRequest* request,
                                    v1::ExportLiaisonsResponse* response) {
  return ServeExport<LiaisonColumns>(*gate_, *pool_, ctx, "ExportLiaisons", *request,
                                     ExportLiaisonRows, response);
}

}  // namespace paizhu::org
