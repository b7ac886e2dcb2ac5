#include "services/org/domain/posts.h"

#include "absl/strings/str_cat.h"
#include "common/status/status.h"
#include "common/time/civil_date.h"

namespace paizhu::org {
namespace {

// How long before a transfer its talk may be held.
constexpr int kTransferTalkWindowDays = 90;

}  // namespace

bool IsGroupPost(const std::string& post) {
  return post == "leader" || post == "deputy" || post == "staff";
}

absl::Status ValidatePostForUnitKind(const std::string& unit_kind, const std::string& post,
                                     const std::string& field) {
  bool ok = unit_kind == "group" ? IsGroupPost(post) : post == "member";
  if (ok) return absl::OkStatus();
  return InvalidArgument(field, "INVALID_POST",
                         unit_kind == "group"
                             ? absl::StrCat(field, ": a group's posts are leader, deputy and staff")
                             : absl::StrCat(field, ": a ", unit_kind, " has the post member only"));
}

absl::Status CheckVetting(const std::optional<absl::CivilDay>& required_from, absl::CivilDay start,
                          const std::vector<Vetting>& vettings) {
  if (!required_from || start < *required_from) return absl::OkStatus();
  for (const Vetting& v : vettings) {
    if (v.passed && v.vetted_on <= start) return absl::OkStatus();
  }
  return FailedPrecondition("VETTING_REQUIRED",
                            absl::StrCat("a group post from ", FormatDate(start),
                                         " needs a passed vetting first (逢进必审, in force since ",
                                         FormatDate(*required_from), ")"));
}

absl::Status CheckTransferTalk(const std::optional<absl::CivilDay>& required_from,
                               absl::CivilDay start, bool is_transfer,
                               const std::vector<absl::CivilDay>& talks,
                               const std::string& override_reason) {
  if (!is_transfer || !required_from || start < *required_from || !override_reason.empty()) {
    return absl::OkStatus();
  }
  for (absl::CivilDay talk : talks) {
    if (talk <= start && start - talk <= kTransferTalkWindowDays) return absl::OkStatus();
  }
  return FailedPrecondition(
      "TRANSFER_TALK_REQUIRED",
      absl::StrCat("a transfer from ", FormatDate(start), " needs a talk recorded in the ",
                   kTransferTalkWindowDays, " days before it (逢调必谈), or talk_override_reason"));
}

bool IsTransfer(const std::vector<PostAssignment>& history, const std::string& unit_code,
                absl::CivilDay start) {
  for (const PostAssignment& a : history) {
    if (a.unit_code != unit_code && a.when.Contains(start - 1)) return true;
  }
  return false;
}

absl::Status CheckQuota(int authorized, int filled, const std::string& over_quota_reason,
                        const std::string& post) {
  if (filled < authorized || !over_quota_reason.empty()) return absl::OkStatus();
  return FailedPrecondition(
      "QUOTA_FULL",
      absl::StrCat("the group's ", authorized, " authorised ", post,
                   " post(s) are all held; give over_quota_reason to record an exception"));
}

}  // namespace paizhu::org
