#pragma once
// One ledger row and the rules it must satisfy (CONTRACTS.md, import kind `activities`).

#include <string>

#include "absl/status/status.h"
#include "absl/time/civil_time.h"

namespace paizhu::assess {

struct Activity {
  int64_t id = 0;
  std::string group_code;
  std::string unit_code;
  absl::CivilDay day;
  std::string kind;
  std::string subkind;
  int count = 1;
  std::string note;
  std::string recorded_by;  // person or system code
};

bool IsActivityKind(const std::string& kind);

// Field names in errors are the API's ("activity.kind").
absl::Status ValidateActivity(const Activity& activity, absl::CivilDay today);

// The kinds of the two units, as the organisation service reports them.
absl::Status ValidateActivityUnits(const std::string& group_kind, const std::string& unit_kind);

}  // namespace paizhu::assess
