// MariaDB killed with SIGKILL in the middle of a registration load, then restarted.
// Callers retry a failed call with the same request_id, as the API asks. Afterwards every
// acknowledged registration is in the registry exactly once, the numbers have no gap,
// a retry of any request gets its original answer, and the audit chains verify.

#include <algorithm>
#include <atomic>
#include <map>
#include <mutex>
#include <set>
#include <thread>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "google/protobuf/util/message_differencer.h"
#include "gtest/gtest.h"
#include "tests/clue/clue_city.h"
#include "tests/fault/fault_support.h"
#include "tests/support/mariadb.h"
#include "tests/support/stack.h"
#include "tests/support/status_matchers.h"

namespace paizhu {
namespace {

using google::protobuf::util::MessageDifferencer;

TEST(DbCrashTest, KillNineDuringRegistrationsLosesAndDuplicatesNothingAcknowledged) {
  ASSERT_OK_AND_ASSIGN(auto db, testing::PrivateMariaDb::Start());
  ASSERT_OK_AND_ASSIGN(auto stack, testing::Stack::Start(db->RootOptions()));
  ASSERT_OK(testing::SeedClueCity(*stack));

  std::mutex mu;
  std::map<std::string, clue::v1::Clue> acknowledged;  // request_id -> the answer
  std::vector<std::string> refused;
  int retried = 0;  // requests that needed more than one attempt
  std::atomic<bool> stop{false};
  std::atomic<int> failures{0};
  auto caller = [&](int worker) {
    for (int i = 0; !stop; ++i) {
      std::string id = absl::StrCat("crash-", worker, "-", i);
      auto answer = testing::RegisterUntilAnswered(*stack, testing::Registration(id));
      std::lock_guard lock(mu);
      if (!answer.ok()) {
        refused.push_back(absl::StrCat(id, ": ", answer.status().ToString()));
        continue;
      }
      acknowledged[id] = answer->clue;
      if (answer->attempts > 1) {
        ++retried;
        failures += answer->attempts - 1;
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

  ASSERT_TRUE(wait_until([&] { return count() >= 40; }));
  db->Kill();
  size_t at_kill = count();
  // Down long enough for every caller to see it fail, then back on the same data.
  std::this_thread::sleep_for(std::chrono::milliseconds(500));
  ASSERT_OK(db->Restart());
  ASSERT_TRUE(wait_until([&] { return count() >= at_kill + 40; }));
  stop = true;
  for (std::thread& t : callers) t.join();

  EXPECT_TRUE(refused.empty()) << refused.size() << " refused, first: " << refused.front();
  EXPECT_GT(retried, 0) << "the crash should have failed some calls";
  // Every acknowledged registration exactly once, and nothing else.
  ASSERT_OK_AND_ASSIGN(std::vector<std::string> listed, testing::ListAllClues(*stack));
  std::multiset<std::string> in_registry(listed.begin(), listed.end());
  std::set<std::string> answered;
  for (const auto& [id, clue] : acknowledged) {
    EXPECT_EQ(in_registry.count(clue.name()), 1u) << id << " -> " << clue.name();
    EXPECT_TRUE(answered.insert(clue.name()).second) << clue.name() << " answered twice";
  }
  EXPECT_EQ(listed.size(), acknowledged.size());
  // Numbers stay gap-free per year across the crash: XS2026-0001 .. N.
  std::set<std::string> expected;
  for (size_t n = 1; n <= acknowledged.size(); ++n)
    expected.insert(absl::StrFormat("clues/XS2026-%04d", n));
  EXPECT_EQ(answered, expected);
  // A retry of any request, now, gets the original answer.
  int mismatched = 0;
  for (const auto& [id, first] : acknowledged) {
    ASSERT_OK_AND_ASSIGN(clue::v1::Clue again,
                         testing::Register(*stack, testing::Registration(id)));
    if (!MessageDifferencer::Equals(first, again)) {
      ++mismatched;
      ADD_FAILURE() << id << ": first " << first.ShortDebugString() << "\nretry "
                    << again.ShortDebugString();
      if (mismatched > 3) break;
    }
  }
  ASSERT_OK_AND_ASSIGN(listed, testing::ListAllClues(*stack));
  EXPECT_EQ(listed.size(), acknowledged.size()) << "a retry registered a second clue";
  ASSERT_OK_AND_ASSIGN(int chains, testing::VerifyAllAuditChains(*stack));
  std::cout << "acknowledged: " << acknowledged.size() << " (" << at_kill
            << " before the kill), requests retried: " << retried
            << ", failed attempts: " << failures << ", audit chains verified: " << chains << "\n";
}

}  // namespace
}  // namespace paizhu
