#pragma once
// Rule versions and integrity files inside a caller's transaction, so a single call and a
// bulk import run the same checks and statements.

#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/civil_time.h"
#include "common/sql/transaction.h"
#include "services/org/domain/integrity.h"
#include "services/org/domain/rules.h"

namespace paizhu::org {

// Every version of `rule` (every rule when empty), by rule then date.
absl::StatusOr<std::vector<RuleVersion>> ReadRuleVersions(sql::Transaction& tx,
                                                          const std::string& rule);
// Checks the version against the rule's latest (locked) and inserts it, stamped with
// `version.set_by` and the current time.
absl::Status InsertRuleVersion(sql::Transaction& tx, const RuleVersion& version);

// The unit must be an existing supervised unit; the code must be free.
absl::Status InsertIntegrityFile(sql::Transaction& tx, const IntegrityFile& file);
// With its entries, oldest first, and the group supervising its unit on `as_of`.
absl::StatusOr<std::optional<IntegrityFile>> ReadIntegrityFile(sql::Transaction& tx,
                                                               const std::string& code,
                                                               absl::CivilDay as_of);
// Up to `limit` file codes after `after_code`, of `unit_code` if set, in order.
absl::StatusOr<std::vector<std::string>> ListIntegrityFileCodes(sql::Transaction& tx,
                                                                const std::string& unit_code,
                                                                const std::string& after_code,
                                                                int limit);
// The group supervising `unit_code` on `day`, or empty.
absl::StatusOr<std::string> SupervisingGroupOn(sql::Transaction& tx, const std::string& unit_code,
                                               absl::CivilDay day);
// NOT_FOUND / INTEGRITY_FILE_NOT_FOUND for an unknown file; the file's version moves on.
absl::Status InsertIntegrityEntry(sql::Transaction& tx, const std::string& file_code,
                                  const IntegrityEntry& entry);

}  // namespace paizhu::org
