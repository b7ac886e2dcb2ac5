// Late and missing monthly reports, derived across a year: due days from the rule version
// in force, the as-of day deciding between missing and not yet due.

#include <map>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "services/assess/domain/monthly_report.h"
#include "services/assess/domain/work_meeting.h"
#include "tests/support/status_matchers.h"

namespace paizhu::assess {
namespace {

using ::paizhu::testing::HasField;
using ::paizhu::testing::StatusIs;

using absl::CivilDay;
using absl::CivilMonth;

std::map<ReportState, int> Tally(const std::vector<MonthState>& months) {
  std::map<ReportState, int> out;
  for (const MonthState& m : months) ++out[m.state];
  return out;
}

TEST(MonthlyReportTest, AYearOfReportsOnTimeLateMissingAndNotYetDue) {
  // The 5th until the end of June, then the 10th.
  std::vector<DueDayRule> rules = {{CivilDay(2000, 1, 1), 5}, {CivilDay(2021, 7, 1), 10}};
  std::map<CivilMonth, CivilDay> reports = {
      {CivilMonth(2021, 1), CivilDay(2020, 12, 28)},  // ahead of its month: on time
      {CivilMonth(2021, 2), CivilDay(2021, 2, 5)},    // on the due day: on time
      {CivilMonth(2021, 3), CivilDay(2021, 3, 6)},    // a day late
      // April: none
      {CivilMonth(2021, 5), CivilDay(2021, 5, 31)},  // late
      {CivilMonth(2021, 6), CivilDay(2021, 6, 5)},
      {CivilMonth(2021, 7), CivilDay(2021, 7, 9)},   // on time under the new rule
      {CivilMonth(2021, 8), CivilDay(2021, 8, 11)},  // late under it
      // September, October: none
      {CivilMonth(2021, 11), CivilDay(2021, 11, 10)},
      {CivilMonth(2021, 12), CivilDay(2021, 12, 20)},  // submitted after as_of: not known yet
  };
  std::vector<MonthState> months = MonthStates(CivilMonth(2021, 1), CivilMonth(2021, 12), reports,
                                               rules, CivilDay(2021, 12, 10));
  ASSERT_EQ(months.size(), 12u);
  EXPECT_EQ(months[0].state, ReportState::kOnTime);
  EXPECT_EQ(months[1].state, ReportState::kOnTime);
  EXPECT_EQ(months[2].state, ReportState::kLate);
  EXPECT_EQ(months[3].state, ReportState::kMissing);
  EXPECT_EQ(months[4].state, ReportState::kLate);
  EXPECT_EQ(months[6].due_on, CivilDay(2021, 7, 10));
  EXPECT_EQ(months[6].state, ReportState::kOnTime);
  EXPECT_EQ(months[7].state, ReportState::kLate);
  EXPECT_EQ(months[8].state, ReportState::kMissing);
  EXPECT_EQ(months[10].state, ReportState::kOnTime);
  // December: due on the 10th, as_of is the 10th: not yet missing.
  EXPECT_EQ(months[11].state, ReportState::kNotYetDue);
  auto tally = Tally(months);
  EXPECT_EQ(tally[ReportState::kOnTime], 5);
  EXPECT_EQ(tally[ReportState::kLate], 3);
  EXPECT_EQ(tally[ReportState::kMissing], 3);
  EXPECT_EQ(tally[ReportState::kNotYetDue], 1);

  // A day later December is missing.
  auto later = Tally(MonthStates(CivilMonth(2021, 1), CivilMonth(2021, 12), reports, rules,
                                 CivilDay(2021, 12, 11)));
  EXPECT_EQ(later[ReportState::kMissing], 4);
}

TEST(MonthlyReportTest, WithoutRulesTheDefaultDueDay) {
  EXPECT_EQ(DueOn(CivilMonth(2021, 2), {}), CivilDay(2021, 2, kDefaultMonthlyReportDueDay));
}

TEST(MonthlyReportTest, MonthsAndReportRules) {
  ASSERT_OK_AND_ASSIGN(CivilMonth m, ParseMonth("2021-03", "month"));
  EXPECT_EQ(m, CivilMonth(2021, 3));
  EXPECT_EQ(FormatMonth(m), "2021-03");
  EXPECT_THAT(ParseMonth("2021-13", "month"), HasField("month"));
  EXPECT_THAT(ParseMonth("2021-3", "month"), HasField("month"));
  MonthlyReport r;
  r.group_code = "G01";
  r.month = CivilMonth(2021, 3);
  r.submitted_on = CivilDay(2021, 2, 1);
  EXPECT_OK(ValidateMonthlyReport(r, CivilDay(2021, 12, 1)));
  r.submitted_on = CivilDay(2021, 1, 31);
  EXPECT_THAT(ValidateMonthlyReport(r, CivilDay(2021, 12, 1)),
              StatusIs(absl::StatusCode::kInvalidArgument, "SUBMITTED_TOO_EARLY"));
  r.submitted_on = CivilDay(2021, 12, 2);
  EXPECT_THAT(ValidateMonthlyReport(r, CivilDay(2021, 12, 1)),
              StatusIs(absl::StatusCode::kInvalidArgument, "DATE_IN_FUTURE"));
}

TEST(WorkMeetingTest, KindsGroupsAndMissedMeetings) {
  WorkMeeting m;
  m.kind = "yearly";
  m.held_on = CivilDay(2021, 12, 20);
  m.attendance = {{"G01", true, ""}, {"G02", false, "出差"}};
  EXPECT_OK(ValidateWorkMeeting(m, CivilDay(2021, 12, 31)));
  EXPECT_EQ(MeetingsMissed({m}, "G02"), 1);
  EXPECT_EQ(MeetingsMissed({m}, "G01"), 0);
  WorkMeeting bad = m;
  bad.kind = "weekly";
  EXPECT_THAT(ValidateWorkMeeting(bad, CivilDay(2021, 12, 31)), HasField("meeting.kind"));
  bad = m;
  bad.attendance.push_back({"G01", false, ""});
  EXPECT_THAT(ValidateWorkMeeting(bad, CivilDay(2021, 12, 31)),
              StatusIs(absl::StatusCode::kInvalidArgument, "DUPLICATE_GROUP"));
  bad = m;
  bad.attendance.clear();
  EXPECT_THAT(ValidateWorkMeeting(bad, CivilDay(2021, 12, 31)), HasField("meeting.attendance"));
  EXPECT_THAT(ValidateWorkMeeting(m, CivilDay(2021, 12, 19)), HasField("meeting.held_on"));
}

}  // namespace
}  // namespace paizhu::assess
