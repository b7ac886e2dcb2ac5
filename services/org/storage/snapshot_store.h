#pragma once
// Whole-organisation reads for statistics and principal resolution. A city's
// organisation is a few hundred units and people: one consistent read of each table.

#include "absl/status/statusor.h"
#include "common/sql/transaction.h"
#include "services/org/domain/principal_resolution.h"
#include "services/org/domain/statistics.h"

namespace paizhu::org {

absl::StatusOr<OrgSnapshot> ReadSnapshot(sql::Transaction& tx);
// What widens an office role's view on `as_of`: the groups it guides, the townships of
// the zones it leads.
absl::StatusOr<RoleScopeFacts> ReadRoleScopeFacts(sql::Transaction& tx, absl::CivilDay as_of);

}  // namespace paizhu::org
