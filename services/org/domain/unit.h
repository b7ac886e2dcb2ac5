#pragma once
// A node of the organisation tree and the rules a new one must satisfy.

#include <optional>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/time/civil_time.h"

namespace paizhu::org {

// The kinds CONTRACTS.md fixes.
bool IsUnitKind(const std::string& kind);
// The office kinds: an office leads a zone and guides groups.
bool IsOfficeKind(const std::string& kind);

struct Unit {
  std::string code;
  std::string kind;
  std::string display_name;
  std::string parent_code;  // empty: outside the commission's tree
  absl::CivilDay established_on;
  std::optional<absl::CivilDay> dissolved_on;
  std::string guiding_office_code;  // groups only
  int64_t version = 0;              // the etag
};

// What a read shows beside the unit, as of the read date.
struct UnitView {
  struct Quota {
    std::string post;
    int count = 0;
    std::string rank_note;
    absl::CivilDay from;
    std::optional<absl::CivilDay> to;
    int filled = 0;  // holders on the view's date (a vacant leader post has an acting leader)
  };
  struct Liaison {
    std::string leader_code;
    std::string leader_name;
    absl::CivilDay from;
    std::optional<absl::CivilDay> to;
  };
  Unit unit;
  std::vector<Quota> quotas;           // groups
  std::vector<Liaison> liaisons;       // groups: the commission leaders liaising with them
  std::string supervising_group_code;  // supervised units
  std::string zone_code;               // offices, groups, townships
};

// Field names in errors are the API's ("unit.kind").
absl::Status ValidateNewUnit(const Unit& unit);

}  // namespace paizhu::org
