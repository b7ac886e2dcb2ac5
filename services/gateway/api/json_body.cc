#include "services/gateway/api/json_body.h"

#include "absl/strings/str_cat.h"
#include "common/status/status.h"
#include "google/protobuf/descriptor.h"
#include "google/protobuf/message.h"
#include "google/protobuf/util/json_util.h"

namespace paizhu::gateway {

absl::Status DecodeJsonBody(absl::string_view body, google::protobuf::Message* request) {
  request->Clear();
  if (body.empty()) return absl::OkStatus();
  google::protobuf::util::JsonParseOptions options;
  options.ignore_unknown_fields = false;
  auto parsed = google::protobuf::util::JsonStringToMessage(
      google::protobuf::StringPiece(body.data(), body.size()), request, options);
  if (parsed.ok()) return absl::OkStatus();
  return InvalidArgument("body", "BAD_JSON",
                         absl::StrCat("the body is not a ", request->GetDescriptor()->full_name(),
                                      " in JSON: ", parsed.message().as_string()));
}

}  // namespace paizhu::gateway
