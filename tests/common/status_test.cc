// paizhu errors: the reason and field payloads, their defaults, the one conversion to and
// from grpc::Status, and the propagation macros.

#include "common/status/status.h"

#include <memory>
#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "common/status/grpc_status.h"
#include "common/status/macros.h"
#include "gmock/gmock.h"
#include "google/rpc/error_details.pb.h"
#include "google/rpc/status.pb.h"
#include "grpcpp/support/status.h"
#include "gtest/gtest.h"
#include "tests/support/status_matchers.h"

namespace paizhu {
namespace {

using ::paizhu::testing::HasField;
using ::paizhu::testing::StatusIs;

TEST(MakeErrorTest, CarriesCodeMessageReasonAndField) {
  absl::Status s =
      MakeError(absl::StatusCode::kInvalidArgument, "INVALID_NAME", "unit: bad name", "unit");
  EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(s.message(), "unit: bad name");
  EXPECT_EQ(ErrorReason(s), "INVALID_NAME");
  EXPECT_EQ(ErrorField(s), "unit");
  EXPECT_THAT(s, StatusIs(absl::StatusCode::kInvalidArgument, "INVALID_NAME"));
  EXPECT_THAT(s, HasField("unit"));
}

TEST(MakeErrorTest, WithoutFieldHasEmptyField) {
  absl::Status s = MakeError(absl::StatusCode::kNotFound, "UNIT_NOT_FOUND", "no unit U001");
  EXPECT_EQ(ErrorReason(s), "UNIT_NOT_FOUND");
  EXPECT_EQ(ErrorField(s), "");
}

TEST(MakeErrorTest, NamedHelpersUseTheirCodes) {
  EXPECT_THAT(InvalidArgument("page_size", "INVALID_PAGE_SIZE", "m"),
              StatusIs(absl::StatusCode::kInvalidArgument, "INVALID_PAGE_SIZE"));
  EXPECT_THAT(InvalidArgument("page_size", "INVALID_PAGE_SIZE", "m"), HasField("page_size"));
  EXPECT_THAT(NotFound("R", "m"), StatusIs(absl::StatusCode::kNotFound, "R"));
  EXPECT_THAT(AlreadyExists("R", "m"), StatusIs(absl::StatusCode::kAlreadyExists, "R"));
  EXPECT_THAT(FailedPrecondition("R", "m"), StatusIs(absl::StatusCode::kFailedPrecondition, "R"));
  EXPECT_THAT(PermissionDenied("R", "m"), StatusIs(absl::StatusCode::kPermissionDenied, "R"));
  EXPECT_THAT(Unauthenticated("R", "m"), StatusIs(absl::StatusCode::kUnauthenticated, "R"));
  EXPECT_THAT(Aborted("R", "m"), StatusIs(absl::StatusCode::kAborted, "R"));
  EXPECT_THAT(Unavailable("R", "m"), StatusIs(absl::StatusCode::kUnavailable, "R"));
  EXPECT_THAT(Internal("R", "m"), StatusIs(absl::StatusCode::kInternal, "R"));
  EXPECT_EQ(NotFound("R", "the message").message(), "the message");
}

TEST(ErrorReasonTest, PlainStatusDefaultsToTheCodeName) {
  EXPECT_EQ(ErrorReason(absl::NotFoundError("x")), "NOT_FOUND");
  EXPECT_EQ(ErrorReason(absl::InvalidArgumentError("x")), "INVALID_ARGUMENT");
  EXPECT_EQ(ErrorReason(absl::FailedPreconditionError("x")), "FAILED_PRECONDITION");
  EXPECT_EQ(ErrorReason(absl::InternalError("x")), "INTERNAL");
}

TEST(ErrorReasonTest, MakeErrorWithoutReasonDefaultsToTheCodeName) {
  EXPECT_EQ(ErrorReason(MakeError(absl::StatusCode::kPermissionDenied, "", "m")),
            "PERMISSION_DENIED");
}

TEST(ErrorReasonTest, OkStatusHasNoReasonOrField) {
  EXPECT_EQ(ErrorReason(absl::OkStatus()), "");
  EXPECT_EQ(ErrorField(absl::OkStatus()), "");
}

TEST(ErrorFieldTest, PlainStatusHasNoField) {
  EXPECT_EQ(ErrorField(absl::InvalidArgumentError("x")), "");
}

// The details trailer as any gRPC client reads it.
google::rpc::Status ParseDetails(const grpc::Status& status) {
  google::rpc::Status details;
  EXPECT_TRUE(details.ParseFromString(status.error_details()));
  return details;
}

TEST(ToGrpcStatusTest, OkIsOk) {
  grpc::Status g = ToGrpcStatus(absl::OkStatus());
  EXPECT_TRUE(g.ok());
  EXPECT_EQ(g.error_details(), "");
}

TEST(ToGrpcStatusTest, KeepsCodeAndMessage) {
  grpc::Status g = ToGrpcStatus(NotFound("UNIT_NOT_FOUND", "no unit U001"));
  EXPECT_EQ(g.error_code(), grpc::StatusCode::NOT_FOUND);
  EXPECT_EQ(g.error_message(), "no unit U001");
  google::rpc::Status details = ParseDetails(g);
  EXPECT_EQ(details.code(), static_cast<int>(grpc::StatusCode::NOT_FOUND));
  EXPECT_EQ(details.message(), "no unit U001");
}

TEST(ToGrpcStatusTest, PutsReasonInErrorInfoWithPaizhuDomain) {
  google::rpc::Status details = ParseDetails(ToGrpcStatus(NotFound("UNIT_NOT_FOUND", "m")));
  int infos = 0;
  for (const auto& any : details.details()) {
    google::rpc::ErrorInfo info;
    if (!any.UnpackTo(&info)) continue;
    ++infos;
    EXPECT_EQ(info.reason(), "UNIT_NOT_FOUND");
    EXPECT_EQ(info.domain(), "paizhu");
    EXPECT_EQ(info.domain(), kErrorDomain);
  }
  EXPECT_EQ(infos, 1);
}

TEST(ToGrpcStatusTest, PutsFieldInBadRequest) {
  google::rpc::Status details =
      ParseDetails(ToGrpcStatus(InvalidArgument("page_token", "INVALID_PAGE_TOKEN", "bad token")));
  int bad_requests = 0;
  for (const auto& any : details.details()) {
    google::rpc::BadRequest bad;
    if (!any.UnpackTo(&bad)) continue;
    ++bad_requests;
    ASSERT_EQ(bad.field_violations_size(), 1);
    EXPECT_EQ(bad.field_violations(0).field(), "page_token");
    EXPECT_EQ(bad.field_violations(0).description(), "bad token");
  }
  EXPECT_EQ(bad_requests, 1);
}

TEST(ToGrpcStatusTest, NoBadRequestWithoutField) {
  google::rpc::Status details = ParseDetails(ToGrpcStatus(NotFound("UNIT_NOT_FOUND", "m")));
  EXPECT_EQ(details.details_size(), 1);  // the ErrorInfo only
  for (const auto& any : details.details()) {
    EXPECT_FALSE(any.Is<google::rpc::BadRequest>());
  }
}

TEST(ToGrpcStatusTest, PlainStatusGetsTheCodeNameAsReason) {
  google::rpc::Status details = ParseDetails(ToGrpcStatus(absl::NotFoundError("m")));
  ASSERT_EQ(details.details_size(), 1);
  google::rpc::ErrorInfo info;
  ASSERT_TRUE(details.details(0).UnpackTo(&info));
  EXPECT_EQ(info.reason(), "NOT_FOUND");
}

// Scrubbing internal messages is the server's job (common/server), not the conversion's.
TEST(ToGrpcStatusTest, InternalIsNotSpecial) {
  grpc::Status g = ToGrpcStatus(Internal("DB_DOWN", "SELECT failed: connection reset"));
  EXPECT_EQ(g.error_code(), grpc::StatusCode::INTERNAL);
  EXPECT_EQ(g.error_message(), "SELECT failed: connection reset");
  EXPECT_THAT(FromGrpcStatus(g), StatusIs(absl::StatusCode::kInternal, "DB_DOWN"));
}

TEST(FromGrpcStatusTest, RoundTripsCodeMessageReasonField) {
  absl::Status original = InvalidArgument("unit", "INVALID_NAME", "unit: 'x' is not a name");
  absl::Status back = FromGrpcStatus(ToGrpcStatus(original));
  EXPECT_EQ(back.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(back.message(), "unit: 'x' is not a name");
  EXPECT_EQ(ErrorReason(back), "INVALID_NAME");
  EXPECT_EQ(ErrorField(back), "unit");
}

TEST(FromGrpcStatusTest, RoundTripsWithoutField) {
  absl::Status back = FromGrpcStatus(ToGrpcStatus(Aborted("STALE_ETAG", "the unit changed")));
  EXPECT_THAT(back, StatusIs(absl::StatusCode::kAborted, "STALE_ETAG"));
  EXPECT_EQ(back.message(), "the unit changed");
  EXPECT_EQ(ErrorField(back), "");
}

TEST(FromGrpcStatusTest, OkIsOk) { EXPECT_OK(FromGrpcStatus(grpc::Status::OK)); }

// A status from a peer that sends no details keeps code and message.
TEST(FromGrpcStatusTest, WithoutDetailsKeepsCodeAndMessage) {
  absl::Status s = FromGrpcStatus(grpc::Status(grpc::StatusCode::UNAVAILABLE, "connect failed"));
  EXPECT_EQ(s.code(), absl::StatusCode::kUnavailable);
  EXPECT_EQ(s.message(), "connect failed");
  EXPECT_EQ(ErrorReason(s), "UNAVAILABLE");
  EXPECT_EQ(ErrorField(s), "");
}

TEST(FromGrpcStatusTest, GarbageDetailsKeepCodeAndMessage) {
  absl::Status s = FromGrpcStatus(
      grpc::Status(grpc::StatusCode::PERMISSION_DENIED, "denied", std::string("\xff\xff\xff", 3)));
  EXPECT_EQ(s.code(), absl::StatusCode::kPermissionDenied);
  EXPECT_EQ(s.message(), "denied");
}

// --- propagation macros ---

absl::Status Fail() { return NotFound("UNIT_NOT_FOUND", "no unit"); }
absl::StatusOr<int> Value(bool ok) {
  if (!ok) return InvalidArgument("n", "BAD_N", "bad n");
  return 42;
}

absl::Status UseReturnIfError(bool fail, bool* reached_end) {
  RETURN_IF_ERROR(fail ? Fail() : absl::OkStatus());
  *reached_end = true;
  return absl::OkStatus();
}

TEST(MacrosTest, ReturnIfErrorPropagatesTheStatusUnchanged) {
  bool reached_end = false;
  absl::Status s = UseReturnIfError(true, &reached_end);
  EXPECT_FALSE(reached_end);
  EXPECT_THAT(s, StatusIs(absl::StatusCode::kNotFound, "UNIT_NOT_FOUND"));
  EXPECT_EQ(s.message(), "no unit");
}

TEST(MacrosTest, ReturnIfErrorContinuesOnOk) {
  bool reached_end = false;
  EXPECT_OK(UseReturnIfError(false, &reached_end));
  EXPECT_TRUE(reached_end);
}

TEST(MacrosTest, ReturnIfErrorEvaluatesOnce) {
  int calls = 0;
  auto count = [&] {
    ++calls;
    return absl::OkStatus();
  };
  auto f = [&]() -> absl::Status {
    RETURN_IF_ERROR(count());
    return absl::OkStatus();
  };
  EXPECT_OK(f());
  EXPECT_EQ(calls, 1);
}

absl::StatusOr<int> UseAssignOrReturn(bool ok) {
  ASSIGN_OR_RETURN(int n, Value(ok));
  return n + 1;
}

TEST(MacrosTest, AssignOrReturnBindsTheValue) {
  ASSERT_OK_AND_ASSIGN(int n, UseAssignOrReturn(true));
  EXPECT_EQ(n, 43);
}

TEST(MacrosTest, AssignOrReturnPropagatesTheError) {
  absl::StatusOr<int> n = UseAssignOrReturn(false);
  EXPECT_THAT(n, StatusIs(absl::StatusCode::kInvalidArgument, "BAD_N"));
  EXPECT_THAT(n, HasField("n"));
}

absl::StatusOr<std::unique_ptr<int>> MakeOwned(bool ok) {
  if (!ok) return Unavailable("DOWN", "down");
  return std::make_unique<int>(7);
}

absl::StatusOr<int> UseMoveOnly(bool ok) {
  ASSIGN_OR_RETURN(std::unique_ptr<int> p, MakeOwned(ok));
  int total = *p;
  ASSIGN_OR_RETURN(p, MakeOwned(ok));  // assigns to an existing variable
  return total + *p;
}

TEST(MacrosTest, AssignOrReturnWorksWithMoveOnlyValuesAndTwicePerFunction) {
  ASSERT_OK_AND_ASSIGN(int n, UseMoveOnly(true));
  EXPECT_EQ(n, 14);
  EXPECT_THAT(UseMoveOnly(false), StatusIs(absl::StatusCode::kUnavailable, "DOWN"));
}

TEST(MacrosTest, ReturnIfErrorInStatusOrFunction) {
  auto f = []() -> absl::StatusOr<int> {
    RETURN_IF_ERROR(Fail());
    return 1;
  };
  EXPECT_THAT(f(), StatusIs(absl::StatusCode::kNotFound, "UNIT_NOT_FOUND"));
}

}  // namespace
}  // namespace paizhu
