// Systems by mTLS on the gateway's one gRPC port, beside people with tokens: the port
// asks for a client certificate and verifies one when presented; --systems-file maps a
// certificate's subject to a system and its scopes. A certificate from another CA fails
// the handshake (UNAVAILABLE); a good certificate nobody mapped is UNAUTHENTICATED. The
// CA and certificates are made at test time with the openssl command; nothing is kept.

#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "common/status/grpc_status.h"
#include "common/status/status.h"
#include "grpcpp/create_channel.h"
#include "grpcpp/security/credentials.h"
#include "gtest/gtest.h"
#include "nlohmann/json.hpp"
#include "paizhu/clue/v1/clue.grpc.pb.h"
#include "paizhu/org/v1/org.grpc.pb.h"
#include "tests/gateway/certificates.h"
#include "tests/support/mariadb.h"
#include "tests/support/process.h"
#include "tests/support/stack.h"
#include "tests/support/status_matchers.h"

namespace paizhu {
namespace {

using ::paizhu::testing::StatusIs;
using Json = nlohmann::json;

std::string dir;  // the certificates of this run
testing::Certificates* certs = nullptr;

// A TLS channel to the gateway trusting the test CA, presenting `client` if not empty.
std::shared_ptr<grpc::Channel> TlsChannel(const std::string& address, const std::string& client) {
  return certs->Channel(address, "ca", client);
}

class MtlsTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir = paizhu::testing::MakeTempDir("paizhu-mtls");
    certs = new testing::Certificates(dir);
    bool made = certs->MakeCa("ca") && certs->MakeCa("rogue-ca") &&
                certs->MakeServerCert("server", "ca") &&
                certs->MakeCert("hr", "/O=City HR Bureau/CN=hr", "ca") &&
                certs->MakeCert("letters", "/O=Petition Office/CN=letters-and-visits", "ca") &&
                certs->MakeCert("stranger", "/O=Elsewhere/CN=stranger", "ca") &&
                // The HR system's very subject, from a CA the gateway does not trust.
                certs->MakeCert("impostor", "/O=City HR Bureau/CN=hr", "rogue-ca");
    ASSERT_TRUE(made) << certs->Log();
    paizhu::testing::WriteFile(dir + "/systems.json", R"({"systems": [
      {"subject": "CN=hr,O=City HR Bureau", "name": "hr", "scopes": ["people.read"]},
      {"subject": "CN=letters-and-visits,O=Petition Office", "name": "letters-and-visits",
       "scopes": ["clues.submit"]}]})");
    auto stack = testing::Stack::Start(
        testing::SharedDatabase(),
        testing::StackOptions{
            .gateway_flags = {"--tls-cert-file=" + dir + "/server.pem",
                              "--tls-key-file=" + dir + "/server.key",
                              "--client-ca-file=" + dir + "/ca.pem",
                              "--systems-file=" + dir + "/systems.json"},
            .gateway_channel = [](const std::string& a) { return TlsChannel(a, ""); }});
    ASSERT_TRUE(stack.ok()) << stack.status();
    stack_ = stack->release();
  }
  static void TearDownTestSuite() {
    delete stack_;
    delete certs;
    std::system(("rm -rf " + dir).c_str());
  }
  void SetUp() override { ASSERT_NE(stack_, nullptr); }

  static std::string Address() { return absl::StrCat("127.0.0.1:", stack_->port("gateway")); }

  static std::unique_ptr<grpc::ClientContext> Context(const std::string& request_id,
                                                      const std::string& token = "") {
    auto ctx = std::make_unique<grpc::ClientContext>();
    ctx->set_deadline(absl::ToChronoTime(absl::Now() + absl::Seconds(10)));
    ctx->AddMetadata("x-request-id", request_id);
    if (!token.empty()) ctx->AddMetadata("authorization", "Bearer " + token);
    return ctx;
  }

  static absl::Status GetPerson(const std::shared_ptr<grpc::Channel>& channel,
                                const std::string& request_id) {
    org::v1::GetPersonRequest request;
    request.set_name("people/admin");
    org::v1::Person person;
    return FromGrpcStatus(org::v1::OrgService::NewStub(channel)->GetPerson(
        Context(request_id).get(), request, &person));
  }
  static absl::Status ListUnits(const std::shared_ptr<grpc::Channel>& channel,
                                const std::string& request_id, const std::string& token = "") {
    org::v1::ListUnitsRequest request;
    org::v1::ListUnitsResponse response;
    return FromGrpcStatus(org::v1::OrgService::NewStub(channel)->ListUnits(
        Context(request_id, token).get(), request, &response));
  }
  static absl::Status RegisterClue(const std::shared_ptr<grpc::Channel>& channel,
                                   const std::string& request_id, clue::v1::Clue* out = nullptr) {
    clue::v1::RegisterClueRequest request;
    auto* c = request.mutable_clue();
    c->set_received_on("2026-03-02");
    c->set_source("petition");
    c->set_allegation("来信反映某局长收受礼金");
    c->add_subjects()->set_name("张某");
    c->add_violations("integrity");
    c->set_handling_unit("units/MG1");
    c->set_registering_unit("units/MPET");
    clue::v1::Clue clue;
    return FromGrpcStatus(clue::v1::ClueService::NewStub(channel)->RegisterClue(
        Context(request_id).get(), request, out ? out : &clue));
  }
  static void CreateUnit(const std::string& code, const std::string& kind) {
    org::v1::CreateUnitRequest r;
    r.set_unit_id(code);
    r.mutable_unit()->set_kind(kind);
    r.mutable_unit()->set_display_name(code);
    r.mutable_unit()->set_established_on("2018-03-01");
    org::v1::Unit unit;
    ASSERT_OK(FromGrpcStatus(
        org::v1::OrgService::NewStub(TlsChannel(Address(), ""))
            ->CreateUnit(Context("unit-" + code, stack_->Token("admin")).get(), r, &unit)));
  }

  // The principal of the access line of one request.
  static std::string AccessPrincipal(const std::string& request_id) {
    for (absl::string_view line : absl::StrSplit(testing::ReadFile(stack_->Log("gateway")), '\n')) {
      Json json = Json::parse(line.begin(), line.end(), nullptr, false);
      if (json.is_object() && json.value("msg", "") == "access" &&
          json.value("request_id", "") == request_id) {
        return json.value("principal", "");
      }
    }
    return "";
  }

  static testing::Stack* stack_;
};
testing::Stack* MtlsTest::stack_ = nullptr;

TEST_F(MtlsTest, PeopleWithTokensShareThePortWithoutACertificate) {
  auto channel = TlsChannel(Address(), "");
  EXPECT_OK(ListUnits(channel, "person-tls", stack_->Token("admin")));
  EXPECT_EQ(AccessPrincipal("person-tls"), "person:admin");
  EXPECT_THAT(ListUnits(channel, "nobody-tls"), StatusIs(absl::StatusCode::kUnauthenticated));
}

TEST_F(MtlsTest, TheHrSystemMayOnlyReadPeople) {
  auto hr = TlsChannel(Address(), "hr");
  EXPECT_OK(GetPerson(hr, "hr-person"));
  EXPECT_EQ(AccessPrincipal("hr-person"), "system:hr");
  EXPECT_THAT(ListUnits(hr, "hr-units"),
              StatusIs(absl::StatusCode::kPermissionDenied, "CALLER_NOT_ALLOWED"));
  EXPECT_THAT(RegisterClue(hr, "hr-clue"),
              StatusIs(absl::StatusCode::kPermissionDenied, "CALLER_NOT_ALLOWED"));
  EXPECT_EQ(AccessPrincipal("hr-clue"), "system:hr");
}

TEST_F(MtlsTest, TheLettersSystemMayOnlySubmitClues) {
  auto letters = TlsChannel(Address(), "letters");
  EXPECT_THAT(GetPerson(letters, "letters-person"),
              StatusIs(absl::StatusCode::kPermissionDenied, "CALLER_NOT_ALLOWED"));
  EXPECT_THAT(ListUnits(letters, "letters-units"),
              StatusIs(absl::StatusCode::kPermissionDenied, "CALLER_NOT_ALLOWED"));
  // Past the gateway and the clue service's own access check (scope clues.submit), the
  // system registers for the letters-and-visits office it names.
  CreateUnit("MPET", "petition_office");
  CreateUnit("MG1", "group");
  clue::v1::Clue submitted;
  ASSERT_OK(RegisterClue(letters, "letters-clue", &submitted));
  EXPECT_THAT(submitted.name(), ::testing::StartsWith("clues/XS2026-"));
  EXPECT_EQ(submitted.registering_unit(), "units/MPET");
  EXPECT_EQ(submitted.registered_by(), "system:letters-and-visits");
  EXPECT_EQ(AccessPrincipal("letters-clue"), "system:letters-and-visits");
}

TEST_F(MtlsTest, AGoodCertificateNobodyMappedIsUnauthenticated) {
  auto stranger = TlsChannel(Address(), "stranger");
  absl::Status refused = GetPerson(stranger, "stranger");
  EXPECT_THAT(refused, StatusIs(absl::StatusCode::kUnauthenticated));
  EXPECT_EQ(refused.message(), "unauthenticated");
  // The log names the subject, so an operator can map it.
  EXPECT_NE(testing::ReadFile(stack_->Log("gateway")).find("CN=stranger,O=Elsewhere"),
            std::string::npos);
  // A token does not turn a certificate caller into a person.
  EXPECT_THAT(ListUnits(stranger, "stranger-token", stack_->Token("admin")),
              StatusIs(absl::StatusCode::kUnauthenticated));
}

TEST_F(MtlsTest, ACertificateFromAnotherCaFailsTheHandshake) {
  EXPECT_THAT(GetPerson(TlsChannel(Address(), "impostor"), "impostor"),
              StatusIs(absl::StatusCode::kUnavailable));
  EXPECT_EQ(AccessPrincipal("impostor"), "");  // no call ever reached the gateway
  // Nor does plaintext reach it.
  EXPECT_THAT(ListUnits(grpc::CreateChannel(Address(), grpc::InsecureChannelCredentials()), "plain",
                        stack_->Token("admin")),
              StatusIs(absl::StatusCode::kUnavailable));
}

}  // namespace
}  // namespace paizhu
