#pragma once
// Changes to a collaboration zone after its creation, inside a caller's transaction: its
// name, its dissolution, and the dated membership of groups and townships. History is
// kept: an ended membership gets a to date, never deleted.

#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/civil_time.h"
#include "common/sql/transaction.h"
#include "services/org/storage/unit_store.h"

namespace paizhu::org {

// Up to `limit` zone codes after `after_code`, in order (keyset pagination).
absl::StatusOr<std::vector<std::string>> ListZoneCodes(sql::Transaction& tx,
                                                       const std::string& after_code, int limit);
// Writes display_name and dissolved_on if the zone's version is still `version` (else
// ABORTED / ETAG_MISMATCH). Dissolving ends on that date every membership in force after
// it; a membership that only begins after it is refused (FAILED_PRECONDITION).
absl::Status UpdateZoneRow(sql::Transaction& tx, const Zone& zone, int64_t version);
// A group or township joins the zone from `from` (within the zone's life), open-ended;
// a unit is in at most one zone on any date.
absl::Status JoinZone(sql::Transaction& tx, const std::string& zone_code,
                      const std::string& unit_code, absl::CivilDay from);
// Ends on `to` the unit's membership of the zone in force on `to`. An office leaves only
// with the zone (dissolution) or when another takes over (MoveZoneOffice).
absl::Status LeaveZone(sql::Transaction& tx, const std::string& zone_code,
                       const std::string& unit_code, absl::CivilDay to);
// Another office leads the zone from `from`, if the zone's version is still `version`:
// the office in force on `from` leaves the day before, the new one joins until the zone's
// dissolution (history kept). Refused: not an office (office), a date outside the zone's
// life, on or before the current office's first day or before a later change
// (from_date), the office already leading or in a zone then (office).
absl::Status MoveZoneOffice(sql::Transaction& tx, const std::string& zone_code,
                            const std::string& office_code, absl::CivilDay from, int64_t version);

}  // namespace paizhu::org
