#include "services/assess/api/source_error.h"

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "common/status/grpc_status.h"
#include "common/status/status.h"

namespace paizhu::assess {

absl::Status SourceError(absl::string_view source, absl::string_view method,
                         const grpc::Status& status) {
  absl::Status cause = FromGrpcStatus(status);
  std::string upper = absl::AsciiStrToUpper(source);
  std::string what = absl::StrCat("the ", source, " service's ", method, " answered ",
                                  absl::StatusCodeToString(cause.code()), " (", ErrorReason(cause),
                                  "): ", cause.message());
  switch (status.error_code()) {
    case grpc::StatusCode::UNAVAILABLE:
    case grpc::StatusCode::DEADLINE_EXCEEDED:
    case grpc::StatusCode::RESOURCE_EXHAUSTED:
      return Unavailable(absl::StrCat(upper, "_UNAVAILABLE"), what);
    default:
      return FailedPrecondition(absl::StrCat(upper, "_FAILED"), what);
  }
}

}  // namespace paizhu::assess
