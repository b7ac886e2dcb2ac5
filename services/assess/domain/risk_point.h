#pragma once
// The risk register (廉政风险点): each supervised unit's key points of power, weak points of
// management and problem-prone points, kept by its group with control measures and
// reviewed yearly.

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/time/civil_time.h"

namespace paizhu::assess {

struct RiskPoint {
  int64_t id = 0;
  std::string group_code;
  std::string unit_code;
  std::string category;  // key_power, weak_management, problem_prone
  std::string description;
  std::string measures;
  std::string state = "open";  // open, controlled, closed
  absl::CivilDay identified_on;
  std::optional<absl::CivilDay> reviewed_on;
  int64_t version = 1;
  std::string recorded_by;
};

bool IsRiskCategory(const std::string& category);
bool IsRiskState(const std::string& state);

// Category, a description, dates not after today; fields as the API's ("risk_point.*").
absl::Status ValidateRiskPoint(const RiskPoint& point, absl::CivilDay today);
// A review: a known state, dated from the identification up to today ("state",
// "reviewed_on").
absl::Status ValidateReview(const RiskPoint& point, const std::string& state,
                            absl::CivilDay reviewed_on, absl::CivilDay today);

// The metric risk_points_reviewed: the group's points identified or reviewed in from..to.
std::vector<int64_t> PointsWorkedOn(const std::vector<RiskPoint>& points,
                                    const std::string& group_code, absl::CivilDay from,
                                    absl::CivilDay to);

}  // namespace paizhu::assess
