// What the gateway's reflection shows: the routed services and the files they need, a
// service that shares a file with a routed one but is not routed itself stays hidden.

#include "services/gateway/domain/reflection.h"

#include "google/protobuf/descriptor.h"
#include "google/protobuf/descriptor.pb.h"
#include "google/protobuf/dynamic_message.h"
#include "gtest/gtest.h"
#include "tests/support/status_matchers.h"

namespace paizhu::gateway {
namespace {

using google::protobuf::DescriptorPool;
using google::protobuf::Message;

// Asks `reflection` one request with the string field `field` set to `value`; returns
// the response.
std::unique_ptr<Message> Ask(const PublicReflection& reflection, const std::string& field,
                             const std::string& value) {
  static google::protobuf::DynamicMessageFactory factory;
  const auto* pool = DescriptorPool::generated_pool();
  std::unique_ptr<Message> request(factory
                                       .GetPrototype(pool->FindMessageTypeByName(
                                           "grpc.reflection.v1alpha.ServerReflectionRequest"))
                                       ->New());
  request->GetReflection()->SetString(request.get(),
                                      request->GetDescriptor()->FindFieldByName(field), value);
  auto bytes = reflection.Answer(request->SerializeAsString());
  EXPECT_TRUE(bytes.ok()) << bytes.status();
  std::unique_ptr<Message> response(factory
                                        .GetPrototype(pool->FindMessageTypeByName(
                                            "grpc.reflection.v1alpha.ServerReflectionResponse"))
                                        ->New());
  EXPECT_TRUE(response->ParseFromString(bytes.value_or("")));
  return response;
}

const Message& Sub(const Message& m, const std::string& field) {
  return m.GetReflection()->GetMessage(m, m.GetDescriptor()->FindFieldByName(field));
}

// The file descriptors of a file_descriptor_response.
std::vector<google::protobuf::FileDescriptorProto> Files(const Message& response) {
  const Message& files = Sub(response, "file_descriptor_response");
  const auto* field = files.GetDescriptor()->FindFieldByName("file_descriptor_proto");
  std::vector<google::protobuf::FileDescriptorProto> out;
  for (int i = 0; i < files.GetReflection()->FieldSize(files, field); ++i) {
    out.emplace_back().ParseFromString(files.GetReflection()->GetRepeatedString(files, field, i));
  }
  return out;
}

int ErrorCode(const Message& response) {
  const Message& error = Sub(response, "error_response");
  return error.GetReflection()->GetInt32(error,
                                         error.GetDescriptor()->FindFieldByName("error_code"));
}

TEST(PublicReflectionTest, AFileShowsOnlyItsRoutedServices) {
  // assess.proto holds AssessService and ReportService; route only the first.
  auto reflection = PublicReflection::Build({"paizhu.assess.v1.AssessService"});
  ASSERT_TRUE(reflection.ok()) << reflection.status();
  auto answer = Ask(*reflection, "file_by_filename", "paizhu/assess/v1/assess.proto");
  auto files = Files(*answer);
  ASSERT_FALSE(files.empty());
  EXPECT_EQ(files[0].name(), "paizhu/assess/v1/assess.proto");
  ASSERT_EQ(files[0].service_size(), 1);
  EXPECT_EQ(files[0].service(0).name(), "AssessService");
  // Its imports come along, so a client can build the file.
  bool has_access = false;
  for (const auto& f : files) has_access |= f.name() == "paizhu/common/v1/access.proto";
  EXPECT_TRUE(has_access);
  // The unrouted service and its methods are not found.
  for (const char* symbol :
       {"paizhu.assess.v1.ReportService", "paizhu.assess.v1.ReportService.GetWorkReport"}) {
    SCOPED_TRACE(symbol);
    EXPECT_EQ(ErrorCode(*Ask(*reflection, "file_containing_symbol", symbol)), 5);
  }
  // Nor is a file no routed service needs.
  EXPECT_EQ(ErrorCode(*Ask(*reflection, "file_by_filename", "paizhu/org/v1/org.proto")), 5);
  EXPECT_EQ(ErrorCode(*Ask(*reflection, "file_containing_symbol", "paizhu.org.v1.OrgService")), 5);
}

TEST(PublicReflectionTest, AnUnknownServiceStopsTheStart) {
  EXPECT_FALSE(PublicReflection::Build({"paizhu.nope.v1.NopeService"}).ok());
}

TEST(PublicReflectionTest, BytesThatAreNoRequestAreInvalid) {
  auto reflection = PublicReflection::Build({"paizhu.org.v1.OrgService"});
  ASSERT_TRUE(reflection.ok());
  EXPECT_FALSE(reflection->Answer("\xff\xff\xff").ok());
}

}  // namespace
}  // namespace paizhu::gateway
