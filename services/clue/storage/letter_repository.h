#pragma once
// Letters and their problems: one transaction per use case; reads filtered by the
// viewer's units (issuer or recipient) in SQL.

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "services/clue/domain/letter.h"
#include "services/clue/domain/visibility.h"

namespace paizhu::clue {

struct LetterFilter {
  std::string unit;
  std::string issuer;
  bool overdue_only = false;
  absl::CivilDay today;
};

// Keyset position in "overdue first, then newest" order.
struct LetterCursor {
  bool overdue = true;
  int64_t id = 0;  // 0: from the start
};

class LetterRepository {
 public:
  virtual ~LetterRepository() = default;
  // ALREADY_EXISTS / LETTER_EXISTS for a code in use.
  virtual absl::StatusOr<Letter> Create(const Letter& letter, absl::Time deadline) = 0;
  // nullopt when missing or not visible.
  virtual absl::StatusOr<std::optional<Letter>> Get(const std::string& code, const Viewer& viewer,
                                                    absl::Time deadline) = 0;
  // Each letter with whether it is overdue (for the cursor).
  virtual absl::StatusOr<std::vector<std::pair<Letter, bool>>> List(const Viewer& viewer,
                                                                    const LetterFilter& filter,
                                                                    const LetterCursor& after,
                                                                    int limit,
                                                                    absl::Time deadline) = 0;
  // Applies `change` under the letter's row lock and stores the letter and its problems;
  // nullopt when missing or not visible.
  virtual absl::StatusOr<std::optional<Letter>> Update(
      const std::string& code, const Viewer& viewer,
      const std::function<absl::Status(Letter&)>& change, absl::Time deadline) = 0;
};

}  // namespace paizhu::clue
