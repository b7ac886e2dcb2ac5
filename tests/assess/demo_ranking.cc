// assess_demo_ranking: the closing note's figures, rerunnable. Starts the whole suite on a
// private MariaDB (or the test server scripts/test names), loads the demo city with
// scripts/load-demo, runs a scheme over a period as the demo assessor F004, and prints
// the ranking and one group's explained total (its lines, and that they add up).
//
//   build-test/bin/assess_demo_ranking [SCHEME [PERIOD [GROUP]]]
//   (defaults: schemes/group-v1 2021, and the group ranked first)
//
// A program, not a test: loading the city takes longer than CI should spend on it.

#include <filesystem>
#include <iostream>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "grpcpp/client_context.h"
#include "paizhu/assess/v1/assess.grpc.pb.h"
#include "tests/support/stack.h"

namespace paizhu {
namespace {

int Main(int argc, char** argv) {
  const std::string scheme = argc > 1 ? argv[1] : "schemes/group-v1";
  const std::string period = argc > 2 ? argv[2] : "2021";
  std::string group = argc > 3 ? argv[3] : "";
  for (const char* name : {"PAIZHU_STATE", "PAIZHU_ADDR", "PAIZHU_TOKEN", "PAIZHU_TOKEN_FILE"}) {
    unsetenv(name);
  }
  auto stack = testing::Stack::Start();
  if (!stack.ok()) {
    std::cerr << "the suite did not start: " << stack.status() << "\n";
    return 1;
  }
  // A state folder for the CLI that load-demo drives, as scripts/dev-up writes one.
  std::string state = testing::MakeTempDir("paizhu-demo-ranking");
  std::filesystem::create_directories(state + "/keys");
  testing::WriteFile(state + "/keys/dev-jwt.pem", (*stack)->DevKeyPem());
  testing::WriteFile(state + "/env",
                     absl::StrCat("export PAIZHU_STATE=", state,
                                  "\nexport PAIZHU_ADDR='127.0.0.1:", (*stack)->port("gateway"),
                                  "'\nexport PAIZHU_JWT_ISSUER=paizhu-dev\n",
                                  "export PAIZHU_JWT_AUDIENCE=paizhu\n"));
  testing::Subprocess load;
  std::string log = state + "/load-demo.log";
  if (!load.Start({PAIZHU_SOURCE_DIR "/scripts/load-demo", "--state", state, "--data",
                   PAIZHU_SOURCE_DIR "/data/demo", "--bin", testing::BinaryDir()},
                  log) ||
      load.Wait(absl::Seconds(600)) != 0) {
    std::cerr << "scripts/load-demo failed:\n" << testing::ReadFile(log);
    return 1;
  }

  auto assess = assess::v1::AssessService::NewStub((*stack)->Gateway());
  auto call = [&](auto method, const auto& request, auto* response) {
    grpc::ClientContext ctx;
    ctx.set_deadline(absl::ToChronoTime(absl::Now() + absl::Seconds(60)));
    ctx.AddMetadata("authorization", "Bearer " + (*stack)->Token("F004"));  // the assessor
    grpc::Status s = ((*assess).*method)(&ctx, request, response);
    if (!s.ok()) std::cerr << "error: " << s.error_code() << " " << s.error_message() << "\n";
    return s.ok();
  };
  assess::v1::CreateRunRequest create;
  create.set_scheme(scheme);
  create.set_period(period);
  assess::v1::Run run;
  if (!call(&assess::v1::AssessService::Stub::CreateRun, create, &run)) return 1;

  std::cout << "Ranking of " << run.name() << ": " << run.scheme() << ", period " << run.period()
            << " (" << run.from() << ".." << run.to() << "), " << run.state()
            << " (manual tasks not yet scored count 0)\n";
  std::cout << absl::StrFormat("%-5s %-7s %8s  %s\n", "rank", "group", "total", "grade");
  for (const auto& r : run.ranking()) {
    std::cout << absl::StrFormat("%-5d %-7s %8s  %s\n", r.rank(),
                                 r.target().substr(r.target().find('/') + 1), r.total(), r.grade());
  }

  if (group.empty() && run.ranking_size() > 0) {
    group = run.ranking(0).target().substr(run.ranking(0).target().find('/') + 1);
  }
  assess::v1::GetScoreSheetRequest get;
  get.set_run(run.name());
  get.set_target("units/" + group);
  assess::v1::Explanation explanation;
  if (!call(&assess::v1::AssessService::Stub::ExplainScore, get, &explanation)) return 1;
  std::cout << "\nExplainScore " << run.name() << " units/" << group << ": total "
            << explanation.total() << "\n";
  int64_t sum = 0;
  for (const auto& line : explanation.lines()) {
    std::cout << absl::StrFormat("%8s  %s\n", line.points(), line.label());
    sum += line.centipoints();
  }
  std::cout << absl::StrFormat("lines add up to %d.%02d; total %d.%02d: %s\n", sum / 100, sum % 100,
                               explanation.total_centipoints() / 100,
                               explanation.total_centipoints() % 100,
                               sum == explanation.total_centipoints() ? "equal" : "DIFFERENT");
  if (getenv("PAIZHU_KEEP_TEST_DATA") == nullptr) std::filesystem::remove_all(state);
  return sum == explanation.total_centipoints() ? 0 : 1;
}

}  // namespace
}  // namespace paizhu

int main(int argc, char** argv) { return paizhu::Main(argc, argv); }
