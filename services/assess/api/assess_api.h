#pragma once
// gRPC handlers of paizhu.assess.v1.AssessService: proto <-> domain, nothing else.

#include "common/client/unit_directory.h"
#include "common/server/call.h"
#include "common/sql/pool.h"
#include "paizhu/assess/v1/assess.grpc.pb.h"
#include "services/assess/api/metric_gatherer.h"
#include "services/assess/domain/run.h"
#include "services/assess/storage/activity_repository.h"
#include "services/assess/storage/records_repository.h"
#include "services/assess/storage/regime_repository.h"
#include "services/assess/storage/run_repository.h"
#include "services/assess/storage/scheme_repository.h"

namespace paizhu::assess {

class AssessApi final : public paizhu::assess::v1::AssessService::Service {
 public:
  AssessApi(const server::CallGate* gate, sql::Pool* pool, ActivityRepository* activities,
            SchemeRepository* schemes, RegimeRepository* regime, RunRepository* runs,
            RecordsRepository* records, const MetricGatherer* gatherer,
            const client::UnitDirectory* units)
      : gate_(gate),
        pool_(pool),
        activities_(activities),
        schemes_(schemes),
        regime_(regime),
        runs_(runs),
        records_(records),
        gatherer_(gatherer),
        units_(units) {}

  grpc::Status RecordActivity(grpc::ServerContext* ctx, const v1::RecordActivityRequest* request,
                              v1::Activity* response) override;
  grpc::Status ListActivities(grpc::ServerContext* ctx, const v1::ListActivitiesRequest* request,
                              v1::ListActivitiesResponse* response) override;
  grpc::Status ImportActivities(grpc::ServerContext* ctx,
                                const v1::ImportActivitiesRequest* request,
                                paizhu::common::v1::ImportResult* response) override;
  // api/scheme_handlers.cc
  grpc::Status ListMetrics(grpc::ServerContext* ctx, const v1::ListMetricsRequest* request,
                           v1::ListMetricsResponse* response) override;
  grpc::Status ValidateScheme(grpc::ServerContext* ctx, const v1::ValidateSchemeRequest* request,
                              v1::Scheme* response) override;
  grpc::Status CreateScheme(grpc::ServerContext* ctx, const v1::CreateSchemeRequest* request,
                            v1::Scheme* response) override;
  grpc::Status GetScheme(grpc::ServerContext* ctx, const v1::GetSchemeRequest* request,
                         v1::Scheme* response) override;
  grpc::Status ListSchemes(grpc::ServerContext* ctx, const v1::ListSchemesRequest* request,
                           v1::ListSchemesResponse* response) override;
  // api/regime_handlers.cc
  grpc::Status SubmitMonthlyReport(grpc::ServerContext* ctx,
                                   const v1::SubmitMonthlyReportRequest* request,
                                   v1::MonthlyReport* response) override;
  grpc::Status ImportMonthlyReports(grpc::ServerContext* ctx,
                                    const v1::ImportMonthlyReportsRequest* request,
                                    paizhu::common::v1::ImportResult* response) override;
  grpc::Status GetMonthlyReportStates(grpc::ServerContext* ctx,
                                      const v1::GetMonthlyReportStatesRequest* request,
                                      v1::MonthlyReportStates* response) override;
  grpc::Status SetMonthlyReportDueDay(grpc::ServerContext* ctx,
                                      const v1::SetMonthlyReportDueDayRequest* request,
                                      v1::DueDayRule* response) override;
  grpc::Status RecordWorkMeeting(grpc::ServerContext* ctx,
                                 const v1::RecordWorkMeetingRequest* request,
                                 v1::WorkMeeting* response) override;
  grpc::Status ListWorkMeetings(grpc::ServerContext* ctx,
                                const v1::ListWorkMeetingsRequest* request,
                                v1::ListWorkMeetingsResponse* response) override;
  grpc::Status ImportAttendance(grpc::ServerContext* ctx,
                                const v1::ImportAttendanceRequest* request,
                                paizhu::common::v1::ImportResult* response) override;
  // api/records_handlers.cc: the risk register, campaigns, the file catalogue
  grpc::Status RecordRiskPoint(grpc::ServerContext* ctx, const v1::RecordRiskPointRequest* request,
                               v1::RiskPoint* response) override;
  grpc::Status ReviewRiskPoint(grpc::ServerContext* ctx, const v1::ReviewRiskPointRequest* request,
                               v1::RiskPoint* response) override;
  grpc::Status ListRiskPoints(grpc::ServerContext* ctx, const v1::ListRiskPointsRequest* request,
                              v1::ListRiskPointsResponse* response) override;
  grpc::Status CreateCampaign(grpc::ServerContext* ctx, const v1::CreateCampaignRequest* request,
                              v1::Campaign* response) override;
  grpc::Status RecordCampaignFollowUp(grpc::ServerContext* ctx,
                                      const v1::RecordCampaignFollowUpRequest* request,
                                      v1::Campaign* response) override;
  grpc::Status GetCampaign(grpc::ServerContext* ctx, const v1::GetCampaignRequest* request,
                           v1::Campaign* response) override;
  grpc::Status ListCampaigns(grpc::ServerContext* ctx, const v1::ListCampaignsRequest* request,
                             v1::ListCampaignsResponse* response) override;
  grpc::Status RecordGroupFile(grpc::ServerContext* ctx, const v1::RecordGroupFileRequest* request,
                               v1::GroupFile* response) override;
  grpc::Status GetFileChecklist(grpc::ServerContext* ctx,
                                const v1::GetFileChecklistRequest* request,
                                v1::FileChecklist* response) override;

  // api/run_handlers.cc
  grpc::Status CreateRun(grpc::ServerContext* ctx, const v1::CreateRunRequest* request,
                         v1::Run* response) override;
  grpc::Status GetRun(grpc::ServerContext* ctx, const v1::GetRunRequest* request,
                      v1::Run* response) override;
  grpc::Status ListRuns(grpc::ServerContext* ctx, const v1::ListRunsRequest* request,
                        v1::ListRunsResponse* response) override;
  grpc::Status RecomputeRun(grpc::ServerContext* ctx, const v1::GetRunRequest* request,
                            v1::Run* response) override;
  grpc::Status AdjustTask(grpc::ServerContext* ctx, const v1::AdjustTaskRequest* request,
                          v1::ScoreSheet* response) override;
  grpc::Status FinaliseRun(grpc::ServerContext* ctx, const v1::GetRunRequest* request,
                           v1::Run* response) override;
  grpc::Status GetScoreSheet(grpc::ServerContext* ctx, const v1::GetScoreSheetRequest* request,
                             v1::ScoreSheet* response) override;
  grpc::Status ExplainScore(grpc::ServerContext* ctx, const v1::GetScoreSheetRequest* request,
                            v1::Explanation* response) override;
  grpc::Status ExportRun(grpc::ServerContext* ctx, const v1::ExportRunRequest* request,
                         v1::ExportedFile* response) override;

 private:
  absl::StatusOr<Scheme> SchemeOf(const std::string& key, int version, absl::Time deadline) const;
  absl::StatusOr<std::pair<Run, Scheme>> LoadRun(const std::string& name, const std::string& field,
                                                 absl::Time deadline) const;
  absl::StatusOr<std::vector<Sheet>> SheetsOf(const Run& run, const Scheme& scheme) const;
  absl::Status RunToProto(const Run& run, const Scheme& scheme, v1::Run* out) const;
  absl::Status SheetToProto(const std::string& run_name, const std::string& target,
                            absl::Time deadline, v1::ScoreSheet* out) const;
  absl::Status CheckGroup(const std::string& code, const std::string& field,
                          const server::CallContext& call) const;
  // The unit must be a supervised unit (UNIT_NOT_FOUND, NOT_A_SUPERVISED_UNIT on `field`);
  // its facts (the supervising group today).
  absl::StatusOr<client::UnitFacts> CheckSupervisedUnit(const std::string& code,
                                                        const std::string& field,
                                                        const server::CallContext& call) const;

  const server::CallGate* gate_;
  sql::Pool* pool_;  // imports run their rows in one transaction (common/import)
  ActivityRepository* activities_;
  SchemeRepository* schemes_;
  RegimeRepository* regime_;
  RunRepository* runs_;
  RecordsRepository* records_;
  const MetricGatherer* gatherer_;
  const client::UnitDirectory* units_;
};

}  // namespace paizhu::assess
