#pragma once
// Outcomes per person reported (处理结果): party and administrative sanctions, first-form
// and organisational measures, referral, cleared; their four-forms class (四种形态) from
// a versioned mapping, and the sanction's effect period (影响期).

#include <optional>
#include <string>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "absl/time/civil_time.h"

namespace paizhu::clue {

inline constexpr char kFourFormsMappingVersion[] = "four_forms v1";

struct Outcome {
  std::string subject_name;
  std::string outcome;  // CONTRACTS.md values
  std::string detail;
  int months = 0;  // party_probation: 12 or 24
  absl::CivilDay decided_on;
};

bool IsOutcome(absl::string_view outcome);
bool IsPartySanction(absl::string_view outcome);           // party_*
bool IsAdministrativeSanction(absl::string_view outcome);  // gov_*
// first, second, third, fourth; "" for cleared.
std::string FourFormsClass(absl::string_view outcome);
// The last day of the effect period, or nullopt when it has none or never ends
// (expulsions, measures). Party: warning 1 year, serious warning 18 months, removal from
// post 2 years, probation its length plus a year. Administrative (政务处分法): warning 6,
// demerit 12, major demerit 18, demotion and dismissal 24 months.
std::optional<absl::CivilDay> EffectUntil(const Outcome& outcome);
// INVALID_ARGUMENT naming `field` (e.g. "outcomes[2]") for a bad outcome.
absl::Status ValidateOutcome(const Outcome& outcome, const std::string& field,
                             absl::CivilDay today);

}  // namespace paizhu::clue
