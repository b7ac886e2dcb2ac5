// A rolling update as the gateway sees it: org runs as two replicas behind the gateway,
// calls flow steadily, one replica gets SIGTERM (as Kubernetes sends it). No call may
// fail, the replica must exit cleanly, and both replicas must have answered calls.

#include <atomic>
#include <map>
#include <mutex>
#include <thread>

#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"
#include "paizhu/org/v1/org.grpc.pb.h"
#include "tests/deploy/scrape.h"
#include "tests/support/mariadb.h"
#include "tests/support/stack.h"
#include "tests/support/status_matchers.h"

namespace paizhu {
namespace {

constexpr char kListUnits[] = "method=\"/paizhu.org.v1.OrgService/ListUnits\"";

double OkListUnits(int metrics_port) {
  return testing::SampleValue(testing::ScrapeMetrics(metrics_port), "paizhu_rpc_calls_total",
                              {kListUnits, "code=\"OK\""});
}

TEST(DrainTest, SigtermToOneOfTwoReplicasUnderLoadFailsNoCall) {
  testing::StackOptions options;
  options.two_replicas = {"org"};
  options.probe_ports = true;
  ASSERT_OK_AND_ASSIGN(auto stack, testing::Stack::Start(testing::SharedDatabase(), options));
  auto org = org::v1::OrgService::NewStub(stack->Gateway());
  const std::string token = stack->Token("admin", absl::Minutes(10));

  std::mutex mu;
  std::map<grpc::StatusCode, int> codes;
  std::vector<std::string> failures;
  std::atomic<bool> stop{false};
  std::atomic<int> calls{0};
  auto caller = [&] {
    while (!stop) {
      grpc::ClientContext ctx;
      ctx.set_deadline(absl::ToChronoTime(absl::Now() + absl::Seconds(10)));
      ctx.AddMetadata("authorization", "Bearer " + token);
      org::v1::ListUnitsRequest request;
      org::v1::ListUnitsResponse response;
      grpc::Status status = org->ListUnits(&ctx, request, &response);
      std::lock_guard lock(mu);
      ++codes[status.error_code()];
      if (!status.ok()) failures.push_back(status.error_message());
      ++calls;
    }
  };
  auto wait_for_calls = [&](int more) {
    int target = calls + more;
    for (absl::Time until = absl::Now() + absl::Seconds(60); absl::Now() < until;) {
      if (calls >= target) return true;
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    return false;
  };
  std::vector<std::thread> callers;
  for (int i = 0; i < 4; ++i) callers.emplace_back(caller);

  // Both replicas take calls before the rollout touches either...
  ASSERT_TRUE(wait_for_calls(200));
  for (absl::Time until = absl::Now() + absl::Seconds(30);
       absl::Now() < until && (OkListUnits(stack->metrics_port("org")) <= 0 ||
                               OkListUnits(stack->metrics_port("org-2")) <= 0);) {
    wait_for_calls(20);
  }
  double first_served = OkListUnits(stack->metrics_port("org"));
  EXPECT_GT(first_served, 0);
  EXPECT_GT(OkListUnits(stack->metrics_port("org-2")), 0);

  // ...then one of them is told to stop while calls keep coming.
  int status = stack->Stop("org", absl::Seconds(30));
  double before_others = OkListUnits(stack->metrics_port("org-2"));
  EXPECT_TRUE(wait_for_calls(200));
  stop = true;
  for (std::thread& t : callers) t.join();

  EXPECT_EQ(status, 0) << "the stopped replica exits cleanly; log:\n" << stack->Log("org");
  std::lock_guard lock(mu);
  EXPECT_EQ(codes[grpc::StatusCode::OK], calls.load());
  EXPECT_TRUE(failures.empty()) << failures.size() << " failed, first: " << failures.front();
  // The remaining replica took the calls made after the stop.
  EXPECT_GE(OkListUnits(stack->metrics_port("org-2")), before_others + 200);
  std::cout << "calls: " << calls << ", failed: " << failures.size()
            << ", replica 1 answered before SIGTERM: " << first_served << "\n";
}

}  // namespace
}  // namespace paizhu
