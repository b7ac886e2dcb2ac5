// What an operator reads on --metrics-port after a few calls through the gateway:
// calls by method and code with their latency, the gateway's authentication failures and
// rate-limit refusals, and the database pool of a service.

#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"
#include "paizhu/org/v1/org.grpc.pb.h"
#include "tests/deploy/scrape.h"
#include "tests/support/mariadb.h"
#include "tests/support/process.h"
#include "tests/support/stack.h"
#include "tests/support/status_matchers.h"

namespace paizhu {
namespace {

constexpr char kListUnits[] = "method=\"/paizhu.org.v1.OrgService/ListUnits\"";

TEST(MetricsTest, CallsRefusalsAndPoolAreCounted) {
  std::string limits = absl::StrCat(testing::MakeTempDir("paizhu-limits"), "/limits.json");
  // Two calls, then (for the next 200 s) none.
  testing::WriteFile(limits, R"({"default": {"per_second": 0.01, "burst": 2}})", 0644);
  testing::StackOptions options;
  options.probe_ports = true;
  options.gateway_flags = {"--rate-limits-file=" + limits};
  ASSERT_OK_AND_ASSIGN(auto stack, testing::Stack::Start(testing::SharedDatabase(), options));
  auto org = org::v1::OrgService::NewStub(stack->Gateway());
  auto list_units = [&](const std::string& token) {
    grpc::ClientContext ctx;
    ctx.AddMetadata("authorization", "Bearer " + token);
    org::v1::ListUnitsRequest request;
    org::v1::ListUnitsResponse response;
    return org->ListUnits(&ctx, request, &response).error_code();
  };
  const std::string token = stack->Token("admin");
  EXPECT_EQ(list_units(token), grpc::StatusCode::OK);
  EXPECT_EQ(list_units(token), grpc::StatusCode::OK);
  for (int i = 0; i < 3; ++i) EXPECT_EQ(list_units(token), grpc::StatusCode::RESOURCE_EXHAUSTED);
  EXPECT_EQ(list_units("not-a-token"), grpc::StatusCode::UNAUTHENTICATED);

  std::string gateway = testing::ScrapeMetrics(stack->metrics_port("gateway"));
  using testing::SampleValue;
  EXPECT_EQ(SampleValue(gateway, "paizhu_rpc_calls_total", {kListUnits, "code=\"OK\""}), 2)
      << gateway;
  EXPECT_EQ(
      SampleValue(gateway, "paizhu_rpc_calls_total", {kListUnits, "code=\"RESOURCE_EXHAUSTED\""}),
      3);
  EXPECT_EQ(
      SampleValue(gateway, "paizhu_rpc_calls_total", {kListUnits, "code=\"UNAUTHENTICATED\""}), 1);
  EXPECT_EQ(SampleValue(gateway, "paizhu_rpc_call_duration_seconds_count", {kListUnits}), 6);
  EXPECT_EQ(SampleValue(gateway, "paizhu_gateway_rate_limited_total"), 3);
  EXPECT_EQ(SampleValue(gateway, "paizhu_gateway_auth_failures_total"), 1);
  EXPECT_EQ(SampleValue(gateway, "paizhu_gateway_concurrency_refusals_total"), 0);
  EXPECT_GE(SampleValue(gateway, "paizhu_rpc_calls_in_flight"), 0);

  // The service saw only the calls the gateway let through.
  std::string service = testing::ScrapeMetrics(stack->metrics_port("org"));
  EXPECT_EQ(SampleValue(service, "paizhu_rpc_calls_total", {kListUnits, "code=\"OK\""}), 2)
      << service;
  EXPECT_EQ(
      SampleValue(service, "paizhu_rpc_calls_total", {kListUnits, "code=\"RESOURCE_EXHAUSTED\""}),
      -1);
  EXPECT_GE(SampleValue(service, "paizhu_rpc_calls_total",
                        {"method=\"/paizhu.org.v1.OrgService/ResolvePrincipal\"", "code=\"OK\""}),
            1);
  EXPECT_EQ(SampleValue(service, "paizhu_db_pool_size"), 8);
  EXPECT_GE(SampleValue(service, "paizhu_db_pool_sessions_open"), 1);
  // The readiness check leases a session now and then: at most the open ones are in use.
  EXPECT_GE(SampleValue(service, "paizhu_db_pool_sessions_in_use"), 0);
  EXPECT_LE(SampleValue(service, "paizhu_db_pool_sessions_in_use"),
            SampleValue(service, "paizhu_db_pool_sessions_open"));
  EXPECT_EQ(SampleValue(service, "paizhu_db_pool_waiting"), 0);
  EXPECT_EQ(SampleValue(service, "paizhu_db_pool_broken_sessions_total"), 0);
}

}  // namespace
}  // namespace paizhu
