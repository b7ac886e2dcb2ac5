#pragma once
// The access audit: every call through the gateway, allowed or denied, is one log line
// with msg "access":
//   {"msg":"access","principal":"person:P0001","method":"/paizhu.org.v1.OrgService/GetUnit",
//    "resource":"units/G01","code":"NOT_FOUND","reason":"UNIT_NOT_FOUND","latency_ms":3,
//    "deadline_ms":10000,"request_id":"..."}
// Never the token, never the payload: the resource name is the only thing read from the
// request, and only for this line (the bytes are forwarded untouched).

#include <string>

#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "common/auth/principal.h"
#include "common/log/log.h"
#include "google/protobuf/message.h"

namespace paizhu::gateway {

inline constexpr char kAccessLogMessage[] = "access";
inline constexpr char kAnonymous[] = "anonymous";

// "person:P0001", "system:hr", "service:clue"; "anonymous" for no kind or subject.
std::string PrincipalLabel(const auth::Principal& principal);

// Whether the audit reads a resource name from requests of this type: it has a string
// field `name` or `parent`.
bool HasResourceField(const google::protobuf::Descriptor* request_type);

// The request's `name`, else its `parent`, else "": parsed from the serialized request
// with `prototype` (of the method's input type). Unparseable bytes give "".
std::string ResourceNameOf(const google::protobuf::Message& prototype, absl::string_view bytes);

struct AccessRecord {
  std::string principal = kAnonymous;  // PrincipalLabel, or the person of a verified token
  std::string method;
  std::string resource;  // omitted when empty
  std::string code;      // the gRPC code's name: "OK", "NOT_FOUND", ...
  std::string reason;    // the error's reason; omitted when empty or OK
  absl::Duration latency;
  absl::Duration deadline;  // the upstream call's time budget as set at arrival
  std::string request_id;
};

log::Fields AccessLogFields(const AccessRecord& record);

}  // namespace paizhu::gateway
