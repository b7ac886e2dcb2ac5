#pragma once
// The suite setup the clue e2e tests share: one stack for the whole suite, seeded with
// the small clue city (clue_city.h), calls to the clue service as one of its people, and
// the check that a hidden clue reads exactly like one that does not exist.

#include <memory>
#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/str_replace.h"
#include "common/status/status.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "paizhu/clue/v1/clue.grpc.pb.h"
#include "tests/clue/clue_city.h"
#include "tests/support/stack.h"
#include "tests/support/status_matchers.h"

namespace paizhu::testing {

// A clue number no test registers: what a missing clue is answered with.
inline constexpr char kMissingClue[] = "clues/XS2099-9999";

// `hidden` (the answer about clue `name`) must read like `missing` (the same call about
// kMissingClue): NOT_FOUND with the same reason and message but for the name asked.
inline void ExpectReadsAsMissing(const absl::Status& hidden, const absl::Status& missing,
                                 const std::string& name, const std::string& who) {
  EXPECT_THAT(hidden, StatusIs(absl::StatusCode::kNotFound, "CLUE_NOT_FOUND")) << who;
  EXPECT_EQ(hidden.code(), missing.code()) << who;
  EXPECT_EQ(ErrorReason(hidden), ErrorReason(missing)) << who;
  EXPECT_EQ(hidden.message(), absl::StrReplaceAll(missing.message(), {{kMissingClue, name}}))
      << who;
}

class ClueCityTest : public ::testing::Test {
 protected:
  using Stub = clue::v1::ClueService::Stub;

  static void SetUpTestSuite() {
    auto stack = Stack::Start();
    ASSERT_TRUE(stack.ok()) << stack.status();
    stack_ = stack->release();
    clue_ = clue::v1::ClueService::NewStub(stack_->Gateway());
    ASSERT_OK(SeedClueCity(*stack_));
  }
  static void TearDownTestSuite() {
    clue_.reset();
    delete stack_;
    stack_ = nullptr;
  }

  template <typename Request, typename Response>
  static absl::StatusOr<Response> Call(grpc::Status (Stub::*rpc)(grpc::ClientContext*,
                                                                 const Request&, Response*),
                                       const std::string& person, const Request& request) {
    return CallAs(*stack_, *clue_, rpc, person, request);
  }

  inline static Stack* stack_ = nullptr;
  inline static std::unique_ptr<Stub> clue_;
};

}  // namespace paizhu::testing
