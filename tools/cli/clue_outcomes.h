#pragma once
// Outcomes per person reported, as typed on the command line by `clues outcomes` and
// `cases decide`: "NAME=OUTCOME[:MONTHS[:DETAIL]]", several separated by ';'.

#include <string>

#include "absl/status/status.h"
#include "google/protobuf/repeated_ptr_field.h"
#include "paizhu/clue/v1/clue.pb.h"

namespace paizhu::cli {

// Appends the outcomes of `text` to `out`, each decided on `decided_on` (may be empty);
// INVALID_ARGUMENT naming the malformed entry.
absl::Status ParseOutcomes(const std::string& text, const std::string& decided_on,
                           google::protobuf::RepeatedPtrField<clue::v1::Outcome>* out);

// "张三 party_warning; 李四 criticism_education (until 2027-11-29)".
std::string OutcomesText(const google::protobuf::RepeatedPtrField<clue::v1::Outcome>& outcomes);

}  // namespace paizhu::cli
