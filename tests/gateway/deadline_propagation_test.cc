// What the gateway relies on from gRPC 1.51, checked in one process: a ClientContext made
// with FromCallbackServerContext and given an explicit deadline sends the EARLIER of that
// deadline and the client's propagated one (grpc core takes the minimum when the call
// is created). So the gateway sets the capped deadline and a shorter client deadline
// still wins. A client -> forwarder -> recorder chain of generic callback services; the
// recorder notes the deadline it sees.

#include <chrono>
#include <future>
#include <memory>
#include <mutex>
#include <string>

#include "absl/strings/numbers.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "grpcpp/create_channel.h"
#include "grpcpp/generic/async_generic_service.h"
#include "grpcpp/generic/generic_stub.h"
#include "grpcpp/security/credentials.h"
#include "grpcpp/security/server_credentials.h"
#include "grpcpp/server.h"
#include "grpcpp/server_builder.h"
#include "gtest/gtest.h"

namespace paizhu::gateway {
namespace {

constexpr char kMethod[] = "/test.Echo/Call";
constexpr char kExplicitHeader[] = "x-explicit-deadline-ms";

grpc::ByteBuffer EmptyMessage() {
  grpc::Slice empty;
  return grpc::ByteBuffer(&empty, 1);
}

// Answers every call with an empty message and remembers the deadline it arrived with.
class Recorder final : public grpc::CallbackGenericService {
 public:
  grpc::ServerGenericBidiReactor* CreateReactor(grpc::GenericCallbackServerContext* ctx) override {
    {
      std::lock_guard lock(mu_);
      deadline_ = ctx->deadline();
    }
    return new Reactor;
  }
  std::chrono::system_clock::time_point deadline() {
    std::lock_guard lock(mu_);
    return deadline_;
  }

 private:
  class Reactor final : public grpc::ServerGenericBidiReactor {
   public:
    Reactor() { StartRead(&request_); }
    void OnReadDone(bool ok) override {
      if (!ok) return Finish(grpc::Status(grpc::StatusCode::CANCELLED, "no request"));
      response_ = EmptyMessage();
      StartWriteAndFinish(&response_, grpc::WriteOptions(), grpc::Status::OK);
    }
    void OnDone() override { delete this; }

   private:
    grpc::ByteBuffer request_;
    grpc::ByteBuffer response_;
  };
  std::mutex mu_;
  std::chrono::system_clock::time_point deadline_;
};

// Forwards each call as the gateway does, with the explicit deadline the client asks for
// in a header (milliseconds from now).
class Forwarder final : public grpc::CallbackGenericService {
 public:
  explicit Forwarder(std::shared_ptr<grpc::Channel> backend) : stub_(std::move(backend)) {}
  grpc::ServerGenericBidiReactor* CreateReactor(grpc::GenericCallbackServerContext* ctx) override {
    return new Reactor(&stub_, ctx);
  }

 private:
  class Reactor final : public grpc::ServerGenericBidiReactor {
   public:
    Reactor(grpc::GenericStub* stub, grpc::GenericCallbackServerContext* ctx)
        : stub_(stub), ctx_(ctx) {
      StartRead(&request_);
    }
    void OnReadDone(bool ok) override {
      if (!ok) return Finish(grpc::Status(grpc::StatusCode::CANCELLED, "no request"));
      upstream_ = grpc::ClientContext::FromCallbackServerContext(*ctx_);
      auto header = ctx_->client_metadata().find(kExplicitHeader);
      int ms = 0;
      if (header != ctx_->client_metadata().end() &&
          absl::SimpleAtoi(absl::string_view(header->second.data(), header->second.size()), &ms)) {
        upstream_->set_deadline(absl::ToChronoTime(absl::Now() + absl::Milliseconds(ms)));
      }
      stub_->UnaryCall(upstream_.get(), kMethod, grpc::StubOptions(), &request_, &response_,
                       [this](grpc::Status status) {
                         if (!status.ok()) return Finish(status);
                         StartWriteAndFinish(&response_, grpc::WriteOptions(), status);
                       });
    }
    void OnDone() override { delete this; }

   private:
    grpc::GenericStub* stub_;
    grpc::GenericCallbackServerContext* ctx_;
    std::unique_ptr<grpc::ClientContext> upstream_;
    grpc::ByteBuffer request_;
    grpc::ByteBuffer response_;
  };
  grpc::GenericStub stub_;
};

std::unique_ptr<grpc::Server> Serve(grpc::CallbackGenericService* service, int* port) {
  grpc::ServerBuilder builder;
  builder.AddListeningPort("127.0.0.1:0", grpc::InsecureServerCredentials(), port);
  builder.RegisterCallbackGenericService(service);
  return builder.BuildAndStart();
}

std::shared_ptr<grpc::Channel> Connect(int port) {
  return grpc::CreateChannel("127.0.0.1:" + std::to_string(port),
                             grpc::InsecureChannelCredentials());
}

class DeadlinePropagationTest : public ::testing::Test {
 protected:
  void SetUp() override {
    int recorder_port = 0;
    recorder_server_ = Serve(&recorder_, &recorder_port);
    ASSERT_NE(recorder_server_, nullptr);
    forwarder_ = std::make_unique<Forwarder>(Connect(recorder_port));
    int forwarder_port = 0;
    forwarder_server_ = Serve(forwarder_.get(), &forwarder_port);
    ASSERT_NE(forwarder_server_, nullptr);
    client_ = std::make_unique<grpc::GenericStub>(Connect(forwarder_port));
  }
  void TearDown() override {
    forwarder_server_->Shutdown();
    recorder_server_->Shutdown();
  }

  // Calls through the forwarder; returns how far after the call's start the recorder's
  // deadline was.
  absl::Duration SeenDeadline(std::optional<absl::Duration> client, int explicit_ms) {
    grpc::ClientContext ctx;
    absl::Time start = absl::Now();
    if (client.has_value()) ctx.set_deadline(absl::ToChronoTime(start + *client));
    ctx.AddMetadata(kExplicitHeader, std::to_string(explicit_ms));
    grpc::ByteBuffer request = EmptyMessage();
    grpc::ByteBuffer response;
    std::promise<grpc::Status> done;
    client_->UnaryCall(&ctx, kMethod, grpc::StubOptions(), &request, &response,
                       [&](grpc::Status status) { done.set_value(status); });
    grpc::Status status = done.get_future().get();
    EXPECT_TRUE(status.ok()) << status.error_message();
    return absl::FromChrono(recorder_.deadline()) - start;
  }

  Recorder recorder_;
  std::unique_ptr<grpc::Server> recorder_server_;
  std::unique_ptr<Forwarder> forwarder_;
  std::unique_ptr<grpc::Server> forwarder_server_;
  std::unique_ptr<grpc::GenericStub> client_;
};

TEST_F(DeadlinePropagationTest, AnExplicitDeadlineShorterThanTheClientsWins) {
  absl::Duration seen = SeenDeadline(absl::Minutes(10), 1000);
  EXPECT_GT(seen, absl::Milliseconds(900));
  EXPECT_LT(seen, absl::Milliseconds(1500));
}

TEST_F(DeadlinePropagationTest, AClientDeadlineShorterThanTheExplicitOneWins) {
  absl::Duration seen = SeenDeadline(absl::Milliseconds(800), 10'000);
  EXPECT_GT(seen, absl::Milliseconds(500));
  EXPECT_LT(seen, absl::Milliseconds(1000));
}

TEST_F(DeadlinePropagationTest, WithoutAClientDeadlineTheExplicitOneApplies) {
  absl::Duration seen = SeenDeadline(std::nullopt, 1000);
  EXPECT_GT(seen, absl::Milliseconds(900));
  EXPECT_LT(seen, absl::Milliseconds(1500));
}

}  // namespace
}  // namespace paizhu::gateway
