#pragma once

#include "common/sql/pool.h"
#include "services/clue/storage/calendar_repository.h"

namespace paizhu::clue {

class MysqlCalendarRepository : public CalendarRepository {
 public:
  explicit MysqlCalendarRepository(sql::Pool* pool) : pool_(pool) {}

  // Reads the tables on every call. The clue issue adds calendar imports; cache then,
  // keyed by a calendar version the import bumps, so replicas never serve a stale year.
  absl::StatusOr<WorkingCalendar> LoadCalendar(absl::Time deadline) override;
  absl::Status ReplaceYear(int year, const std::vector<SpecialDay>& days, const std::string& source,
                           absl::Time deadline) override;

 private:
  sql::Pool* pool_;
};

}  // namespace paizhu::clue
