// Mutual TLS between the gateway and the services, and between services, as the prod
// overlay runs them: every service port asks for and verifies a client certificate from
// the internal CA, callers trust that CA and present their own. A person's call through
// the gateway works (gateway -> org, gateway -> assess -> org); a plaintext caller, one
// without a certificate and one with a certificate from another CA are refused at the
// handshake, straight to the service. The plaintext health port still answers probes.
// The CAs and certificates are made at test time with openssl; nothing is kept.

#include <string>

#include "absl/strings/str_cat.h"
#include "common/status/grpc_status.h"
#include "grpcpp/create_channel.h"
#include "grpcpp/security/credentials.h"
#include "gtest/gtest.h"
#include "paizhu/assess/v1/assess.grpc.pb.h"
#include "paizhu/org/v1/org.grpc.pb.h"
#include "tests/gateway/certificates.h"
#include "tests/support/mariadb.h"
#include "tests/support/process.h"
#include "tests/support/stack.h"
#include "tests/support/status_matchers.h"

namespace paizhu {
namespace {

using ::paizhu::testing::StatusIs;

// A certificate that serves and calls: one per process in production, one for all
// services here (the identity of a call is its signed principal; TLS is the transport).
constexpr char kPeerExtensions[] =
    "subjectAltName=DNS:localhost,IP:127.0.0.1\nextendedKeyUsage=serverAuth,clientAuth";

std::string dir;
testing::Certificates* certs = nullptr;

class ServiceTlsTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir = paizhu::testing::MakeTempDir("paizhu-service-tls");
    certs = new testing::Certificates(dir);
    bool made = certs->MakeCa("ca") && certs->MakeCa("rogue-ca") &&
                certs->MakeCert("service", "/O=paizhu/CN=service", "ca", kPeerExtensions) &&
                certs->MakeCert("gateway", "/O=paizhu/CN=gateway", "ca", kPeerExtensions) &&
                certs->MakeCert("rogue", "/O=paizhu/CN=gateway", "rogue-ca", kPeerExtensions);
    ASSERT_TRUE(made) << certs->Log();
    auto upstream = [](const std::string& cert) {
      return std::vector<std::string>{"--upstream-ca-file=" + certs->Path("ca.pem"),
                                      "--upstream-cert-file=" + certs->Path(cert + ".pem"),
                                      "--upstream-key-file=" + certs->Path(cert + ".key")};
    };
    testing::StackOptions options;
    options.probe_ports = true;
    options.service_flags = upstream("service");
    for (const std::string& flag : {"--tls-cert-file=" + certs->Path("service.pem"),
                                    "--tls-key-file=" + certs->Path("service.key"),
                                    "--client-ca-file=" + certs->Path("ca.pem")}) {
      options.service_flags.push_back(flag);
    }
    options.gateway_flags = upstream("gateway");
    // The stack's own readiness checks call the services as the gateway would.
    options.service_channel = [](const std::string& a) {
      return certs->Channel(a, "ca", "gateway");
    };
    auto stack = testing::Stack::Start(testing::SharedDatabase(), options);
    ASSERT_TRUE(stack.ok()) << stack.status();
    stack_ = stack->release();
  }
  static void TearDownTestSuite() {
    delete stack_;
    delete certs;
    std::system(("rm -rf " + dir).c_str());
  }
  void SetUp() override { ASSERT_NE(stack_, nullptr); }

  static std::string Address(const std::string& process) {
    return absl::StrCat("127.0.0.1:", stack_->port(process));
  }
  static std::unique_ptr<grpc::ClientContext> As(const std::string& person) {
    auto ctx = std::make_unique<grpc::ClientContext>();
    ctx->set_deadline(absl::ToChronoTime(absl::Now() + absl::Seconds(10)));
    if (!person.empty()) ctx->AddMetadata("authorization", "Bearer " + stack_->Token(person));
    return ctx;
  }
  static absl::Status CreateUnit(const std::shared_ptr<grpc::Channel>& channel,
                                 const std::string& code, const std::string& kind,
                                 const std::string& parent = "") {
    org::v1::CreateUnitRequest request;
    request.set_unit_id(code);
    request.mutable_unit()->set_kind(kind);
    request.mutable_unit()->set_display_name(code);
    request.mutable_unit()->set_established_on("2018-03-01");
    if (!parent.empty()) request.mutable_unit()->set_parent("units/" + parent);
    org::v1::Unit unit;
    return FromGrpcStatus(
        org::v1::OrgService::NewStub(channel)->CreateUnit(As("admin").get(), request, &unit));
  }
  static absl::Status ListUnits(const std::shared_ptr<grpc::Channel>& channel) {
    org::v1::ListUnitsRequest request;
    org::v1::ListUnitsResponse response;
    return FromGrpcStatus(
        org::v1::OrgService::NewStub(channel)->ListUnits(As("").get(), request, &response));
  }

  static testing::Stack* stack_;
};
testing::Stack* ServiceTlsTest::stack_ = nullptr;

TEST_F(ServiceTlsTest, CallsThroughTheGatewayAndBetweenServicesWork) {
  auto gateway = stack_->Gateway();
  ASSERT_OK(CreateUnit(gateway, "C1", "commission"));
  ASSERT_OK(CreateUnit(gateway, "G1", "group", "C1"));
  ASSERT_OK(CreateUnit(gateway, "U1", "supervised_unit"));
  // The gateway calls assess, which asks org about both units as itself.
  auto record = [&](const std::string& unit) {
    assess::v1::RecordActivityRequest request;
    auto* a = request.mutable_activity();
    a->set_group("units/G1");
    a->set_unit("units/" + unit);
    a->set_date("2026-03-02");
    a->set_kind("meeting");
    a->set_subkind("党组会");
    a->set_count(1);
    assess::v1::Activity out;
    return FromGrpcStatus(assess::v1::AssessService::NewStub(gateway)->RecordActivity(
        As("admin").get(), request, &out));
  };
  EXPECT_OK(record("U1"));
  EXPECT_THAT(record("NOPE"), StatusIs(absl::StatusCode::kInvalidArgument, "UNIT_NOT_FOUND"));
}

TEST_F(ServiceTlsTest, APlaintextCallerIsRefusedByEveryService) {
  for (const char* service : {"org", "clue", "assess"}) {
    SCOPED_TRACE(service);
    EXPECT_THAT(
        ListUnits(grpc::CreateChannel(Address(service), grpc::InsecureChannelCredentials())),
        StatusIs(absl::StatusCode::kUnavailable));
  }
}

TEST_F(ServiceTlsTest, ACallerWithoutACertificateIsRefused) {
  EXPECT_THAT(ListUnits(certs->Channel(Address("org"), "ca", "")),
              StatusIs(absl::StatusCode::kUnavailable));
}

TEST_F(ServiceTlsTest, ACertificateFromAnotherCaIsRefused) {
  EXPECT_THAT(ListUnits(certs->Channel(Address("org"), "ca", "rogue")),
              StatusIs(absl::StatusCode::kUnavailable));
  // A caller that trusts another CA refuses the service in turn.
  EXPECT_THAT(ListUnits(certs->Channel(Address("org"), "rogue-ca", "gateway")),
              StatusIs(absl::StatusCode::kUnavailable));
}

TEST_F(ServiceTlsTest, ACertificateIsNotAPrincipal) {
  // Past the handshake, a call still needs the principal the gateway signs.
  EXPECT_THAT(ListUnits(certs->Channel(Address("org"), "ca", "gateway")),
              StatusIs(absl::StatusCode::kUnauthenticated));
}

TEST_F(ServiceTlsTest, TheHealthPortStaysPlaintextForProbes) {
  for (auto [service, name] : {std::pair{"org", "paizhu.org.v1.OrgService"},
                               {"clue", "paizhu.clue.v1.ClueService"},
                               {"assess", "paizhu.assess.v1.AssessService"}}) {
    SCOPED_TRACE(service);
    EXPECT_TRUE(testing::IsServing(absl::StrCat("127.0.0.1:", stack_->health_port(service)), name));
  }
}

}  // namespace
}  // namespace paizhu
