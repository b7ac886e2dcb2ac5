#pragma once

#include <mutex>
#include <optional>
#include <string>

#include "common/sql/pool.h"
#include "services/clue/storage/calendar_repository.h"

namespace paizhu::clue {

class MysqlCalendarRepository : public CalendarRepository {
 public:
  explicit MysqlCalendarRepository(sql::Pool* pool) : pool_(pool) {}

  // Cached, keyed by the calendar's version (the loaded years, their loaded_at, which
  // ReplaceYear bumps in the same transaction as the days, and the number of days),
  // checked with one statement on every call, so no replica serves a stale year.
  absl::StatusOr<WorkingCalendar> LoadCalendar(absl::Time deadline) override;
  absl::Status ReplaceYear(int year, const std::vector<SpecialDay>& days, const std::string& source,
                           absl::Time deadline) override;

 private:
  sql::Pool* pool_;
  std::mutex mu_;
  std::string cached_version_;  // guarded by mu_
  std::optional<WorkingCalendar> cached_;
};

}  // namespace paizhu::clue
