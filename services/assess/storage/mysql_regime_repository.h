#pragma once

#include "common/sql/pool.h"
#include "common/sql/transaction.h"
#include "services/assess/storage/regime_repository.h"

namespace paizhu::assess {

// Stores one monthly report inside `tx` (SubmitMonthlyReport and ImportMonthlyReports).
absl::Status InsertMonthlyReport(sql::Transaction& tx, const MonthlyReport& report);
// Stores one group's attendance inside `tx` (ImportAttendance): at the meeting of `kind`
// held that day, made with `title` when there is none (FAILED_PRECONDITION
// AMBIGUOUS_MEETING when two are; ALREADY_EXISTS ATTENDANCE_EXISTS for the group twice).
absl::Status InsertAttendance(sql::Transaction& tx, const std::string& kind, absl::CivilDay held_on,
                              const std::string& title, const MeetingAttendance& attendance,
                              const std::string& recorded_by);

class MysqlRegimeRepository : public RegimeRepository {
 public:
  explicit MysqlRegimeRepository(sql::Pool* pool) : pool_(pool) {}

  absl::StatusOr<MonthlyReport> SubmitMonthlyReport(const MonthlyReport& report,
                                                    const sql::RequestKey& key,
                                                    absl::Time deadline) override;
  absl::StatusOr<std::map<absl::CivilMonth, absl::CivilDay>> MonthlyReports(
      const std::string& group_code, absl::CivilMonth from, absl::CivilMonth to,
      absl::Time deadline) override;
  absl::StatusOr<std::vector<DueDayRule>> DueDayRules(absl::Time deadline) override;
  absl::Status AddDueDayRule(const DueDayRule& rule, const std::string& recorded_by,
                             absl::Time deadline) override;
  absl::StatusOr<WorkMeeting> RecordWorkMeeting(const WorkMeeting& meeting,
                                                const sql::RequestKey& key,
                                                absl::Time deadline) override;
  absl::StatusOr<std::vector<WorkMeeting>> WorkMeetings(absl::CivilDay from, absl::CivilDay to,
                                                        int limit, absl::Time deadline) override;

 private:
  sql::Pool* pool_;
};

}  // namespace paizhu::assess
