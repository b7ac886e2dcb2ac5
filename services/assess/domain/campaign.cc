#include "services/assess/domain/campaign.h"

#include <set>

#include "absl/strings/str_cat.h"
#include "common/status/status.h"

namespace paizhu::assess {

bool IsCampaignKind(const std::string& kind) {
  return kind == "special_rectification" || kind == "special_supervision";
}

absl::Status ValidateCampaign(const Campaign& campaign) {
  if (!IsCampaignKind(campaign.kind)) {
    return InvalidArgument("campaign.kind", "INVALID_CAMPAIGN_KIND",
                           "campaign.kind: special_rectification or special_supervision");
  }
  if (campaign.title.empty() || campaign.title.size() > 600) {
    return InvalidArgument("campaign.title", "INVALID_TITLE",
                           "campaign.title: required, at most 200 characters");
  }
  if (campaign.to < campaign.from) {
    return InvalidArgument("campaign.to", "INVALID_PERIOD", "campaign.to: not before from");
  }
  if (campaign.units.empty()) {
    return InvalidArgument("campaign.units", "NO_UNITS", "campaign.units: at least one unit");
  }
  std::set<std::string> seen;
  for (const CampaignUnit& u : campaign.units) {
    if (!seen.insert(u.unit_code).second) {
      return InvalidArgument("campaign.units", "DUPLICATE_UNIT",
                             absl::StrCat("campaign.units: units/", u.unit_code, " twice"));
    }
  }
  return absl::OkStatus();
}

absl::Status ValidateFollowUp(const Campaign& campaign, const CampaignUnit& follow_up,
                              absl::CivilDay today) {
  if (!follow_up.followed_up_on || *follow_up.followed_up_on < campaign.from ||
      *follow_up.followed_up_on > today) {
    return InvalidArgument("followed_up_on", "INVALID_FOLLOW_UP_DATE",
                           "followed_up_on: from the campaign's start up to today");
  }
  if (follow_up.problems_found < 0 || follow_up.problems_found > 9999) {
    return InvalidArgument("problems_found", "INVALID_COUNT", "problems_found: 0 to 9999");
  }
  if (follow_up.problems_rectified < 0 || follow_up.problems_rectified > follow_up.problems_found) {
    return InvalidArgument("problems_rectified", "INVALID_COUNT",
                           "problems_rectified: 0 up to problems_found");
  }
  if (follow_up.findings.size() > 3000) {
    return InvalidArgument("findings", "TOO_LONG", "findings: at most 1000 characters");
  }
  return absl::OkStatus();
}

CampaignTally TallyCampaigns(const std::vector<Campaign>& campaigns, const std::string& group_code,
                             absl::CivilDay from, absl::CivilDay to) {
  CampaignTally tally;
  for (const Campaign& c : campaigns) {
    if (c.to < from || c.from > to) continue;
    for (const CampaignUnit& u : c.units) {
      if (u.group_code != group_code) continue;
      ++tally.assigned;
      if (u.followed_up_on && *u.followed_up_on <= to) {
        ++tally.followed_up;
        tally.problems_found += u.problems_found;
        tally.evidence.push_back(absl::StrCat("campaigns/", c.id, "/units/", u.unit_code));
      }
    }
  }
  return tally;
}

}  // namespace paizhu::assess
