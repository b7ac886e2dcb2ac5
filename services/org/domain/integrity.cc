#include "services/org/domain/integrity.h"

#include <algorithm>
#include <set>

#include "absl/strings/str_cat.h"
#include "common/names/resource_name.h"
#include "common/status/status.h"

namespace paizhu::org {
namespace {

bool OneOf(const std::string& value, std::initializer_list<const char*> allowed) {
  return std::any_of(allowed.begin(), allowed.end(), [&](const char* a) { return value == a; });
}

// Byte bounds of the columns (characters x 3 for UTF-8 Chinese).
constexpr size_t kMaxNameBytes = 300;
constexpr size_t kMaxPositionBytes = 300;
constexpr size_t kMaxLevelBytes = 150;
constexpr size_t kMaxSummaryBytes = 1500;

}  // namespace

bool MaySeeIntegrityFile(bool admin, bool sees_all, const std::set<std::string>& visible_units,
                         const std::string& supervising_group_code) {
  if (admin || sees_all) return true;
  return !supervising_group_code.empty() && visible_units.count(supervising_group_code) > 0;
}

bool IsKeyMinority(const std::string& v) {
  return OneOf(v, {"top_leader", "leadership_member", "key_post"});
}
bool IsFocusTag(const std::string& v) {
  return OneOf(v, {"long_posting_away", "young_cadre", "other"});
}
bool IsIntegrityEntryKind(const std::string& v) {
  return OneOf(v, {"declaration", "talk", "reminder", "note"});
}

absl::Status ValidateIntegrityFile(const IntegrityFile& f, const std::string& prefix) {
  auto bad = [&](const std::string& field, const char* reason, const std::string& message) {
    std::string name = absl::StrCat(prefix, field);
    return InvalidArgument(name, reason, absl::StrCat(name, ": ", message));
  };
  if (!names::IsValidCode(f.code)) {
    return InvalidArgument(prefix.empty() ? "code" : "file_id", "INVALID_CODE",
                           "file code: 1-32 letters, digits, '-' or '_'");
  }
  if (f.cadre_name.empty() || f.cadre_name.size() > kMaxNameBytes) {
    return bad(prefix.empty() ? "name" : "cadre_name", "INVALID_DISPLAY_NAME",
               "required, at most 100 characters");
  }
  if (f.position.size() > kMaxPositionBytes)
    return bad("position", "INVALID_POSITION", "at most 100 characters");
  if (f.level.size() > kMaxLevelBytes)
    return bad("level", "INVALID_LEVEL", "at most 50 characters");
  if (!f.key_minority.empty() && !IsKeyMinority(f.key_minority)) {
    return bad("key_minority", "INVALID_KEY_MINORITY",
               "empty or one of top_leader, leadership_member, key_post");
  }
  std::set<std::string> seen;
  for (const std::string& tag : f.focus_tags) {
    if (!IsFocusTag(tag)) {
      return bad("focus_tags", "INVALID_FOCUS_TAG",
                 absl::StrCat("'", tag, "' is not one of long_posting_away, young_cadre, other"));
    }
    if (!seen.insert(tag).second)
      return bad("focus_tags", "DUPLICATE_FOCUS_TAG", absl::StrCat("'", tag, "' twice"));
  }
  return absl::OkStatus();
}

absl::Status ValidateIntegrityEntry(const IntegrityEntry& e, absl::CivilDay today,
                                    const std::string& prefix) {
  auto bad = [&](const char* field, const char* reason, const std::string& message) {
    std::string name = absl::StrCat(prefix, field);
    return InvalidArgument(name, reason, absl::StrCat(name, ": ", message));
  };
  if (!IsIntegrityEntryKind(e.kind))
    return bad("kind", "INVALID_ENTRY_KIND", "one of declaration, talk, reminder, note");
  if (e.day > today) return bad("date", "DATE_IN_FUTURE", "after today");
  if (e.summary.empty() || e.summary.size() > kMaxSummaryBytes)
    return bad("summary", "INVALID_SUMMARY", "required, at most 500 characters");
  return absl::OkStatus();
}

}  // namespace paizhu::org
