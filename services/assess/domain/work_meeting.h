#pragma once
// 三例会: the quarterly work meeting, the half-year seminar and the yearly 述责述廉
// meeting, each with every group's attendance.

#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/time/civil_time.h"

namespace paizhu::assess {

struct MeetingAttendance {
  std::string group_code;
  bool attended = false;
  std::string note;
};

struct WorkMeeting {
  int64_t id = 0;
  std::string kind;  // quarterly, half_year, yearly
  absl::CivilDay held_on;
  std::string title;
  std::vector<MeetingAttendance> attendance;
  std::string recorded_by;
};

bool IsWorkMeetingKind(const std::string& kind);

// Kind, date (not after today), at least one group, no group twice; fields as the API's
// ("meeting.kind", "meeting.attendance").
absl::Status ValidateWorkMeeting(const WorkMeeting& meeting, absl::CivilDay today);

// Meetings of `meetings` the group was recorded absent from.
int MeetingsMissed(const std::vector<WorkMeeting>& meetings, const std::string& group_code);

}  // namespace paizhu::assess
