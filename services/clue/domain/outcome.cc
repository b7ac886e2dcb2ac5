#include "services/clue/domain/outcome.h"

#include <initializer_list>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "common/status/status.h"

namespace paizhu::clue {
namespace {

struct OutcomeRule {
  const char* outcome;
  const char* form;   // four_forms v1
  int effect_months;  // 0: none or permanent
};

constexpr OutcomeRule kOutcomes[] = {
    {"party_warning", "second", 12},
    {"party_serious_warning", "second", 18},
    {"party_removal", "third", 24},
    {"party_probation", "third", 0},
    {"party_expulsion", "fourth", 0},
    {"gov_warning", "second", 6},
    {"gov_demerit", "second", 12},
    {"gov_major_demerit", "second", 18},
    {"gov_demotion", "third", 24},
    {"gov_dismissal", "third", 24},
    {"gov_expulsion", "fourth", 0},
    {"criticism_education", "first", 0},
    {"organisational", "first", 0},
    {"referral", "fourth", 0},
    {"cleared", "", 0},
};

const OutcomeRule* Find(absl::string_view outcome) {
  for (const OutcomeRule& r : kOutcomes) {
    if (outcome == r.outcome) return &r;
  }
  return nullptr;
}

absl::CivilDay AddMonthsMinusDay(absl::CivilDay day, int months) {
  absl::CivilMonth m(day.year(), day.month());
  absl::CivilMonth target = m + months;
  absl::CivilDay last_of_target = absl::CivilDay(target + 1) - 1;
  absl::CivilDay same_day(target.year(), target.month(), day.day());
  if (same_day.month() != target.month()) same_day = last_of_target;  // clamped
  return same_day - 1;
}

}  // namespace

bool IsOutcome(absl::string_view outcome) { return Find(outcome) != nullptr; }
bool IsPartySanction(absl::string_view o) { return absl::StartsWith(o, "party_"); }
bool IsAdministrativeSanction(absl::string_view o) { return absl::StartsWith(o, "gov_"); }

std::string FourFormsClass(absl::string_view outcome) {
  const OutcomeRule* r = Find(outcome);
  return r ? r->form : "";
}

std::optional<absl::CivilDay> EffectUntil(const Outcome& o) {
  const OutcomeRule* r = Find(o.outcome);
  if (!r) return std::nullopt;
  int months = r->effect_months;
  // 留党察看: the probation itself, then a year before promotion is possible.
  if (o.outcome == "party_probation") months = o.months + 12;
  if (months == 0) return std::nullopt;
  return AddMonthsMinusDay(o.decided_on, months);
}

absl::Status ValidateOutcome(const Outcome& o, const std::string& field, absl::CivilDay today) {
  if (o.subject_name.empty()) {
    return InvalidArgument(absl::StrCat(field, ".subject_name"), "INVALID_SUBJECT",
                           absl::StrCat(field, ".subject_name: required"));
  }
  if (!IsOutcome(o.outcome)) {
    return InvalidArgument(absl::StrCat(field, ".outcome"), "INVALID_OUTCOME",
                           absl::StrCat(field, ".outcome: unknown outcome \"", o.outcome, "\""));
  }
  if (o.outcome == "party_probation" ? (o.months != 12 && o.months != 24) : o.months != 0) {
    return InvalidArgument(
        absl::StrCat(field, ".months"), "INVALID_MONTHS",
        absl::StrCat(field, ".months: 12 or 24 for party_probation, else empty"));
  }
  if (o.outcome == "organisational" && o.detail.empty()) {
    return InvalidArgument(absl::StrCat(field, ".detail"), "DETAIL_REQUIRED",
                           absl::StrCat(field, ".detail: name the organisational measure"));
  }
  if (o.decided_on > today) {
    return InvalidArgument(absl::StrCat(field, ".decided_on"), "DATE_IN_FUTURE",
                           absl::StrCat(field, ".decided_on: after today"));
  }
  return absl::OkStatus();
}

}  // namespace paizhu::clue
