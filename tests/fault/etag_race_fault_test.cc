// 32 callers update one unit at once, each with the etag it read, until each has had one
// update accepted. Exactly one update succeeds per version of the unit, every other one
// is ABORTED with ETAG_MISMATCH, and the unit ends as the successes applied one after
// another (each success read the version the previous one wrote).

#include <atomic>
#include <map>
#include <mutex>
#include <thread>

#include "absl/strings/str_cat.h"
#include "absl/synchronization/barrier.h"
#include "common/status/grpc_status.h"
#include "gtest/gtest.h"
#include "paizhu/org/v1/org.grpc.pb.h"
#include "tests/support/stack.h"
#include "tests/support/status_matchers.h"

namespace paizhu {
namespace {

using ::paizhu::testing::StatusIs;

constexpr int kCallers = 32;

struct Success {
  std::string read_etag;     // the version the caller read
  std::string written_etag;  // the version its update made
  std::string display_name;
};

TEST(EtagRaceTest, ThirtyTwoConcurrentUpdatesApplyOnePerVersionInSomeSerialOrder) {
  ASSERT_OK_AND_ASSIGN(auto stack, testing::Stack::Start());
  auto org = org::v1::OrgService::NewStub(stack->Gateway());
  const std::string token = stack->Token("admin", absl::Minutes(10));
  auto as_admin = [&] {
    auto ctx = std::make_unique<grpc::ClientContext>();
    ctx->set_deadline(absl::ToChronoTime(absl::Now() + absl::Seconds(20)));
    ctx->AddMetadata("authorization", "Bearer " + token);
    return ctx;
  };
  org::v1::CreateUnitRequest create;
  create.set_unit_id("RACE");
  create.mutable_unit()->set_kind("office");
  create.mutable_unit()->set_display_name("race 0");
  create.mutable_unit()->set_established_on("2018-03-01");
  org::v1::Unit initial;
  ASSERT_OK(FromGrpcStatus(org->CreateUnit(as_admin().get(), create, &initial)));

  auto update = [&](const std::string& etag, const std::string& display_name, org::v1::Unit* out) {
    org::v1::UpdateUnitRequest r;
    r.mutable_unit()->set_name("units/RACE");
    r.mutable_unit()->set_etag(etag);
    r.mutable_unit()->set_display_name(display_name);
    r.mutable_update_mask()->add_paths("display_name");
    return FromGrpcStatus(org->UpdateUnit(as_admin().get(), r, out));
  };

  std::mutex mu;
  std::vector<Success> successes;
  std::vector<std::string> unexpected;
  int aborted = 0, first_round_ok = 0;
  absl::Barrier start(kCallers);
  auto caller = [&](int worker) {
    // Round one: everybody holds the same etag and sends at once.
    std::string etag = initial.etag();
    start.Block();
    for (int round = 0; round < 200; ++round) {
      std::string name = absl::StrCat("race ", worker, ".", round);
      org::v1::Unit out;
      absl::Status s = update(etag, name, &out);
      {
        std::lock_guard lock(mu);
        if (s.ok()) {
          successes.push_back({etag, out.etag(), name});
          first_round_ok += round == 0;
          return;
        }
        if (s.code() == absl::StatusCode::kAborted && ErrorReason(s) == "ETAG_MISMATCH") {
          ++aborted;
        } else {
          unexpected.push_back(s.ToString());
        }
      }
      // Read again, as the refusal asks, and try once more.
      org::v1::GetUnitRequest get;
      get.set_name("units/RACE");
      org::v1::Unit now;
      if (absl::Status read = FromGrpcStatus(org->GetUnit(as_admin().get(), get, &now));
          !read.ok()) {
        std::lock_guard lock(mu);
        unexpected.push_back("GetUnit: " + read.ToString());
      }
      etag = now.etag();
    }
  };
  std::vector<std::thread> callers;
  for (int w = 0; w < kCallers; ++w) callers.emplace_back(caller, w);
  for (std::thread& t : callers) t.join();

  EXPECT_TRUE(unexpected.empty()) << unexpected.size()
                                  << " unexpected, first: " << unexpected.front();
  ASSERT_EQ(successes.size(), static_cast<size_t>(kCallers)) << "every caller got one update in";
  EXPECT_EQ(first_round_ok, 1) << "one etag, 32 updates: exactly one may win";
  // One success per version: no two successes read the same etag, and following them
  // from the first version visits every success once: a serial order.
  std::map<std::string, const Success*> by_read;
  for (const Success& s : successes) {
    EXPECT_TRUE(by_read.emplace(s.read_etag, &s).second)
        << "two updates of version " << s.read_etag;
  }
  std::string etag = initial.etag();
  const Success* last = nullptr;
  for (int n = 0; n < kCallers; ++n) {
    auto it = by_read.find(etag);
    ASSERT_NE(it, by_read.end()) << "no update of the version after " << n << " updates";
    last = it->second;
    etag = last->written_etag;
  }
  org::v1::GetUnitRequest get;
  get.set_name("units/RACE");
  org::v1::Unit final_state;
  ASSERT_OK(FromGrpcStatus(org->GetUnit(as_admin().get(), get, &final_state)));
  EXPECT_EQ(final_state.display_name(), last->display_name);
  EXPECT_EQ(final_state.etag(), last->written_etag);
  // The stale update is refused as ABORTED, not silently applied, even now.
  org::v1::Unit ignored;
  EXPECT_THAT(update(initial.etag(), "stale", &ignored),
              StatusIs(absl::StatusCode::kAborted, "ETAG_MISMATCH"));
  std::cout << "updates accepted: " << successes.size() << ", refused as stale: " << aborted
            << "\n";
}

}  // namespace
}  // namespace paizhu
