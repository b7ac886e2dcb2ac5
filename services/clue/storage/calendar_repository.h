#pragma once
// What the deadline use case needs from storage. storage/mysql_calendar_repository.h
// implements it on MariaDB/MySQL; domain tests build a WorkingCalendar directly.

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "services/clue/domain/working_calendar.h"

namespace paizhu::clue {

class CalendarRepository {
 public:
  virtual ~CalendarRepository() = default;

  // Every special day and every loaded year, read as one consistent snapshot.
  virtual absl::StatusOr<WorkingCalendar> LoadCalendar(absl::Time deadline) = 0;
  // Replaces one year's special days and marks the year loaded.
  virtual absl::Status ReplaceYear(int year, const std::vector<SpecialDay>& days,
                                   const std::string& source, absl::Time deadline) = 0;
};

}  // namespace paizhu::clue
