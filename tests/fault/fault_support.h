#pragma once
// What the fault tests share: the clue city's registrations with a request_id, a client
// that retries them as a careful client would, the clues a case manager can list, and
// the audit chains' verdict (every test ends by checking them after its fault).

#include <map>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "common/sql/connection.h"
#include "paizhu/clue/v1/clue.pb.h"
#include "tests/support/stack.h"

namespace paizhu::testing {

// A clue for G1 registered by G1 (staff1 of the clue city); the allegation names the
// request id, so a duplicate would show in the data.
clue::v1::RegisterClueRequest Registration(const std::string& request_id);

// One RegisterClue through the gateway as staff1, with a deadline `timeout` from now.
absl::StatusOr<clue::v1::Clue> Register(const Stack& stack, const clue::v1::RegisterClueRequest& r,
                                        absl::Duration timeout = absl::Seconds(5));

// Registers with the same request_id until an answer comes (at most `give_up` of
// retries): what a client does whose call failed for a reason it cannot judge.
struct Acknowledged {
  clue::v1::Clue clue;
  int attempts = 0;
};
absl::StatusOr<Acknowledged> RegisterUntilAnswered(const Stack& stack,
                                                   const clue::v1::RegisterClueRequest& r,
                                                   absl::Duration give_up = absl::Seconds(60));

// Every clue's name the case manager (who sees all) can list, page by page.
absl::StatusOr<std::vector<std::string>> ListAllClues(const Stack& stack);

// Every clue's audit chain and the checkpoints over their heads (a fresh one taken first).
// Returns the number of clues checked, or the first problem.
absl::StatusOr<int> VerifyAllAuditChains(const Stack& stack);

// Root on the stack's server, in the service's own schema (to hold locks and look inside).
absl::StatusOr<std::unique_ptr<sql::Connection>> OpenSchema(const sql::ConnectOptions& server,
                                                            const std::string& schema);

}  // namespace paizhu::testing
