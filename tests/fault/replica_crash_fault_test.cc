// Two replicas of the clue service behind the gateway; one is killed with SIGKILL under a
// registration load and later started again. Callers retry a failed call with the same
// request_id. No acknowledged registration is lost or doubled, the gateway stops sending
// to the dead replica (calls stop failing while it is down), and sends to it again once
// it is back.

#include <atomic>
#include <map>
#include <mutex>
#include <set>
#include <thread>

#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"
#include "tests/clue/clue_city.h"
#include "tests/deploy/scrape.h"
#include "tests/fault/fault_support.h"
#include "tests/support/mariadb.h"
#include "tests/support/stack.h"
#include "tests/support/status_matchers.h"

namespace paizhu {
namespace {

double OkRegistrations(int metrics_port) {
  return testing::SampleValue(
      testing::ScrapeMetrics(metrics_port), "paizhu_rpc_calls_total",
      {"method=\"/paizhu.clue.v1.ClueService/RegisterClue\"", "code=\"OK\""});
}

TEST(ReplicaCrashTest, KillNineOfOneClueReplicaUnderLoadLosesNothing) {
  testing::StackOptions options;
  options.two_replicas = {"clue"};
  options.probe_ports = true;
  ASSERT_OK_AND_ASSIGN(auto stack, testing::Stack::Start(testing::SharedDatabase(), options));
  ASSERT_OK(testing::SeedClueCity(*stack));

  std::mutex mu;
  std::map<std::string, clue::v1::Clue> acknowledged;
  std::vector<std::string> refused;
  std::atomic<bool> stop{false};
  std::atomic<bool> down{false};
  std::atomic<int> attempts_while_down{0}, failed_while_down{0}, failed{0};
  auto caller = [&](int worker) {
    for (int i = 0; !stop; ++i) {
      std::string id = absl::StrCat("replica-", worker, "-", i);
      auto answer = testing::RegisterUntilAnswered(*stack, testing::Registration(id));
      std::lock_guard lock(mu);
      if (!answer.ok()) {
        refused.push_back(absl::StrCat(id, ": ", answer.status().ToString()));
        continue;
      }
      acknowledged[id] = answer->clue;
      failed += answer->attempts - 1;
      if (down) {
        attempts_while_down += answer->attempts;
        failed_while_down += answer->attempts - 1;
      }
    }
  };
  auto count = [&] {
    std::lock_guard lock(mu);
    return acknowledged.size();
  };
  auto wait_until = [](auto predicate) {
    for (absl::Time until = absl::Now() + absl::Seconds(60); absl::Now() < until;) {
      if (predicate()) return true;
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    return false;
  };
  std::vector<std::thread> callers;
  for (int w = 0; w < 4; ++w) callers.emplace_back(caller, w);

  // Both replicas take registrations before one dies.
  ASSERT_TRUE(wait_until([&] {
    return count() >= 40 && OkRegistrations(stack->metrics_port("clue")) > 0 &&
           OkRegistrations(stack->metrics_port("clue-2")) > 0;
  }));
  stack->Kill("clue");
  size_t at_kill = count();
  down = true;
  ASSERT_TRUE(wait_until([&] { return count() >= at_kill + 100; }));
  down = false;
  size_t at_restart = count();
  ASSERT_OK(stack->Restart("clue"));
  // The gateway finds the replica again: it answers registrations of its own.
  EXPECT_TRUE(wait_until([&] { return OkRegistrations(stack->metrics_port("clue")) >= 10; }))
      << "the restarted replica got no calls";
  ASSERT_TRUE(wait_until([&] { return count() >= at_restart + 40; }));
  stop = true;
  for (std::thread& t : callers) t.join();

  EXPECT_TRUE(refused.empty()) << refused.size() << " refused, first: " << refused.front();
  // While it was down, almost every call went to the live replica: only calls already
  // on their way to the dead one (and a first try of the connection) failed, not one in
  // two as round-robin over both would give.
  EXPECT_LT(failed_while_down * 10, attempts_while_down.load())
      << failed_while_down << " of " << attempts_while_down << " attempts failed while down";

  ASSERT_OK_AND_ASSIGN(std::vector<std::string> listed, testing::ListAllClues(*stack));
  std::multiset<std::string> in_registry(listed.begin(), listed.end());
  std::set<std::string> answered;
  for (const auto& [id, clue] : acknowledged) {
    EXPECT_EQ(in_registry.count(clue.name()), 1u) << id << " -> " << clue.name();
    EXPECT_TRUE(answered.insert(clue.name()).second) << clue.name() << " answered twice";
  }
  EXPECT_EQ(listed.size(), acknowledged.size());
  ASSERT_OK_AND_ASSIGN(int chains, testing::VerifyAllAuditChains(*stack));
  std::cout << "acknowledged: " << acknowledged.size() << " (" << at_kill << " before the kill, "
            << at_restart - at_kill << " while down), failed attempts: " << failed
            << " (while down: " << failed_while_down << " of " << attempts_while_down
            << "), restarted replica answered: " << OkRegistrations(stack->metrics_port("clue"))
            << ", audit chains verified: " << chains << "\n";
}

}  // namespace
}  // namespace paizhu
