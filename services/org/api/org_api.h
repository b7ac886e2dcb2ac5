#pragma once
// gRPC handlers of paizhu.org.v1.OrgService: proto <-> domain, nothing else. The
// handlers live in one file per resource: unit_handlers.cc, people_handlers.cc,
// statistics_handlers.cc, import_handlers.cc, records_handlers.cc (rules, integrity files
// and their opinions, the one call to the clue service).

#include <string>
#include <utility>

#include "common/server/call.h"
#include "paizhu/org/v1/org.grpc.pb.h"
#include "services/org/storage/org_repository.h"

namespace paizhu::sql {
class Pool;
}
namespace paizhu::client {
class Downstream;
}

namespace paizhu::org {

class OrgApi final : public paizhu::org::v1::OrgService::Service {
 public:
  // `bootstrap_admin`: the administrator every installation makes at start (--bootstrap-admin),
  // left out of exports so they re-import into an empty suite. `clue`: the clue service,
  // for integrity opinions (nullptr: not configured, the opinion is UNAVAILABLE).
  OrgApi(const server::CallGate* gate, OrgRepository* repository, sql::Pool* pool,
         std::string bootstrap_admin = "", const client::Downstream* clue = nullptr)
      : gate_(gate),
        repository_(repository),
        pool_(pool),
        bootstrap_admin_(std::move(bootstrap_admin)),
        clue_(clue) {}

  grpc::Status GetUnit(grpc::ServerContext* ctx, const v1::GetUnitRequest* request,
                       v1::Unit* response) override;
  grpc::Status ListUnits(grpc::ServerContext* ctx, const v1::ListUnitsRequest* request,
                         v1::ListUnitsResponse* response) override;
  grpc::Status CreateUnit(grpc::ServerContext* ctx, const v1::CreateUnitRequest* request,
                          v1::Unit* response) override;
  grpc::Status UpdateUnit(grpc::ServerContext* ctx, const v1::UpdateUnitRequest* request,
                          v1::Unit* response) override;
  grpc::Status DeleteUnit(grpc::ServerContext* ctx, const v1::DeleteUnitRequest* request,
                          google::protobuf::Empty* response) override;
  grpc::Status SetPostQuota(grpc::ServerContext* ctx, const v1::SetPostQuotaRequest* request,
                            v1::Unit* response) override;
  grpc::Status ListZones(grpc::ServerContext* ctx, const v1::ListZonesRequest* request,
                         v1::ListZonesResponse* response) override;
  grpc::Status UpdateZone(grpc::ServerContext* ctx, const v1::UpdateZoneRequest* request,
                          v1::Zone* response) override;
  grpc::Status AddZoneMember(grpc::ServerContext* ctx, const v1::AddZoneMemberRequest* request,
                             v1::Zone* response) override;
  grpc::Status EndZoneMember(grpc::ServerContext* ctx, const v1::EndZoneMemberRequest* request,
                             v1::Zone* response) override;
  grpc::Status ChangeZoneOffice(grpc::ServerContext* ctx,
                                const v1::ChangeZoneOfficeRequest* request,
                                v1::Zone* response) override;
  grpc::Status ListIntegrityFiles(grpc::ServerContext* ctx,
                                  const v1::ListIntegrityFilesRequest* request,
                                  v1::ListIntegrityFilesResponse* response) override;
  grpc::Status ListPeople(grpc::ServerContext* ctx, const v1::ListPeopleRequest* request,
                          v1::ListPeopleResponse* response) override;
  grpc::Status AssignLiaison(grpc::ServerContext* ctx, const v1::AssignLiaisonRequest* request,
                             v1::Unit* response) override;
  grpc::Status EndLiaison(grpc::ServerContext* ctx, const v1::EndLiaisonRequest* request,
                          v1::Unit* response) override;
  grpc::Status AssignSupervision(grpc::ServerContext* ctx,
                                 const v1::AssignSupervisionRequest* request,
                                 v1::Unit* response) override;
  grpc::Status CreateZone(grpc::ServerContext* ctx, const v1::CreateZoneRequest* request,
                          v1::Zone* response) override;
  grpc::Status GetZone(grpc::ServerContext* ctx, const v1::GetZoneRequest* request,
                       v1::Zone* response) override;

  grpc::Status CreatePerson(grpc::ServerContext* ctx, const v1::CreatePersonRequest* request,
                            v1::Person* response) override;
  grpc::Status UpdatePerson(grpc::ServerContext* ctx, const v1::UpdatePersonRequest* request,
                            v1::Person* response) override;
  grpc::Status GetPerson(grpc::ServerContext* ctx, const v1::GetPersonRequest* request,
                         v1::Person* response) override;
  grpc::Status AssignPost(grpc::ServerContext* ctx, const v1::AssignPostRequest* request,
                          v1::Person* response) override;
  grpc::Status EndPost(grpc::ServerContext* ctx, const v1::EndPostRequest* request,
                       v1::Person* response) override;
  grpc::Status RecordVetting(grpc::ServerContext* ctx, const v1::RecordVettingRequest* request,
                             v1::Person* response) override;
  grpc::Status RecordTransferTalk(grpc::ServerContext* ctx,
                                  const v1::RecordTransferTalkRequest* request,
                                  v1::Person* response) override;
  grpc::Status RecordTraining(grpc::ServerContext* ctx, const v1::RecordTrainingRequest* request,
                              v1::Person* response) override;
  grpc::Status RecordMentoring(grpc::ServerContext* ctx, const v1::RecordMentoringRequest* request,
                               v1::Person* response) override;
  grpc::Status RecordAccountability(grpc::ServerContext* ctx,
                                    const v1::RecordAccountabilityRequest* request,
                                    v1::Accountability* response) override;
  grpc::Status ListAccountability(grpc::ServerContext* ctx,
                                  const v1::ListAccountabilityRequest* request,
                                  v1::ListAccountabilityResponse* response) override;
  grpc::Status GrantRole(grpc::ServerContext* ctx, const v1::GrantRoleRequest* request,
                         v1::Person* response) override;
  grpc::Status ResolvePrincipal(grpc::ServerContext* ctx,
                                const v1::ResolvePrincipalRequest* request,
                                paizhu::common::v1::Principal* response) override;

  grpc::Status GetStatistics(grpc::ServerContext* ctx, const v1::GetStatisticsRequest* request,
                             v1::Statistics* response) override;

  grpc::Status ImportZones(grpc::ServerContext* ctx, const v1::ImportZonesRequest* request,
                           paizhu::common::v1::ImportResult* response) override;
  grpc::Status ImportUnits(grpc::ServerContext* ctx, const v1::ImportUnitsRequest* request,
                           paizhu::common::v1::ImportResult* response) override;
  grpc::Status ImportPeople(grpc::ServerContext* ctx, const v1::ImportPeopleRequest* request,
                            paizhu::common::v1::ImportResult* response) override;
  grpc::Status ImportSupervision(grpc::ServerContext* ctx,
                                 const v1::ImportSupervisionRequest* request,
                                 paizhu::common::v1::ImportResult* response) override;
  grpc::Status ImportAssignments(grpc::ServerContext* ctx,
                                 const v1::ImportAssignmentsRequest* request,
                                 paizhu::common::v1::ImportResult* response) override;
  grpc::Status ImportRoles(grpc::ServerContext* ctx, const v1::ImportRolesRequest* request,
                           paizhu::common::v1::ImportResult* response) override;
  grpc::Status ImportTrainings(grpc::ServerContext* ctx, const v1::ImportTrainingsRequest* request,
                               paizhu::common::v1::ImportResult* response) override;

  grpc::Status ImportVettings(grpc::ServerContext* ctx, const v1::ImportVettingsRequest* request,
                              paizhu::common::v1::ImportResult* response) override;
  grpc::Status ImportTransferTalks(grpc::ServerContext* ctx,
                                   const v1::ImportTransferTalksRequest* request,
                                   paizhu::common::v1::ImportResult* response) override;
  grpc::Status ImportMentoring(grpc::ServerContext* ctx, const v1::ImportMentoringRequest* request,
                               paizhu::common::v1::ImportResult* response) override;
  grpc::Status ImportAccountability(grpc::ServerContext* ctx,
                                    const v1::ImportAccountabilityRequest* request,
                                    paizhu::common::v1::ImportResult* response) override;
  grpc::Status ImportIntegrityFiles(grpc::ServerContext* ctx,
                                    const v1::ImportIntegrityFilesRequest* request,
                                    paizhu::common::v1::ImportResult* response) override;
  grpc::Status ImportIntegrityEntries(grpc::ServerContext* ctx,
                                      const v1::ImportIntegrityEntriesRequest* request,
                                      paizhu::common::v1::ImportResult* response) override;
  grpc::Status ImportLiaisons(grpc::ServerContext* ctx, const v1::ImportLiaisonsRequest* request,
                              paizhu::common::v1::ImportResult* response) override;

  grpc::Status SetRuleVersion(grpc::ServerContext* ctx, const v1::SetRuleVersionRequest* request,
                              v1::RuleVersion* response) override;
  grpc::Status ListRuleVersions(grpc::ServerContext* ctx,
                                const v1::ListRuleVersionsRequest* request,
                                v1::ListRuleVersionsResponse* response) override;
  grpc::Status CreateIntegrityFile(grpc::ServerContext* ctx,
                                   const v1::CreateIntegrityFileRequest* request,
                                   v1::IntegrityFile* response) override;
  grpc::Status GetIntegrityFile(grpc::ServerContext* ctx,
                                const v1::GetIntegrityFileRequest* request,
                                v1::IntegrityFile* response) override;
  grpc::Status AddIntegrityEntry(grpc::ServerContext* ctx,
                                 const v1::AddIntegrityEntryRequest* request,
                                 v1::IntegrityFile* response) override;

  grpc::Status GetIntegrityOpinion(grpc::ServerContext* ctx,
                                   const v1::GetIntegrityOpinionRequest* request,
                                   v1::IntegrityOpinion* response) override;

  grpc::Status ExportZones(grpc::ServerContext* ctx, const v1::ExportRowsRequest* request,
                           v1::ExportZonesResponse* response) override;
  grpc::Status ExportUnits(grpc::ServerContext* ctx, const v1::ExportRowsRequest* request,
                           v1::ExportUnitsResponse* response) override;
  grpc::Status ExportSupervision(grpc::ServerContext* ctx, const v1::ExportRowsRequest* request,
                                 v1::ExportSupervisionResponse* response) override;
  grpc::Status ExportPeople(grpc::ServerContext* ctx, const v1::ExportRowsRequest* request,
                            v1::ExportPeopleResponse* response) override;
  grpc::Status ExportAssignments(grpc::ServerContext* ctx, const v1::ExportRowsRequest* request,
                                 v1::ExportAssignmentsResponse* response) override;
  grpc::Status ExportRoles(grpc::ServerContext* ctx, const v1::ExportRowsRequest* request,
                           v1::ExportRolesResponse* response) override;
  grpc::Status ExportTrainings(grpc::ServerContext* ctx, const v1::ExportRowsRequest* request,
                               v1::ExportTrainingsResponse* response) override;
  grpc::Status ExportVettings(grpc::ServerContext* ctx, const v1::ExportRowsRequest* request,
                              v1::ExportVettingsResponse* response) override;
  grpc::Status ExportTransferTalks(grpc::ServerContext* ctx, const v1::ExportRowsRequest* request,
                                   v1::ExportTransferTalksResponse* response) override;
  grpc::Status ExportMentoring(grpc::ServerContext* ctx, const v1::ExportRowsRequest* request,
                               v1::ExportMentoringResponse* response) override;
  grpc::Status ExportAccountability(grpc::ServerContext* ctx, const v1::ExportRowsRequest* request,
                                    v1::ExportAccountabilityResponse* response) override;
  grpc::Status ExportIntegrityFiles(grpc::ServerContext* ctx, const v1::ExportRowsRequest* request,
                                    v1::ExportIntegrityFilesResponse* response) override;
  grpc::Status ExportIntegrityEntries(grpc::ServerContext* ctx,
                                      const v1::ExportRowsRequest* request,
                                      v1::ExportIntegrityEntriesResponse* response) override;
  grpc::Status ExportLiaisons(grpc::ServerContext* ctx, const v1::ExportRowsRequest* request,
                              v1::ExportLiaisonsResponse* response) override;

 private:
  const server::CallGate* gate_;
  OrgRepository* repository_;
  sql::Pool* pool_;  // imports run many rows in one transaction
  std::string bootstrap_admin_;
  const client::Downstream* clue_;
};

}  // namespace paizhu::org
