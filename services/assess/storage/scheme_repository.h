#pragma once
// Stored scheme versions. Append-only: a version, once stored, is never changed or
// removed, so a run that used it can always be explained by it.

#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "services/assess/domain/scheme.h"

namespace paizhu::assess {

struct StoredScheme {
  Scheme scheme;
  std::string document;  // canonical JSON (SchemeToJson)
  std::string created_by;
};

class SchemeRepository {
 public:
  virtual ~SchemeRepository() = default;
  // Stores a validated scheme as a new version: its version must be the key's next
  // (1 for a new key). An existing version: ALREADY_EXISTS, SCHEME_VERSION_EXISTS; a gap:
  // FAILED_PRECONDITION, SCHEME_VERSION_NOT_NEXT.
  virtual absl::StatusOr<StoredScheme> Create(const Scheme& scheme, const std::string& created_by,
                                              absl::Time deadline) = 0;
  // Nullopt when there is no such version.
  virtual absl::StatusOr<std::optional<StoredScheme>> Get(const std::string& key, int version,
                                                          absl::Time deadline) = 0;
  // Every version, by key then version.
  virtual absl::StatusOr<std::vector<StoredScheme>> List(absl::Time deadline) = 0;
};

}  // namespace paizhu::assess
