#pragma once
// A source the assessment reads from (org, clue) failing: never a silent zero. The
// caller's answer names the source and what it said.

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "grpcpp/support/status.h"

namespace paizhu::assess {

// UNAVAILABLE (reason ORG_UNAVAILABLE / CLUE_UNAVAILABLE) when the source is down or out
// of time; FAILED_PRECONDITION (reason ORG_FAILED / CLUE_FAILED) when it refuses, e.g.
// an RPC it does not serve yet (UNIMPLEMENTED). `source` is "org" or "clue".
absl::Status SourceError(absl::string_view source, absl::string_view method,
                         const grpc::Status& status);

}  // namespace paizhu::assess
