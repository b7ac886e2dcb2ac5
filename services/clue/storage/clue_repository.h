#pragma once
// The registry's storage: one transaction per use case, every change and every read of a
// clue's details audited in the same transaction.

#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "common/sql/idempotency.h"
#include "services/clue/domain/audit_chain.h"
#include "services/clue/domain/clue.h"
#include "services/clue/domain/visibility.h"

namespace paizhu::clue {

struct ClueFilter {
  std::string handling_unit_code;
  std::string state;
};

class ClueRepository {
 public:
  virtual ~ClueRepository() = default;
  // Gives the clue its number; a retried request (same key) returns the first clue.
  virtual absl::StatusOr<Clue> Register(const Clue& clue, const sql::RequestKey& key,
                                        const std::string& actor, absl::Time deadline) = 0;
  // nullopt both when the clue does not exist and when the viewer may not see it.
  virtual absl::StatusOr<std::optional<Clue>> Get(const std::string& number, const Viewer& viewer,
                                                  absl::Time deadline) = 0;
  // Newest first: clues with id < before_id (0: from the newest), at most `limit`.
  virtual absl::StatusOr<std::vector<Clue>> List(const Viewer& viewer, const ClueFilter& filter,
                                                 int64_t before_id, int limit,
                                                 absl::Time deadline) = 0;
  // nullopt when no such clue.
  virtual absl::StatusOr<std::optional<ChainCheck>> VerifyAudit(const std::string& number,
                                                                absl::Time deadline) = 0;
};

}  // namespace paizhu::clue
