// The upstream deadline: the client's, capped by the maximum, or the default.

#include "services/gateway/domain/deadline.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/support/status_matchers.h"

namespace paizhu::gateway {
namespace {

using ::paizhu::testing::StatusIs;

const absl::Time kNow = absl::FromUnixSeconds(1'770'000'000);
const DeadlinePolicy kPolicy{absl::Seconds(30), absl::Seconds(10)};

TEST(UpstreamDeadlineTest, AClientWithoutADeadlineGetsTheDefault) {
  EXPECT_EQ(UpstreamDeadline(std::nullopt, kNow, kPolicy), kNow + absl::Seconds(10));
}

TEST(UpstreamDeadlineTest, AClientDeadlineBeyondTheMaximumIsCapped) {
  EXPECT_EQ(UpstreamDeadline(kNow + absl::Minutes(10), kNow, kPolicy), kNow + absl::Seconds(30));
  EXPECT_EQ(UpstreamDeadline(absl::InfiniteFuture(), kNow, kPolicy), kNow + absl::Seconds(30));
}

TEST(UpstreamDeadlineTest, AClientDeadlineWithinTheMaximumIsKept) {
  EXPECT_EQ(UpstreamDeadline(kNow + absl::Seconds(12), kNow, kPolicy), kNow + absl::Seconds(12));
  EXPECT_EQ(UpstreamDeadline(kNow + absl::Milliseconds(1), kNow, kPolicy),
            kNow + absl::Milliseconds(1));
  // One that has passed already stays passed: the call fails upstream at once.
  EXPECT_EQ(UpstreamDeadline(kNow - absl::Seconds(1), kNow, kPolicy), kNow - absl::Seconds(1));
}

TEST(UpstreamDeadlineTest, TheDefaultNeverExceedsTheMaximum) {
  DeadlinePolicy odd{absl::Seconds(5), absl::Seconds(10)};
  EXPECT_EQ(UpstreamDeadline(std::nullopt, kNow, odd), kNow + absl::Seconds(5));
  EXPECT_THAT(odd.Validate(), StatusIs(absl::StatusCode::kInvalidArgument, "BAD_FLAG_VALUE"));
}

TEST(UpstreamDeadlineTest, PolicyValidation) {
  EXPECT_OK(kPolicy.Validate());
  EXPECT_OK((DeadlinePolicy{absl::Seconds(3), absl::Seconds(3)}.Validate()));
  EXPECT_FALSE((DeadlinePolicy{absl::ZeroDuration(), absl::ZeroDuration()}.Validate().ok()));
  EXPECT_FALSE((DeadlinePolicy{absl::Seconds(3), absl::ZeroDuration()}.Validate().ok()));
}

}  // namespace
}  // namespace paizhu::gateway
