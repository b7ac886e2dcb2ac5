#pragma once
// 一报告三例会 in storage: monthly reports, the due-day rule's versions, work meetings
// with attendance. storage/mysql_regime_repository.h is the MariaDB/MySQL one.

#include <map>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "common/sql/idempotency.h"
#include "services/assess/domain/monthly_report.h"
#include "services/assess/domain/work_meeting.h"

namespace paizhu::assess {

class RegimeRepository {
 public:
  virtual ~RegimeRepository() = default;
  // ALREADY_EXISTS MONTHLY_REPORT_EXISTS when the group's month has a report.
  virtual absl::StatusOr<MonthlyReport> SubmitMonthlyReport(const MonthlyReport& report,
                                                            const sql::RequestKey& key,
                                                            absl::Time deadline) = 0;
  // The group's reports of months from..to: month -> submitted_on.
  virtual absl::StatusOr<std::map<absl::CivilMonth, absl::CivilDay>> MonthlyReports(
      const std::string& group_code, absl::CivilMonth from, absl::CivilMonth to,
      absl::Time deadline) = 0;
  virtual absl::StatusOr<std::vector<DueDayRule>> DueDayRules(absl::Time deadline) = 0;
  // ALREADY_EXISTS DUE_DAY_RULE_EXISTS for a date that has a version.
  virtual absl::Status AddDueDayRule(const DueDayRule& rule, const std::string& recorded_by,
                                     absl::Time deadline) = 0;
  virtual absl::StatusOr<WorkMeeting> RecordWorkMeeting(const WorkMeeting& meeting,
                                                        const sql::RequestKey& key,
                                                        absl::Time deadline) = 0;
  // Meetings held from..to (both included), by date then id, at most `limit`.
  virtual absl::StatusOr<std::vector<WorkMeeting>> WorkMeetings(absl::CivilDay from,
                                                                absl::CivilDay to, int limit,
                                                                absl::Time deadline) = 0;
};

}  // namespace paizhu::assess
