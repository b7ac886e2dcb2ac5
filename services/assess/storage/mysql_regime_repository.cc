#include "services/assess/storage/mysql_regime_repository.h"

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "common/status/macros.h"
#include "common/status/status.h"
#include "common/time/civil_date.h"

namespace paizhu::assess {
namespace {

absl::CivilDay DayOf(const std::string& text) {
  absl::StatusOr<absl::CivilDay> day = ParseDate(text, "day");
  return day.ok() ? *day : absl::CivilDay();
}

// Meetings matching `where`, by date then id, at most `limit`, with their attendance.
absl::StatusOr<std::vector<WorkMeeting>> ReadMeetings(sql::Transaction& tx,
                                                      const std::string& where,
                                                      const sql::Params& params, int limit) {
  ASSIGN_OR_RETURN(sql::Rows rows,
                   tx.Query(absl::StrCat("SELECT id, kind, held_on, title, recorded_by FROM "
                                         "work_meetings WHERE ",
                                         where, " ORDER BY held_on, id LIMIT ", limit),
                            params));
  std::vector<WorkMeeting> out;
  for (size_t r = 0; r < rows.size(); ++r) {
    WorkMeeting m;
    m.id = rows.Int(r, 0);
    m.kind = rows.Str(r, 1);
    m.held_on = DayOf(rows.Str(r, 2));
    m.title = rows.Str(r, 3);
    m.recorded_by = rows.Str(r, 4);
    ASSIGN_OR_RETURN(sql::Rows a, tx.Query("SELECT group_code, attended, note FROM "
                                           "meeting_attendance WHERE meeting_id = ? ORDER BY "
                                           "group_code",
                                           {m.id}));
    for (size_t i = 0; i < a.size(); ++i) {
      m.attendance.push_back({a.Str(i, 0), a.Int(i, 1) != 0, a.Str(i, 2)});
    }
    out.push_back(std::move(m));
  }
  return out;
}

}  // namespace

absl::Status InsertMonthlyReport(sql::Transaction& tx, const MonthlyReport& report) {
  ASSIGN_OR_RETURN(sql::Rows existing,
                   tx.Query("SELECT submitted_on FROM monthly_reports WHERE group_code = ? AND "
                            "month = ? FOR UPDATE",
                            {report.group_code, FormatMonth(report.month)}));
  if (!existing.empty()) {
    return AlreadyExists("MONTHLY_REPORT_EXISTS",
                         absl::StrCat("units/", report.group_code, " reported for ",
                                      FormatMonth(report.month), " on ", existing.Str(0, 0)));
  }
  return tx
      .Exec(
          "INSERT INTO monthly_reports (group_code, month, submitted_on, summary, "
          "recorded_by) VALUES (?, ?, ?, ?, ?)",
          {report.group_code, FormatMonth(report.month), FormatDate(report.submitted_on),
           report.summary, report.recorded_by})
      .status();
}

absl::Status InsertAttendance(sql::Transaction& tx, const std::string& kind, absl::CivilDay held_on,
                              const std::string& title, const MeetingAttendance& attendance,
                              const std::string& recorded_by) {
  ASSIGN_OR_RETURN(sql::Rows meetings,
                   tx.Query("SELECT id FROM work_meetings WHERE kind = ? AND held_on = ? "
                            "FOR UPDATE",
                            {kind, FormatDate(held_on)}));
  if (meetings.size() > 1) {
    return FailedPrecondition("AMBIGUOUS_MEETING",
                              absl::StrCat(meetings.size(), " ", kind, " meetings on ",
                                           FormatDate(held_on), ": record this one by its RPC"));
  }
  int64_t id = 0;
  if (meetings.empty()) {
    RETURN_IF_ERROR(tx.Exec("INSERT INTO work_meetings (kind, held_on, title, recorded_by) "
                            "VALUES (?, ?, ?, ?)",
                            {kind, FormatDate(held_on), title, recorded_by})
                        .status());
    ASSIGN_OR_RETURN(sql::Rows last, tx.Query("SELECT LAST_INSERT_ID()"));
    id = last.Int(0, 0);
  } else {
    id = meetings.Int(0, 0);
  }
  ASSIGN_OR_RETURN(sql::Rows existing,
                   tx.Query("SELECT attended FROM meeting_attendance WHERE meeting_id = ? AND "
                            "group_code = ?",
                            {id, attendance.group_code}));
  if (!existing.empty()) {
    return AlreadyExists(
        "ATTENDANCE_EXISTS",
        absl::StrCat("units/", attendance.group_code, "'s attendance at the ", kind, " meeting of ",
                     FormatDate(held_on), " is recorded already"));
  }
  return tx
      .Exec(
          "INSERT INTO meeting_attendance (meeting_id, group_code, attended, note) VALUES "
          "(?, ?, ?, ?)",
          {id, attendance.group_code, int64_t{attendance.attended ? 1 : 0}, attendance.note})
      .status();
}

absl::StatusOr<MonthlyReport> MysqlRegimeRepository::SubmitMonthlyReport(
    const MonthlyReport& report, const sql::RequestKey& key, absl::Time deadline) {
  MonthlyReport stored = report;
  RETURN_IF_ERROR(
      sql::RunInTransaction(*pool_, deadline, [&](sql::Transaction& tx) -> absl::Status {
        ASSIGN_OR_RETURN(std::optional<std::string> earlier, key.Claim(tx));
        if (earlier) {  // a retry: the first call's report
          ASSIGN_OR_RETURN(sql::Rows rows,
                           tx.Query("SELECT submitted_on, summary FROM monthly_reports WHERE "
                                    "group_code = ? AND month = ?",
                                    {report.group_code, FormatMonth(report.month)}));
          if (rows.empty()) return Internal("IDEMPOTENCY_RESULT_MISSING", "report missing");
          stored.submitted_on = DayOf(rows.Str(0, 0));
          stored.summary = rows.Str(0, 1);
          return absl::OkStatus();
        }
        RETURN_IF_ERROR(InsertMonthlyReport(tx, report));
        return key.Complete(tx, FormatMonth(report.month));
      }));
  return stored;
}

absl::StatusOr<std::map<absl::CivilMonth, absl::CivilDay>> MysqlRegimeRepository::MonthlyReports(
    const std::string& group_code, absl::CivilMonth from, absl::CivilMonth to,
    absl::Time deadline) {
  std::map<absl::CivilMonth, absl::CivilDay> out;
  RETURN_IF_ERROR(
      sql::RunInTransaction(*pool_, deadline, [&](sql::Transaction& tx) -> absl::Status {
        out.clear();
        ASSIGN_OR_RETURN(sql::Rows rows,
                         tx.Query("SELECT month, submitted_on FROM monthly_reports WHERE "
                                  "group_code = ? AND month >= ? AND month <= ?",
                                  {group_code, FormatMonth(from), FormatMonth(to)}));
        for (size_t r = 0; r < rows.size(); ++r) {
          absl::StatusOr<absl::CivilMonth> month = ParseMonth(rows.Str(r, 0), "month");
          if (month.ok()) out[*month] = DayOf(rows.Str(r, 1));
        }
        return absl::OkStatus();
      }));
  return out;
}

absl::StatusOr<std::vector<DueDayRule>> MysqlRegimeRepository::DueDayRules(absl::Time deadline) {
  std::vector<DueDayRule> out;
  RETURN_IF_ERROR(
      sql::RunInTransaction(*pool_, deadline, [&](sql::Transaction& tx) -> absl::Status {
        out.clear();
        ASSIGN_OR_RETURN(sql::Rows rows, tx.Query("SELECT effective_from, due_day FROM "
                                                  "due_day_rules ORDER BY effective_from"));
        for (size_t r = 0; r < rows.size(); ++r) {
          out.push_back({DayOf(rows.Str(r, 0)), static_cast<int>(rows.Int(r, 1))});
        }
        return absl::OkStatus();
      }));
  return out;
}

absl::Status MysqlRegimeRepository::AddDueDayRule(const DueDayRule& rule,
                                                  const std::string& recorded_by,
                                                  absl::Time deadline) {
  return sql::RunInTransaction(*pool_, deadline, [&](sql::Transaction& tx) -> absl::Status {
    ASSIGN_OR_RETURN(sql::Rows existing,
                     tx.Query("SELECT due_day FROM due_day_rules WHERE effective_from = ?",
                              {FormatDate(rule.effective_from)}));
    if (!existing.empty()) {
      return AlreadyExists(
          "DUE_DAY_RULE_EXISTS",
          absl::StrCat("a due-day rule is in force from ", FormatDate(rule.effective_from),
                       "; versions never change: choose another date"));
    }
    return tx
        .Exec(
            "INSERT INTO due_day_rules (effective_from, due_day, recorded_by) VALUES "
            "(?, ?, ?)",
            {FormatDate(rule.effective_from), int64_t{rule.due_day}, recorded_by})
        .status();
  });
}

absl::StatusOr<WorkMeeting> MysqlRegimeRepository::RecordWorkMeeting(const WorkMeeting& meeting,
                                                                     const sql::RequestKey& key,
                                                                     absl::Time deadline) {
  WorkMeeting stored;
  RETURN_IF_ERROR(
      sql::RunInTransaction(*pool_, deadline, [&](sql::Transaction& tx) -> absl::Status {
        ASSIGN_OR_RETURN(std::optional<std::string> earlier, key.Claim(tx));
        int64_t id = 0;
        if (earlier) {
          if (!absl::SimpleAtoi(*earlier, &id)) {
            return Internal("IDEMPOTENCY_RESULT_MISSING", "bad result");
          }
        } else {
          RETURN_IF_ERROR(tx.Exec("INSERT INTO work_meetings (kind, held_on, title, recorded_by) "
                                  "VALUES (?, ?, ?, ?)",
                                  {meeting.kind, FormatDate(meeting.held_on), meeting.title,
                                   meeting.recorded_by})
                              .status());
          ASSIGN_OR_RETURN(sql::Rows last, tx.Query("SELECT LAST_INSERT_ID()"));
          id = last.Int(0, 0);
          for (const MeetingAttendance& a : meeting.attendance) {
            RETURN_IF_ERROR(tx.Exec("INSERT INTO meeting_attendance (meeting_id, group_code, "
                                    "attended, note) VALUES (?, ?, ?, ?)",
                                    {id, a.group_code, int64_t{a.attended ? 1 : 0}, a.note})
                                .status());
          }
          RETURN_IF_ERROR(key.Complete(tx, absl::StrCat(id)));
        }
        ASSIGN_OR_RETURN(std::vector<WorkMeeting> read, ReadMeetings(tx, "id = ?", {id}, 1));
        if (read.empty()) return Internal("MEETING_MISSING", "a recorded meeting is missing");
        stored = read.front();
        return absl::OkStatus();
      }));
  return stored;
}

absl::StatusOr<std::vector<WorkMeeting>> MysqlRegimeRepository::WorkMeetings(absl::CivilDay from,
                                                                             absl::CivilDay to,
                                                                             int limit,
                                                                             absl::Time deadline) {
  std::vector<WorkMeeting> out;
  RETURN_IF_ERROR(
      sql::RunInTransaction(*pool_, deadline, [&](sql::Transaction& tx) -> absl::Status {
        ASSIGN_OR_RETURN(out, ReadMeetings(tx, "held_on >= ? AND held_on <= ?",
                                           {FormatDate(from), FormatDate(to)}, limit));
        return absl::OkStatus();
      }));
  return out;
}

}  // namespace paizhu::assess
