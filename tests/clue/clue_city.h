#pragma once
// The small city the clue e2e tests share, imported through the gateway as an
// administrator would: the commission C; offices O1 (supervision), CMO (case
// management), TR (trial); groups G1 and G2 guided by O1; U1 supervised by G1 (since
// 2019); G1's leader lead1, deputy dep1, staff staff1 and staff2; g2 in G2; o1 and o1b
// in O1 (role office); cl (commission_leader); cm (case_manager); tr (trial).

#include "absl/status/status.h"
#include "tests/support/stack.h"

namespace paizhu::testing {

absl::Status SeedClueCity(Stack& stack);

}  // namespace paizhu::testing
