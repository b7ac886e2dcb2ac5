#pragma once
// The small city the clue e2e tests share, imported through the gateway as an
// administrator would: the commission C; offices O1 (supervision), CMO (case
// management), TR (trial); groups G1 and G2 guided by O1; U1 supervised by G1 (since
// 2019); G1's leader lead1, deputy dep1, staff staff1 and staff2; g2 in G2; o1 and o1b
// in O1 (role office); cl (commission_leader); cm (case_manager); tr (trial).
// Joint cases (室组地): zone Z1 led by O1 holds G1, G2 and township T1; zone Z2 led by O2
// holds group G3 and townships T2 and T3. g2lead leads G2; t1a and t1b work in T1 (role
// township), t2 in T2, t3 in T3; g3 (staff) and g3dep (deputy) in G3, whose leader post is
// vacant; o2 in O2 (role office).

#include <memory>
#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "common/status/grpc_status.h"
#include "grpcpp/client_context.h"
#include "tests/support/stack.h"

namespace paizhu::testing {

absl::Status SeedClueCity(Stack& stack);

// A call context as `person` (a dev token) with a 20 s deadline.
std::unique_ptr<grpc::ClientContext> AsPerson(const Stack& stack, const std::string& person);

// Calls `rpc` on `stub` as `person`: the answer, or the error as an absl::Status.
template <typename Stub, typename Request, typename Response>
absl::StatusOr<Response> CallAs(const Stack& stack, Stub& stub,
                                grpc::Status (Stub::*rpc)(grpc::ClientContext*, const Request&,
                                                          Response*),
                                const std::string& person, const Request& request) {
  Response out;
  absl::Status s = FromGrpcStatus((stub.*rpc)(AsPerson(stack, person).get(), request, &out));
  if (!s.ok()) return s;
  return out;
}

}  // namespace paizhu::testing
