#pragma once
// What a clue says about one person it names, for org's integrity opinion (党风廉政意见回复):
// whether it is still being handled and which sanctions on that person are in effect.

#include <string>
#include <vector>

#include "absl/time/civil_time.h"
#include "services/clue/domain/clue.h"

namespace paizhu::clue {

// Still being handled, as the clue stands now: not ended (cleared, first_form, closed,
// transferred, imported history) and, once filed, its case not yet decided.
bool IsOpen(const Clue& clue);

// The party or administrative sanctions on `subject_name` decided by `as_of` whose effect
// period (EffectUntil; none = no end) has not ended on `as_of`.
std::vector<Outcome> SanctionsInEffect(const Clue& clue, const std::string& subject_name,
                                       absl::CivilDay as_of);

}  // namespace paizhu::clue
