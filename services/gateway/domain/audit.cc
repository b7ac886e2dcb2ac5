#include "services/gateway/domain/audit.h"

#include <memory>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "google/protobuf/descriptor.h"

namespace paizhu::gateway {
namespace {

using google::protobuf::FieldDescriptor;

const FieldDescriptor* StringField(const google::protobuf::Descriptor* type, const char* name) {
  const FieldDescriptor* field = type->FindFieldByName(name);
  return field != nullptr && field->type() == FieldDescriptor::TYPE_STRING && !field->is_repeated()
             ? field
             : nullptr;
}

}  // namespace

std::string PrincipalLabel(const auth::Principal& principal) {
  if (principal.subject().empty() || principal.kind() == auth::Principal::KIND_UNSPECIFIED) {
    return kAnonymous;
  }
  return absl::StrCat(absl::AsciiStrToLower(auth::Principal::Kind_Name(principal.kind())), ":",
                      principal.subject());
}

bool HasResourceField(const google::protobuf::Descriptor* request_type) {
  return request_type != nullptr && (StringField(request_type, "name") != nullptr ||
                                     StringField(request_type, "parent") != nullptr);
}

std::string ResourceNameOf(const google::protobuf::Message& prototype, absl::string_view bytes) {
  const google::protobuf::Descriptor* type = prototype.GetDescriptor();
  if (!HasResourceField(type)) return "";
  std::unique_ptr<google::protobuf::Message> request(prototype.New());
  if (!request->ParseFromArray(bytes.data(), static_cast<int>(bytes.size()))) return "";
  const google::protobuf::Reflection* reflection = request->GetReflection();
  for (const char* name : {"name", "parent"}) {
    const FieldDescriptor* field = StringField(type, name);
    if (field == nullptr) continue;
    std::string value = reflection->GetString(*request, field);
    if (!value.empty()) return value;
  }
  return "";
}

log::Fields AccessLogFields(const AccessRecord& record) {
  log::Fields fields = {
      {"principal", record.principal},
      {"method", record.method},
      {"code", record.code},
      {"latency_ms", absl::ToDoubleMilliseconds(record.latency)},
      {"deadline_ms", absl::ToInt64Milliseconds(record.deadline)},
      {"request_id", record.request_id},
  };
  if (!record.resource.empty()) fields["resource"] = record.resource;
  if (!record.reason.empty() && record.code != "OK") fields["reason"] = record.reason;
  return fields;
}

}  // namespace paizhu::gateway
