#pragma once
// The request half of JSON over HTTP: a body in protobuf's JSON mapping read into the
// method's request message. Apart from the HTTP server and gRPC, so it can be fuzzed
// on its own (tests/fuzz).

#include "absl/status/status.h"
#include "absl/strings/string_view.h"

namespace google::protobuf {
class Message;
}

namespace paizhu::gateway {

// Reads `body` into `request` (cleared first): proto or lowerCamel field names, unknown
// fields refused; an empty body is the empty request. Anything else is INVALID_ARGUMENT
// with reason BAD_JSON on field "body", naming the request type.
absl::Status DecodeJsonBody(absl::string_view body, google::protobuf::Message* request);

}  // namespace paizhu::gateway
