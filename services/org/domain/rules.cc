#include "services/org/domain/rules.h"

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "common/status/status.h"
#include "common/time/civil_date.h"

namespace paizhu::org {

bool IsKnownRule(const std::string& rule) {
  return rule == kRuleVettingRequired || rule == kRuleTransferTalkRequired ||
         rule == kRuleSpecialistTargetShare;
}

absl::Status ValidateRuleVersion(const RuleVersion& v, std::optional<absl::CivilDay> latest) {
  if (!IsKnownRule(v.rule)) {
    return InvalidArgument("version.rule", "UNKNOWN_RULE",
                           "version.rule: one of vetting_required, transfer_talk_required, "
                           "specialist_target_share");
  }
  if (v.rule == kRuleSpecialistTargetShare) {
    double share = -1;
    if (!absl::SimpleAtod(v.value, &share) || !(share >= 0 && share <= 1)) {
      return InvalidArgument("version.value", "INVALID_RULE_VALUE",
                             "version.value: a share between 0 and 1, like 0.30");
    }
  } else if (v.value != "true" && v.value != "false") {
    return InvalidArgument("version.value", "INVALID_RULE_VALUE", "version.value: true or false");
  }
  if (v.note.size() > 300) {
    return InvalidArgument("version.note", "INVALID_NOTE", "version.note: at most 100 characters");
  }
  if (latest && v.from <= *latest) {
    return MakeError(
        absl::StatusCode::kFailedPrecondition, "LATER_VERSION_EXISTS",
        absl::StrCat("version.from_date: ", v.rule, " has a version from ", FormatDate(*latest),
                     "; a new version must start after it (versions are never rewritten)"),
        "version.from_date");
  }
  return absl::OkStatus();
}

}  // namespace paizhu::org
