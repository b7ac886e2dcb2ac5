#include "tests/fault/fault_support.h"

#include <thread>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "common/status/grpc_status.h"
#include "common/status/macros.h"
#include "common/status/status.h"
#include "grpcpp/client_context.h"
#include "paizhu/clue/v1/clue.grpc.pb.h"

namespace paizhu::testing {
namespace {

std::unique_ptr<grpc::ClientContext> As(const Stack& stack, const std::string& person,
                                        absl::Duration timeout) {
  auto ctx = std::make_unique<grpc::ClientContext>();
  ctx->set_deadline(absl::ToChronoTime(absl::Now() + timeout));
  ctx->AddMetadata("authorization", "Bearer " + stack.Token(person));
  return ctx;
}

// The checks after a fault read everything back through the gateway. A call the gateway
// refuses at its limit of concurrent calls (the slots of calls just ended are released
// asynchronously) is retried, as any client would; every other answer is the answer.
template <typename Call>
grpc::Status RetryWhileAtLimit(Call call) {
  absl::Time until = absl::Now() + absl::Seconds(30);
  for (;;) {
    grpc::Status status = call();
    if (status.error_code() != grpc::StatusCode::RESOURCE_EXHAUSTED || absl::Now() >= until) {
      return status;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
}

}  // namespace

clue::v1::RegisterClueRequest Registration(const std::string& request_id) {
  clue::v1::RegisterClueRequest r;
  r.set_request_id(request_id);
  auto* c = r.mutable_clue();
  c->set_received_on("2026-03-02");
  c->set_source("petition");
  c->mutable_reporter()->set_name("李四");
  auto* s = c->add_subjects();
  s->set_name("张某");
  s->set_position("局长");
  c->add_violations("integrity");
  c->set_allegation(absl::StrCat("收受礼金 (", request_id, ")"));
  c->set_handling_unit("units/G1");
  return r;
}

absl::StatusOr<clue::v1::Clue> Register(const Stack& stack, const clue::v1::RegisterClueRequest& r,
                                        absl::Duration timeout) {
  auto stub = clue::v1::ClueService::NewStub(stack.Gateway());
  clue::v1::Clue out;
  RETURN_IF_ERROR(FromGrpcStatus(stub->RegisterClue(As(stack, "staff1", timeout).get(), r, &out)));
  return out;
}

absl::StatusOr<Acknowledged> RegisterUntilAnswered(const Stack& stack,
                                                   const clue::v1::RegisterClueRequest& r,
                                                   absl::Duration give_up) {
  Acknowledged out;
  absl::Time until = absl::Now() + give_up;
  absl::Status last;
  while (absl::Now() < until) {
    ++out.attempts;
    auto clue = Register(stack, r);
    if (clue.ok()) {
      out.clue = *std::move(clue);
      return out;
    }
    last = clue.status();
    // Only what a retry can cure is retried; a refusal of the request itself is final.
    if (last.code() != absl::StatusCode::kUnavailable &&
        last.code() != absl::StatusCode::kDeadlineExceeded &&
        last.code() != absl::StatusCode::kAborted &&
        last.code() != absl::StatusCode::kResourceExhausted) {
      return last;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  return last;
}

absl::StatusOr<std::vector<std::string>> ListAllClues(const Stack& stack) {
  auto stub = clue::v1::ClueService::NewStub(stack.Gateway());
  std::vector<std::string> names;
  clue::v1::ListCluesRequest request;
  request.set_page_size(500);
  do {
    clue::v1::ListCluesResponse page;
    RETURN_IF_ERROR(FromGrpcStatus(RetryWhileAtLimit([&] {
      return stub->ListClues(As(stack, "cm", absl::Seconds(20)).get(), request, &page);
    })));
    for (const auto& c : page.clues()) names.push_back(c.name());
    request.set_page_token(page.next_page_token());
  } while (!request.page_token().empty());
  return names;
}

absl::StatusOr<int> VerifyAllAuditChains(const Stack& stack) {
  auto stub = clue::v1::ClueService::NewStub(stack.Gateway());
  ASSIGN_OR_RETURN(std::vector<std::string> clues, ListAllClues(stack));
  for (const std::string& name : clues) {
    clue::v1::VerifyAuditChainRequest request;
    request.set_clue(name);
    clue::v1::AuditVerification verdict;
    RETURN_IF_ERROR(FromGrpcStatus(RetryWhileAtLimit([&] {
      return stub->VerifyAuditChain(As(stack, "cm", absl::Seconds(20)).get(), request, &verdict);
    })));
    if (!verdict.intact() || verdict.entries() < 1) {
      return Internal("AUDIT_BROKEN", absl::StrCat(name, ": ", verdict.problem(), " (",
                                                   verdict.entries(), " entries)"));
    }
  }
  clue::v1::AuditCheckpoint checkpoint;
  RETURN_IF_ERROR(FromGrpcStatus(RetryWhileAtLimit([&] {
    return stub->CheckpointAuditHeads(As(stack, "cm", absl::Seconds(20)).get(),
                                      clue::v1::CheckpointAuditHeadsRequest(), &checkpoint);
  })));
  if (checkpoint.heads() != static_cast<int>(clues.size())) {
    return Internal("AUDIT_BROKEN", absl::StrCat("the checkpoint covers ", checkpoint.heads(),
                                                 " heads of ", clues.size(), " clues"));
  }
  clue::v1::AuditVerification verdict;
  RETURN_IF_ERROR(FromGrpcStatus(RetryWhileAtLimit([&] {
    return stub->VerifyAuditCheckpoints(As(stack, "cm", absl::Seconds(20)).get(),
                                        clue::v1::VerifyAuditCheckpointsRequest(), &verdict);
  })));
  if (!verdict.intact()) return Internal("AUDIT_BROKEN", "checkpoints: " + verdict.problem());
  return static_cast<int>(clues.size());
}

absl::StatusOr<std::unique_ptr<sql::Connection>> OpenSchema(const sql::ConnectOptions& server,
                                                            const std::string& schema) {
  sql::ConnectOptions options = server;
  options.database = schema;
  return sql::Connection::Open(options);
}

}  // namespace paizhu::testing
