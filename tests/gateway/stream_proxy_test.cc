// The proxy in front of a service of the test's own (RelayService, two replicas), with a
// stand-in for org's ResolvePrincipal: a server stream passes through message by message
// with its status, reason and trailers; the client's pace and cancellation reach the
// service; declared access applies to streams as to unary calls; calls balance over the
// replicas of a backend and skip a dead one.

#include <openssl/evp.h>
#include <openssl/pem.h>

#include <atomic>
#include <set>
#include <string>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "common/auth/jwt.h"
#include "common/auth/principal.h"
#include "common/client/downstream.h"
#include "common/crypto/digest.h"
#include "common/log/log.h"
#include "common/server/call.h"
#include "common/status/grpc_status.h"
#include "common/status/status.h"
#include "grpcpp/create_channel.h"
#include "grpcpp/server.h"
#include "grpcpp/server_builder.h"
#include "gtest/gtest.h"
#include "paizhu/gateway/testing/v1/relay.grpc.pb.h"
#include "paizhu/org/v1/org.grpc.pb.h"
#include "services/gateway/api/proxy.h"
#include "services/gateway/domain/jwt_keys.h"
#include "tests/support/process.h"
#include "tests/support/status_matchers.h"

namespace paizhu::gateway {
namespace {

using ::paizhu::gateway::testing::v1::CountRequest;
using ::paizhu::gateway::testing::v1::RelayService;
using ::paizhu::gateway::testing::v1::Replica;
using ::paizhu::gateway::testing::v1::Tick;
using ::paizhu::gateway::testing::v1::WhoamiRequest;
using ::paizhu::testing::StatusIs;

constexpr char kCount[] = "/paizhu.gateway.testing.v1.RelayService/Count";
constexpr char kWhoami[] = "/paizhu.gateway.testing.v1.RelayService/Whoami";

template <typename F>
bool Eventually(F condition, absl::Duration timeout = absl::Seconds(20)) {
  absl::Time until = absl::Now() + timeout;
  while (absl::Now() < until) {
    if (condition()) return true;
    absl::SleepFor(absl::Milliseconds(20));
  }
  return condition();
}

// One replica of the relay: checks the signed principal and the declared access exactly
// as a paizhu service does (server::CallGate).
class RelayReplica final : public RelayService::Service {
 public:
  RelayReplica(std::string name, const std::string& key)
      : name_(std::move(name)), verifier_("relay", key), gate_(&verifier_) {}

  grpc::Status Count(grpc::ServerContext* ctx, const CountRequest* request,
                     grpc::ServerWriter<Tick>* writer) override {
    ctx->AddTrailingMetadata("x-relay-replica", name_);
    return gate_.Serve(ctx, kCount, [&](const server::CallContext& call) -> absl::Status {
      for (int i = 1; i <= request->count(); ++i) {
        if (request->fail_after() > 0 && i > request->fail_after()) {
          return Aborted("TICKS_STOPPED", absl::StrCat("stopped after ", request->fail_after()));
        }
        if (ctx->IsCancelled()) {
          cancelled_seen = true;
          return MakeError(absl::StatusCode::kCancelled, "CANCELLED", "cancelled");
        }
        Tick tick;
        tick.set_seq(i);
        tick.set_replica(name_);
        tick.set_caller(call.principal.subject());
        if (!writer->Write(tick)) {
          cancelled_seen = true;
          return MakeError(absl::StatusCode::kCancelled, "CANCELLED", "the reader went away");
        }
        max_sent = i;
      }
      return absl::OkStatus();
    });
  }

  grpc::Status Whoami(grpc::ServerContext* ctx, const WhoamiRequest*, Replica* out) override {
    return gate_.Serve(ctx, kWhoami, [&](const server::CallContext&) -> absl::Status {
      out->set_replica(name_);
      return absl::OkStatus();
    });
  }

  std::atomic<bool> cancelled_seen{false};
  std::atomic<int> max_sent{0};

 private:
  std::string name_;
  auth::PrincipalVerifier verifier_;
  server::CallGate gate_;
};

// org's ResolvePrincipal, for two people: alice (group role) and bob (office role).
class PeopleDirectory final : public org::v1::OrgService::Service {
 public:
  grpc::Status ResolvePrincipal(grpc::ServerContext*, const org::v1::ResolvePrincipalRequest* in,
                                auth::Principal* out) override {
    std::string role = in->person() == "people/alice" ? "group"
                       : in->person() == "people/bob" ? "office"
                                                      : "";
    if (role.empty()) return grpc::Status(grpc::StatusCode::NOT_FOUND, "no such person");
    out->set_kind(auth::Principal::PERSON);
    out->set_subject(in->person().substr(7));
    auto* grant = out->add_roles();
    grant->set_role(role);
    grant->set_unit("units/G01");
    return grpc::Status::OK;
  }
};

std::unique_ptr<grpc::Server> Serve(grpc::Service* service, int* port) {
  grpc::ServerBuilder builder;
  builder.AddListeningPort("127.0.0.1:0", grpc::InsecureServerCredentials(), port);
  builder.RegisterService(service);
  return builder.BuildAndStart();
}

class StreamProxyTest : public ::testing::Test {
 protected:
  void SetUp() override {
    log::SetLevel(log::Level::kWarn);  // no access line per call on the test's output
    dir_ = paizhu::testing::MakeTempDir("paizhu-stream-proxy");
    std::string relay_key = crypto::RandomBytes(32);
    std::string org_key = crypto::RandomBytes(32);
    replica_a_ = std::make_unique<RelayReplica>("a", relay_key);
    replica_b_ = std::make_unique<RelayReplica>("b", relay_key);
    int port_a = 0, port_b = 0, org_port = 0;
    server_a_ = Serve(replica_a_.get(), &port_a);
    server_b_ = Serve(replica_b_.get(), &port_b);
    org_server_ = Serve(&people_, &org_port);
    ASSERT_TRUE(server_a_ && server_b_ && org_server_);

    // The people's signing key: a fresh EC P-256 pair.
    EVP_PKEY* key = EVP_EC_gen("P-256");
    BIO* priv = BIO_new(BIO_s_mem());
    BIO* pub = BIO_new(BIO_s_mem());
    PEM_write_bio_PrivateKey(priv, key, nullptr, nullptr, 0, nullptr, nullptr);
    PEM_write_bio_PUBKEY(pub, key);
    char* data = nullptr;
    long len = BIO_get_mem_data(priv, &data);
    private_pem_.assign(data, len);
    len = BIO_get_mem_data(pub, &data);
    paizhu::testing::WriteFile(dir_ + "/jwt.pub.pem", std::string(data, len), 0644);
    BIO_free(priv);
    BIO_free(pub);
    EVP_PKEY_free(key);

    auto routes = RouteTable::Build({{"paizhu.gateway.testing.v1.RelayService", "relay"}});
    ASSERT_TRUE(routes.ok()) << routes.status();
    std::map<std::string, Backend> backends;
    // Both replicas behind one backend address list, balanced per call.
    backends.emplace(
        "relay", Backend{std::make_unique<grpc::GenericStub>(client::MakeChannel(
                             absl::StrCat("127.0.0.1:", port_a, ",localhost:", port_b), 16 << 20)),
                         auth::PrincipalSigner::ForGateway(relay_key)});
    auto keys = JwtKeyStore::Open(
        dir_ + "/jwt.pub.pem", auth::JwtVerifierOptions{"paizhu-test", "paizhu"}, absl::Hours(1));
    ASSERT_TRUE(keys.ok()) << keys.status();
    proxy_ = std::make_unique<ProxyService>(
        *std::move(routes), std::move(backends),
        std::make_unique<Authenticator>(*std::move(keys), 100),
        std::make_unique<PrincipalResolver>(
            client::MakeChannel(absl::StrCat("127.0.0.1:", org_port), 4 << 20),
            auth::PrincipalSigner::ForGateway(org_key), 0),
        nullptr, ProxyOptions{});
    grpc::ServerBuilder builder;
    int gateway_port = 0;
    builder.AddListeningPort("127.0.0.1:0", grpc::InsecureServerCredentials(), &gateway_port);
    builder.RegisterCallbackGenericService(proxy_.get());
    gateway_ = builder.BuildAndStart();
    ASSERT_TRUE(gateway_);
    relay_ = RelayService::NewStub(grpc::CreateChannel(absl::StrCat("127.0.0.1:", gateway_port),
                                                       grpc::InsecureChannelCredentials()));
  }

  void TearDown() override {
    auto deadline = absl::ToChronoTime(absl::Now() + absl::Seconds(5));
    if (gateway_) gateway_->Shutdown(deadline);
    for (auto* s : {server_a_.get(), server_b_.get(), org_server_.get()}) {
      if (s != nullptr) s->Shutdown(deadline);
    }
    std::system(("rm -rf " + dir_).c_str());
  }

  std::string Token(const std::string& person) {
    auth::JwtClaims claims;
    claims.subject = person;
    claims.issuer = "paizhu-test";
    claims.audience = "paizhu";
    claims.issued_at = claims.not_before = absl::Now();
    claims.expires_at = absl::Now() + absl::Minutes(5);
    return auth::MintEs256(private_pem_, claims).value_or("");
  }

  std::unique_ptr<grpc::ClientContext> As(const std::string& person) {
    auto ctx = std::make_unique<grpc::ClientContext>();
    ctx->set_deadline(absl::ToChronoTime(absl::Now() + absl::Seconds(20)));
    if (!person.empty()) ctx->AddMetadata("authorization", "Bearer " + Token(person));
    return ctx;
  }

  // Reads a whole stream: the ticks and the final status.
  std::pair<std::vector<Tick>, grpc::Status> ReadAll(grpc::ClientContext* ctx,
                                                     const CountRequest& request) {
    auto reader = relay_->Count(ctx, request);
    std::vector<Tick> ticks;
    Tick tick;
    while (reader->Read(&tick)) ticks.push_back(tick);
    return {ticks, reader->Finish()};
  }

  static std::string Trailer(const grpc::ClientContext& ctx, const std::string& key) {
    auto it = ctx.GetServerTrailingMetadata().find(key);
    return it == ctx.GetServerTrailingMetadata().end()
               ? ""
               : std::string(it->second.data(), it->second.size());
  }

  std::string dir_;
  std::string private_pem_;
  PeopleDirectory people_;
  std::unique_ptr<RelayReplica> replica_a_, replica_b_;
  std::unique_ptr<grpc::Server> server_a_, server_b_, org_server_, gateway_;
  std::unique_ptr<ProxyService> proxy_;
  std::unique_ptr<RelayService::Stub> relay_;
};

TEST_F(StreamProxyTest, AStreamPassesThroughMessageByMessageWithItsTrailers) {
  CountRequest request;
  request.set_count(5);
  auto ctx = As("alice");
  auto [ticks, status] = ReadAll(ctx.get(), request);
  ASSERT_TRUE(status.ok()) << status.error_message();
  ASSERT_EQ(ticks.size(), 5u);
  for (int i = 0; i < 5; ++i) {
    EXPECT_EQ(ticks[i].seq(), i + 1);
    EXPECT_EQ(ticks[i].caller(), "alice");  // the principal the replica verified
  }
  std::string replica = Trailer(*ctx, "x-relay-replica");
  EXPECT_TRUE(replica == "a" || replica == "b") << replica;
  EXPECT_EQ(replica, ticks[0].replica());
}

TEST_F(StreamProxyTest, AFailingStreamKeepsItsMessagesReasonAndTrailers) {
  CountRequest request;
  request.set_count(5);
  request.set_fail_after(2);
  auto ctx = As("alice");
  auto [ticks, status] = ReadAll(ctx.get(), request);
  EXPECT_EQ(ticks.size(), 2u);
  EXPECT_THAT(FromGrpcStatus(status), StatusIs(absl::StatusCode::kAborted, "TICKS_STOPPED"));
  EXPECT_EQ(status.error_message(), "stopped after 2");
  EXPECT_FALSE(Trailer(*ctx, "x-relay-replica").empty());
}

TEST_F(StreamProxyTest, DeclaredAccessAppliesToStreams) {
  CountRequest request;
  request.set_count(3);
  auto office = As("bob");  // Count declares roles: group
  auto [ticks, status] = ReadAll(office.get(), request);
  EXPECT_TRUE(ticks.empty());
  EXPECT_THAT(FromGrpcStatus(status),
              StatusIs(absl::StatusCode::kPermissionDenied, "CALLER_NOT_ALLOWED"));

  auto anonymous = As("");
  auto [none, refused] = ReadAll(anonymous.get(), request);
  EXPECT_TRUE(none.empty());
  EXPECT_EQ(refused.error_code(), grpc::StatusCode::UNAUTHENTICATED);

  // A method without a declaration: nobody, not even a signed-in person.
  Replica replica;
  grpc::Status undeclared = relay_->Undeclared(As("alice").get(), WhoamiRequest(), &replica);
  EXPECT_EQ(undeclared.error_code(), grpc::StatusCode::PERMISSION_DENIED);
}

TEST_F(StreamProxyTest, TheClientsPaceAndCancellationReachTheService) {
  CountRequest request;
  request.set_count(1'000'000);
  auto ctx = As("alice");
  auto reader = relay_->Count(ctx.get(), request);
  Tick tick;
  for (int i = 1; i <= 3; ++i) {
    ASSERT_TRUE(reader->Read(&tick));
    EXPECT_EQ(tick.seq(), i);
  }
  ctx->TryCancel();
  EXPECT_EQ(reader->Finish().error_code(), grpc::StatusCode::CANCELLED);
  RelayReplica& serving = tick.replica() == "a" ? *replica_a_ : *replica_b_;
  EXPECT_TRUE(Eventually([&] { return serving.cancelled_seen.load(); }));
  // Flow control held the service back: nowhere near the million it was asked for.
  EXPECT_LT(serving.max_sent.load(), 100'000);
}

TEST_F(StreamProxyTest, CallsBalanceOverTheReplicasAndSkipADeadOne) {
  std::set<std::string> answered;
  for (int i = 0; i < 20; ++i) {
    Replica replica;
    ASSERT_TRUE(relay_->Whoami(As("alice").get(), WhoamiRequest(), &replica).ok());
    answered.insert(replica.replica());
  }
  EXPECT_EQ(answered, (std::set<std::string>{"a", "b"}));

  server_b_->Shutdown(absl::ToChronoTime(absl::Now() + absl::Seconds(2)));
  server_b_->Wait();
  // Once the gateway has seen b go, every call is answered, by a.
  auto answered_by_a = [&] {
    Replica replica;
    return relay_->Whoami(As("alice").get(), WhoamiRequest(), &replica).ok() &&
           replica.replica() == "a";
  };
  EXPECT_TRUE(Eventually([&] {
    for (int i = 0; i < 4; ++i) {
      if (!answered_by_a()) return false;
    }
    return true;
  }));
  for (int i = 0; i < 20; ++i) EXPECT_TRUE(answered_by_a()) << i;
}

}  // namespace
}  // namespace paizhu::gateway
