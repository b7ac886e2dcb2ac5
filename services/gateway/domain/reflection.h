#pragma once
// Server reflection of the public API (grpc.reflection.v1alpha, what grpcurl and other
// generic clients ask): the services the gateway routes and the proto files they need,
// nothing else. Internal services (health, reflection itself, test or bench services)
// and files no public service depends on answer NOT_FOUND as if they did not exist.
// Messages are read and written through the descriptors gRPC's reflection library puts
// in the generated pool (its generated headers are not installed).

#include <memory>
#include <set>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace google::protobuf {
class DynamicMessageFactory;
class FileDescriptor;
class Message;
}  // namespace google::protobuf

namespace paizhu::gateway {

inline constexpr char kReflectionMethod[] =
    "/grpc.reflection.v1alpha.ServerReflection/ServerReflectionInfo";

class PublicReflection {
 public:
  // `services`: full names of the routed services, e.g. "paizhu.org.v1.OrgService".
  // FAILED_PRECONDITION when one, or the reflection messages, are not in the pool.
  static absl::StatusOr<PublicReflection> Build(const std::vector<std::string>& services);

  // One serialized ServerReflectionRequest to its serialized ServerReflectionResponse;
  // INVALID_ARGUMENT for bytes that are no request.
  absl::StatusOr<std::string> Answer(absl::string_view request) const;

 private:
  // Sets the response's file_descriptor_response: `file` and every file it imports.
  void AddFiles(const google::protobuf::FileDescriptor* file,
                google::protobuf::Message* response) const;
  // Sets the response's error_response.
  void SetError(int code, const std::string& message, google::protobuf::Message* response) const;
  bool IsPublic(const google::protobuf::FileDescriptor* file) const {
    return file != nullptr && files_.count(file) > 0;
  }

  std::vector<std::string> services_;
  std::set<const google::protobuf::FileDescriptor*> files_;  // the services' files and imports
  std::shared_ptr<google::protobuf::DynamicMessageFactory> factory_;
  const google::protobuf::Message* request_prototype_ = nullptr;
  const google::protobuf::Message* response_prototype_ = nullptr;
};

}  // namespace paizhu::gateway
