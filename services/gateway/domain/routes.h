#pragma once
// Which service answers a method, who may call it, and whether the gateway can proxy it,
// all read once at start from the descriptors linked into the gateway. A method of a
// service the gateway does not know is not routed; a method without an access
// declaration is never callable.

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "common/auth/access.h"

namespace google::protobuf {
class DynamicMessageFactory;
class Message;
class MethodDescriptor;
}  // namespace google::protobuf

namespace paizhu::gateway {

struct Route {
  std::string destination;                                     // org, clue, assess
  const google::protobuf::MethodDescriptor* method = nullptr;  // in the generated pool
  auth::MethodAccess access;
  bool client_streaming = false;  // refused: the gateway proxies unary and server streams
  bool server_streaming = false;
  // An empty request of the method's input type, for the access audit to read the
  // resource name from; nullptr when the type has no `name` or `parent` field.
  const google::protobuf::Message* request_prototype = nullptr;
};

class RouteTable {
 public:
  // `services` maps full proto service names to destinations, e.g.
  // {"paizhu.org.v1.OrgService", "org"}. Fails when a service is not in the pool (its
  // generated code was not linked: the gateway would then refuse every call to it).
  static absl::StatusOr<RouteTable> Build(const std::map<std::string, std::string>& services);

  // `path` is "/paizhu.org.v1.OrgService/GetUnit". UNIMPLEMENTED for unknown methods.
  absl::StatusOr<const Route*> Find(absl::string_view path) const;
  size_t size() const { return routes_.size(); }

 private:
  std::map<std::string, Route, std::less<>> routes_;
  // Owns the request prototypes (dynamic messages over the generated descriptors).
  std::shared_ptr<google::protobuf::DynamicMessageFactory> factory_;
};

}  // namespace paizhu::gateway
