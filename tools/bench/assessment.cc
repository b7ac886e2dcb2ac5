#include "tools/bench/assessment.h"

#include <atomic>
#include <memory>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "common/crypto/digest.h"
#include "common/status/grpc_status.h"
#include "common/status/macros.h"
#include "common/status/status.h"
#include "grpcpp/client_context.h"
#include "paizhu/assess/v1/assess.grpc.pb.h"
#include "paizhu/org/v1/org.grpc.pb.h"
#include "tools/bench/seed.h"

namespace paizhu::bench {
namespace {

constexpr int kGroups = 10;
constexpr char kPeriod[] = "2025";

// Ten points on what the clue service counts per group.
constexpr char kScheme[] = R"({"key": "bench_clues", "version": 1, "title": "线索处置",
  "target_kind": "group", "total": 10, "bonus_cap": 0,
  "aspects": [
    {"code": "A", "name": "线索处置", "points": 10, "tasks": [
      {"code": "T1", "name": "处置线索", "points": 8,
       "rule": {"kind": "target", "metric": "clues_disposed", "target": 50}},
      {"code": "T2", "name": "立案", "points": 2,
       "rule": {"kind": "target", "metric": "cases_filed", "target": 5}}]}]})";

std::unique_ptr<grpc::ClientContext> AsAdmin(const std::string& token) {
  auto ctx = std::make_unique<grpc::ClientContext>();
  ctx->set_deadline(absl::ToChronoTime(absl::Now() + absl::Seconds(60)));
  ctx->AddMetadata("authorization", "Bearer " + token);
  return ctx;
}

// The clues' handling (and registering) group: G1..G10 in turn.
std::map<std::string, std::string> Groups() {
  std::string group = absl::StrCat("CONCAT('G', 1 + s.seq % ", kGroups, ")");
  return {
      {"handling_unit_code", group}, {"registering_unit_code", group}, {"disposal", "'inquiry'"}};
}

}  // namespace

absl::StatusOr<Assessment> Assessment::Prepare(const BenchEnv& env, int64_t model_id,
                                               int64_t year_clues) {
  Assessment a(env, model_id, year_clues);
  a.admin_token_ = env.stack().Token("admin", absl::Hours(2));
  auto org = org::v1::OrgService::NewStub(env.stack().Gateway());
  // The run's ten groups are G1..G10: the small city already holds some of them, so
  // only the missing ones are made.
  org::v1::ImportUnitsRequest units;
  for (int g = 1; g <= kGroups; ++g) {
    org::v1::GetUnitRequest get;
    get.set_name(absl::StrCat("units/G", g));
    org::v1::Unit existing;
    grpc::Status found = org->GetUnit(AsAdmin(a.admin_token_).get(), get, &existing);
    if (found.ok()) continue;
    if (found.error_code() != grpc::StatusCode::NOT_FOUND) return FromGrpcStatus(found);
    auto* r = units.add_rows();
    r->set_line(units.rows_size() + 1);
    r->set_code(absl::StrCat("G", g));
    r->set_kind("group");
    r->set_name(absl::StrCat("G", g));
    r->set_parent("C");
    r->set_established_on("2018-03-01");
    r->set_posts("leader=1;deputy=1;staff=1");
    r->set_guiding_office("O1");
  }
  common::v1::ImportResult imported;
  if (units.rows_size() > 0) {
    RETURN_IF_ERROR(
        FromGrpcStatus(org->ImportUnits(AsAdmin(a.admin_token_).get(), units, &imported)));
  }
  if (imported.errors_size() > 0) {
    return Internal("BENCH_SETUP", absl::StrCat("groups: ", imported.errors(0).message()));
  }
  auto assess = assess::v1::AssessService::NewStub(env.stack().Gateway());
  assess::v1::CreateSchemeRequest create;
  create.set_document(kScheme);
  assess::v1::Scheme scheme;
  RETURN_IF_ERROR(
      FromGrpcStatus(assess->CreateScheme(AsAdmin(a.admin_token_).get(), create, &scheme)));
  a.scheme_ = scheme.name();

  std::map<std::string, std::string> year = Groups();
  year["received_on"] = "DATE '2025-01-01' + INTERVAL s.seq % 300 DAY";
  year["disposed_on"] = "DATE '2025-01-11' + INTERVAL s.seq % 300 DAY";
  RETURN_IF_ERROR(SeedClues(env, model_id, "YEAR", year_clues, year));
  RETURN_IF_ERROR(a.GrowHistory(1));
  return a;
}

absl::Status Assessment::GrowHistory(int factor) {
  std::map<std::string, std::string> history = Groups();
  // Spread over the ten years before 2025, each disposed five days after receipt.
  history["received_on"] = "DATE '2024-12-01' - INTERVAL s.seq % 3650 DAY";
  history["disposed_on"] = "DATE '2024-12-06' - INTERVAL s.seq % 3650 DAY";
  int64_t rows = (factor - history_factor_) * year_clues_;
  RETURN_IF_ERROR(SeedClues(*env_, model_id_, absl::StrCat("HISTORY", factor), rows, history));
  history_factor_ = factor;
  return absl::OkStatus();
}

Call Assessment::Run() {
  auto stub = std::shared_ptr<assess::v1::AssessService::Stub>(
      assess::v1::AssessService::NewStub(env_->stack().Gateway()));
  auto counter = std::make_shared<std::atomic<int64_t>>(0);
  std::string nonce = crypto::HexEncode(crypto::RandomBytes(4));
  return [this, stub, counter, nonce](int) -> absl::Status {
    assess::v1::CreateRunRequest request;
    request.set_scheme(scheme_);
    request.set_period(kPeriod);
    for (int g = 1; g <= kGroups; ++g) request.add_targets(absl::StrCat("units/G", g));
    request.set_request_id(absl::StrCat("bench-run-", nonce, "-", ++*counter));
    assess::v1::Run run;
    RETURN_IF_ERROR(FromGrpcStatus(stub->CreateRun(AsAdmin(admin_token_).get(), request, &run)));
    if (run.ranking_size() != kGroups) {
      return Internal("SHORT_RUN", absl::StrCat(run.ranking_size(), " groups ranked"));
    }
    return absl::OkStatus();
  };
}

}  // namespace paizhu::bench
