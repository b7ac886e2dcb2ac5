#pragma once
// Reading and writing a clue with everything that hangs off it (subjects, the open
// proposal, reviews, outcomes, its case), and appending to its audit chain: shared by
// the registry, the workflow and the imports.

#include <optional>
#include <string>

#include "absl/status/statusor.h"
#include "absl/time/civil_time.h"
#include "common/sql/rows.h"
#include "common/sql/transaction.h"
#include "services/clue/domain/audit_chain.h"
#include "services/clue/domain/clue.h"
#include "services/clue/domain/timeline.h"
#include "services/clue/domain/visibility.h"

namespace paizhu::clue::rows {

// The clue columns in the order ClueFromRow reads them.
extern const char kClueColumns[];
Clue ClueFromRow(const sql::Rows& rows, size_t r);

// The whole clue; `for_update` locks the clue row (then its case row) first.
absl::StatusOr<std::optional<Clue>> ReadClue(sql::Transaction& tx, const std::string& number,
                                             bool for_update);
// Writes the clue row's workflow columns and its case row, bumping both versions.
absl::Status WriteWorkflow(sql::Transaction& tx, Clue& clue);

// Need-to-know (domain/visibility.h CanSee) on a clue read with its joint parties.
inline bool Visible(const Viewer& viewer, const Clue& clue) {
  return CanSee(viewer, clue.handling_unit_code, clue.registering_unit_code,
                clue.trial_since.has_value(), clue.participants);
}

// Need-to-know as SQL on the clues table (columns prefixed with `prefix`, e.g. "c."):
// a condition to AND into a query, its parameters appended. For viewers without sees_all.
std::string VisibilitySql(const Viewer& viewer, const std::string& prefix, sql::Params& params);

// The joint-case part of VisibilitySql: an active participant's handlers and leader
// (joint_rows.cc); "" when the viewer is no person and leads no unit.
std::string ParticipantVisibilitySql(const Viewer& viewer, const std::string& prefix,
                                     sql::Params& params);

// A clue's participants (with handlers) and tasks (joint_rows.cc).
absl::Status ReadJoint(sql::Transaction& tx, Clue& clue);
// Inserts or updates one participant row and replaces its handlers.
absl::Status WriteParticipant(sql::Transaction& tx, int64_t clue_id, const Participant& p);
// Inserts the clue's new tasks (id 0, numbered here) and updates the others.
absl::Status WriteTasks(sql::Transaction& tx, Clue& clue);

// The same for letters (table alias `l`): the viewer's units as issuer or recipient.
// Also for viewers with sees_all ("TRUE").
std::string LetterVisibilitySql(const Viewer& viewer, sql::Params& params);

std::string Digest(const Clue& clue);
// The clue a registration just wrote (id, number, the stored defaults), exactly as
// ReadClue would read it back, so the response and the audit digest need no read.
Clue AsRegistered(const Clue& clue, int64_t id, const std::string& number,
                  const std::string& actor);

// Appends one entry to the clue's chain. Call it last in the transaction: the head row is
// hot (every read of the clue locks it). A change passes its `note` for the timeline.
absl::Status AppendAudit(sql::Transaction& tx, const std::string& key, int64_t clue_id,
                         AuditEntry entry, const AuditNote* note = nullptr);
// The first entry of a clue made in this same transaction: no head exists to read or lock.
absl::Status AppendFirstAudit(sql::Transaction& tx, const std::string& key, int64_t clue_id,
                              AuditEntry entry, const AuditNote* note = nullptr);

sql::Param DateParam(const std::optional<absl::CivilDay>& day);
std::optional<absl::CivilDay> OptDate(const sql::Rows& rows, size_t r, size_t c);

}  // namespace paizhu::clue::rows
