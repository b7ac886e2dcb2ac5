#include "services/clue/api/clue_api.h"

#include "absl/strings/str_cat.h"
#include "common/status/macros.h"
#include "common/status/status.h"
#include "common/time/civil_date.h"
#include "services/clue/domain/working_calendar.h"

namespace paizhu::clue {
namespace {

using server::CallContext;

constexpr char kService[] = "/paizhu.clue.v1.ClueService/";

std::string Method(const char* name) { return absl::StrCat(kService, name); }

// Values this build does not know read as unspecified and are refused as such.
DurationUnit FromProto(v1::DurationUnit unit) {
  switch (unit) {
    case v1::WORKING_DAYS:
      return DurationUnit::kWorkingDays;
    case v1::CALENDAR_DAYS:
      return DurationUnit::kCalendarDays;
    case v1::MONTHS:
      return DurationUnit::kMonths;
    default:
      return DurationUnit::kUnspecified;
  }
}

void ToProto(const Deadline& deadline, v1::Deadline* out) {
  out->set_due_date(FormatDate(deadline.due));
  for (const std::string& line : deadline.explanation) out->add_explanation(line);
  out->set_days_off_skipped(deadline.days_off_skipped);
  out->set_makeup_workdays_counted(deadline.makeup_workdays_counted);
}

}  // namespace

grpc::Status ClueApi::ComputeDeadline(grpc::ServerContext* ctx,
                                      const v1::ComputeDeadlineRequest* request,
                                      v1::Deadline* response) {
  return gate_->Serve(ctx, Method("ComputeDeadline"), [&](const CallContext& call) -> absl::Status {
    ASSIGN_OR_RETURN(absl::CivilDay start, ParseDate(request->start_date(), "start_date"));
    DurationUnit unit = FromProto(request->unit());
    // Bad input is refused before the database is asked.
    RETURN_IF_ERROR(ValidateDuration(request->amount(), unit));
    ASSIGN_OR_RETURN(WorkingCalendar calendar, calendars_->LoadCalendar(call.deadline));
    ASSIGN_OR_RETURN(Deadline deadline, calendar.Compute(start, request->amount(), unit));
    ToProto(deadline, response);
    return absl::OkStatus();
  });
}

}  // namespace paizhu::clue
