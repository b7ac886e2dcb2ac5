#pragma once
// 内业管理: the standard file catalogue (统一材料目录, shipped by migration) and the files
// each group keeps for a year against it.

#include <map>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/time/civil_time.h"

namespace paizhu::assess {

struct FileItem {
  std::string code;  // e.g. F03
  std::string title;
};

struct GroupFile {
  std::string group_code;
  int year = 0;
  std::string item_code;
  absl::CivilDay kept_on;
  std::string location;
  std::string recorded_by;
};

// A year 2000..today's, kept_on not after today and not before the year began, a known
// item ("file.*").
absl::Status ValidateGroupFile(const GroupFile& file, const std::vector<FileItem>& catalogue,
                               absl::CivilDay today);

// The metric file_catalogue_percent: of the catalogue's items, the share kept (100 for an
// empty catalogue, as every share with nothing due).
double KeptPercent(const std::vector<FileItem>& catalogue,
                   const std::map<std::string, GroupFile>& kept);

}  // namespace paizhu::assess
