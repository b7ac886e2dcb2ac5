#pragma once
// Posts and the rules on taking one: which posts a unit kind has, the group's quota
// (核定编制), and vetting before joining a group (逢进必审, from the rule's date).

#include <optional>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/time/civil_time.h"
#include "common/time/date_range.h"
#include "services/org/domain/person.h"

namespace paizhu::org {

// Posts of a group: leader (组长), deputy (副组长), staff (科员); elsewhere: member.
bool IsGroupPost(const std::string& post);
absl::Status ValidatePostForUnitKind(const std::string& unit_kind, const std::string& post,
                                     const std::string& field = "post");

struct Vetting {
  absl::CivilDay vetted_on;
  bool passed = false;
};

// From `required_from` on (nullopt: never), a group post starting on `start` needs a
// passed vetting on or before that day.
absl::Status CheckVetting(const std::optional<absl::CivilDay>& required_from, absl::CivilDay start,
                          const std::vector<Vetting>& vettings);

// 逢调必谈: from `required_from` on (nullopt: never), a transfer starting on `start`
// needs a talk within the 90 days before it, or a recorded override.
absl::Status CheckTransferTalk(const std::optional<absl::CivilDay>& required_from,
                               absl::CivilDay start, bool is_transfer,
                               const std::vector<absl::CivilDay>& talks,
                               const std::string& override_reason);

// A transfer: the person held a post in another unit on the day before `start`.
bool IsTransfer(const std::vector<PostAssignment>& history, const std::string& unit_code,
                absl::CivilDay start);

// The quota check for one more holder: `filled` people already hold the post on the
// start date (or later, for dated quotas the caller checks each day that matters).
absl::Status CheckQuota(int authorized, int filled, const std::string& over_quota_reason,
                        const std::string& post);

}  // namespace paizhu::org
