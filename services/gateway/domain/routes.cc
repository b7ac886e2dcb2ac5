#include "services/gateway/domain/routes.h"

#include "absl/strings/str_cat.h"
#include "common/status/status.h"
#include "google/protobuf/descriptor.h"
#include "google/protobuf/dynamic_message.h"
#include "services/gateway/domain/audit.h"

namespace paizhu::gateway {

absl::StatusOr<RouteTable> RouteTable::Build(const std::map<std::string, std::string>& services) {
  RouteTable table;
  table.factory_ = std::make_shared<google::protobuf::DynamicMessageFactory>();
  const auto* pool = google::protobuf::DescriptorPool::generated_pool();
  for (const auto& [service_name, destination] : services) {
    const auto* service = pool->FindServiceByName(service_name);
    if (service == nullptr) {
      return FailedPrecondition(
          "SERVICE_NOT_LINKED",
          absl::StrCat(service_name, " is not in the gateway's descriptor pool"));
    }
    for (int i = 0; i < service->method_count(); ++i) {
      const auto* method = service->method(i);
      Route route;
      route.destination = destination;
      route.method = method;
      route.client_streaming = method->client_streaming();
      route.server_streaming = method->server_streaming();
      if (HasResourceField(method->input_type())) {
        route.request_prototype = table.factory_->GetPrototype(method->input_type());
      }
      // Undeclared methods get an empty declaration: nobody matches it.
      if (method->options().HasExtension(common::v1::access)) {
        route.access = method->options().GetExtension(common::v1::access);
      }
      table.routes_[absl::StrCat("/", service_name, "/", method->name())] = std::move(route);
    }
  }
  return table;
}

absl::StatusOr<const Route*> RouteTable::Find(absl::string_view path) const {
  auto it = routes_.find(path);
  if (it == routes_.end()) {
    return MakeError(absl::StatusCode::kUnimplemented, "METHOD_NOT_ROUTED",
                     absl::StrCat("the gateway routes no method ", path));
  }
  return &it->second;
}

}  // namespace paizhu::gateway
