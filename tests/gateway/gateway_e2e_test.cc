// The gateway's guards end to end, each group on a stack of its own: deadlines capped
// or defaulted, one access line per call (and never a token), per-principal rate limits
// that recover, the concurrency cap, and readiness that follows the backends.

#include <signal.h>

#include <optional>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/time/clock.h"
#include "common/crypto/digest.h"
#include "common/status/grpc_status.h"
#include "gmock/gmock.h"
#include "grpcpp/client_context.h"
#include "grpcpp/generic/generic_stub.h"
#include "gtest/gtest.h"
#include "nlohmann/json.hpp"
#include "paizhu/org/v1/org.grpc.pb.h"
#include "tests/support/mariadb.h"
#include "tests/support/process.h"
#include "tests/support/stack.h"
#include "tests/support/status_matchers.h"

namespace paizhu {
namespace {

using ::paizhu::testing::StatusIs;
using Json = nlohmann::json;

// The access lines of the gateway's log for one request id.
std::vector<Json> AccessLines(const testing::Stack& stack, const std::string& request_id) {
  std::vector<Json> out;
  for (absl::string_view line : absl::StrSplit(testing::ReadFile(stack.Log("gateway")), '\n')) {
    Json json = Json::parse(line.begin(), line.end(), nullptr, false);
    if (json.is_object() && json.value("msg", "") == "access" &&
        json.value("request_id", "") == request_id) {
      out.push_back(std::move(json));
    }
  }
  return out;
}

std::string NewRequestId(const std::string& what) {
  return absl::StrCat(what, "-", crypto::HexEncode(crypto::RandomBytes(6)));
}

// Polls `condition` until it holds or `timeout` passes.
template <typename F>
bool Eventually(F condition, absl::Duration timeout = absl::Seconds(20)) {
  absl::Time until = absl::Now() + timeout;
  while (absl::Now() < until) {
    if (condition()) return true;
    absl::SleepFor(absl::Milliseconds(50));
  }
  return condition();
}

class GatewayTest : public ::testing::Test {
 protected:
  static testing::Stack* StartStack(std::vector<std::string> gateway_flags) {
    auto stack = testing::Stack::Start(testing::SharedDatabase(),
                                       testing::StackOptions{.gateway_flags = gateway_flags});
    EXPECT_TRUE(stack.ok()) << stack.status();
    return stack.ok() ? stack->release() : nullptr;
  }

  // A call context: a request id, optionally a bearer token, a deadline unless nullopt.
  static std::unique_ptr<grpc::ClientContext> Context(
      const std::string& request_id, const std::string& token,
      std::optional<absl::Duration> deadline = absl::Seconds(10)) {
    auto ctx = std::make_unique<grpc::ClientContext>();
    if (deadline.has_value()) ctx->set_deadline(absl::ToChronoTime(absl::Now() + *deadline));
    ctx->AddMetadata("x-request-id", request_id);
    if (!token.empty()) ctx->AddMetadata("authorization", "Bearer " + token);
    return ctx;
  }

  static absl::Status ListUnits(testing::Stack& stack, const std::string& request_id,
                                const std::string& token) {
    auto org = org::v1::OrgService::NewStub(stack.Gateway());
    org::v1::ListUnitsRequest request;
    org::v1::ListUnitsResponse response;
    return FromGrpcStatus(org->ListUnits(Context(request_id, token).get(), request, &response));
  }
};

// ---- deadlines and the access audit -------------------------------------------------

class AuditTest : public GatewayTest {
 protected:
  static void SetUpTestSuite() {
    stack_ = StartStack({"--max-call-timeout=3s", "--default-call-timeout=2s"});
  }
  static void TearDownTestSuite() { delete stack_; }
  void SetUp() override { ASSERT_NE(stack_, nullptr); }

  static int64_t DeadlineMsOf(const std::string& request_id) {
    std::vector<Json> lines = AccessLines(*stack_, request_id);
    EXPECT_EQ(lines.size(), 1u) << request_id;
    return lines.empty() ? -1 : lines[0].value("deadline_ms", int64_t{-1});
  }

  static testing::Stack* stack_;
};
testing::Stack* AuditTest::stack_ = nullptr;

TEST_F(AuditTest, AFarDeadlineIsCappedAndAMissingOneDefaulted) {
  auto org = org::v1::OrgService::NewStub(stack_->Gateway());
  std::string token = stack_->Token("admin");
  org::v1::ListUnitsRequest request;
  org::v1::ListUnitsResponse response;

  std::string far = NewRequestId("far");
  ASSERT_TRUE(
      org->ListUnits(Context(far, token, absl::Minutes(10)).get(), request, &response).ok());
  int64_t far_ms = DeadlineMsOf(far);
  EXPECT_LE(far_ms, 3000);  // --max-call-timeout, not the client's ten minutes
  EXPECT_GT(far_ms, 2000);

  std::string none = NewRequestId("none");
  ASSERT_TRUE(org->ListUnits(Context(none, token, std::nullopt).get(), request, &response).ok());
  int64_t none_ms = DeadlineMsOf(none);
  EXPECT_LE(none_ms, 2000);  // --default-call-timeout
  EXPECT_GT(none_ms, 1000);

  std::string near = NewRequestId("near");
  ASSERT_TRUE(
      org->ListUnits(Context(near, token, absl::Seconds(1)).get(), request, &response).ok());
  int64_t near_ms = DeadlineMsOf(near);
  // The client's own, shorter deadline (as the server sees it: grpc-timeout is sent
  // rounded up, so a few milliseconds later than the client's clock says).
  EXPECT_LT(near_ms, 1100);
  EXPECT_GT(near_ms, 0);
}

TEST_F(AuditTest, EveryCallLeavesExactlyOneAccessLineAndNeverTheToken) {
  auto org = org::v1::OrgService::NewStub(stack_->Gateway());
  std::vector<std::string> tokens;
  auto admin_token = [&] {
    tokens.push_back(stack_->Token("admin"));
    return tokens.back();
  };

  org::v1::CreateUnitRequest create;
  create.set_unit_id("AUD1");
  create.mutable_unit()->set_kind("township");
  create.mutable_unit()->set_display_name("审计用乡镇 secret-payload-marker");
  create.mutable_unit()->set_established_on("2019-05-01");
  org::v1::Unit unit;
  std::string created = NewRequestId("create");
  ASSERT_TRUE(org->CreateUnit(Context(created, admin_token()).get(), create, &unit).ok());

  org::v1::GetUnitRequest get;
  get.set_name("units/AUD1");
  std::string allowed = NewRequestId("allowed");
  ASSERT_TRUE(org->GetUnit(Context(allowed, admin_token()).get(), get, &unit).ok());

  std::string anonymous = NewRequestId("anonymous");
  EXPECT_EQ(org->GetUnit(Context(anonymous, "").get(), get, &unit).error_code(),
            grpc::StatusCode::UNAUTHENTICATED);

  std::string forged = NewRequestId("forged");
  tokens.push_back(stack_->Token("admin") + "x");
  EXPECT_EQ(org->GetUnit(Context(forged, tokens.back()).get(), get, &unit).error_code(),
            grpc::StatusCode::UNAUTHENTICATED);

  org::v1::GetUnitRequest missing_unit;
  missing_unit.set_name("units/NOPE");
  std::string missing = NewRequestId("missing");
  EXPECT_EQ(org->GetUnit(Context(missing, admin_token()).get(), missing_unit, &unit).error_code(),
            grpc::StatusCode::NOT_FOUND);

  struct Expected {
    std::string request_id, method, principal, code, resource;
  };
  const std::string org_service = "/paizhu.org.v1.OrgService/";
  for (const Expected& e : std::vector<Expected>{
           {created, org_service + "CreateUnit", "person:admin", "OK", ""},
           {allowed, org_service + "GetUnit", "person:admin", "OK", "units/AUD1"},
           {anonymous, org_service + "GetUnit", "anonymous", "UNAUTHENTICATED", "units/AUD1"},
           {forged, org_service + "GetUnit", "anonymous", "UNAUTHENTICATED", "units/AUD1"},
           {missing, org_service + "GetUnit", "person:admin", "NOT_FOUND", "units/NOPE"},
       }) {
    std::vector<Json> lines = AccessLines(*stack_, e.request_id);
    ASSERT_EQ(lines.size(), 1u) << e.request_id;
    const Json& line = lines[0];
    EXPECT_EQ(line.value("method", ""), e.method) << line;
    EXPECT_EQ(line.value("principal", ""), e.principal) << line;
    EXPECT_EQ(line.value("code", ""), e.code) << line;
    EXPECT_EQ(line.value("resource", ""), e.resource) << line;
    ASSERT_TRUE(line.contains("latency_ms") && line["latency_ms"].is_number()) << line;
    EXPECT_GE(line["latency_ms"].get<double>(), 0) << line;
    EXPECT_EQ(line.value("level", ""), "info") << line;
    if (e.code != "OK") {
      EXPECT_FALSE(line.value("reason", "").empty()) << line;
    }
  }

  // Nothing of a token (whole, or its signature) and nothing of a payload in the log.
  std::string log = testing::ReadFile(stack_->Log("gateway"));
  for (const std::string& token : tokens) {
    EXPECT_EQ(log.find(token), std::string::npos);
    EXPECT_EQ(log.find(token.substr(token.rfind('.') + 1, 40)), std::string::npos);
  }
  EXPECT_EQ(log.find("secret-payload-marker"), std::string::npos);
  EXPECT_EQ(log.find("Bearer"), std::string::npos);
}

// ---- per-principal rate limits --------------------------------------------------------

class RateLimitTest : public GatewayTest {
 protected:
  static void SetUpTestSuite() {
    dir_ = testing::MakeTempDir("paizhu-gw-limits");
    // admin: a burst of 3, then one call every 2 s; everyone else is barely limited.
    testing::WriteFile(dir_ + "/limits.json", R"({
      "default": {"per_second": 100, "burst": 100},
      "roles": {"admin": {"per_second": 0.5, "burst": 3}}
    })");
    stack_ = StartStack({"--rate-limits-file=" + dir_ + "/limits.json"});
  }
  static void TearDownTestSuite() {
    delete stack_;
    std::system(("rm -rf " + dir_).c_str());
  }
  void SetUp() override { ASSERT_NE(stack_, nullptr); }

  static std::string dir_;
  static testing::Stack* stack_;
};
std::string RateLimitTest::dir_;
testing::Stack* RateLimitTest::stack_ = nullptr;

TEST_F(RateLimitTest, AnExhaustedBurstIsRefusedAtOnceThenRecovers) {
  std::string token = stack_->Token("admin");
  for (int i = 0; i < 3; ++i) ASSERT_OK(ListUnits(*stack_, NewRequestId("burst"), token)) << i;

  // The burst is spent: refused at once (a token comes back only every 2 s).
  std::string refused_id;
  absl::Status refused;
  for (int i = 0; i < 5 && refused.ok(); ++i) {
    refused_id = NewRequestId("over");
    refused = ListUnits(*stack_, refused_id, token);
  }
  EXPECT_THAT(refused, StatusIs(absl::StatusCode::kResourceExhausted, "RATE_LIMITED"));
  std::vector<Json> lines = AccessLines(*stack_, refused_id);
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_EQ(lines[0].value("code", ""), "RESOURCE_EXHAUSTED");
  EXPECT_EQ(lines[0].value("reason", ""), "RATE_LIMITED");
  EXPECT_EQ(lines[0].value("principal", ""), "person:admin");

  // The bucket refills: a later call succeeds again.
  EXPECT_TRUE(Eventually([&] { return ListUnits(*stack_, NewRequestId("again"), token).ok(); }));
}

// ---- the concurrency cap and readiness ---------------------------------------------

class CapacityAndReadinessTest : public GatewayTest {
 protected:
  static void SetUpTestSuite() {
    stack_ = StartStack({"--max-concurrent-calls=1", "--backend-check-interval=200ms"});
  }
  static void TearDownTestSuite() { delete stack_; }
  void SetUp() override { ASSERT_NE(stack_, nullptr); }

  static testing::Stack* stack_;
};
testing::Stack* CapacityAndReadinessTest::stack_ = nullptr;

// A call that sends its headers and never its request: while the gateway has not ended
// it, it holds a slot of --max-concurrent-calls.
class HeldCall {
 public:
  HeldCall(std::shared_ptr<grpc::Channel> channel, const std::string& token) : stub_(channel) {
    ctx_.set_deadline(absl::ToChronoTime(absl::Now() + absl::Seconds(60)));
    ctx_.AddMetadata("authorization", "Bearer " + token);
    call_ = stub_.PrepareCall(&ctx_, "/paizhu.org.v1.OrgService/ListUnits", &cq_);
    call_->StartCall(Tag(kStarted));
    Await(kStarted);
    // Completes only when the gateway ends the call (e.g. refuses it at once).
    call_->Read(&response_, Tag(kEnded));
  }
  ~HeldCall() {
    ctx_.TryCancel();
    call_->Finish(&status_, Tag(kFinished));
    Await(kFinished);
    cq_.Shutdown();
    void* tag;
    bool ok;
    while (cq_.Next(&tag, &ok)) {
    }
  }

  // Whether the gateway has ended the call (so it holds no slot).
  bool Ended() {
    void* tag;
    bool ok;
    while (!ended_ && cq_.AsyncNext(&tag, &ok, std::chrono::system_clock::now()) ==
                          grpc::CompletionQueue::GOT_EVENT) {
      ended_ = ended_ || tag == Tag(kEnded);
    }
    return ended_;
  }

 private:
  enum Step { kStarted = 1, kEnded, kFinished };
  static void* Tag(Step step) { return reinterpret_cast<void*>(static_cast<intptr_t>(step)); }
  void Await(Step step) {
    void* tag;
    bool ok;
    while (cq_.Next(&tag, &ok)) {
      if (tag == Tag(kEnded)) ended_ = true;
      if (tag == Tag(step)) return;
    }
  }

  grpc::GenericStub stub_;
  grpc::ClientContext ctx_;
  grpc::CompletionQueue cq_;
  std::unique_ptr<grpc::GenericClientAsyncReaderWriter> call_;
  grpc::ByteBuffer response_;
  grpc::Status status_;
  bool ended_ = false;
};

TEST_F(CapacityAndReadinessTest, CallsBeyondTheCapAreRefusedAtOnce) {
  std::string token = stack_->Token("admin");
  ASSERT_OK(ListUnits(*stack_, NewRequestId("first"), token));

  // The one slot taken by a held call, the next call is refused. (A slot is freed just
  // after its call's answer, so a held call may itself be refused: then hold another.)
  auto held = std::make_unique<HeldCall>(stack_->Gateway(), token);
  absl::Status refused;
  EXPECT_TRUE(Eventually([&] {
    if (held->Ended()) held = std::make_unique<HeldCall>(stack_->Gateway(), token);
    refused = ListUnits(*stack_, NewRequestId("crowded"), token);
    return !refused.ok() && !held->Ended();
  }));
  EXPECT_THAT(refused, StatusIs(absl::StatusCode::kResourceExhausted, "TOO_MANY_CALLS"));
  // Refused for as long as the held call lasts.
  EXPECT_THAT(ListUnits(*stack_, NewRequestId("crowded"), token),
              StatusIs(absl::StatusCode::kResourceExhausted, "TOO_MANY_CALLS"));
  EXPECT_FALSE(held->Ended());

  // The held call ends: the slot is free again.
  held.reset();
  EXPECT_TRUE(Eventually([&] { return ListUnits(*stack_, NewRequestId("free"), token).ok(); }));
}

// Last in this suite: it stops a backend.
TEST_F(CapacityAndReadinessTest, ReadinessFollowsTheBackends) {
  std::string gateway = absl::StrCat("127.0.0.1:", stack_->port("gateway"));
  ASSERT_TRUE(testing::IsServing(gateway, "paizhu.gateway"));

  pid_t clue = stack_->pid("clue");
  ASSERT_GT(clue, 0);
  ASSERT_EQ(::kill(clue, SIGTERM), 0);
  EXPECT_TRUE(Eventually([&] { return !testing::IsServing(gateway, "paizhu.gateway"); }));
  // Alive all the same, and still serving what its other backends answer.
  EXPECT_TRUE(testing::IsServing(gateway, ""));
  EXPECT_OK(ListUnits(*stack_, NewRequestId("org-still-up"), stack_->Token("admin")));
  EXPECT_NE(testing::ReadFile(stack_->Log("gateway")).find("\"backend\":\"clue\""),
            std::string::npos);
}

}  // namespace
}  // namespace paizhu
