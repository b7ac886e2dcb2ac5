#include "services/assess/domain/run.h"

#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "common/status/status.h"

namespace paizhu::assess {

absl::StatusOr<Period> ParsePeriod(absl::string_view label, absl::string_view field) {
  auto bad = [&]() {
    return InvalidArgument(
        field, "INVALID_PERIOD",
        absl::StrCat(field, ": '", label,
                     "' is not a period like 2021, 2021-H1, 2021-Q3 or 2021-03"));
  };
  int year = 0;
  if (label.size() < 4 || !absl::SimpleAtoi(label.substr(0, 4), &year) || year < 1990 ||
      year > 2200) {
    return bad();
  }
  Period p;
  p.label = std::string(label);
  if (label.size() == 4) {
    p.from = absl::CivilDay(year, 1, 1);
    p.to = absl::CivilDay(year, 12, 31);
    return p;
  }
  if (label.size() != 7 || label[4] != '-') return bad();
  absl::string_view rest = label.substr(5);
  int n = 0;
  int first_month = 0;
  int months = 0;
  if (rest[0] == 'H' && absl::SimpleAtoi(rest.substr(1), &n) && (n == 1 || n == 2)) {
    first_month = n == 1 ? 1 : 7;
    months = 6;
  } else if (rest[0] == 'Q' && absl::SimpleAtoi(rest.substr(1), &n) && n >= 1 && n <= 4) {
    first_month = 3 * (n - 1) + 1;
    months = 3;
  } else if (absl::ascii_isdigit(rest[0]) && absl::SimpleAtoi(rest, &n) && n >= 1 && n <= 12) {
    first_month = n;
    months = 1;
  } else {
    return bad();
  }
  absl::CivilMonth start(year, first_month);
  p.from = absl::CivilDay(start);
  p.to = absl::CivilDay(start + months) - 1;
  return p;
}

absl::string_view RunStateName(RunState state) {
  return state == RunState::kFinal ? "final" : "draft";
}

std::map<std::string, ManualScore> ManualScoresOf(const Run& run, const std::string& target) {
  std::map<std::string, ManualScore> out;
  for (const Adjustment& a : run.adjustments) {
    if (a.target == target) out[a.task_code] = a.score;
  }
  return out;
}

}  // namespace paizhu::assess
