#pragma once
// A fact in force from a date, until an optional date; both ends included (CONTRACTS.md).

#include <optional>

#include "absl/time/civil_time.h"

namespace paizhu {

struct DateRange {
  absl::CivilDay from;
  std::optional<absl::CivilDay> to;  // empty: still in force

  bool Contains(absl::CivilDay day) const { return from <= day && (!to || day <= *to); }
  bool Overlaps(const DateRange& other) const {
    return (!to || other.from <= *to) && (!other.to || from <= *other.to);
  }
};

// Completed years from `since` to `on` (ages and years of service, CONTRACTS.md).
inline int CompletedYears(absl::CivilDay since, absl::CivilDay on) {
  int years = static_cast<int>(on.year() - since.year());
  if (on.month() < since.month() || (on.month() == since.month() && on.day() < since.day()))
    --years;
  return years;
}

}  // namespace paizhu
