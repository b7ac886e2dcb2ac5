// A database restart while calls run: callers get UNAVAILABLE during the outage and
// answers after it, readiness follows the database, and no service is restarted.

#include <atomic>
#include <mutex>
#include <thread>

#include "absl/strings/str_cat.h"
#include "common/status/grpc_status.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "paizhu/org/v1/org.grpc.pb.h"
#include "tests/support/mariadb.h"
#include "tests/support/stack.h"
#include "tests/support/status_matchers.h"

namespace paizhu {
namespace {

TEST(DbOutageTest, RestartGivesUnavailableThenAnswersWithoutRestartingServices) {
  ASSERT_OK_AND_ASSIGN(auto db, testing::PrivateMariaDb::Start());
  ASSERT_OK_AND_ASSIGN(auto stack, testing::Stack::Start(db->RootOptions()));
  auto org = org::v1::OrgService::NewStub(stack->Gateway());
  const std::string org_addr = absl::StrCat("127.0.0.1:", stack->port("org"));

  std::mutex mu;
  std::vector<grpc::StatusCode> codes;
  std::atomic<bool> stop{false};
  std::thread caller([&] {
    while (!stop) {
      grpc::ClientContext ctx;
      ctx.set_deadline(absl::ToChronoTime(absl::Now() + absl::Seconds(3)));
      ctx.AddMetadata("authorization", "Bearer " + stack->Token("admin"));
      org::v1::ListUnitsRequest request;
      org::v1::ListUnitsResponse response;
      grpc::StatusCode code = org->ListUnits(&ctx, request, &response).error_code();
      {
        std::lock_guard lock(mu);
        codes.push_back(code);
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(25));
    }
  });
  auto count = [&] {
    std::lock_guard lock(mu);
    return codes.size();
  };
  auto wait_until = [](auto predicate) {
    for (absl::Time until = absl::Now() + absl::Seconds(30); absl::Now() < until;) {
      if (predicate()) return true;
      std::this_thread::sleep_for(std::chrono::milliseconds(25));
    }
    return false;
  };

  ASSERT_TRUE(wait_until([&] { return count() >= 5; }));
  ASSERT_OK(db->Stop());
  size_t outage_begin = count();
  // Readiness follows the database: org stops being ready, yet stays alive.
  EXPECT_TRUE(
      wait_until([&] { return !testing::IsServing(org_addr, "paizhu.org.v1.OrgService"); }));
  EXPECT_TRUE(testing::IsServing(org_addr, ""));
  ASSERT_TRUE(wait_until([&] { return count() >= outage_begin + 5; }));
  size_t restart_begin = count();
  ASSERT_OK(db->Restart());
  size_t back = count();
  EXPECT_TRUE(wait_until([&] { return testing::IsServing(org_addr, "paizhu.org.v1.OrgService"); }));
  ASSERT_TRUE(wait_until([&] {
    std::lock_guard lock(mu);
    return codes.size() > back + 3 && codes.back() == grpc::StatusCode::OK;
  }));
  stop = true;
  caller.join();

  int unavailable = 0;
  for (size_t i = outage_begin + 1; i < restart_begin; ++i) {
    EXPECT_EQ(codes[i], grpc::StatusCode::UNAVAILABLE) << "call " << i;
    unavailable += codes[i] == grpc::StatusCode::UNAVAILABLE;
  }
  EXPECT_GE(unavailable, 3);
  EXPECT_EQ(codes.back(), grpc::StatusCode::OK);
  // Same processes throughout: each exits cleanly now.
  EXPECT_EQ(stack->StopAll(), 0);
}

}  // namespace
}  // namespace paizhu
