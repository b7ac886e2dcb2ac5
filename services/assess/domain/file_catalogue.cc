#include "services/assess/domain/file_catalogue.h"

#include "absl/strings/str_cat.h"
#include "common/status/status.h"

namespace paizhu::assess {

absl::Status ValidateGroupFile(const GroupFile& file, const std::vector<FileItem>& catalogue,
                               absl::CivilDay today) {
  if (file.year < 2000 || file.year > today.year()) {
    return InvalidArgument("file.year", "INVALID_YEAR", "file.year: 2000 up to this year");
  }
  bool known = false;
  for (const FileItem& item : catalogue) known = known || item.code == file.item_code;
  if (!known) {
    return InvalidArgument("file.item", "UNKNOWN_FILE_ITEM",
                           absl::StrCat("file.item: '", file.item_code,
                                        "' is not in the file catalogue (GetFileChecklist)"));
  }
  if (file.kept_on > today || file.kept_on < absl::CivilDay(file.year, 1, 1)) {
    return InvalidArgument("file.kept_on", "INVALID_DATE",
                           "file.kept_on: from the year's first day up to today");
  }
  if (file.location.size() > 600) {
    return InvalidArgument("file.location", "TOO_LONG", "file.location: at most 200 characters");
  }
  return absl::OkStatus();
}

double KeptPercent(const std::vector<FileItem>& catalogue,
                   const std::map<std::string, GroupFile>& kept) {
  if (catalogue.empty()) return 100.0;
  int count = 0;
  for (const FileItem& item : catalogue) count += kept.count(item.code) ? 1 : 0;
  return 100.0 * count / static_cast<double>(catalogue.size());
}

}  // namespace paizhu::assess
