#pragma once
// Units, quotas, supervision and zones inside a caller's transaction, so a single create
// and a bulk import run the same checks and statements.

#include <optional>
#include <string>

#include "absl/status/statusor.h"
#include "absl/time/civil_time.h"
#include "common/sql/transaction.h"
#include "services/org/domain/unit.h"

namespace paizhu::org {

struct Zone {
  struct Membership {
    std::string unit_code;
    absl::CivilDay from;
    std::optional<absl::CivilDay> to;
  };
  std::string code;
  std::string display_name;
  std::string office_code;  // read side: the office in force on the read date, if any
  absl::CivilDay established_on;
  std::vector<std::string> member_codes;  // read side: in force on the read date
  std::optional<absl::CivilDay> dissolved_on;
  int64_t version = 0;                  // the etag
  std::vector<Membership> memberships;  // read side: every one, oldest first
};

// Units matching `condition` (SQL after WHERE, with ? placeholders, may end in ORDER BY/LIMIT).
absl::StatusOr<std::vector<Unit>> QueryUnits(sql::Transaction& tx, const std::string& condition,
                                             const sql::Params& params);
absl::StatusOr<std::optional<Unit>> ReadUnit(sql::Transaction& tx, const std::string& code,
                                             bool for_update = false);
absl::StatusOr<std::optional<UnitView>> ReadUnitView(sql::Transaction& tx, const std::string& code,
                                                     absl::CivilDay as_of);
// Checks what needs the database (code free, parent and guiding office exist) and inserts.
absl::Status InsertUnit(sql::Transaction& tx, const Unit& unit);
// Ends the quota of that post in force on `from` the day before and opens a new one.
absl::Status SetQuota(sql::Transaction& tx, const std::string& group_code, const std::string& post,
                      int count, const std::string& rank_note, absl::CivilDay from);
// Ends the supervision in force on `from` the day before; opens one for `group_code`
// unless it is empty (a unit left without a group: a coverage gap).
absl::Status SetSupervision(sql::Transaction& tx, const std::string& unit_code,
                            const std::string& group_code, absl::CivilDay from);
// Opens a liaison of a commission leader with a group over [from, to]; INVALID_ARGUMENT
// when the group is not one or the person was never granted commission_leader,
// FAILED_PRECONDITION / LIAISON_OVERLAPS when it overlaps that leader's with the group.
absl::Status AddLiaison(sql::Transaction& tx, const std::string& group_code,
                        const std::string& person_code, absl::CivilDay from,
                        std::optional<absl::CivilDay> to);
// Ends on `to` the leader's liaison with the group in force on `to`.
absl::Status EndLiaison(sql::Transaction& tx, const std::string& group_code,
                        const std::string& person_code, absl::CivilDay to);
// Writes the unit's editable fields if its version is still `version` (else ABORTED /
// ETAG_MISMATCH): display_name, dissolved_on, guiding_office_code.
absl::Status UpdateUnitRow(sql::Transaction& tx, const Unit& unit, int64_t version);
// Deletes a unit nothing refers to; FAILED_PRECONDITION / UNIT_HAS_HISTORY otherwise.
absl::Status DeleteUnitRow(sql::Transaction& tx, const std::string& code, int64_t version);
// `office_may_follow`: the office need not exist yet (an import, in the contracts'
// order); it joins the zone when its unit is inserted.
absl::Status InsertZone(sql::Transaction& tx, const Zone& zone, bool office_may_follow = false);
// The zone of the unit's membership in force on `from` or beginning later (locked).
absl::StatusOr<std::optional<std::string>> ZoneOnOrAfter(sql::Transaction& tx,
                                                         const std::string& unit_code,
                                                         absl::CivilDay from);
absl::Status AddZoneMember(sql::Transaction& tx, const std::string& zone_code,
                           const std::string& unit_code, absl::CivilDay from);
absl::StatusOr<std::optional<Zone>> ReadZone(sql::Transaction& tx, const std::string& code,
                                             absl::CivilDay as_of);

}  // namespace paizhu::org
