#pragma once
// The configurable rules (DOMAIN.md: versioned data, never constants): their names and
// the values each accepts. A version is in force from its date until the next one's.

#include <optional>
#include <string>

#include "absl/status/status.h"
#include "absl/time/civil_time.h"

namespace paizhu::org {

inline constexpr char kRuleVettingRequired[] = "vetting_required";             // 逢进必审
inline constexpr char kRuleTransferTalkRequired[] = "transfer_talk_required";  // 逢调必谈
inline constexpr char kRuleSpecialistTargetShare[] = "specialist_target_share";

struct RuleVersion {
  std::string rule;
  absl::CivilDay from;
  std::string value;
  std::string note;
  std::string set_by;  // person code; empty for the shipped defaults
  std::string set_at;  // RFC 3339 UTC; empty for the shipped defaults
};

bool IsKnownRule(const std::string& rule);

// The rule is known, the value fits it (true|false; a share 0..1) and the note is at most
// 100 characters. `latest` is the date of the rule's latest version: a new one must come
// after it, so no version is rewritten (FAILED_PRECONDITION, LATER_VERSION_EXISTS).
absl::Status ValidateRuleVersion(const RuleVersion& version, std::optional<absl::CivilDay> latest);

}  // namespace paizhu::org
