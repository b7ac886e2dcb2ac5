#include "services/assess/domain/work_meeting.h"

#include <set>

#include "absl/strings/str_cat.h"
#include "common/status/status.h"

namespace paizhu::assess {

bool IsWorkMeetingKind(const std::string& kind) {
  return kind == "quarterly" || kind == "half_year" || kind == "yearly";
}

absl::Status ValidateWorkMeeting(const WorkMeeting& meeting, absl::CivilDay today) {
  if (!IsWorkMeetingKind(meeting.kind)) {
    return InvalidArgument("meeting.kind", "INVALID_MEETING_KIND",
                           "meeting.kind: quarterly, half_year or yearly");
  }
  if (meeting.held_on > today) {
    return InvalidArgument("meeting.held_on", "DATE_IN_FUTURE",
                           "meeting.held_on: a meeting is recorded once held");
  }
  if (meeting.title.size() > 600) {
    return InvalidArgument("meeting.title", "TOO_LONG", "meeting.title: at most 200 characters");
  }
  if (meeting.attendance.empty()) {
    return InvalidArgument("meeting.attendance", "REQUIRED",
                           "meeting.attendance: every group's attendance");
  }
  std::set<std::string> seen;
  for (const MeetingAttendance& a : meeting.attendance) {
    if (!seen.insert(a.group_code).second) {
      return InvalidArgument("meeting.attendance", "DUPLICATE_GROUP",
                             absl::StrCat("meeting.attendance: units/", a.group_code, " twice"));
    }
    if (a.note.size() > 600) {
      return InvalidArgument("meeting.attendance", "TOO_LONG",
                             "meeting.attendance: a note holds at most 200 characters");
    }
  }
  return absl::OkStatus();
}

int MeetingsMissed(const std::vector<WorkMeeting>& meetings, const std::string& group_code) {
  int missed = 0;
  for (const WorkMeeting& m : meetings) {
    for (const MeetingAttendance& a : m.attendance) {
      if (a.group_code == group_code && !a.attended) ++missed;
    }
  }
  return missed;
}

}  // namespace paizhu::assess
