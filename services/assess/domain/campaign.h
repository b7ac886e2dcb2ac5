#pragma once
// Special campaigns (专项整治 such as school meals or grain purchasing, 专项监督): dated
// records over units, each unit followed up by the group that supervised it when the
// campaign began, with its findings.

#include <optional>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/time/civil_time.h"

namespace paizhu::assess {

struct CampaignUnit {
  std::string unit_code;
  std::string group_code;
  std::optional<absl::CivilDay> followed_up_on;
  int problems_found = 0;
  int problems_rectified = 0;
  std::string findings;
};

struct Campaign {
  int64_t id = 0;
  std::string kind;  // special_rectification, special_supervision
  std::string title;
  absl::CivilDay from;
  absl::CivilDay to;
  std::vector<CampaignUnit> units;
  std::string recorded_by;
};

bool IsCampaignKind(const std::string& kind);

// Kind, a title, from <= to, at least one unit and none twice ("campaign.*").
absl::Status ValidateCampaign(const Campaign& campaign);
// A follow-up within the campaign's start and today, rectified <= found, counts >= 0.
absl::Status ValidateFollowUp(const Campaign& campaign, const CampaignUnit& follow_up,
                              absl::CivilDay today);

// What the campaign metrics count for a group over from..to: the units it follows up in
// campaigns overlapping the period, those followed up by `to`, and their problems found.
struct CampaignTally {
  int assigned = 0;
  int followed_up = 0;
  int problems_found = 0;
  std::vector<std::string> evidence;  // campaigns/{id}/units/{code}, followed up
};
CampaignTally TallyCampaigns(const std::vector<Campaign>& campaigns, const std::string& group_code,
                             absl::CivilDay from, absl::CivilDay to);

}  // namespace paizhu::assess
