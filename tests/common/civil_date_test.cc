// Strict YYYY-MM-DD dates as the contracts write them.

#include "common/time/civil_date.h"

#include <string>

#include "absl/time/civil_time.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/support/status_matchers.h"

namespace paizhu {
namespace {

using ::paizhu::testing::HasField;
using ::paizhu::testing::StatusIs;

TEST(ParseDateTest, ParsesARealDate) {
  ASSERT_OK_AND_ASSIGN(absl::CivilDay day, ParseDate("2026-03-15", "due_date"));
  EXPECT_EQ(day, absl::CivilDay(2026, 3, 15));
}

TEST(ParseDateTest, ParsesMonthAndYearEnds) {
  ASSERT_OK_AND_ASSIGN(absl::CivilDay day, ParseDate("2025-12-31", "d"));
  EXPECT_EQ(day, absl::CivilDay(2025, 12, 31));
  ASSERT_OK_AND_ASSIGN(day, ParseDate("2026-01-01", "d"));
  EXPECT_EQ(day, absl::CivilDay(2026, 1, 1));
}

TEST(ParseDateTest, LeapDayOnlyInLeapYears) {
  ASSERT_OK_AND_ASSIGN(absl::CivilDay day, ParseDate("2024-02-29", "d"));
  EXPECT_EQ(day, absl::CivilDay(2024, 2, 29));
  EXPECT_THAT(ParseDate("2026-02-29", "d"),
              StatusIs(absl::StatusCode::kInvalidArgument, "INVALID_DATE"));
}

TEST(ParseDateTest, BadDatesAreRefusedNamingTheField) {
  for (const char* text : {"2026-02-30", "2026-13-01", "2026-00-10", "2026-04-31", "2026-01-00",
                           "2026-1-01", "2026-01-1", "", "2026/01/01", "20260101", "2026-01-01 ",
                           " 2026-01-01", "2026-01-01T00:00:00", "+026-01-01", "2026-0a-01"}) {
    auto day = ParseDate(text, "due_date");
    EXPECT_THAT(day, StatusIs(absl::StatusCode::kInvalidArgument, "INVALID_DATE"))
        << "'" << text << "'";
    EXPECT_THAT(day, HasField("due_date")) << "'" << text << "'";
  }
}

TEST(FormatDateTest, ZeroPads) {
  EXPECT_EQ(FormatDate(absl::CivilDay(2026, 1, 5)), "2026-01-05");
  EXPECT_EQ(FormatDate(absl::CivilDay(2026, 12, 31)), "2026-12-31");
}

TEST(FormatDateTest, RoundTripsWithParseDate) {
  for (const char* text : {"2026-01-05", "2024-02-29", "1999-10-01"}) {
    ASSERT_OK_AND_ASSIGN(absl::CivilDay day, ParseDate(text, "d"));
    EXPECT_EQ(FormatDate(day), text);
  }
}

}  // namespace
}  // namespace paizhu
