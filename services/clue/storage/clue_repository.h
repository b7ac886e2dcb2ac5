#pragma once
// The registry's storage: one transaction per use case, every change and every read of a
// clue's details audited in the same transaction.

#include <functional>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "absl/time/time.h"
#include "common/sql/idempotency.h"
#include "services/clue/domain/audit_chain.h"
#include "services/clue/domain/clue.h"
#include "services/clue/domain/deadline_rules.h"
#include "services/clue/domain/statistics.h"
#include "services/clue/domain/timeline.h"
#include "services/clue/domain/visibility.h"

namespace paizhu::clue {

struct ClueFilter {
  std::string handling_unit_code;
  std::string state;
  std::string party_unit_code;  // a joint-case participant in `party_state`
  std::string party_state;
  std::string source;  // petition, supervision, ... (domain/clue.h IsSource)
};

// What a ListClues page token is bound to: a token serves only the filter it was made for.
inline std::string PageFingerprint(const ClueFilter& f) {
  return absl::StrCat("unit=", f.handling_unit_code, ";state=", f.state,
                      ";party=", f.party_unit_code, ";party_state=", f.party_state,
                      ";source=", f.source);
}

// What a workflow step stores besides the clue's own columns.
struct StepEffects {
  std::optional<Proposal> new_proposal;  // numbered on store; becomes clue.proposal
  // The open proposal decided: approved or rejected, by whom, with a note.
  struct Decision {
    int64_t proposal_id = 0;
    bool approved = false;
    std::string by;
    absl::CivilDay on;
    std::string note;
  };
  std::optional<Decision> decision;
  std::optional<Review> new_review;
  std::vector<Outcome> new_outcomes;
  bool file_case = false;  // clue.case_file holds the new case; numbered on store
  // Joint case: the participants (by unit) to store as the step left them; tasks: store
  // them all (new ones, id 0, are numbered on store).
  std::set<std::string> participants_written;
  bool tasks_written = false;
};

// Called under the clue's row lock with its current facts (its case included); changes
// `clue` (state, due date, case) and says what else to store. An error rolls back.
using ClueStep = std::function<absl::Status(Clue& clue, StepEffects& effects)>;

// One line of a deadline list: a clue's or a case's current limit.
struct DueItem {
  std::string kind;    // clue, case
  std::string number;  // XS2026-0001, LA2026-0001
  std::string state;
  std::string handling_unit_code;
  absl::CivilDay due_on;
  bool provisional = false;
};

// Recomputes one provisional due date on the calendar as it is now.
using Recompute = std::function<absl::StatusOr<DueDate>(const DueDate& due)>;

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
  // Runs `step` on the clue in one transaction and audits it as `action`; nullopt when
  // the clue does not exist or the viewer may not see it. With a key, a retried request
  // returns the clue as the first attempt left it.
  virtual absl::StatusOr<std::optional<Clue>> ApplyStep(
      const std::string& number, const Viewer& viewer, const std::string& action,
      const ClueStep& step, const sql::RequestKey* key, absl::Time deadline) = 0;
  // The handling unit of a clue (never changes once registered), nullopt when no such
  // clue. Not audited and not for answers: it lets a step fetch org facts beforehand.
  virtual absl::StatusOr<std::optional<std::string>> HandlingUnitOf(const std::string& number,
                                                                    absl::Time deadline) = 0;
  // The clue number of a case, nullopt when no such case.
  virtual absl::StatusOr<std::optional<std::string>> ClueOfCase(const std::string& case_number,
                                                                absl::Time deadline) = 0;
  virtual absl::StatusOr<std::vector<DeadlineRule>> DeadlineRules(absl::Time deadline) = 0;

  // Current limits the viewer may see due on or before `until` (and on or after `from`
  // when set), soonest first; `unit_code` filters by handling unit when not empty.
  virtual absl::StatusOr<std::vector<DueItem>> ListDue(const Viewer& viewer,
                                                       const std::string& unit_code,
                                                       std::optional<absl::CivilDay> from,
                                                       absl::CivilDay until, int limit,
                                                       absl::Time deadline) = 0;
  // Recomputes every provisional due date (clues and cases), auditing each change as
  // `actor`; returns how many were recomputed.
  virtual absl::StatusOr<int> RecomputeProvisional(const Recompute& recompute,
                                                   const std::string& actor,
                                                   absl::Time deadline) = 0;

  // The facts the figures of from..to count, as far as the viewer may see them.
  virtual absl::StatusOr<StatisticsFacts> LoadStatisticsFacts(const Viewer& viewer,
                                                              absl::CivilDay from,
                                                              absl::CivilDay to,
                                                              absl::Time deadline) = 0;

  // Records a signed checkpoint of every clue's audit head, chained to the previous one.
  virtual absl::StatusOr<Checkpoint> TakeCheckpoint(absl::Time deadline) = 0;
  // Checks the checkpoints' chain and that every head the latest one covers is still in
  // its clue's trail; `problem` names the first thing that does not hold.
  virtual absl::StatusOr<ChainCheck> VerifyCheckpoints(absl::Time deadline) = 0;

  // The clues naming a person `name` (in `unit_code` when not empty) that the viewer may
  // see, newest first, each read audited as the viewer's; at most `limit`.
  virtual absl::StatusOr<std::vector<Clue>> ListBySubject(const std::string& name,
                                                          const std::string& unit_code,
                                                          const Viewer& viewer, int limit,
                                                          absl::Time deadline) = 0;

  // The clue's audit entries with seq > `after_seq`, oldest first, at most `limit`, reads
  // left out unless `include_reads`; the listing is audited as the viewer's read. nullopt
  // when the clue does not exist or the viewer may not see it (mysql_clue_timeline.cc).
  virtual absl::StatusOr<std::optional<std::vector<TimelineEntry>>> ListEvents(
      const std::string& number, const Viewer& viewer, int64_t after_seq, int limit,
      bool include_reads, absl::Time deadline) = 0;

  // nullopt when no such clue.
  virtual absl::StatusOr<std::optional<ChainCheck>> VerifyAudit(const std::string& number,
                                                                absl::Time deadline) = 0;
};

}  // namespace paizhu::clue
