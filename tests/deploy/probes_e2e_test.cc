// What Kubernetes' probes see on the plaintext --health-port while the database goes
// away and comes back: readiness (the service's name) NOT_SERVING then SERVING again,
// liveness (the empty name) SERVING throughout, so no pod is restarted. The gateway's
// readiness follows its backends the same way. The metrics show the broken sessions.

#include <thread>

#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"
#include "tests/deploy/scrape.h"
#include "tests/support/mariadb.h"
#include "tests/support/stack.h"
#include "tests/support/status_matchers.h"

namespace paizhu {
namespace {

bool WaitUntil(const std::function<bool()>& predicate) {
  for (absl::Time until = absl::Now() + absl::Seconds(30); absl::Now() < until;) {
    if (predicate()) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  return false;
}

TEST(ProbesTest, ReadinessFollowsTheDatabaseWhileLivenessStaysServing) {
  ASSERT_OK_AND_ASSIGN(auto db, testing::PrivateMariaDb::Start());
  testing::StackOptions options;
  options.probe_ports = true;
  ASSERT_OK_AND_ASSIGN(auto stack, testing::Stack::Start(db->RootOptions(), options));
  auto probe = [&](const std::string& process) {
    return absl::StrCat("127.0.0.1:", stack->health_port(process));
  };
  const std::string org = probe("org"), gateway = probe("gateway");
  ASSERT_TRUE(testing::IsServing(org, "paizhu.org.v1.OrgService"));
  ASSERT_TRUE(testing::IsServing(gateway, "paizhu.gateway"));

  ASSERT_OK(db->Stop());
  EXPECT_TRUE(WaitUntil([&] { return !testing::IsServing(org, "paizhu.org.v1.OrgService"); }));
  EXPECT_TRUE(WaitUntil([&] { return !testing::IsServing(gateway, "paizhu.gateway"); }));
  for (const char* process : {"org", "clue", "assess", "gateway"}) {
    EXPECT_TRUE(testing::IsServing(probe(process), "")) << process << " liveness";
  }

  ASSERT_OK(db->Restart());
  EXPECT_TRUE(WaitUntil([&] { return testing::IsServing(org, "paizhu.org.v1.OrgService"); }));
  EXPECT_TRUE(WaitUntil([&] { return testing::IsServing(gateway, "paizhu.gateway"); }));
  for (const char* process : {"org", "clue", "assess", "gateway"}) {
    EXPECT_TRUE(testing::IsServing(probe(process), "")) << process << " liveness";
  }
  // The sessions the outage killed were counted and replaced.
  std::string metrics = testing::ScrapeMetrics(stack->metrics_port("org"));
  EXPECT_GE(testing::SampleValue(metrics, "paizhu_db_pool_broken_sessions_total"), 1) << metrics;
  EXPECT_GE(testing::SampleValue(metrics, "paizhu_db_pool_sessions_open"), 1) << metrics;
  EXPECT_EQ(stack->StopAll(), 0);
}

}  // namespace
}  // namespace paizhu
