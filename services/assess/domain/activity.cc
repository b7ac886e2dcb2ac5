#include "services/assess/domain/activity.h"

#include <array>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "common/status/status.h"

namespace paizhu::assess {
namespace {

constexpr std::array<const char*, 10> kKinds = {
    "meeting",       "talk",      "written_report",   "holiday_reminder",
    "holiday_check", "interview", "ecology_analysis", "campaign",
    "study_check",   "other"};

// A row counts meetings or person-times: a five-digit figure is a typing error.
constexpr int kMaxCount = 9999;

}  // namespace

bool IsActivityKind(const std::string& kind) {
  for (const char* k : kKinds) {
    if (kind == k) return true;
  }
  return false;
}

absl::Status ValidateActivity(const Activity& activity, absl::CivilDay today) {
  if (!IsActivityKind(activity.kind)) {
    return InvalidArgument("activity.kind", "INVALID_ACTIVITY_KIND",
                           absl::StrCat("activity.kind: '", activity.kind, "' is not one of ",
                                        absl::StrJoin(kKinds, ", ")));
  }
  if (activity.count < 1 || activity.count > kMaxCount) {
    return InvalidArgument("activity.count", "INVALID_COUNT",
                           absl::StrCat("activity.count: between 1 and ", kMaxCount));
  }
  if (activity.day > today) {
    return InvalidArgument("activity.date", "DATE_IN_FUTURE",
                           "activity.date: a ledger records what was done, not what is planned");
  }
  if (activity.subkind.size() > 300) {
    return InvalidArgument("activity.subkind", "TOO_LONG",
                           "activity.subkind: at most 100 characters");
  }
  if (activity.note.size() > 1500) {
    return InvalidArgument("activity.note", "TOO_LONG", "activity.note: at most 500 characters");
  }
  return absl::OkStatus();
}

absl::Status ValidateActivityUnits(const std::string& group_kind, const std::string& unit_kind) {
  if (group_kind != "group") {
    return InvalidArgument(
        "activity.group", "NOT_A_GROUP",
        absl::StrCat("activity.group: a ", group_kind, ", not a stationed group"));
  }
  if (unit_kind != "supervised_unit") {
    return InvalidArgument("activity.unit", "NOT_A_SUPERVISED_UNIT",
                           absl::StrCat("activity.unit: a ", unit_kind, ", not a supervised unit"));
  }
  return absl::OkStatus();
}

}  // namespace paizhu::assess
