#pragma once
// gRPC handlers of paizhu.clue.v1.ClueService: proto <-> domain, nothing else.

#include <functional>

#include "common/client/unit_directory.h"
#include "common/server/call.h"
#include "common/sql/pool.h"
#include "paizhu/clue/v1/clue.grpc.pb.h"
#include "services/clue/storage/calendar_repository.h"
#include "services/clue/storage/clue_repository.h"
#include "services/clue/storage/letter_repository.h"

namespace paizhu::clue {

class ClueApi final : public paizhu::clue::v1::ClueService::Service {
 public:
  // `pool` and `audit_key` serve the imports, which run in common/import's one transaction.
  ClueApi(const server::CallGate* gate, CalendarRepository* calendars, ClueRepository* clues,
          LetterRepository* letters, const client::UnitDirectory* units, sql::Pool* pool,
          std::string audit_key)
      : gate_(gate),
        calendars_(calendars),
        clues_(clues),
        letters_(letters),
        units_(units),
        pool_(pool),
        audit_key_(std::move(audit_key)) {}

  // The registry (registry_handlers.cc).
  grpc::Status RegisterClue(grpc::ServerContext* ctx, const v1::RegisterClueRequest* request,
                            v1::Clue* response) override;
  grpc::Status GetClue(grpc::ServerContext* ctx, const v1::GetClueRequest* request,
                       v1::Clue* response) override;
  grpc::Status ListClues(grpc::ServerContext* ctx, const v1::ListCluesRequest* request,
                         v1::ListCluesResponse* response) override;
  // For org's integrity opinion (subject_records_handlers.cc).
  grpc::Status ListSubjectRecords(grpc::ServerContext* ctx,
                                  const v1::ListSubjectRecordsRequest* request,
                                  v1::ListSubjectRecordsResponse* response) override;
  // The clue's timeline (timeline_handlers.cc).
  grpc::Status ListClueEvents(grpc::ServerContext* ctx, const v1::ListClueEventsRequest* request,
                              v1::ListClueEventsResponse* response) override;
  grpc::Status VerifyAuditChain(grpc::ServerContext* ctx,
                                const v1::VerifyAuditChainRequest* request,
                                v1::AuditVerification* response) override;
  grpc::Status CheckpointAuditHeads(grpc::ServerContext* ctx,
                                    const v1::CheckpointAuditHeadsRequest* request,
                                    v1::AuditCheckpoint* response) override;
  grpc::Status VerifyAuditCheckpoints(grpc::ServerContext* ctx,
                                      const v1::VerifyAuditCheckpointsRequest* request,
                                      v1::AuditVerification* response) override;

  // The clue's life (workflow_handlers.cc).
  grpc::Status AssignClue(grpc::ServerContext* ctx, const v1::AssignClueRequest* request,
                          v1::Clue* response) override;
  grpc::Status ReviewClue(grpc::ServerContext* ctx, const v1::ReviewClueRequest* request,
                          v1::Clue* response) override;
  grpc::Status ProposeDisposal(grpc::ServerContext* ctx, const v1::ProposeDisposalRequest* request,
                               v1::Clue* response) override;
  grpc::Status ConcludeInquiry(grpc::ServerContext* ctx, const v1::ConcludeInquiryRequest* request,
                               v1::Clue* response) override;
  grpc::Status ReportVerification(grpc::ServerContext* ctx,
                                  const v1::ReportVerificationRequest* request,
                                  v1::Clue* response) override;
  grpc::Status ApproveProposal(grpc::ServerContext* ctx, const v1::DecideProposalRequest* request,
                               v1::Clue* response) override;
  grpc::Status RejectProposal(grpc::ServerContext* ctx, const v1::DecideProposalRequest* request,
                              v1::Clue* response) override;
  grpc::Status ReopenClue(grpc::ServerContext* ctx, const v1::ReopenClueRequest* request,
                          v1::Clue* response) override;
  grpc::Status RecordOutcomes(grpc::ServerContext* ctx, const v1::RecordOutcomesRequest* request,
                              v1::Clue* response) override;

  // Cases (case_handlers.cc).
  grpc::Status FileCase(grpc::ServerContext* ctx, const v1::FileCaseRequest* request,
                        v1::Case* response) override;
  grpc::Status GetCase(grpc::ServerContext* ctx, const v1::GetCaseRequest* request,
                       v1::Case* response) override;
  grpc::Status RequestExtension(grpc::ServerContext* ctx,
                                const v1::RequestExtensionRequest* request,
                                v1::Case* response) override;
  grpc::Status TransferToTrial(grpc::ServerContext* ctx, const v1::CaseStepRequest* request,
                               v1::Case* response) override;
  grpc::Status ReturnForInvestigation(grpc::ServerContext* ctx, const v1::CaseStepRequest* request,
                                      v1::Case* response) override;
  grpc::Status DecideCase(grpc::ServerContext* ctx, const v1::DecideCaseRequest* request,
                          v1::Case* response) override;
  grpc::Status ArchiveCase(grpc::ServerContext* ctx, const v1::CaseStepRequest* request,
                           v1::Case* response) override;

  // Joint cases (joint_handlers.cc).
  grpc::Status AskOfficeToJoin(grpc::ServerContext* ctx, const v1::AskOfficeToJoinRequest* request,
                               v1::Clue* response) override;
  grpc::Status AnswerJoinRequest(grpc::ServerContext* ctx,
                                 const v1::AnswerJoinRequestRequest* request,
                                 v1::Clue* response) override;
  grpc::Status AddParticipant(grpc::ServerContext* ctx, const v1::AddParticipantRequest* request,
                              v1::Clue* response) override;
  grpc::Status ApproveParticipant(grpc::ServerContext* ctx,
                                  const v1::DecideParticipantRequest* request,
                                  v1::Clue* response) override;
  grpc::Status RejectParticipant(grpc::ServerContext* ctx,
                                 const v1::DecideParticipantRequest* request,
                                 v1::Clue* response) override;
  grpc::Status RemoveParticipant(grpc::ServerContext* ctx,
                                 const v1::RemoveParticipantRequest* request,
                                 v1::Clue* response) override;
  grpc::Status AssignTask(grpc::ServerContext* ctx, const v1::AssignTaskRequest* request,
                          v1::Clue* response) override;
  grpc::Status AcceptTask(grpc::ServerContext* ctx, const v1::TaskStepRequest* request,
                          v1::Clue* response) override;
  grpc::Status CompleteTask(grpc::ServerContext* ctx, const v1::TaskStepRequest* request,
                            v1::Clue* response) override;

  // Recommendation letters (letter_handlers.cc).
  grpc::Status IssueLetter(grpc::ServerContext* ctx, const v1::IssueLetterRequest* request,
                           v1::Letter* response) override;
  grpc::Status GetLetter(grpc::ServerContext* ctx, const v1::GetLetterRequest* request,
                         v1::Letter* response) override;
  grpc::Status ListLetters(grpc::ServerContext* ctx, const v1::ListLettersRequest* request,
                           v1::ListLettersResponse* response) override;
  grpc::Status RecordLetterReply(grpc::ServerContext* ctx,
                                 const v1::RecordLetterReplyRequest* request,
                                 v1::Letter* response) override;
  grpc::Status UpdateProblem(grpc::ServerContext* ctx, const v1::UpdateProblemRequest* request,
                             v1::Letter* response) override;

  // Ledger migration (import_handlers.cc, export_handlers.cc).
  grpc::Status ImportClues(grpc::ServerContext* ctx, const v1::ImportCluesRequest* request,
                           common::v1::ImportResult* response) override;
  grpc::Status ImportOutcomes(grpc::ServerContext* ctx, const v1::ImportOutcomesRequest* request,
                              common::v1::ImportResult* response) override;
  grpc::Status ImportLetters(grpc::ServerContext* ctx, const v1::ImportLettersRequest* request,
                             common::v1::ImportResult* response) override;
  grpc::Status ImportProblems(grpc::ServerContext* ctx, const v1::ImportProblemsRequest* request,
                              common::v1::ImportResult* response) override;

  grpc::Status ExportClues(grpc::ServerContext* ctx, const v1::ExportRowsRequest* request,
                           v1::ExportCluesResponse* response) override;
  grpc::Status ExportOutcomes(grpc::ServerContext* ctx, const v1::ExportRowsRequest* request,
                              v1::ExportOutcomesResponse* response) override;
  grpc::Status ExportLetters(grpc::ServerContext* ctx, const v1::ExportRowsRequest* request,
                             v1::ExportLettersResponse* response) override;
  grpc::Status ExportProblems(grpc::ServerContext* ctx, const v1::ExportRowsRequest* request,
                              v1::ExportProblemsResponse* response) override;

  // Aggregates (statistics_handlers.cc).
  grpc::Status GetClueStatistics(grpc::ServerContext* ctx,
                                 const v1::GetClueStatisticsRequest* request,
                                 v1::ClueStatistics* response) override;

  // Deadlines (clue_api.cc, deadline_handlers.cc).
  grpc::Status ComputeDeadline(grpc::ServerContext* ctx, const v1::ComputeDeadlineRequest* request,
                               v1::Deadline* response) override;
  grpc::Status ListDeadlines(grpc::ServerContext* ctx, const v1::ListDeadlinesRequest* request,
                             v1::ListDeadlinesResponse* response) override;
  grpc::Status ExplainDeadline(grpc::ServerContext* ctx, const v1::ExplainDeadlineRequest* request,
                               v1::Deadline* response) override;
  grpc::Status LoadCalendarYear(grpc::ServerContext* ctx,
                                const v1::LoadCalendarYearRequest* request,
                                v1::LoadCalendarYearResponse* response) override;

 private:
  // Everything a step may need besides the clue: the calendar and rules to compute due
  // dates, the handling unit's org facts for approvals, who acts, and today.
  struct StepContext {
    const server::CallContext* call;
    Actor actor;
    Viewer viewer;
    HandlingUnit unit;
    JointContext joint;  // the lead's zone and the office that coordinates its joint case
    WorkingCalendar calendar{{}, {}};
    std::vector<DeadlineRule> rules;
    absl::CivilDay today;
  };
  using StepBody = std::function<absl::Status(const StepContext&, Clue&, StepEffects&)>;

  // Loads the context (NOT_FOUND for a clue that is missing or hidden), then applies
  // `body` under the clue's lock; `etag` (if set) must match the clue's.
  absl::StatusOr<Clue> RunClueStep(const server::CallContext& call, const std::string& name,
                                   const char* action, const std::string& etag,
                                   const StepBody& body, const sql::RequestKey* key = nullptr);
  // RunClueStep (no etag), then the clue as the caller may see it.
  absl::Status RespondToStep(const server::CallContext& call, const std::string& name,
                             const char* action, v1::Clue* response, const StepBody& body);
  absl::Status DecideParticipant(const server::CallContext& call,
                                 const v1::DecideParticipantRequest& request, bool approve,
                                 v1::Clue* response);
  absl::Status StepTask(const server::CallContext& call, const v1::TaskStepRequest& request,
                        bool complete, v1::Clue* response);
  // The whole clue as the caller may see it, with the open proposal and its approver.
  absl::Status Respond(const server::CallContext& call, const Clue& clue, v1::Clue* response) const;
  // The same for a step on a case (cases/{number}): its clue is locked and audited.
  absl::StatusOr<Clue> RunCaseStep(const server::CallContext& call, const std::string& name,
                                   const char* action, const std::string& etag,
                                   const StepBody& body);

  const server::CallGate* gate_;
  CalendarRepository* calendars_;
  ClueRepository* clues_;
  LetterRepository* letters_;
  const client::UnitDirectory* units_;
  sql::Pool* pool_;
  std::string audit_key_;
};

}  // namespace paizhu::clue
