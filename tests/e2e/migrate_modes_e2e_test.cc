// The deploy story for schemas: a service started with --migrate=verify on a schema that
// is behind stays alive but not ready; `--migrate-only` (the Kubernetes Job) brings the
// schema up to date and exits 0; the waiting service then becomes ready by itself.

#include <signal.h>

#include "absl/strings/str_cat.h"
#include "common/crypto/digest.h"
#include "grpcpp/create_channel.h"
#include "gtest/gtest.h"
#include "paizhu/org/v1/org.grpc.pb.h"
#include "tests/support/mariadb.h"
#include "tests/support/process.h"
#include "tests/support/stack.h"
#include "tests/support/status_matchers.h"

namespace paizhu {
namespace {

TEST(MigrateModesTest, VerifyWaitsForTheMigrationJob) {
  ASSERT_OK_AND_ASSIGN(sql::ConnectOptions db,
                       testing::CreateTestSchema(testing::SharedDatabase(), "modes"));
  std::string dir = testing::MakeTempDir("paizhu-modes");
  testing::WriteFile(dir + "/db.password", db.password);
  testing::WriteFile(dir + "/org.key", crypto::HexEncode(crypto::RandomBytes(32)));
  std::vector<std::string> common = {absl::StrCat(testing::BinaryDir(), "/paizhu-org"),
                                     "--db-host=127.0.0.1",
                                     absl::StrCat("--db-port=", db.port),
                                     "--db-user=" + db.user,
                                     "--db-password-file=" + dir + "/db.password",
                                     "--db-name=" + db.database,
                                     "--service-key-file=" + dir + "/org.key"};

  const int health_port = testing::FreePort();
  std::vector<std::string> serve = common;
  serve.insert(serve.end(), {"--migrate=verify", "--readiness-interval=100ms",
                             "--listen=127.0.0.1:0", "--port-file=" + dir + "/port",
                             "--drain-delay=0s", absl::StrCat("--health-port=", health_port)});
  testing::Subprocess org;
  ASSERT_TRUE(org.Start(serve, dir + "/org.log"));
  std::string port;
  for (absl::Time until = absl::Now() + absl::Seconds(20); port.empty() && absl::Now() < until;) {
    port = testing::ReadFile(dir + "/port");
    if (port.empty()) absl::SleepFor(absl::Milliseconds(20));
  }
  ASSERT_FALSE(port.empty()) << testing::ReadFile(dir + "/org.log");
  std::string addr = "127.0.0.1:" + std::string(port.substr(0, port.find('\n')));
  absl::SleepFor(absl::Milliseconds(500));  // several readiness rounds
  // Probes see the same on the plaintext health port: alive, not ready.
  const std::string health = absl::StrCat("127.0.0.1:", health_port);
  for (const std::string& a : {addr, health}) {
    EXPECT_TRUE(testing::IsServing(a, "")) << a;
    EXPECT_FALSE(testing::IsServing(a, "paizhu.org.v1.OrgService")) << a;
  }
  EXPECT_NE(testing::ReadFile(dir + "/org.log").find("SCHEMA_BEHIND"), std::string::npos);

  std::vector<std::string> job = common;
  job.push_back("--migrate-only");
  testing::Subprocess migrate;
  ASSERT_TRUE(migrate.Start(job, dir + "/job.log"));
  EXPECT_EQ(migrate.Wait(absl::Seconds(60)), 0) << testing::ReadFile(dir + "/job.log");

  bool ready = false;
  for (absl::Time until = absl::Now() + absl::Seconds(20); !ready && absl::Now() < until;) {
    ready = testing::IsServing(addr, "paizhu.org.v1.OrgService");
    if (!ready) absl::SleepFor(absl::Milliseconds(50));
  }
  EXPECT_TRUE(ready) << testing::ReadFile(dir + "/org.log");
  EXPECT_TRUE(testing::IsServing(health, "paizhu.org.v1.OrgService"));
  // The health port serves health only, never the service itself.
  auto via_health_port =
      org::v1::OrgService::NewStub(grpc::CreateChannel(health, grpc::InsecureChannelCredentials()));
  grpc::ClientContext ctx;
  org::v1::ListUnitsRequest request;
  org::v1::ListUnitsResponse response;
  EXPECT_EQ(via_health_port->ListUnits(&ctx, request, &response).error_code(),
            grpc::StatusCode::UNIMPLEMENTED);
  org.Signal(SIGTERM);
  EXPECT_EQ(org.Wait(absl::Seconds(20)), 0);
}

}  // namespace
}  // namespace paizhu
