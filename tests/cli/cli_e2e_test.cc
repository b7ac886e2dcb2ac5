// The paizhu binary against the whole suite: dev login, health, units, and its exit codes.

#include <sys/stat.h>

#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "common/status/grpc_status.h"
#include "gmock/gmock.h"
#include "grpcpp/client_context.h"
#include "gtest/gtest.h"
#include "nlohmann/json.hpp"
#include "paizhu/org/v1/org.grpc.pb.h"
#include "tests/support/process.h"
#include "tests/support/stack.h"

namespace paizhu {
namespace {

using ::testing::HasSubstr;

struct Result {
  int exit_code = -1;
  std::string output;  // stdout and stderr together
};

class CliTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    // The CLI reads these before STATE: keep the caller's environment out of the test.
    for (const char* name : {"PAIZHU_STATE", "PAIZHU_ADDR", "PAIZHU_TOKEN", "PAIZHU_TOKEN_FILE"}) {
      unsetenv(name);
    }
    auto stack = testing::Stack::Start();
    ASSERT_TRUE(stack.ok()) << stack.status();
    stack_ = stack->release();
    dir_ = new std::string(testing::MakeTempDir("paizhu-cli"));
    state_ = new std::string(*dir_ + "/state");
    std::filesystem::create_directories(*state_ + "/keys");
    testing::WriteFile(*state_ + "/keys/dev-jwt.pem", stack_->DevKeyPem());
    testing::WriteFile(*state_ + "/env",
                       absl::StrCat("export PAIZHU_STATE=", *state_, "\n",
                                    "export PAIZHU_ADDR='127.0.0.1:", stack_->port("gateway"),
                                    "'\n", "export PAIZHU_JWT_ISSUER=paizhu-dev\n",
                                    "export PAIZHU_JWT_AUDIENCE=paizhu\n"));
  }
  static void TearDownTestSuite() {
    delete stack_;
    stack_ = nullptr;
    if (dir_ != nullptr) std::filesystem::remove_all(*dir_);
    delete dir_;
    delete state_;
  }

  // Runs `paizhu --state STATE args...`, its output captured in a log file of its own.
  static Result Paizhu(std::vector<std::string> args) {
    static int run = 0;
    std::string log = absl::StrCat(*dir_, "/run-", ++run, ".log");
    std::vector<std::string> argv = {testing::BinaryDir() + "/paizhu", "--state", *state_};
    argv.insert(argv.end(), args.begin(), args.end());
    testing::Subprocess child;
    Result result;
    if (!child.Start(argv, log)) return result;
    result.exit_code = child.Wait(absl::Seconds(30));
    result.output = testing::ReadFile(log);
    return result;
  }

  static absl::Status CreateUnit(const std::string& code, const std::string& kind,
                                 const std::string& display_name) {
    auto org = org::v1::OrgService::NewStub(stack_->Gateway());
    org::v1::CreateUnitRequest request;
    request.set_unit_id(code);
    request.mutable_unit()->set_kind(kind);
    request.mutable_unit()->set_display_name(display_name);
    request.mutable_unit()->set_established_on("2018-03-01");
    grpc::ClientContext ctx;
    ctx.set_deadline(absl::ToChronoTime(absl::Now() + absl::Seconds(10)));
    ctx.AddMetadata("authorization", "Bearer " + stack_->Token("admin"));
    org::v1::Unit unit;
    return FromGrpcStatus(org->CreateUnit(&ctx, request, &unit));
  }

  // Logs in as admin once; later tests use STATE/token.
  static void LogInOnce() {
    static bool done = false;
    if (done) return;
    Result login = Paizhu({"login", "--dev", "--as", "admin"});
    ASSERT_EQ(login.exit_code, 0) << login.output;
    done = true;
  }

  static testing::Stack* stack_;
  static std::string* dir_;
  static std::string* state_;
};

testing::Stack* CliTest::stack_ = nullptr;
std::string* CliTest::dir_ = nullptr;
std::string* CliTest::state_ = nullptr;

TEST_F(CliTest, DevLoginWritesAPrivateTokenAndPrintsTheExport) {
  Result login = Paizhu({"login", "--dev", "--as", "admin"});
  ASSERT_EQ(login.exit_code, 0) << login.output;
  std::string token = testing::ReadFile(*state_ + "/token");
  ASSERT_FALSE(token.empty());
  while (!token.empty() && token.back() == '\n') token.pop_back();
  EXPECT_THAT(login.output, HasSubstr("export PAIZHU_TOKEN=" + token));
  struct stat info;
  ASSERT_EQ(stat((*state_ + "/token").c_str(), &info), 0);
  EXPECT_EQ(info.st_mode & 0777, 0600);
}

TEST_F(CliTest, DevLoginWithoutAKeyIsRefused) {
  std::string empty = *dir_ + "/empty-state";
  std::filesystem::create_directories(empty);
  testing::Subprocess child;
  std::string log = *dir_ + "/nokey.log";
  ASSERT_TRUE(child.Start(
      {testing::BinaryDir() + "/paizhu", "login", "--dev", "--as", "admin", "--state", empty},
      log));
  EXPECT_EQ(child.Wait(absl::Seconds(30)), 1);
  EXPECT_THAT(testing::ReadFile(log), HasSubstr("run scripts/dev-up first"));
}

TEST_F(CliTest, HealthReportsTheGatewayServing) {
  Result health = Paizhu({"health"});
  EXPECT_EQ(health.exit_code, 0) << health.output;
  EXPECT_THAT(health.output, HasSubstr("SERVING"));
}

TEST_F(CliTest, UnitsListPrintsJsonWithSnakeCaseKeys) {
  LogInOnce();
  ASSERT_TRUE(CreateUnit("G01", "group", "驻市教育局纪检监察组").ok());
  Result list = Paizhu({"units", "list", "--json"});
  ASSERT_EQ(list.exit_code, 0) << list.output;
  nlohmann::json json = nlohmann::json::parse(list.output, nullptr, false);
  ASSERT_FALSE(json.is_discarded()) << list.output;
  ASSERT_TRUE(json.contains("units")) << list.output;
  bool found = false;
  for (const auto& unit : json["units"]) {
    if (unit.value("name", "") != "units/G01") continue;
    found = true;
    EXPECT_EQ(unit.value("display_name", ""), "驻市教育局纪检监察组");
    EXPECT_EQ(unit.value("established_on", ""), "2018-03-01");
  }
  EXPECT_TRUE(found) << list.output;

  Result table = Paizhu({"units", "list", "--kind", "group"});
  ASSERT_EQ(table.exit_code, 0) << table.output;
  EXPECT_THAT(table.output, HasSubstr("驻市教育局纪检监察组"));
}

TEST_F(CliTest, ShowingAMissingUnitFailsWithTheReason) {
  LogInOnce();
  Result show = Paizhu({"units", "show", "NOPE"});
  EXPECT_EQ(show.exit_code, 1) << show.output;
  EXPECT_THAT(show.output, HasSubstr("error: NOT_FOUND"));
  EXPECT_THAT(show.output, HasSubstr("UNIT_NOT_FOUND"));
}

TEST_F(CliTest, BadUsageExitsTwo) {
  Result unknown = Paizhu({"frobnicate"});
  EXPECT_EQ(unknown.exit_code, 2) << unknown.output;
  EXPECT_THAT(unknown.output, HasSubstr("usage: paizhu"));
  EXPECT_EQ(Paizhu({"units", "list", "--bogus"}).exit_code, 2);
  EXPECT_EQ(Paizhu({"units", "show"}).exit_code, 2);
}

}  // namespace
}  // namespace paizhu
