#pragma once
// proto <-> domain for the clue service's handlers, and who the caller is.

#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "common/auth/principal.h"
#include "paizhu/clue/v1/clue.pb.h"
#include "services/clue/domain/clue.h"
#include "services/clue/domain/visibility.h"
#include "services/clue/domain/workflow.h"

namespace paizhu::clue {

std::string ClueMethod(const char* name);  // "/paizhu.clue.v1.ClueService/<name>"

// What the caller may see, from the principal the gateway resolved.
Viewer ViewerOf(const auth::Principal& p);
// What the caller holds (roles with their units, posts), for approvals and acting.
Actor ActorOf(const auth::Principal& p);

// `with_details`: subjects, allegation, reporter (masked unless `sees_reporter`), the
// workflow's records; lists leave them out.
void ToProto(const Clue& c, bool with_details, bool sees_reporter, v1::Clue* out);
void ToProto(const Proposal& p, const Approver& approver, v1::Proposal* out);
void ToProto(const Outcome& o, v1::Outcome* out);
void CaseToProto(const Clue& c, v1::Case* out);

// Outcomes as given (decided_on defaults to `default_day`), each validated; at least one.
absl::StatusOr<std::vector<Outcome>> OutcomesFromProto(
    const google::protobuf::RepeatedPtrField<v1::Outcome>& in, absl::CivilDay default_day,
    absl::CivilDay today);

absl::Status ClueNotFound(const std::string& name);
absl::Status CaseNotFound(const std::string& name);

}  // namespace paizhu::clue
