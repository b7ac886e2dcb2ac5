// Deadlines: what is overdue or due soon, how a due date was computed, and loading a
// calendar year (which recomputes the due dates counted provisionally on it).

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "common/names/resource_name.h"
#include "common/status/macros.h"
#include "common/status/status.h"
#include "common/time/civil_date.h"
#include "services/clue/api/clue_api.h"
#include "services/clue/api/clue_convert.h"

namespace paizhu::clue {
namespace {

using server::CallContext;

void ToProto(const Deadline& d, v1::Deadline* out) {
  out->set_due_date(FormatDate(d.due));
  for (const std::string& line : d.explanation) out->add_explanation(line);
  out->set_days_off_skipped(d.days_off_skipped);
  out->set_makeup_workdays_counted(d.makeup_workdays_counted);
  out->set_provisional(d.provisional);
}

const DeadlineRule* FindRule(const std::vector<DeadlineRule>& rules, const DueDate& due) {
  for (const DeadlineRule& r : rules) {
    if (r.name == due.rule && r.version == due.rule_version) return &r;
  }
  return nullptr;
}

}  // namespace

grpc::Status ClueApi::ListDeadlines(grpc::ServerContext* ctx,
                                    const v1::ListDeadlinesRequest* request,
                                    v1::ListDeadlinesResponse* response) {
  return gate_->Serve(
      ctx, ClueMethod("ListDeadlines"), [&](const CallContext& call) -> absl::Status {
        std::string unit;
        if (!request->unit().empty()) {
          ASSIGN_OR_RETURN(unit, names::ParseName(request->unit(), "units", "unit"));
        }
        int within = request->within_days() == 0 ? 7 : request->within_days();
        if (within < 0 || within > 366) {
          return InvalidArgument("within_days", "INVALID_WITHIN_DAYS", "within_days: 0..366");
        }
        int limit = request->page_size() == 0 ? 100 : request->page_size();
        if (limit < 0 || limit > 500) {
          return InvalidArgument("page_size", "INVALID_PAGE_SIZE", "page_size: 0..500");
        }
        absl::CivilDay today = TodayInChina();
        std::optional<absl::CivilDay> from;
        absl::CivilDay until = today - 1;  // overdue: the due day has passed
        if (!request->overdue()) {
          from = today;
          until = today + within;
        }
        ASSIGN_OR_RETURN(
            std::vector<DueItem> items,
            clues_->ListDue(ViewerOf(call.principal), unit, from, until, limit, call.deadline));
        for (const DueItem& i : items) {
          auto* o = response->add_items();
          o->set_name(names::MakeName(i.kind == "case" ? "cases" : "clues", i.number));
          o->set_state(i.state);
          o->set_handling_unit(names::MakeName("units", i.handling_unit_code));
          o->set_due_date(FormatDate(i.due_on));
          o->set_provisional(i.provisional);
          o->set_days_overdue(i.due_on < today ? static_cast<int>(today - i.due_on) : 0);
        }
        return absl::OkStatus();
      });
}

grpc::Status ClueApi::ExplainDeadline(grpc::ServerContext* ctx,
                                      const v1::ExplainDeadlineRequest* request,
                                      v1::Deadline* response) {
  return gate_->Serve(
      ctx, ClueMethod("ExplainDeadline"), [&](const CallContext& call) -> absl::Status {
        bool is_case = absl::StartsWith(request->name(), "cases/");
        std::string number;
        if (is_case) {
          ASSIGN_OR_RETURN(std::string case_number,
                           names::ParseName(request->name(), "cases", "name"));
          ASSIGN_OR_RETURN(std::optional<std::string> clue,
                           clues_->ClueOfCase(case_number, call.deadline));
          if (!clue) return CaseNotFound(request->name());
          number = *clue;
        } else {
          ASSIGN_OR_RETURN(number, names::ParseName(request->name(), "clues", "name"));
        }
        ASSIGN_OR_RETURN(std::optional<Clue> clue,
                         clues_->Get(number, ViewerOf(call.principal), call.deadline));
        if (!clue) return is_case ? CaseNotFound(request->name()) : ClueNotFound(request->name());
        const DueDate& due = is_case ? clue->case_file->due : clue->due;
        if (!due.on) {
          return FailedPrecondition(
              "NO_DEADLINE",
              absl::StrCat(request->name(), " is ", is_case ? clue->case_file->state : clue->state,
                           ": no time limit runs"));
        }
        ASSIGN_OR_RETURN(std::vector<DeadlineRule> rules, clues_->DeadlineRules(call.deadline));
        const DeadlineRule* rule = FindRule(rules, due);
        if (!rule) return Internal("DEADLINE_RULE_MISSING", "the rule of this due date is gone");
        ASSIGN_OR_RETURN(WorkingCalendar calendar, calendars_->LoadCalendar(call.deadline));
        ASSIGN_OR_RETURN(Deadline computed,
                         ComputeDue(calendar, *rule, *due.start, due.extension_days));
        ToProto(computed, response);
        response->set_rule(rule->Describe());
        response->set_start_date(FormatDate(*due.start));
        return absl::OkStatus();
      });
}

grpc::Status ClueApi::LoadCalendarYear(grpc::ServerContext* ctx,
                                       const v1::LoadCalendarYearRequest* request,
                                       v1::LoadCalendarYearResponse* response) {
  return gate_->Serve(
      ctx, ClueMethod("LoadCalendarYear"), [&](const CallContext& call) -> absl::Status {
        int year = request->year();
        if (year < 2000 || year > 2100) {
          return InvalidArgument("year", "INVALID_YEAR", "year: 2000..2100");
        }
        std::vector<SpecialDay> days;
        std::set<absl::CivilDay> seen;
        for (int i = 0; i < request->days_size(); ++i) {
          const v1::CalendarDay& d = request->days(i);
          std::string field = absl::StrCat("days[", i, "]");
          ASSIGN_OR_RETURN(absl::CivilDay day, ParseDate(d.date(), field + ".date"));
          if (day.year() != year) {
            return InvalidArgument(field + ".date", "DATE_OUTSIDE_YEAR",
                                   absl::StrCat(field, ".date: not in ", year));
          }
          if (!seen.insert(day).second) {
            return InvalidArgument(field + ".date", "DUPLICATE_DAY",
                                   absl::StrCat(field, ".date: listed twice"));
          }
          if (d.kind() != "holiday" && d.kind() != "workday") {
            return InvalidArgument(field + ".kind", "INVALID_DAY_KIND",
                                   absl::StrCat(field, ".kind: holiday or workday"));
          }
          absl::Weekday wd = absl::GetWeekday(day);
          bool weekend = wd == absl::Weekday::saturday || wd == absl::Weekday::sunday;
          if (d.kind() == "workday" && !weekend) {
            return InvalidArgument(field + ".kind", "WORKDAY_NOT_WEEKEND",
                                   absl::StrCat(field, ": a make-up workday is a weekend day"));
          }
          if (d.name().empty()) {
            return InvalidArgument(field + ".name", "NAME_REQUIRED",
                                   absl::StrCat(field, ".name: e.g. 国庆节"));
          }
          days.push_back(
              {day, d.kind() == "workday" ? DayKind::kWorkday : DayKind::kHoliday, d.name()});
        }
        RETURN_IF_ERROR(calendars_->ReplaceYear(
            year, days, absl::StrCat("LoadCalendarYear by ", call.principal.subject()),
            call.deadline));
        ASSIGN_OR_RETURN(WorkingCalendar calendar, calendars_->LoadCalendar(call.deadline));
        ASSIGN_OR_RETURN(std::vector<DeadlineRule> rules, clues_->DeadlineRules(call.deadline));
        ASSIGN_OR_RETURN(int recomputed,
                         clues_->RecomputeProvisional(
                             [&](const DueDate& due) -> absl::StatusOr<DueDate> {
                               const DeadlineRule* rule = FindRule(rules, due);
                               if (!rule || !due.start) return due;
                               ASSIGN_OR_RETURN(Deadline d, ComputeDue(calendar, *rule, *due.start,
                                                                       due.extension_days));
                               DueDate out = due;
                               out.on = d.due;
                               out.provisional = d.provisional;
                               return out;
                             },
                             ViewerOf(call.principal).actor, call.deadline));
        response->set_year(year);
        response->set_days(static_cast<int>(days.size()));
        response->set_due_dates_recomputed(recomputed);
        return absl::OkStatus();
      });
}

}  // namespace paizhu::clue
