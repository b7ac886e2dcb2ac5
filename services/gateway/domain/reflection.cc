#include "services/gateway/domain/reflection.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "common/status/status.h"
#include "google/protobuf/descriptor.h"
#include "google/protobuf/descriptor.pb.h"
#include "google/protobuf/dynamic_message.h"

namespace paizhu::gateway {
namespace {

using google::protobuf::Descriptor;
using google::protobuf::DescriptorPool;
using google::protobuf::FieldDescriptor;
using google::protobuf::FileDescriptor;
using google::protobuf::Message;

constexpr int kNotFound = 5;         // grpc::StatusCode::NOT_FOUND
constexpr int kInvalidArgument = 3;  // grpc::StatusCode::INVALID_ARGUMENT

// `file` and what it imports, transitively.
void AddWithImports(const FileDescriptor* file, std::set<const FileDescriptor*>* files) {
  if (!files->insert(file).second) return;
  for (int i = 0; i < file->dependency_count(); ++i) AddWithImports(file->dependency(i), files);
}

// The sub-message `field` of `message`, created when unset.
Message* Mutable(Message* message, absl::string_view field) {
  const FieldDescriptor* f = message->GetDescriptor()->FindFieldByName(std::string(field));
  return message->GetReflection()->MutableMessage(message, f);
}

}  // namespace

absl::StatusOr<PublicReflection> PublicReflection::Build(const std::vector<std::string>& services) {
  const DescriptorPool* pool = DescriptorPool::generated_pool();
  PublicReflection reflection;
  reflection.services_ = services;
  std::sort(reflection.services_.begin(), reflection.services_.end());
  for (const std::string& name : services) {
    const auto* service = pool->FindServiceByName(name);
    if (service == nullptr) {
      return FailedPrecondition("SERVICE_NOT_LINKED",
                                absl::StrCat(name, " is not in the gateway's descriptor pool"));
    }
    AddWithImports(service->file(), &reflection.files_);
  }
  const Descriptor* request =
      pool->FindMessageTypeByName("grpc.reflection.v1alpha.ServerReflectionRequest");
  const Descriptor* response =
      pool->FindMessageTypeByName("grpc.reflection.v1alpha.ServerReflectionResponse");
  if (request == nullptr || response == nullptr) {
    return FailedPrecondition("SERVICE_NOT_LINKED",
                              "gRPC's reflection messages are not in the descriptor pool");
  }
  reflection.factory_ = std::make_shared<google::protobuf::DynamicMessageFactory>();
  reflection.request_prototype_ = reflection.factory_->GetPrototype(request);
  reflection.response_prototype_ = reflection.factory_->GetPrototype(response);
  return reflection;
}

absl::StatusOr<std::string> PublicReflection::Answer(absl::string_view bytes) const {
  std::unique_ptr<Message> request(request_prototype_->New());
  if (!request->ParseFromArray(bytes.data(), static_cast<int>(bytes.size()))) {
    return InvalidArgument("request", "BAD_REFLECTION_REQUEST",
                           "not a grpc.reflection.v1alpha.ServerReflectionRequest");
  }
  std::unique_ptr<Message> response(response_prototype_->New());
  const auto* in = request->GetReflection();
  const auto* out = response->GetReflection();
  const Descriptor* request_type = request->GetDescriptor();
  out->SetString(response.get(), response->GetDescriptor()->FindFieldByName("valid_host"),
                 in->GetString(*request, request_type->FindFieldByName("host")));
  Mutable(response.get(), "original_request")->CopyFrom(*request);

  const DescriptorPool* pool = DescriptorPool::generated_pool();
  const FieldDescriptor* asked =
      in->GetOneofFieldDescriptor(*request, request_type->FindOneofByName("message_request"));
  std::string name = asked != nullptr && asked->type() == FieldDescriptor::TYPE_STRING
                         ? in->GetString(*request, asked)
                         : "";
  if (asked == nullptr) {
    SetError(kInvalidArgument, "no request", response.get());
  } else if (asked->name() == "list_services") {
    Message* list = Mutable(response.get(), "list_services_response");
    const FieldDescriptor* service_field = list->GetDescriptor()->FindFieldByName("service");
    for (const std::string& service : services_) {
      Message* entry = list->GetReflection()->AddMessage(list, service_field);
      entry->GetReflection()->SetString(entry, entry->GetDescriptor()->FindFieldByName("name"),
                                        service);
    }
  } else if (asked->name() == "file_by_filename") {
    const FileDescriptor* file = pool->FindFileByName(name);
    if (IsPublic(file)) {
      AddFiles(file, response.get());
    } else {
      SetError(kNotFound, absl::StrCat("no public file ", name), response.get());
    }
  } else if (asked->name() == "file_containing_symbol") {
    const FileDescriptor* file = pool->FindFileContainingSymbol(name);
    // A service the gateway does not route, or one of its methods, is not public even
    // when it shares a file with one it does.
    const auto* service = pool->FindServiceByName(name);
    if (const auto* method = pool->FindMethodByName(name); method != nullptr) {
      service = method->service();
    }
    bool hidden = service != nullptr &&
                  !std::binary_search(services_.begin(), services_.end(), service->full_name());
    if (IsPublic(file) && !hidden) {
      AddFiles(file, response.get());
    } else {
      SetError(kNotFound, absl::StrCat("no public symbol ", name), response.get());
    }
  } else if (asked->name() == "file_containing_extension") {
    const Message& ask = in->GetMessage(*request, asked);
    const auto* ask_reflection = ask.GetReflection();
    std::string type =
        ask_reflection->GetString(ask, ask.GetDescriptor()->FindFieldByName("containing_type"));
    int number =
        ask_reflection->GetInt32(ask, ask.GetDescriptor()->FindFieldByName("extension_number"));
    const Descriptor* extendee = pool->FindMessageTypeByName(type);
    const FieldDescriptor* extension =
        extendee == nullptr ? nullptr : pool->FindExtensionByNumber(extendee, number);
    if (extension != nullptr && IsPublic(extension->file())) {
      AddFiles(extension->file(), response.get());
    } else {
      SetError(kNotFound, absl::StrCat("no public extension ", type, "(", number, ")"),
               response.get());
    }
  } else if (asked->name() == "all_extension_numbers_of_type") {
    const Descriptor* type = pool->FindMessageTypeByName(name);
    if (type != nullptr && IsPublic(type->file())) {
      Message* numbers = Mutable(response.get(), "all_extension_numbers_response");
      const auto* r = numbers->GetReflection();
      r->SetString(numbers, numbers->GetDescriptor()->FindFieldByName("base_type_name"), name);
      std::vector<const FieldDescriptor*> extensions;
      pool->FindAllExtensions(type, &extensions);
      for (const FieldDescriptor* e : extensions) {
        if (!IsPublic(e->file())) continue;
        r->AddInt32(numbers, numbers->GetDescriptor()->FindFieldByName("extension_number"),
                    e->number());
      }
    } else {
      SetError(kNotFound, absl::StrCat("no public type ", name), response.get());
    }
  } else {
    SetError(kInvalidArgument, absl::StrCat("unsupported request ", asked->name()), response.get());
  }
  return response->SerializeAsString();
}

void PublicReflection::AddFiles(const FileDescriptor* file, Message* response) const {
  std::set<const FileDescriptor*> files;
  AddWithImports(file, &files);
  Message* out = Mutable(response, "file_descriptor_response");
  const FieldDescriptor* field = out->GetDescriptor()->FindFieldByName("file_descriptor_proto");
  // The asked file first (clients read the first as the answer), then its imports.
  std::vector<const FileDescriptor*> ordered = {file};
  for (const FileDescriptor* f : files) {
    if (f != file) ordered.push_back(f);
  }
  for (const FileDescriptor* f : ordered) {
    google::protobuf::FileDescriptorProto proto;
    f->CopyTo(&proto);
    // Only routed services, should a file hold others too.
    auto* services = proto.mutable_service();
    for (int i = services->size() - 1; i >= 0; --i) {
      std::string full = proto.package().empty()
                             ? services->Get(i).name()
                             : absl::StrCat(proto.package(), ".", services->Get(i).name());
      if (!std::binary_search(services_.begin(), services_.end(), full)) {
        services->DeleteSubrange(i, 1);
      }
    }
    out->GetReflection()->AddString(out, field, proto.SerializeAsString());
  }
}

void PublicReflection::SetError(int code, const std::string& message, Message* response) const {
  Message* error = Mutable(response, "error_response");
  const auto* r = error->GetReflection();
  r->SetInt32(error, error->GetDescriptor()->FindFieldByName("error_code"), code);
  r->SetString(error, error->GetDescriptor()->FindFieldByName("error_message"), message);
}

}  // namespace paizhu::gateway
