// Server reflection on the gateway, asked as grpcurl asks it: a
// grpc.reflection.v1alpha.ServerReflection/ServerReflectionInfo stream of requests. An
// authenticated caller lists the public services and describes their methods from the
// files the gateway sends; internal services are not there; a caller without a valid
// token is refused UNAUTHENTICATED before anything is answered. The reflection messages
// are built from the descriptors gRPC's reflection library registers (its generated
// headers are not installed).

#include <memory>
#include <set>
#include <string>

#include "absl/strings/str_cat.h"
#include "google/protobuf/descriptor.h"
#include "google/protobuf/descriptor.pb.h"
#include "google/protobuf/descriptor_database.h"
#include "google/protobuf/dynamic_message.h"
#include "grpcpp/completion_queue.h"
#include "grpcpp/generic/generic_stub.h"
#include "gtest/gtest.h"
#include "tests/support/stack.h"

namespace paizhu {
namespace {

using google::protobuf::Descriptor;
using google::protobuf::DescriptorPool;
using google::protobuf::Message;

constexpr char kMethod[] = "/grpc.reflection.v1alpha.ServerReflection/ServerReflectionInfo";

const Descriptor* Type(const std::string& name) {
  return DescriptorPool::generated_pool()->FindMessageTypeByName(name);
}

// One reflection stream, each request answered in turn (a completion queue, one
// operation at a time).
class ReflectionClient {
 public:
  ReflectionClient(const std::shared_ptr<grpc::Channel>& channel, const std::string& token)
      : stub_(channel) {
    ctx_.set_deadline(absl::ToChronoTime(absl::Now() + absl::Seconds(10)));
    if (!token.empty()) ctx_.AddMetadata("authorization", "Bearer " + token);
    stream_ = stub_.PrepareCall(&ctx_, kMethod, &cq_);
    stream_->StartCall(this);
    open_ = Wait();
  }
  ~ReflectionClient() {
    Finish();
    cq_.Shutdown();
    void* tag;
    bool ok;
    while (cq_.Next(&tag, &ok)) {
    }
  }

  // The answer to a request built by `fill`, or null when the stream ended (Finish()
  // then says why).
  std::unique_ptr<Message> Ask(const std::function<void(Message*)>& fill) {
    const Descriptor* request_type = Type("grpc.reflection.v1alpha.ServerReflectionRequest");
    std::unique_ptr<Message> request(factory_.GetPrototype(request_type)->New());
    fill(request.get());
    std::string bytes = request->SerializeAsString();
    grpc::Slice slice(bytes);
    grpc::ByteBuffer out(&slice, 1);
    if (!open_) return nullptr;
    stream_->Write(out, this);
    if (!(open_ = Wait())) return nullptr;
    grpc::ByteBuffer in;
    stream_->Read(&in, this);
    if (!(open_ = Wait())) return nullptr;
    std::vector<grpc::Slice> slices;
    std::string answer;
    if (!in.Dump(&slices).ok()) return nullptr;
    for (const grpc::Slice& s : slices) {
      answer.append(reinterpret_cast<const char*>(s.begin()), s.size());
    }
    std::unique_ptr<Message> response(
        factory_.GetPrototype(Type("grpc.reflection.v1alpha.ServerReflectionResponse"))->New());
    if (!response->ParseFromString(answer)) return nullptr;
    return response;
  }

  grpc::Status Finish() {
    if (finished_) return status_;
    finished_ = true;
    if (open_) {
      stream_->WritesDone(this);
      Wait();
    }
    stream_->Finish(&status_, this);
    Wait();
    return status_;
  }

 private:
  bool Wait() {
    void* tag;
    bool ok = false;
    return cq_.Next(&tag, &ok) && ok;
  }

  grpc::GenericStub stub_;
  grpc::ClientContext ctx_;
  grpc::CompletionQueue cq_;
  std::unique_ptr<grpc::GenericClientAsyncReaderWriter> stream_;
  google::protobuf::DynamicMessageFactory factory_;
  bool open_ = false;
  bool finished_ = false;
  grpc::Status status_;
};

// Request setters and response readers by field name.
auto SetString(const std::string& field, const std::string& value) {
  return [=](Message* m) {
    m->GetReflection()->SetString(m, m->GetDescriptor()->FindFieldByName(field), value);
  };
}
const Message& Sub(const Message& m, const std::string& field) {
  return m.GetReflection()->GetMessage(m, m.GetDescriptor()->FindFieldByName(field));
}
bool Has(const Message& m, const std::string& field) {
  return m.GetReflection()->HasField(m, m.GetDescriptor()->FindFieldByName(field));
}
int ErrorCode(const Message& response) {
  if (!Has(response, "error_response")) return 0;
  const Message& error = Sub(response, "error_response");
  return error.GetReflection()->GetInt32(error,
                                         error.GetDescriptor()->FindFieldByName("error_code"));
}

std::set<std::string> ServiceNames(const Message& response) {
  const Message& list = Sub(response, "list_services_response");
  const auto* field = list.GetDescriptor()->FindFieldByName("service");
  std::set<std::string> names;
  for (int i = 0; i < list.GetReflection()->FieldSize(list, field); ++i) {
    const Message& service = list.GetReflection()->GetRepeatedMessage(list, field, i);
    names.insert(service.GetReflection()->GetString(
        service, service.GetDescriptor()->FindFieldByName("name")));
  }
  return names;
}

// The files of a file_descriptor_response, as a client builds its own pool from them.
std::unique_ptr<google::protobuf::SimpleDescriptorDatabase> Files(const Message& response) {
  auto db = std::make_unique<google::protobuf::SimpleDescriptorDatabase>();
  const Message& files = Sub(response, "file_descriptor_response");
  const auto* field = files.GetDescriptor()->FindFieldByName("file_descriptor_proto");
  for (int i = 0; i < files.GetReflection()->FieldSize(files, field); ++i) {
    google::protobuf::FileDescriptorProto proto;
    EXPECT_TRUE(proto.ParseFromString(files.GetReflection()->GetRepeatedString(files, field, i)));
    db->Add(proto);
  }
  return db;
}

class ReflectionTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto stack = testing::Stack::Start();
    ASSERT_TRUE(stack.ok()) << stack.status();
    stack_ = stack->release();
  }
  static void TearDownTestSuite() { delete stack_; }
  void SetUp() override {
    ASSERT_NE(stack_, nullptr);
    ASSERT_NE(Type("grpc.reflection.v1alpha.ServerReflectionRequest"), nullptr)
        << "link gRPC's reflection library";
  }
  static testing::Stack* stack_;
};
testing::Stack* ReflectionTest::stack_ = nullptr;

TEST_F(ReflectionTest, ASignedInPersonListsThePublicServicesOnly) {
  ReflectionClient client(stack_->Gateway(), stack_->Token("admin"));
  auto answer = client.Ask(SetString("list_services", ""));
  ASSERT_NE(answer, nullptr) << client.Finish().error_message();
  EXPECT_EQ(
      ServiceNames(*answer),
      (std::set<std::string>{"paizhu.assess.v1.AssessService", "paizhu.assess.v1.ReportService",
                             "paizhu.clue.v1.ClueService", "paizhu.org.v1.OrgService"}));
  EXPECT_TRUE(client.Finish().ok());
}

TEST_F(ReflectionTest, DescribesAMethodFromTheFilesItSends) {
  ReflectionClient client(stack_->Gateway(), stack_->Token("admin"));
  auto answer = client.Ask(SetString("file_containing_symbol", "paizhu.org.v1.OrgService"));
  ASSERT_NE(answer, nullptr) << client.Finish().error_message();
  ASSERT_EQ(ErrorCode(*answer), 0);
  // What `grpcurl describe paizhu.org.v1.OrgService.GetUnit` shows, from the sent files.
  auto db = Files(*answer);
  DescriptorPool pool(db.get());
  const auto* method = pool.FindMethodByName("paizhu.org.v1.OrgService.GetUnit");
  ASSERT_NE(method, nullptr);
  EXPECT_EQ(method->input_type()->full_name(), "paizhu.org.v1.GetUnitRequest");
  EXPECT_EQ(method->output_type()->full_name(), "paizhu.org.v1.Unit");
  EXPECT_NE(method->input_type()->FindFieldByName("name"), nullptr);

  // The same stream answers more: a message type, a file by name.
  answer = client.Ask(SetString("file_containing_symbol", "paizhu.clue.v1.Clue"));
  ASSERT_NE(answer, nullptr);
  EXPECT_EQ(ErrorCode(*answer), 0);
  answer = client.Ask(SetString("file_by_filename", "paizhu/assess/v1/assess.proto"));
  ASSERT_NE(answer, nullptr);
  EXPECT_EQ(ErrorCode(*answer), 0);
  auto assess = Files(*answer);
  DescriptorPool assess_pool(assess.get());
  EXPECT_NE(assess_pool.FindServiceByName("paizhu.assess.v1.ReportService"), nullptr);
  EXPECT_TRUE(client.Finish().ok());
}

TEST_F(ReflectionTest, InternalServicesAreNotFound) {
  ReflectionClient client(stack_->Gateway(), stack_->Token("admin"));
  for (const char* symbol : {"grpc.health.v1.Health", "grpc.reflection.v1alpha.ServerReflection",
                             "grpc.health.v1.HealthCheckRequest"}) {
    SCOPED_TRACE(symbol);
    auto answer = client.Ask(SetString("file_containing_symbol", symbol));
    ASSERT_NE(answer, nullptr);
    EXPECT_EQ(ErrorCode(*answer), static_cast<int>(grpc::StatusCode::NOT_FOUND));
    EXPECT_FALSE(Has(*answer, "file_descriptor_response"));
  }
  auto answer = client.Ask(SetString("file_by_filename", "grpc/health/v1/health.proto"));
  ASSERT_NE(answer, nullptr);
  EXPECT_EQ(ErrorCode(*answer), static_cast<int>(grpc::StatusCode::NOT_FOUND));
  EXPECT_TRUE(client.Finish().ok());
}

TEST_F(ReflectionTest, ACallerWithoutAValidTokenIsRefused) {
  for (const std::string& token : {std::string(), std::string("not.a.token")}) {
    SCOPED_TRACE(token);
    ReflectionClient client(stack_->Gateway(), token);
    EXPECT_EQ(client.Ask(SetString("list_services", "")), nullptr);
    grpc::Status status = client.Finish();
    EXPECT_EQ(status.error_code(), grpc::StatusCode::UNAUTHENTICATED) << status.error_message();
  }
}

}  // namespace
}  // namespace paizhu
