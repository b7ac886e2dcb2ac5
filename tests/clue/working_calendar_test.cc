// The working-day calendar on the official 2025 and 2026 arrangements the service ships.
// Expected dates were checked by hand against the CSV and a wall calendar for 2026.

#include "services/clue/domain/working_calendar.h"

#include <fstream>
#include <string>
#include <vector>

#include "absl/strings/str_split.h"
#include "common/status/status.h"
#include "common/time/civil_date.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace paizhu::clue {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

// data/calendars/cn-calendar.csv: date,kind,name (names hold no commas).
std::vector<SpecialDay> ReadShippedCalendar() {
  std::ifstream in(PAIZHU_SOURCE_DIR "/data/calendars/cn-calendar.csv");
  EXPECT_TRUE(in) << "cannot open the shipped calendar";
  std::vector<SpecialDay> days;
  std::string line;
  std::getline(in, line);
  EXPECT_EQ(line, "date,kind,name");
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    std::vector<std::string> cells = absl::StrSplit(line, ',');
    EXPECT_EQ(cells.size(), 3u) << line;
    if (cells.size() != 3) continue;
    auto day = ParseDate(cells[0], "date");
    EXPECT_TRUE(day.ok()) << line;
    EXPECT_TRUE(cells[1] == "holiday" || cells[1] == "workday") << line;
    if (!day.ok()) continue;
    days.push_back({*day, cells[1] == "workday" ? DayKind::kWorkday : DayKind::kHoliday, cells[2]});
  }
  return days;
}

class WorkingCalendarTest : public ::testing::Test {
 protected:
  WorkingCalendarTest() : calendar_(ReadShippedCalendar(), {2025, 2026}) {}

  static absl::CivilDay Day(absl::string_view text) { return *ParseDate(text, "test"); }

  WorkingCalendar calendar_;
};

TEST_F(WorkingCalendarTest, ShippedCalendarHasBothYears) {
  EXPECT_EQ(ReadShippedCalendar().size(), 72u);
}

TEST_F(WorkingCalendarTest, KnowsHolidaysAndMakeUpWorkdays) {
  EXPECT_FALSE(calendar_.IsWorkingDay(Day("2026-10-01")));  // Thursday, 国庆节
  EXPECT_TRUE(calendar_.IsWorkingDay(Day("2026-10-10")));   // Saturday, 调休
  EXPECT_FALSE(calendar_.IsWorkingDay(Day("2026-10-11")));  // plain Sunday
  EXPECT_TRUE(calendar_.IsWorkingDay(Day("2026-10-12")));   // plain Monday
}

TEST_F(WorkingCalendarTest, FifteenWorkingDaysAcrossNationalDay) {
  // From Friday 2026-09-18: Sun 09-20 is worked (1), 09-21..24 (2-5), 中秋 09-25..27 off,
  // 09-28..30 (6-8), 国庆 10-01..07 off, 10-08, 10-09 (9, 10), Sat 10-10 worked (11),
  // Sun 10-11 off, 10-12..15 (12-15).
  auto deadline = calendar_.AddWorkingDays(Day("2026-09-18"), 15);
  ASSERT_TRUE(deadline.ok()) << deadline.status();
  EXPECT_EQ(FormatDate(deadline->due), "2026-10-15");
  EXPECT_EQ(deadline->makeup_workdays_counted, 2);
  EXPECT_EQ(deadline->days_off_skipped, 12);  // 09-19, 09-25..27, 10-01..07, 10-11
  EXPECT_THAT(deadline->explanation,
              ElementsAre("2026-09-20 国庆节调休: worked weekend day, counted",
                          "2026-09-25..2026-09-27 中秋节: holiday, not counted",
                          "2026-10-01..2026-10-07 国庆节: holiday, not counted",
                          "2026-10-10 国庆节调休: worked weekend day, counted",
                          "15 working days after 2026-09-18: 2026-10-15"));
}

TEST_F(WorkingCalendarTest, StartDayIsNotCountedEvenWhenWorked) {
  // Sunday 2026-09-20 is a make-up workday, but the period starts the day after it.
  auto deadline = calendar_.AddWorkingDays(Day("2026-09-20"), 15);
  ASSERT_TRUE(deadline.ok()) << deadline.status();
  EXPECT_EQ(FormatDate(deadline->due), "2026-10-16");
  EXPECT_EQ(deadline->makeup_workdays_counted, 1);
  EXPECT_EQ(deadline->days_off_skipped, 11);
  EXPECT_EQ(deadline->explanation.back(), "15 working days after 2026-09-20: 2026-10-16");
}

TEST_F(WorkingCalendarTest, PlainWeek) {
  // Friday 2026-03-06: the weekend is passed over, Monday 03-09 is day 1.
  auto deadline = calendar_.AddWorkingDays(Day("2026-03-06"), 5);
  ASSERT_TRUE(deadline.ok()) << deadline.status();
  EXPECT_EQ(FormatDate(deadline->due), "2026-03-13");
  EXPECT_EQ(deadline->days_off_skipped, 2);
  EXPECT_EQ(deadline->makeup_workdays_counted, 0);
  EXPECT_THAT(deadline->explanation, ElementsAre("5 working days after 2026-03-06: 2026-03-13"));
}

TEST_F(WorkingCalendarTest, CalendarDaysEndingInSpringFestivalRunToTheNextWorkingDay) {
  // 2026-01-20 + 30 = Thursday 02-19, inside 春节 (02-15..02-23); Tuesday 02-24 is next.
  auto deadline = calendar_.AddCalendarDays(Day("2026-01-20"), 30);
  ASSERT_TRUE(deadline.ok()) << deadline.status();
  EXPECT_EQ(FormatDate(deadline->due), "2026-02-24");
  EXPECT_EQ(deadline->days_off_skipped, 5);
  EXPECT_THAT(
      deadline->explanation,
      ElementsAre("2026-01-20 + 30 calendar days = 2026-02-19",
                  "2026-02-19..2026-02-23 春节: holiday, a day off",
                  "a period that ends on a day off runs to the next working day, 2026-02-24",
                  "30 calendar days after 2026-01-20: 2026-02-24"));
}

TEST_F(WorkingCalendarTest, CalendarDaysEndingOnAWorkingDayStay) {
  auto deadline = calendar_.AddCalendarDays(Day("2026-03-02"), 10);
  ASSERT_TRUE(deadline.ok()) << deadline.status();
  EXPECT_EQ(FormatDate(deadline->due), "2026-03-12");
  EXPECT_EQ(deadline->days_off_skipped, 0);
  EXPECT_THAT(deadline->explanation, ElementsAre("10 calendar days after 2026-03-02: 2026-03-12"));
}

TEST_F(WorkingCalendarTest, MonthsClampToTheEndOfAShortMonth) {
  // February 2026 has 28 days; Saturday 02-28 is a 春节 make-up workday, so it stays.
  auto deadline = calendar_.AddMonths(Day("2026-01-31"), 1);
  ASSERT_TRUE(deadline.ok()) << deadline.status();
  EXPECT_EQ(FormatDate(deadline->due), "2026-02-28");
  EXPECT_EQ(deadline->days_off_skipped, 0);
  EXPECT_EQ(deadline->makeup_workdays_counted, 1);
  EXPECT_THAT(deadline->explanation,
              ElementsAre("2026-01-31 + 1 month = 2026-02-28 (2026-02 has no day 31: the month's "
                          "last day)",
                          "2026-02-28 春节调休: worked weekend day, a working day",
                          "1 month after 2026-01-31: 2026-02-28"));
}

TEST_F(WorkingCalendarTest, MonthsClampedOntoASundayMoveToMonday) {
  // November 2025 has 30 days; 2025-11-30 is a Sunday.
  auto deadline = calendar_.AddMonths(Day("2025-10-31"), 1);
  ASSERT_TRUE(deadline.ok()) << deadline.status();
  EXPECT_EQ(FormatDate(deadline->due), "2025-12-01");
  EXPECT_EQ(deadline->days_off_skipped, 1);
  EXPECT_THAT(
      deadline->explanation,
      ElementsAre("2025-10-31 + 1 month = 2025-11-30 (2025-11 has no day 31: the month's "
                  "last day)",
                  "2025-11-30 weekend: a day off",
                  "a period that ends on a day off runs to the next working day, 2025-12-01",
                  "1 month after 2025-10-31: 2025-12-01"));
}

TEST_F(WorkingCalendarTest, ThreeMonthsKeepTheDayOfMonth) {
  auto deadline = calendar_.Compute(Day("2026-03-15"), 3, DurationUnit::kMonths);
  ASSERT_TRUE(deadline.ok()) << deadline.status();
  EXPECT_EQ(FormatDate(deadline->due), "2026-06-15");  // a Monday
}

TEST_F(WorkingCalendarTest, YearNotLoadedIsRefusedNotGuessed) {
  auto deadline = calendar_.AddWorkingDays(Day("2026-12-20"), 15);
  ASSERT_FALSE(deadline.ok());
  EXPECT_EQ(deadline.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_EQ(ErrorReason(deadline.status()), "CALENDAR_NOT_LOADED");
  EXPECT_THAT(deadline.status().message(),
              HasSubstr("the working-day calendar for 2027 is not loaded; load the State "
                        "Council notice for 2027"));

  auto days = calendar_.Compute(Day("2026-12-31"), 1, DurationUnit::kCalendarDays);
  EXPECT_EQ(ErrorReason(days.status()), "CALENDAR_NOT_LOADED");
  auto months = calendar_.Compute(Day("2026-06-30"), 7, DurationUnit::kMonths);
  EXPECT_EQ(ErrorReason(months.status()), "CALENDAR_NOT_LOADED");
}

TEST_F(WorkingCalendarTest, OnlyTheCountedDaysNeedALoadedYear) {
  // The start day is not counted, so its year (2024) need not be loaded; 元旦 2025 is.
  auto deadline = calendar_.AddWorkingDays(Day("2024-12-31"), 1);
  ASSERT_TRUE(deadline.ok()) << deadline.status();
  EXPECT_EQ(FormatDate(deadline->due), "2025-01-02");
}

TEST_F(WorkingCalendarTest, AmountOutOfRangeIsInvalid) {
  for (auto [amount, unit] :
       {std::pair{0, DurationUnit::kWorkingDays}, std::pair{-1, DurationUnit::kCalendarDays},
        std::pair{3651, DurationUnit::kCalendarDays}, std::pair{121, DurationUnit::kMonths}}) {
    auto deadline = calendar_.Compute(Day("2026-03-02"), amount, unit);
    ASSERT_FALSE(deadline.ok()) << amount;
    EXPECT_EQ(deadline.status().code(), absl::StatusCode::kInvalidArgument);
    EXPECT_EQ(ErrorField(deadline.status()), "amount");
    EXPECT_EQ(ErrorReason(deadline.status()), "INVALID_AMOUNT");
  }
  auto zero = calendar_.AddWorkingDays(Day("2026-03-02"), 0);
  EXPECT_EQ(ErrorField(zero.status()), "amount");
}

TEST_F(WorkingCalendarTest, UnitIsRequired) {
  auto deadline = calendar_.Compute(Day("2026-03-02"), 5, DurationUnit::kUnspecified);
  ASSERT_FALSE(deadline.ok());
  EXPECT_EQ(deadline.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(ErrorField(deadline.status()), "unit");
  EXPECT_EQ(ErrorReason(deadline.status()), "INVALID_DURATION_UNIT");
}

}  // namespace
}  // namespace paizhu::clue
