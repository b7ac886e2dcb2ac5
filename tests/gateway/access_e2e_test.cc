// Every RPC of the suite is reachable only through the gateway's rules, checked through
// a running gateway: for every method in the compiled descriptors and every caller (a
// person holding each role, a system holding each declared scope and one holding none,
// the unauthenticated caller), the gateway lets the call through exactly when the
// method's declaration says so. Then the table of bad tokens, each UNAUTHENTICATED,
// and principals forged straight to each service, each refused.

#include <openssl/evp.h>
#include <openssl/pem.h>

#include <future>
#include <set>
#include <string>
#include <vector>

#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "common/auth/jwt.h"
#include "common/auth/principal.h"
#include "common/crypto/digest.h"
#include "common/status/grpc_status.h"
#include "common/status/status.h"
#include "grpcpp/create_channel.h"
#include "grpcpp/generic/generic_stub.h"
#include "gtest/gtest.h"
#include "nlohmann/json.hpp"
#include "paizhu/org/v1/org.grpc.pb.h"
#include "tests/gateway/access_matrix.h"
#include "tests/gateway/certificates.h"
#include "tests/support/mariadb.h"
#include "tests/support/process.h"
#include "tests/support/stack.h"

namespace paizhu {
namespace {

using Json = nlohmann::json;

// One call with an empty request: the answer's status.
absl::Status CallEmpty(const std::shared_ptr<grpc::Channel>& channel, const std::string& method,
                       const std::string& token,
                       const std::vector<std::pair<std::string, std::string>>& metadata = {}) {
  grpc::GenericStub stub(channel);
  grpc::ClientContext ctx;
  ctx.set_deadline(absl::ToChronoTime(absl::Now() + absl::Seconds(10)));
  if (!token.empty()) ctx.AddMetadata("authorization", "Bearer " + token);
  for (const auto& [key, value] : metadata) ctx.AddMetadata(key, value);
  grpc::Slice empty;
  grpc::ByteBuffer request(&empty, 1);
  grpc::ByteBuffer response;
  std::promise<grpc::Status> done;
  stub.UnaryCall(&ctx, method, grpc::StubOptions(), &request, &response,
                 [&done](grpc::Status status) { done.set_value(std::move(status)); });
  return FromGrpcStatus(done.get_future().get());
}

// Whether the gateway (or the service, checking the same declaration) refused the caller.
bool RefusedCaller(const absl::Status& status) {
  return status.code() == absl::StatusCode::kUnauthenticated ||
         (status.code() == absl::StatusCode::kPermissionDenied &&
          ErrorReason(status) == "CALLER_NOT_ALLOWED");
}

class AccessTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = testing::MakeTempDir("paizhu-access");
    certs_ = new testing::Certificates(dir_);
    ASSERT_TRUE(certs_->MakeCa("ca") && certs_->MakeServerCert("server", "ca")) << certs_->Log();
    // A system per scope some method declares, and one whose scope nothing declares.
    std::set<std::string> scopes = {"nothing.declared"};
    for (const auto& m : testing::PublicMethods()) {
      scopes.insert(m.access.scopes().begin(), m.access.scopes().end());
    }
    Json systems = Json::array();
    int i = 0;
    for (const std::string& scope : scopes) {
      std::string name = absl::StrCat("system-", i++);
      ASSERT_TRUE(certs_->MakeCert(name, "/O=Test Systems/CN=" + name, "ca")) << certs_->Log();
      systems.push_back({{"subject", absl::StrCat("CN=", name, ",O=Test Systems")},
                         {"name", name},
                         {"scopes", {scope}}});
      system_scopes_.emplace_back(name, scope);
    }
    testing::WriteFile(dir_ + "/systems.json", Json{{"systems", systems}}.dump());
    auto stack = testing::Stack::Start(
        testing::SharedDatabase(),
        testing::StackOptions{
            .gateway_flags = {"--tls-cert-file=" + certs_->Path("server.pem"),
                              "--tls-key-file=" + certs_->Path("server.key"),
                              "--client-ca-file=" + certs_->Path("ca.pem"),
                              "--systems-file=" + dir_ + "/systems.json"},
            .gateway_channel = [](const std::string& a) { return certs_->Channel(a, "ca", ""); }});
    ASSERT_TRUE(stack.ok()) << stack.status();
    stack_ = stack->release();
    ASSERT_NO_FATAL_FAILURE(CreatePeople());
  }
  static void TearDownTestSuite() {
    delete stack_;
    delete certs_;
    if (std::getenv("PAIZHU_KEEP_TEST_DATA") == nullptr) std::system(("rm -rf " + dir_).c_str());
  }
  void SetUp() override { ASSERT_NE(stack_, nullptr); }

  // One person per role (admin exists already), each holding only that role.
  static void CreatePeople() {
    auto org = org::v1::OrgService::NewStub(stack_->Gateway());
    auto as_admin = [] {
      auto ctx = std::make_unique<grpc::ClientContext>();
      ctx->AddMetadata("authorization", "Bearer " + stack_->Token("admin"));
      return ctx;
    };
    org::v1::CreateUnitRequest unit;
    unit.set_unit_id("MTX");
    unit.mutable_unit()->set_kind("township");
    unit.mutable_unit()->set_display_name("矩阵乡");
    unit.mutable_unit()->set_established_on("2020-01-01");
    org::v1::Unit created;
    grpc::Status status = org->CreateUnit(as_admin().get(), unit, &created);
    ASSERT_TRUE(status.ok()) << status.error_message();
    for (const std::string& role : testing::Roles()) {
      if (role == "admin") continue;
      std::string code = "MX-" + role;
      org::v1::CreatePersonRequest person;
      person.set_person_id(code);
      person.mutable_person()->set_display_name("矩阵" + role);
      person.mutable_person()->set_gender("female");
      person.mutable_person()->set_birth_date("1985-03-01");
      person.mutable_person()->set_education("bachelor");
      person.mutable_person()->set_work_start("2010-07-01");
      org::v1::Person out;
      status = org->CreatePerson(as_admin().get(), person, &out);
      ASSERT_TRUE(status.ok()) << role << ": " << status.error_message();
      org::v1::GrantRoleRequest grant;
      grant.set_person("people/" + code);
      grant.set_role(role);
      grant.set_unit("units/MTX");
      status = org->GrantRole(as_admin().get(), grant, &out);
      ASSERT_TRUE(status.ok()) << role << ": " << status.error_message();
    }
  }

  static std::string PersonOf(const std::string& role) {
    return role == "admin" ? "admin" : "MX-" + role;
  }
  static std::string Address() { return absl::StrCat("127.0.0.1:", stack_->port("gateway")); }

  static std::string dir_;
  static testing::Certificates* certs_;
  static std::vector<std::pair<std::string, std::string>> system_scopes_;  // name, scope
  static testing::Stack* stack_;
};
std::string AccessTest::dir_;
testing::Certificates* AccessTest::certs_ = nullptr;
std::vector<std::pair<std::string, std::string>> AccessTest::system_scopes_;
testing::Stack* AccessTest::stack_ = nullptr;

TEST_F(AccessTest, EveryCellOfTheRoleByMethodMatrixIsTheDeclaration) {
  struct Caller {
    std::string label;
    std::shared_ptr<grpc::Channel> channel;
    std::string token;
    std::function<bool(const testing::MethodEntry&)> allowed;
  };
  std::vector<Caller> callers;
  auto people = certs_->Channel(Address(), "ca", "");
  for (const std::string& role : testing::Roles()) {
    callers.push_back({"role " + role, people, stack_->Token(PersonOf(role), absl::Minutes(30)),
                       [role](const testing::MethodEntry& m) { return m.AllowsRole(role); }});
  }
  for (const auto& [name, scope] : system_scopes_) {
    callers.push_back({"system with scope " + scope, certs_->Channel(Address(), "ca", name), "",
                       [scope](const testing::MethodEntry& m) { return m.AllowsScope(scope); }});
  }
  callers.push_back(
      {"unauthenticated", people, "", [](const testing::MethodEntry&) { return false; }});

  std::vector<std::string> wrong, unrouted;
  int cells = 0, allowed_cells = 0;
  std::vector<testing::MethodEntry> methods = testing::PublicMethods();
  for (const testing::MethodEntry& m : methods) {
    for (const Caller& caller : callers) {
      absl::Status status = CallEmpty(caller.channel, m.path, caller.token);
      if (ErrorReason(status) == "METHOD_NOT_ROUTED") {
        // Not served by the gateway at all: nobody gets through.
        if (caller.label == callers.front().label) unrouted.push_back(m.path);
        continue;
      }
      ++cells;
      bool expected = caller.allowed(m);
      allowed_cells += expected;
      if (RefusedCaller(status) == expected) {
        wrong.push_back(absl::StrCat(m.path, " for ", caller.label, ": declared ",
                                     expected ? "allowed" : "refused", ", the gateway answered ",
                                     absl::StatusCodeToString(status.code()), " ",
                                     ErrorReason(status)));
      }
    }
  }
  EXPECT_TRUE(wrong.empty()) << wrong.size() << " cells differ:\n" << absl::StrJoin(wrong, "\n");
  EXPECT_GT(allowed_cells, 0);
  EXPECT_LT(allowed_cells, cells);
  std::cout << "access matrix: " << methods.size() << " methods x " << callers.size()
            << " callers; " << cells << " cells checked through the gateway, " << allowed_cells
            << " allowed\n";
  if (!unrouted.empty()) {
    std::cout << "not routed by this gateway (refused for everyone): "
              << absl::StrJoin(unrouted, ", ") << "\n";
  }
}

// The dev key's public half, exactly as the gateway's key file holds it.
std::string PublicPem(const std::string& private_pem) {
  BIO* in = BIO_new_mem_buf(private_pem.data(), static_cast<int>(private_pem.size()));
  EVP_PKEY* key = PEM_read_bio_PrivateKey(in, nullptr, nullptr, nullptr);
  BIO* out = BIO_new(BIO_s_mem());
  PEM_write_bio_PUBKEY(out, key);
  char* data = nullptr;
  long len = BIO_get_mem_data(out, &data);
  std::string pem(data, len);
  BIO_free(out);
  BIO_free(in);
  EVP_PKEY_free(key);
  return pem;
}

std::string B64(absl::string_view bytes) { return absl::WebSafeBase64Escape(bytes); }

TEST_F(AccessTest, EveryBadTokenIsUnauthenticated) {
  auto mint = [](auto edit) {
    auth::JwtClaims claims;
    claims.subject = "admin";
    claims.issuer = "paizhu-dev";
    claims.audience = "paizhu";
    claims.issued_at = claims.not_before = absl::Now();
    claims.expires_at = absl::Now() + absl::Minutes(5);
    edit(claims);
    return auth::MintEs256(stack_->DevKeyPem(), claims).value_or("");
  };
  std::string good = mint([](auth::JwtClaims&) {});
  std::string payload = Json{{"sub", "admin"},
                             {"iss", "paizhu-dev"},
                             {"aud", "paizhu"},
                             {"iat", absl::ToUnixSeconds(absl::Now())},
                             {"exp", absl::ToUnixSeconds(absl::Now() + absl::Minutes(5))}}
                            .dump();
  std::string hs256_input = B64(R"({"alg":"HS256","typ":"JWT"})") + "." + B64(payload);
  std::string bad_signature = good;
  size_t signature_start = good.rfind('.') + 1;
  bad_signature[signature_start + 5] = bad_signature[signature_start + 5] == 'A' ? 'B' : 'A';
  auto [other_private, other_public] = [] {
    EVP_PKEY* key = EVP_EC_gen("P-256");
    BIO* bio = BIO_new(BIO_s_mem());
    PEM_write_bio_PrivateKey(bio, key, nullptr, nullptr, 0, nullptr, nullptr);
    char* data = nullptr;
    long len = BIO_get_mem_data(bio, &data);
    std::pair<std::string, std::string> out{std::string(data, len), ""};
    BIO_free(bio);
    EVP_PKEY_free(key);
    return out;
  }();
  auth::JwtClaims other_claims;
  other_claims.subject = "admin";
  other_claims.issuer = "paizhu-dev";
  other_claims.audience = "paizhu";
  other_claims.issued_at = other_claims.not_before = absl::Now();
  other_claims.expires_at = absl::Now() + absl::Minutes(5);

  const std::vector<std::pair<std::string, std::string>> cases = {
      {"expired", mint([](auth::JwtClaims& c) {
         c.issued_at = c.not_before = absl::Now() - absl::Hours(2);
         c.expires_at = absl::Now() - absl::Hours(1);
       })},
      {"not yet valid", mint([](auth::JwtClaims& c) {
         c.not_before = absl::Now() + absl::Hours(1);
         c.expires_at = absl::Now() + absl::Hours(2);
       })},
      {"wrong issuer", mint([](auth::JwtClaims& c) { c.issuer = "someone-else"; })},
      {"wrong audience", mint([](auth::JwtClaims& c) { c.audience = "another-app"; })},
      {"bad signature", bad_signature},
      {"signed by another key", auth::MintEs256(other_private, other_claims).value_or("")},
      {"alg none", B64(R"({"alg":"none","typ":"JWT"})") + "." + B64(payload) + "."},
      {"HS256 signed with the public key",
       hs256_input + "." + B64(crypto::HmacSha256(PublicPem(stack_->DevKeyPem()), hs256_input))},
      {"truncated", good.substr(0, good.size() - 12)},
      {"garbage", "not-a-token"},
      {"three garbage parts", "a.b.c"},
      {"a person org does not know", mint([](auth::JwtClaims& c) { c.subject = "nobody"; })},
  };
  auto people = certs_->Channel(Address(), "ca", "");
  const std::string method = "/paizhu.org.v1.OrgService/ListUnits";
  ASSERT_TRUE(CallEmpty(people, method, good).ok()) << "the good token must work";
  for (const auto& [what, token] : cases) {
    ASSERT_FALSE(token.empty()) << what;
    absl::Status status = CallEmpty(people, method, token);
    EXPECT_EQ(status.code(), absl::StatusCode::kUnauthenticated) << what << ": " << status;
    // The same generic answer whatever the cause: the log says why.
    EXPECT_EQ(status.message(), "unauthenticated") << what;
  }
  // No bearer scheme, and an empty one.
  EXPECT_EQ(CallEmpty(people, method, "", {{"authorization", good}}).code(),
            absl::StatusCode::kUnauthenticated);
  EXPECT_EQ(CallEmpty(people, method, "", {{"authorization", "Bearer "}}).code(),
            absl::StatusCode::kUnauthenticated);
}

TEST_F(AccessTest, PrincipalsForgedStraightToAServiceAreRefused) {
  auth::Principal everyone;
  everyone.set_kind(auth::Principal::PERSON);
  everyone.set_subject("admin");
  for (const std::string& role : testing::Roles()) everyone.add_roles()->set_role(role);
  const std::vector<std::pair<std::string, std::string>> targets = {
      {"org", "/paizhu.org.v1.OrgService/ListUnits"},
      {"clue", "/paizhu.clue.v1.ClueService/ListClues"},
      {"assess", "/paizhu.assess.v1.AssessService/ListActivities"}};
  for (const auto& [service, method] : targets) {
    std::string other = service == "org" ? "clue" : "org";
    auto direct = stack_->Direct(service);
    auto with = [&](std::string value) {
      return CallEmpty(direct, method, "", {{auth::kPrincipalMetadataKey, std::move(value)}});
    };
    const std::vector<std::pair<std::string, absl::Status>> forged = {
        {"no principal", CallEmpty(direct, method, "")},
        {"a bearer token instead", CallEmpty(direct, method, stack_->Token("admin"))},
        {"garbage bytes", with("\x01\x02garbage")},
        {"signed with another service's key",
         with(auth::PrincipalSigner::ForGateway(stack_->Key(other))
                  .Sign(everyone, service, method))},
        {"a service's call key signing a person",
         with(auth::PrincipalSigner::ForService(other,
                                                auth::DeriveCallKey(stack_->Key(service), other))
                  .Sign(everyone, service, method))},
        {"signed for another service", with(auth::PrincipalSigner::ForGateway(stack_->Key(service))
                                                .Sign(everyone, other, method))},
        {"signed for another method", with(auth::PrincipalSigner::ForGateway(stack_->Key(service))
                                               .Sign(everyone, service, method + "X"))},
        {"expired", with(auth::PrincipalSigner::ForGateway(stack_->Key(service))
                             .Sign(everyone, service, method, absl::Now() - absl::Hours(1)))},
    };
    for (const auto& [what, status] : forged) {
      EXPECT_EQ(status.code(), absl::StatusCode::kUnauthenticated)
          << service << ", " << what << ": " << status;
    }
    // Signed as the gateway signs, with the service's own key: accepted.
    absl::Status genuine = with(
        auth::PrincipalSigner::ForGateway(stack_->Key(service)).Sign(everyone, service, method));
    EXPECT_FALSE(RefusedCaller(genuine)) << service << ": " << genuine;
  }
}

}  // namespace
}  // namespace paizhu
