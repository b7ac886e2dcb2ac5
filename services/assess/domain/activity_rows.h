#pragma once
// Rows of an `activities` import (CONTRACTS.md, kind 8: group,unit,date,kind,subkind,count,
// note) -> ledger rows, with every problem of a row as (line, CSV column, reason).
// Whether the group and unit exist and are of the right kinds is asked of org afterwards.

#include <string>
#include <vector>

#include "absl/time/civil_time.h"
#include "common/import/import_rows.h"
#include "services/assess/domain/activity.h"

namespace paizhu::assess {

struct ActivityColumns {
  int line = 0;
  std::string group, unit, date, kind, subkind, count, note;
};

struct ActivityRecord {
  int line = 0;
  Activity activity;
};

// `today` bounds the date (a ledger records what was done); `recorded_by` is the caller.
imports::ParsedRows<ActivityRecord> ParseActivityRows(const std::vector<ActivityColumns>& rows,
                                                      absl::CivilDay today,
                                                      const std::string& recorded_by);

}  // namespace paizhu::assess
