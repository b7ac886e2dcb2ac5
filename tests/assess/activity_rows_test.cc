// Rows of an `activities` import: every problem of a row as (line, CSV column, reason);
// good rows carry RecordActivity's defaults.

#include <tuple>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "services/assess/domain/activity_rows.h"

namespace paizhu::assess {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;
using Problem = std::tuple<int, std::string, std::string>;

const absl::CivilDay kToday(2026, 11, 28);

std::vector<Problem> Problems(const imports::ParsedRows<ActivityRecord>& parsed) {
  std::vector<Problem> out;
  for (const imports::RowError& e : parsed.errors) out.emplace_back(e.line, e.field, e.reason);
  return out;
}

TEST(ActivityRowsTest, GoodRowsTakeTheirDefaults) {
  auto parsed =
      ParseActivityRows({{2, " G01 ", "U001", "2026-03-01", "meeting", "党组会", "", "列席"},
                         {3, "G01", "U001", "2026-03-02", "talk", "", "12", ""}},
                        kToday, "P1");
  EXPECT_THAT(parsed.errors, IsEmpty());
  ASSERT_EQ(parsed.records.size(), 2u);
  EXPECT_EQ(parsed.records[0].line, 2);
  EXPECT_EQ(parsed.records[0].activity.group_code, "G01");
  EXPECT_EQ(parsed.records[0].activity.count, 1);
  EXPECT_EQ(parsed.records[0].activity.recorded_by, "P1");
  EXPECT_EQ(parsed.records[1].activity.count, 12);
}

TEST(ActivityRowsTest, EveryProblemOnItsColumn) {
  auto parsed = ParseActivityRows({{2, "", "U001", "2026-03-01", "meeting", "", "", ""},
                                   {3, "G01", "U 1", "2026-02-30", "talk", "", "", ""},
                                   {4, "G01", "U001", "2026-03-01", "party", "", "2", ""},
                                   {5, "G01", "U001", "2026-03-01", "talk", "", "0", ""},
                                   {6, "G01", "U001", "2026-12-01", "talk", "", "1", ""},
                                   {7, "G01", "U001", "2026-03-01", "talk", "", "two", ""}},
                                  kToday, "P1");
  EXPECT_THAT(parsed.records, IsEmpty());
  EXPECT_THAT(
      Problems(parsed),
      ElementsAre(Problem{2, "group", "REQUIRED"}, Problem{3, "unit", "INVALID_CODE"},
                  Problem{3, "date", "INVALID_DATE"}, Problem{4, "kind", "INVALID_ACTIVITY_KIND"},
                  Problem{5, "count", "INVALID_COUNT"}, Problem{6, "date", "DATE_IN_FUTURE"},
                  Problem{7, "count", "INVALID_COUNT"}));
}

}  // namespace
}  // namespace paizhu::assess
