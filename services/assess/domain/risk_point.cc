#include "services/assess/domain/risk_point.h"

#include <array>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "common/status/status.h"

namespace paizhu::assess {
namespace {

constexpr std::array<const char*, 3> kCategories = {"key_power", "weak_management",
                                                    "problem_prone"};
constexpr std::array<const char*, 3> kStates = {"open", "controlled", "closed"};

template <size_t N>
bool OneOf(const std::array<const char*, N>& choices, const std::string& value) {
  for (const char* c : choices) {
    if (value == c) return true;
  }
  return false;
}

}  // namespace

bool IsRiskCategory(const std::string& category) { return OneOf(kCategories, category); }
bool IsRiskState(const std::string& state) { return OneOf(kStates, state); }

absl::Status ValidateRiskPoint(const RiskPoint& point, absl::CivilDay today) {
  if (!IsRiskCategory(point.category)) {
    return InvalidArgument(
        "risk_point.category", "INVALID_RISK_CATEGORY",
        absl::StrCat("risk_point.category: one of ", absl::StrJoin(kCategories, ", ")));
  }
  if (point.description.empty() || point.description.size() > 1500) {
    return InvalidArgument("risk_point.description", "INVALID_DESCRIPTION",
                           "risk_point.description: required, at most 500 characters");
  }
  if (point.measures.size() > 3000) {
    return InvalidArgument("risk_point.measures", "TOO_LONG",
                           "risk_point.measures: at most 1000 characters");
  }
  if (point.identified_on > today) {
    return InvalidArgument("risk_point.identified_on", "DATE_IN_FUTURE",
                           "risk_point.identified_on: a register records what was found");
  }
  return absl::OkStatus();
}

absl::Status ValidateReview(const RiskPoint& point, const std::string& state,
                            absl::CivilDay reviewed_on, absl::CivilDay today) {
  if (!IsRiskState(state)) {
    return InvalidArgument("state", "INVALID_RISK_STATE",
                           absl::StrCat("state: one of ", absl::StrJoin(kStates, ", ")));
  }
  if (reviewed_on > today || reviewed_on < point.identified_on) {
    return InvalidArgument("reviewed_on", "INVALID_REVIEW_DATE",
                           "reviewed_on: from the day the point was identified up to today");
  }
  return absl::OkStatus();
}

std::vector<int64_t> PointsWorkedOn(const std::vector<RiskPoint>& points,
                                    const std::string& group_code, absl::CivilDay from,
                                    absl::CivilDay to) {
  std::vector<int64_t> out;
  for (const RiskPoint& p : points) {
    if (p.group_code != group_code) continue;
    bool identified = p.identified_on >= from && p.identified_on <= to;
    bool reviewed = p.reviewed_on && *p.reviewed_on >= from && *p.reviewed_on <= to;
    if (identified || reviewed) out.push_back(p.id);
  }
  return out;
}

}  // namespace paizhu::assess
