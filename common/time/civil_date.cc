#include "common/time/civil_date.h"

#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/time/clock.h"
#include "common/status/status.h"

namespace paizhu {

absl::StatusOr<absl::CivilDay> ParseDate(absl::string_view text, absl::string_view field) {
  auto bad = [&] {
    return InvalidArgument(field, "INVALID_DATE",
                           absl::StrCat(field, ": '", text, "' is not a date (YYYY-MM-DD)"));
  };
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return bad();
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (!absl::ascii_isdigit(text[i])) return bad();
  }
  int y = 0, m = 0, d = 0;
  if (!absl::SimpleAtoi(text.substr(0, 4), &y) || !absl::SimpleAtoi(text.substr(5, 2), &m) ||
      !absl::SimpleAtoi(text.substr(8, 2), &d)) {
    return bad();
  }
  absl::CivilDay day(y, m, d);
  // CivilDay normalises 2026-02-30 to March; a real date survives the round trip.
  if (day.year() != y || day.month() != m || day.day() != d || y < 1900) return bad();
  return day;
}

std::string FormatDate(absl::CivilDay day) {
  return absl::StrFormat("%04d-%02d-%02d", day.year(), day.month(), day.day());
}

absl::CivilDay TodayInChina() {
  // China has used UTC+8 all year since 1991; a fixed zone needs no tzdata.
  static const absl::TimeZone kChina = absl::FixedTimeZone(8 * 3600);
  return absl::ToCivilDay(absl::Now(), kChina);
}

}  // namespace paizhu
