// 一报告三例会: monthly reports (their states derived), the due-day rule, work meetings.

#include <map>
#include <set>
#include <tuple>

#include "absl/strings/str_cat.h"
#include "common/import/run_import.h"
#include "common/names/resource_name.h"
#include "common/status/macros.h"
#include "common/status/status.h"
#include "common/time/civil_date.h"
#include "services/assess/api/assess_api.h"
#include "services/assess/storage/mysql_regime_repository.h"

namespace paizhu::assess {
namespace {

using server::CallContext;

std::string Method(const char* name) {
  return absl::StrCat("/paizhu.assess.v1.AssessService/", name);
}

// At most ten years of months in one answer.
constexpr int kMaxMonths = 120;

void ToProto(const MonthlyReport& r, v1::MonthlyReport* out) {
  out->set_group(names::MakeName("units", r.group_code));
  out->set_month(FormatMonth(r.month));
  out->set_submitted_on(FormatDate(r.submitted_on));
  out->set_summary(r.summary);
}

void ToProto(const WorkMeeting& m, v1::WorkMeeting* out) {
  out->set_name(absl::StrCat("work-meetings/", m.id));
  out->set_kind(m.kind);
  out->set_held_on(FormatDate(m.held_on));
  out->set_title(m.title);
  for (const MeetingAttendance& a : m.attendance) {
    v1::Attendance* o = out->add_attendance();
    o->set_group(names::MakeName("units", a.group_code));
    o->set_attended(a.attended);
    o->set_note(a.note);
  }
}

}  // namespace

// The unit must be a group: INVALID_ARGUMENT on `field` (UNIT_NOT_FOUND, NOT_A_GROUP).
absl::Status AssessApi::CheckGroup(const std::string& code, const std::string& field,
                                   const CallContext& call) const {
  ASSIGN_OR_RETURN(std::optional<std::string> kind, units_->UnitKind(code, call));
  if (!kind) {
    return InvalidArgument(field, "UNIT_NOT_FOUND",
                           absl::StrCat(field, ": units/", code, " does not exist"));
  }
  if (*kind != "group") {
    return InvalidArgument(field, "NOT_A_GROUP",
                           absl::StrCat(field, ": a ", *kind, ", not a stationed group"));
  }
  return absl::OkStatus();
}

grpc::Status AssessApi::SubmitMonthlyReport(grpc::ServerContext* ctx,
                                            const v1::SubmitMonthlyReportRequest* request,
                                            v1::MonthlyReport* response) {
  return gate_->Serve(
      ctx, Method("SubmitMonthlyReport"), [&](const CallContext& call) -> absl::Status {
        const v1::MonthlyReport& in = request->report();
        MonthlyReport report;
        ASSIGN_OR_RETURN(report.group_code, names::ParseName(in.group(), "units", "report.group"));
        ASSIGN_OR_RETURN(report.month, ParseMonth(in.month(), "report.month"));
        report.submitted_on = TodayInChina();
        if (!in.submitted_on().empty()) {
          ASSIGN_OR_RETURN(report.submitted_on,
                           ParseDate(in.submitted_on(), "report.submitted_on"));
        }
        report.summary = in.summary();
        report.recorded_by = call.principal.subject();
        if (absl::Status s = ValidateMonthlyReport(report, TodayInChina()); !s.ok()) {
          return InvalidArgument(absl::StrCat("report.", ErrorField(s)), ErrorReason(s),
                                 s.message());
        }
        RETURN_IF_ERROR(CheckGroup(report.group_code, "report.group", call));
        v1::SubmitMonthlyReportRequest canonical = *request;
        canonical.clear_request_id();
        sql::RequestKey key(request->request_id(), "SubmitMonthlyReport",
                            canonical.SerializeAsString());
        ASSIGN_OR_RETURN(MonthlyReport stored,
                         regime_->SubmitMonthlyReport(report, key, call.deadline));
        ToProto(stored, response);
        return absl::OkStatus();
      });
}

// Rows `group,month,submitted_on,summary` through the shared import run: each row's own
// checks, its group asked of org once per code, then inserted in file order.
grpc::Status AssessApi::ImportMonthlyReports(grpc::ServerContext* ctx,
                                             const v1::ImportMonthlyReportsRequest* request,
                                             paizhu::common::v1::ImportResult* response) {
  struct Record {
    int line = 0;
    MonthlyReport report;
  };
  return gate_->Serve(
      ctx, Method("ImportMonthlyReports"), [&](const CallContext& call) -> absl::Status {
        RETURN_IF_ERROR(imports::CheckOptions(request->rows_size(), request->options()));
        imports::ParsedRows<Record> parsed;
        std::map<std::string, absl::Status> groups;
        const absl::CivilDay today = TodayInChina();
        for (const v1::MonthlyReportRow& in : request->rows()) {
          size_t before = parsed.errors.size();
          auto bad = [&](const std::string& column, const absl::Status& s) {
            parsed.errors.push_back({in.line(), column, ErrorReason(s), std::string(s.message())});
          };
          Record r;
          r.line = in.line();
          r.report.group_code = in.group();
          r.report.summary = in.summary();
          r.report.recorded_by = call.principal.subject();
          if (!names::IsValidCode(in.group())) {
            bad("group", InvalidArgument("group", "INVALID_CODE", "group: not a group's code"));
          }
          absl::StatusOr<absl::CivilMonth> month = ParseMonth(in.month(), "month");
          if (!month.ok()) bad("month", month.status());
          absl::StatusOr<absl::CivilDay> day = ParseDate(in.submitted_on(), "submitted_on");
          if (!day.ok()) bad("submitted_on", day.status());
          if (parsed.errors.size() == before) {
            r.report.month = *month;
            r.report.submitted_on = *day;
            if (absl::Status s = ValidateMonthlyReport(r.report, today); !s.ok()) {
              bad(ErrorField(s), s);
            }
          }
          if (parsed.errors.size() == before) {
            if (!groups.count(in.group())) {
              absl::Status s = CheckGroup(in.group(), "group", call);
              if (!s.ok() && s.code() != absl::StatusCode::kInvalidArgument) return s;
              groups[in.group()] = s;
            }
            if (!groups[in.group()].ok()) bad("group", groups[in.group()]);
          }
          if (parsed.errors.size() == before) parsed.records.push_back(std::move(r));
        }
        std::vector<size_t> order(parsed.records.size());
        for (size_t i = 0; i < order.size(); ++i) order[i] = i;
        auto apply = [](sql::Transaction& tx, const Record& r) -> absl::Status {
          return imports::AsRow(InsertMonthlyReport(tx, r.report), {}, "month");
        };
        return imports::RunImport<Record>(
            *pool_, call.deadline, request->rows_size(), request->options(),
            imports::KeyOf(*request, "ImportMonthlyReports"), parsed, order, apply, response);
      });
}

grpc::Status AssessApi::GetMonthlyReportStates(grpc::ServerContext* ctx,
                                               const v1::GetMonthlyReportStatesRequest* request,
                                               v1::MonthlyReportStates* response) {
  return gate_->Serve(
      ctx, Method("GetMonthlyReportStates"), [&](const CallContext& call) -> absl::Status {
        ASSIGN_OR_RETURN(std::string group, names::ParseName(request->group(), "units", "group"));
        ASSIGN_OR_RETURN(absl::CivilMonth from, ParseMonth(request->from_month(), "from_month"));
        ASSIGN_OR_RETURN(absl::CivilMonth to, ParseMonth(request->to_month(), "to_month"));
        if (to < from || to - from >= kMaxMonths) {
          return InvalidArgument(
              "to_month", "INVALID_PERIOD",
              absl::StrCat("to_month: from from_month, at most ", kMaxMonths, " months"));
        }
        absl::CivilDay as_of = TodayInChina();
        if (!request->as_of().empty()) {
          ASSIGN_OR_RETURN(as_of, ParseDate(request->as_of(), "as_of"));
        }
        ASSIGN_OR_RETURN(auto reports, regime_->MonthlyReports(group, from, to, call.deadline));
        ASSIGN_OR_RETURN(std::vector<DueDayRule> rules, regime_->DueDayRules(call.deadline));
        response->set_group(names::MakeName("units", group));
        for (const MonthState& m : MonthStates(from, to, reports, rules, as_of)) {
          v1::MonthlyReportState* out = response->add_months();
          out->set_month(FormatMonth(m.month));
          out->set_due_on(FormatDate(m.due_on));
          out->set_state(std::string(ReportStateName(m.state)));
          if (m.submitted_on) out->set_submitted_on(FormatDate(*m.submitted_on));
          if (m.state == ReportState::kOnTime) response->set_on_time(response->on_time() + 1);
          if (m.state == ReportState::kLate) response->set_late(response->late() + 1);
          if (m.state == ReportState::kMissing) response->set_missing(response->missing() + 1);
        }
        return absl::OkStatus();
      });
}

grpc::Status AssessApi::SetMonthlyReportDueDay(grpc::ServerContext* ctx,
                                               const v1::SetMonthlyReportDueDayRequest* request,
                                               v1::DueDayRule* response) {
  return gate_->Serve(
      ctx, Method("SetMonthlyReportDueDay"), [&](const CallContext& call) -> absl::Status {
        DueDayRule rule;
        ASSIGN_OR_RETURN(rule.effective_from,
                         ParseDate(request->rule().effective_from(), "rule.effective_from"));
        rule.due_day = request->rule().due_day();
        if (rule.due_day < 1 || rule.due_day > 28) {
          return InvalidArgument("rule.due_day", "INVALID_DUE_DAY",
                                 "rule.due_day: 1 to 28, a day every month has");
        }
        RETURN_IF_ERROR(regime_->AddDueDayRule(rule, call.principal.subject(), call.deadline));
        response->set_effective_from(FormatDate(rule.effective_from));
        response->set_due_day(rule.due_day);
        return absl::OkStatus();
      });
}

grpc::Status AssessApi::RecordWorkMeeting(grpc::ServerContext* ctx,
                                          const v1::RecordWorkMeetingRequest* request,
                                          v1::WorkMeeting* response) {
  return gate_->Serve(
      ctx, Method("RecordWorkMeeting"), [&](const CallContext& call) -> absl::Status {
        const v1::WorkMeeting& in = request->meeting();
        WorkMeeting meeting;
        meeting.kind = in.kind();
        ASSIGN_OR_RETURN(meeting.held_on, ParseDate(in.held_on(), "meeting.held_on"));
        meeting.title = in.title();
        meeting.recorded_by = call.principal.subject();
        for (const v1::Attendance& a : in.attendance()) {
          ASSIGN_OR_RETURN(std::string group,
                           names::ParseName(a.group(), "units", "meeting.attendance"));
          meeting.attendance.push_back({group, a.attended(), a.note()});
        }
        RETURN_IF_ERROR(ValidateWorkMeeting(meeting, TodayInChina()));
        for (const MeetingAttendance& a : meeting.attendance) {
          RETURN_IF_ERROR(CheckGroup(a.group_code, "meeting.attendance", call));
        }
        v1::RecordWorkMeetingRequest canonical = *request;
        canonical.clear_request_id();
        sql::RequestKey key(request->request_id(), "RecordWorkMeeting",
                            canonical.SerializeAsString());
        ASSIGN_OR_RETURN(WorkMeeting stored,
                         regime_->RecordWorkMeeting(meeting, key, call.deadline));
        ToProto(stored, response);
        return absl::OkStatus();
      });
}

grpc::Status AssessApi::ListWorkMeetings(grpc::ServerContext* ctx,
                                         const v1::ListWorkMeetingsRequest* request,
                                         v1::ListWorkMeetingsResponse* response) {
  return gate_->Serve(
      ctx, Method("ListWorkMeetings"), [&](const CallContext& call) -> absl::Status {
        ASSIGN_OR_RETURN(absl::CivilDay from, ParseDate(request->from_date(), "from_date"));
        ASSIGN_OR_RETURN(absl::CivilDay to, ParseDate(request->to_date(), "to_date"));
        ASSIGN_OR_RETURN(std::vector<WorkMeeting> meetings,
                         regime_->WorkMeetings(from, to, 1000, call.deadline));
        for (const WorkMeeting& m : meetings) ToProto(m, response->add_meetings());
        return absl::OkStatus();
      });
}

// Rows `kind,held_on,title,group,attended,note`: each row's checks, its group asked of org
// once per code, a group twice for one meeting refused; then each row joins the meeting of
// its kind that day (made with the row's title when there is none).
grpc::Status AssessApi::ImportAttendance(grpc::ServerContext* ctx,
                                         const v1::ImportAttendanceRequest* request,
                                         paizhu::common::v1::ImportResult* response) {
  struct Record {
    int line = 0;
    std::string kind;
    absl::CivilDay held_on;
    std::string title;
    MeetingAttendance attendance;
  };
  return gate_->Serve(
      ctx, Method("ImportAttendance"), [&](const CallContext& call) -> absl::Status {
        RETURN_IF_ERROR(imports::CheckOptions(request->rows_size(), request->options()));
        imports::ParsedRows<Record> parsed;
        std::map<std::string, absl::Status> groups;
        std::set<std::tuple<std::string, std::string, std::string>> seen;
        const absl::CivilDay today = TodayInChina();
        for (const v1::AttendanceRow& in : request->rows()) {
          size_t before = parsed.errors.size();
          auto bad = [&](const std::string& column, const absl::Status& s) {
            parsed.errors.push_back({in.line(), column, ErrorReason(s), std::string(s.message())});
          };
          Record r;
          r.line = in.line();
          r.kind = in.kind();
          r.title = in.title();
          r.attendance.group_code = in.group();
          r.attendance.note = in.note();
          if (!IsWorkMeetingKind(in.kind())) {
            bad("kind", InvalidArgument("kind", "INVALID_MEETING_KIND",
                                        "kind: quarterly, half_year or yearly"));
          }
          absl::StatusOr<absl::CivilDay> day = ParseDate(in.held_on(), "held_on");
          if (!day.ok()) {
            bad("held_on", day.status());
          } else if (*day > today) {
            bad("held_on", InvalidArgument("held_on", "DATE_IN_FUTURE",
                                           "held_on: attendance is recorded after the meeting"));
          } else {
            r.held_on = *day;
          }
          if (in.title().size() > 600) {
            bad("title", InvalidArgument("title", "TOO_LONG", "title: at most 200 characters"));
          }
          if (!names::IsValidCode(in.group())) {
            bad("group", InvalidArgument("group", "INVALID_CODE", "group: not a group's code"));
          }
          if (in.attended() != "yes" && in.attended() != "no") {
            bad("attended", InvalidArgument("attended", "INVALID_ATTENDED", "attended: yes or no"));
          }
          r.attendance.attended = in.attended() == "yes";
          if (in.note().size() > 600) {
            bad("note", InvalidArgument("note", "TOO_LONG", "note: at most 200 characters"));
          }
          if (parsed.errors.size() == before &&
              !seen.insert({in.kind(), in.held_on(), in.group()}).second) {
            bad("group", InvalidArgument("group", "DUPLICATE_ROW",
                                         "group: this group's attendance at this meeting is on "
                                         "an earlier row"));
          }
          if (parsed.errors.size() == before) {
            if (!groups.count(in.group())) {
              absl::Status s = CheckGroup(in.group(), "group", call);
              if (!s.ok() && s.code() != absl::StatusCode::kInvalidArgument) return s;
              groups[in.group()] = s;
            }
            if (!groups[in.group()].ok()) bad("group", groups[in.group()]);
          }
          if (parsed.errors.size() == before) parsed.records.push_back(std::move(r));
        }
        std::vector<size_t> order(parsed.records.size());
        for (size_t i = 0; i < order.size(); ++i) order[i] = i;
        const std::string recorded_by = call.principal.subject();
        auto apply = [&](sql::Transaction& tx, const Record& r) -> absl::Status {
          return imports::AsRow(
              InsertAttendance(tx, r.kind, r.held_on, r.title, r.attendance, recorded_by),
              {{"AMBIGUOUS_MEETING", "held_on"}}, "group");
        };
        return imports::RunImport<Record>(
            *pool_, call.deadline, request->rows_size(), request->options(),
            imports::KeyOf(*request, "ImportAttendance"), parsed, order, apply, response);
      });
}

}  // namespace paizhu::assess
