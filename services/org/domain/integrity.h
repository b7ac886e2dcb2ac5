#pragma once
// 廉政档案: integrity files of cadres of supervised units (the "key minority" 关键少数
// and key posts), with dated entries, and the rules on what they hold.

#include <set>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/time/civil_time.h"

namespace paizhu::org {

struct IntegrityEntry {
  std::string kind;  // declaration, talk, reminder, note
  absl::CivilDay day;
  std::string summary;
  std::string recorded_by;  // the person code of who recorded it; empty for imports
};

struct IntegrityFile {
  std::string code;
  std::string cadre_name;
  std::string unit_code;  // a supervised unit
  std::string position;
  std::string level;
  std::string key_minority;  // top_leader, leadership_member, key_post, or empty
  std::vector<std::string> focus_tags;
  std::vector<IntegrityEntry> entries;  // read side: oldest first
  std::string supervising_group_code;   // read side: the unit's group today, or empty
  int64_t version = 0;
};

// Who may see (and write) a file: the admin, whoever sees every unit, and whoever sees the
// group that supervises the file's unit (a group role its own group; an office role the
// groups it guides). `visible_units` are codes.
bool MaySeeIntegrityFile(bool admin, bool sees_all, const std::set<std::string>& visible_units,
                         const std::string& supervising_group_code);

bool IsKeyMinority(const std::string& value);
bool IsFocusTag(const std::string& value);
bool IsIntegrityEntryKind(const std::string& value);

// `field_prefix` is "file." for the API and "" for import rows (CSV columns: name for
// cadre_name, focus_tags). The unit's existence and kind are the store's to check.
absl::Status ValidateIntegrityFile(const IntegrityFile& file,
                                   const std::string& field_prefix = "file.");
// `today` bounds the date: an entry records what happened.
absl::Status ValidateIntegrityEntry(const IntegrityEntry& entry, absl::CivilDay today,
                                    const std::string& field_prefix = "entry.");

}  // namespace paizhu::org
