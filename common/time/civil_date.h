#pragma once
// Civil dates (China Standard Time) as the contracts write them: YYYY-MM-DD.

#include <string>
#include "absl/strings/string_view.h"

#include "absl/status/statusor.h"
#include "absl/time/civil_time.h"

namespace paizhu {

// Parses a strict YYYY-MM-DD (a real calendar day); `field` names the input in errors.
absl::StatusOr<absl::CivilDay> ParseDate(absl::string_view text, absl::string_view field);
std::string FormatDate(absl::CivilDay day);
// Today's date in China Standard Time.
absl::CivilDay TodayInChina();

}  // namespace paizhu
