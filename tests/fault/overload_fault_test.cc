// Overload at twice the gateway's limit of concurrent calls. While registrations are held
// in flight (a row lock stalls them in the database), every call beyond the limit is
// refused at once with RESOURCE_EXHAUSTED / TOO_MANY_CALLS, before any held call ends;
// a free-running overload gets answers or that refusal, nothing else; and after the load
// stops at least 95% of calls succeed within 30 s.

#include <algorithm>
#include <atomic>
#include <map>
#include <mutex>
#include <thread>

#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"
#include "tests/clue/clue_city.h"
#include "tests/fault/fault_support.h"
#include "tests/support/mariadb.h"
#include "tests/support/stack.h"
#include "tests/support/status_matchers.h"

namespace paizhu {
namespace {

constexpr int kLimit = 6;

TEST(OverloadTest, TwiceTheInFlightLimitIsRefusedFastAndRecovers) {
  testing::StackOptions options;
  options.gateway_flags = {absl::StrCat("--max-concurrent-calls=", kLimit)};
  ASSERT_OK_AND_ASSIGN(auto stack, testing::Stack::Start(testing::SharedDatabase(), options));
  ASSERT_OK(testing::SeedClueCity(*stack));
  ASSERT_OK(testing::Register(*stack, testing::Registration("load-0")).status());
  int acknowledged = 1;

  // 1. Held in flight: the first kLimit calls wait on the lock, the rest are refused.
  const std::string schema = stack->Schema("clue");
  ASSERT_OK_AND_ASSIGN(auto holder, testing::OpenSchema(testing::SharedDatabase(), schema));
  ASSERT_OK(holder->ExecText("BEGIN"));
  ASSERT_OK(holder->Query("SELECT last FROM clue_counters WHERE year = 2026 FOR UPDATE").status());
  std::mutex mu;
  std::vector<absl::Status> held_results;
  std::vector<absl::Duration> refusal_latency;
  std::atomic<int> finished_ok{0};
  std::vector<std::thread> callers;
  for (int i = 0; i < 2 * kLimit; ++i) {
    callers.emplace_back([&, i] {
      absl::Time start = absl::Now();
      auto answer = testing::Register(*stack, testing::Registration(absl::StrCat("held-", i)),
                                      absl::Seconds(30));
      std::lock_guard lock(mu);
      held_results.push_back(answer.status());
      if (answer.ok()) ++finished_ok;
      if (answer.status().code() == absl::StatusCode::kResourceExhausted) {
        refusal_latency.push_back(absl::Now() - start);
      }
    });
  }
  auto refused = [&] {
    std::lock_guard lock(mu);
    return refusal_latency.size();
  };
  for (absl::Time until = absl::Now() + absl::Seconds(20);
       absl::Now() < until && refused() < static_cast<size_t>(kLimit);) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  // Refusals came while every admitted call was still held.
  EXPECT_EQ(refused(), static_cast<size_t>(kLimit));
  EXPECT_EQ(finished_ok, 0);
  ASSERT_OK(holder->ExecText("COMMIT"));
  for (std::thread& t : callers) t.join();
  callers.clear();
  int held_ok = 0;
  for (const absl::Status& s : held_results) {
    if (s.ok()) {
      ++held_ok;
    } else {
      EXPECT_THAT(s, testing::StatusIs(absl::StatusCode::kResourceExhausted, "TOO_MANY_CALLS"));
    }
  }
  EXPECT_EQ(held_ok, kLimit) << "the admitted calls finish once the lock is gone";
  acknowledged += held_ok;

  // 2. Free-running at twice the limit for a while: answers or refusals, nothing else.
  std::map<absl::StatusCode, int> codes;
  std::atomic<bool> stop{false};
  for (int w = 0; w < 2 * kLimit; ++w) {
    callers.emplace_back([&, w] {
      for (int i = 0; !stop; ++i) {
        auto answer = testing::Register(
            *stack, testing::Registration(absl::StrCat("free-", w, "-", i)), absl::Seconds(10));
        std::lock_guard lock(mu);
        ++codes[answer.status().code()];
        if (answer.ok()) ++acknowledged;
      }
    });
  }
  auto answered = [&] {
    std::lock_guard lock(mu);
    return codes[absl::StatusCode::kOk] + codes[absl::StatusCode::kResourceExhausted];
  };
  for (absl::Time until = absl::Now() + absl::Seconds(60);
       absl::Now() < until && answered() < 300;) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  stop = true;
  for (std::thread& t : callers) t.join();
  callers.clear();
  for (const auto& [code, n] : codes) {
    EXPECT_TRUE(code == absl::StatusCode::kOk || code == absl::StatusCode::kResourceExhausted)
        << n << " calls ended " << absl::StatusCodeToString(code);
  }

  // 3. The load has stopped: ordinary traffic (half the limit) succeeds, within 30 s.
  absl::Time stopped = absl::Now();
  std::atomic<int> ok{0}, total{0};
  std::map<absl::StatusCode, int> after_codes;
  constexpr int kAfterCallers = kLimit / 2;
  for (int w = 0; w < kAfterCallers; ++w) {
    callers.emplace_back([&, w] {
      for (int i = 0; i < 20; ++i) {
        absl::Duration left = stopped + absl::Seconds(30) - absl::Now();
        if (left <= absl::ZeroDuration()) return;
        auto answer = testing::Register(
            *stack, testing::Registration(absl::StrCat("after-", w, "-", i)), left);
        ++total;
        if (answer.ok()) ++ok;
        std::lock_guard lock(mu);
        ++after_codes[answer.status().code()];
      }
    });
  }
  for (std::thread& t : callers) t.join();
  absl::Duration recovery = absl::Now() - stopped;
  EXPECT_GE(ok * 100, 95 * kAfterCallers * 20)
      << ok << " of " << kAfterCallers * 20 << " succeeded";
  for (const auto& [code, n] : after_codes) {
    if (code != absl::StatusCode::kOk) std::cout << n << " after the load: " << code << "\n";
  }
  acknowledged += ok;

  ASSERT_OK_AND_ASSIGN(std::vector<std::string> listed, testing::ListAllClues(*stack));
  EXPECT_EQ(listed.size(), static_cast<size_t>(acknowledged));
  ASSERT_OK_AND_ASSIGN(int chains, testing::VerifyAllAuditChains(*stack));
  std::sort(refusal_latency.begin(), refusal_latency.end());
  std::cout << "limit " << kLimit << ", held calls: " << held_ok << " answered after the lock, "
            << refusal_latency.size() << " refused, slowest refusal "
            << absl::FormatDuration(refusal_latency.empty() ? absl::ZeroDuration()
                                                            : refusal_latency.back())
            << "; free-running: " << codes[absl::StatusCode::kOk] << " ok, "
            << codes[absl::StatusCode::kResourceExhausted] << " refused; after the load: " << ok
            << " of " << total << " ok in " << absl::FormatDuration(recovery)
            << "; audit chains verified: " << chains << "\n";
}

}  // namespace
}  // namespace paizhu
