// The record commands through the paizhu binary on the loaded demo city (ledger_suite.h):
// risk points, campaigns, group files, integrity files and opinions, rule versions, org's
// single changes (posts, trainings, supervision). Each command once as its user would, with
// what it prints; bad input with its status, reason and field (exit 1) or the usage (exit 2);
// the --json keys.

#include <set>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/cli/ledger_suite.h"
#include "tools/cli/table.h"

namespace paizhu {
namespace {

using ::testing::HasSubstr;
using ::testing::MatchesRegex;

std::string ThisYear() {
  return absl::FormatTime("%Y", absl::Now(), absl::FixedTimeZone(8 * 3600));
}

// The display column where the header's `column` starts (the first line that has it),
// then where each later line's first cell of `cells` starts: all equal when the table
// stays aligned.
std::vector<int> Columns(const std::string& table, const std::string& column,
                         const std::vector<std::string>& cells) {
  std::vector<int> columns;
  for (absl::string_view line : absl::StrSplit(table, '\n', absl::SkipEmpty())) {
    std::vector<std::string> wanted = columns.empty() ? std::vector<std::string>{column} : cells;
    for (const auto& cell : wanted) {
      size_t at = line.find(absl::StrCat("  ", cell));
      if (at == absl::string_view::npos) continue;
      columns.push_back(cli::DisplayWidth(line.substr(0, at + 2)));
      break;
    }
  }
  return columns;
}

class RecordCommandsTest : public LedgerTest {
 protected:
  void SetUp() override {
    ASSERT_EQ(load_->exit_code, 0) << load_->output;
    ASSERT_TRUE(std::filesystem::exists(demo_->state + "/demo/group-files.done")) << load_->output;
  }
};

TEST_F(RecordCommandsTest, RiskPointsAreRecordedReviewedAndListed) {
  Result list = As("P001", {"risks", "list", "--group", "G01", "--json"});
  ASSERT_EQ(list.exit_code, 0) << list.output;
  nlohmann::json points = Json(list)["risk_points"];
  ASSERT_EQ(points.size(), 2u) << list.output;  // the demo's U01 and U03
  EXPECT_EQ(Keys(points[0]),
            (std::set<std::string>{"name", "group", "unit", "category", "description", "measures",
                                   "state", "identified_on", "reviewed_on", "etag"}));
  EXPECT_EQ(points[0].value("unit", ""), "units/U01");
  EXPECT_EQ(points[0].value("state", ""), "controlled");
  EXPECT_EQ(points[1].value("state", ""), "open");

  Result table = Paizhu({"risks", "list", "--group", "G01"});
  ASSERT_EQ(table.exit_code, 0) << table.output;
  EXPECT_THAT(table.output, HasSubstr("公务接待和公车使用审批"));
  std::vector<int> columns = Columns(table.output, "MEASURES", {"事前审批", "借阅台账月查"});
  ASSERT_EQ(columns.size(), 3u) << table.output;
  EXPECT_EQ(columns[0], columns[1]) << table.output;
  EXPECT_EQ(columns[0], columns[2]) << table.output;

  Result recorded = As("P016", {"risks", "record", "--group", "G01", "--unit", "U04", "--category",
                                "problem_prone", "--description", "会议费报销不规范"});
  ASSERT_EQ(recorded.exit_code, 0) << recorded.output;
  EXPECT_THAT(recorded.output, MatchesRegex("risk point [0-9]+ \\(U04, G01\\): open, etag 1\n"));
  std::string id = std::vector<std::string>(absl::StrSplit(recorded.output, ' '))[2];

  Result stale = As("P001", {"risks", "review", id, "controlled", "--etag", "7"});
  EXPECT_EQ(stale.exit_code, 1) << stale.output;
  EXPECT_THAT(stale.output, HasSubstr("ABORTED"));
  EXPECT_THAT(stale.output, HasSubstr("reason ETAG_MISMATCH"));
  Result bad_state = Paizhu({"risks", "review", id, "solved", "--etag", "1"});
  EXPECT_EQ(bad_state.exit_code, 1) << bad_state.output;
  EXPECT_THAT(bad_state.output, HasSubstr("reason INVALID_RISK_STATE, field state"));
  EXPECT_EQ(Paizhu({"risks", "review", id, "controlled"}).exit_code, 2);  // no --etag
  Result reviewed = Paizhu({"risks", "review", id, "controlled", "--etag", "1", "--json"});
  ASSERT_EQ(reviewed.exit_code, 0) << reviewed.output;
  EXPECT_EQ(Json(reviewed).value("state", ""), "controlled");
  EXPECT_EQ(Json(reviewed).value("etag", ""), "2");

  Result bad = As("P016", {"risks", "record", "--group", "G01", "--unit", "U04", "--category",
                           "money", "--description", "x"});
  EXPECT_EQ(bad.exit_code, 1) << bad.output;
  EXPECT_THAT(bad.output, HasSubstr("INVALID_ARGUMENT"));
  EXPECT_THAT(bad.output, HasSubstr("reason INVALID_RISK_CATEGORY, field risk_point.category"));
  EXPECT_EQ(Paizhu({"risks", "record", "--group", "G01"}).exit_code, 2);
}

TEST_F(RecordCommandsTest, ACampaignIsFollowedUpUnitByUnit) {
  Result list = As("F001", {"campaigns", "list", "--json"});
  ASSERT_EQ(list.exit_code, 0) << list.output;
  nlohmann::json campaigns = Json(list)["campaigns"];
  ASSERT_EQ(campaigns.size(), 1u) << list.output;
  EXPECT_EQ(Keys(campaigns[0]),
            (std::set<std::string>{"name", "kind", "title", "from", "to", "units"}));
  EXPECT_EQ(Keys(campaigns[0]["units"][0]),
            (std::set<std::string>{"unit", "group", "followed_up_on", "problems_found",
                                   "problems_rectified", "findings"}));
  std::string id(absl::StripPrefix(campaigns[0].value("name", ""), "campaigns/"));

  Result shown = Paizhu({"campaigns", "show", id});
  ASSERT_EQ(shown.exit_code, 0) << shown.output;
  EXPECT_THAT(shown.output, HasSubstr(absl::StrCat("campaign ", id,
                                                   " special_rectification 违规吃喝问题专项整治")));
  EXPECT_THAT(shown.output, MatchesRegex("(.|\n)*U01 +G01 +[0-9-]+ +3 +2 +公务接待(.|\n)*"));
  EXPECT_THAT(shown.output, MatchesRegex("(.|\n)*U13 +G03 +0 +0 *\n(.|\n)*"));

  Result followed = As("P013", {"campaigns", "follow-up", id, "--unit", "U13", "--found", "2",
                                "--rectified", "1", "--findings", "超标准接待"});
  ASSERT_EQ(followed.exit_code, 0) << followed.output;
  EXPECT_THAT(followed.output, MatchesRegex("(.|\n)*U13 +G03 +[0-9-]+ +2 +1 +超标准接待(.|\n)*"));

  Result over =
      Paizhu({"campaigns", "follow-up", id, "--unit", "U13", "--found", "1", "--rectified", "2"});
  EXPECT_EQ(over.exit_code, 1) << over.output;
  EXPECT_THAT(over.output, HasSubstr("reason INVALID_COUNT, field problems_rectified"));
  EXPECT_EQ(Paizhu({"campaigns", "follow-up", id, "--unit", "U13", "--found", "two"}).exit_code, 2);
  Result bad_kind = As("F001", {"campaigns", "create", "--kind", "drive", "--title", "t", "--from",
                                "2026-01-01", "--to", "2026-02-01", "--units", "U01"});
  EXPECT_EQ(bad_kind.exit_code, 1) << bad_kind.output;
  EXPECT_THAT(bad_kind.output, HasSubstr("reason INVALID_CAMPAIGN_KIND, field campaign.kind"));
  EXPECT_EQ(Paizhu({"campaigns", "create", "--kind", "special_supervision"}).exit_code, 2);
}

TEST_F(RecordCommandsTest, AGroupsFileChecklistShowsWhatIsKeptAndMissing) {
  Result checklist = As("P001", {"files", "checklist", "--group", "G01"});
  ASSERT_EQ(checklist.exit_code, 0) << checklist.output;
  EXPECT_THAT(checklist.output, HasSubstr(absl::StrCat("G01 ", ThisYear(), ": 8 of 12 kept")));
  EXPECT_THAT(checklist.output, MatchesRegex("(.|\n)*F04 +列席驻在单位会议记录 +MISSING(.|\n)*"));
  std::vector<int> columns = Columns(checklist.output, "KEPT", {"yes", "MISSING"});
  ASSERT_EQ(columns.size(), 13u) << checklist.output;
  for (int column : columns) EXPECT_EQ(column, columns[0]) << checklist.output;

  Result recorded =
      Paizhu({"files", "record", "--group", "G01", "--item", "F04", "--location", "会议纪要盒"});
  ASSERT_EQ(recorded.exit_code, 0) << recorded.output;
  EXPECT_THAT(recorded.output, HasSubstr(absl::StrCat("G01 ", ThisYear(), " F04: kept on ")));
  EXPECT_THAT(recorded.output, HasSubstr("(会议纪要盒)"));

  Result json = Paizhu({"files", "checklist", "--group", "G01", "--json"});
  ASSERT_EQ(json.exit_code, 0) << json.output;
  EXPECT_EQ(Keys(Json(json)), (std::set<std::string>{"group", "year", "lines", "kept", "items"}));
  EXPECT_EQ(Keys(Json(json)["lines"][0]),
            (std::set<std::string>{"item", "title", "kept", "kept_on", "location"}));
  EXPECT_EQ(Json(json).value("kept", 0), 9);

  Result unknown = Paizhu({"files", "record", "--group", "G01", "--item", "F99"});
  EXPECT_EQ(unknown.exit_code, 1) << unknown.output;
  EXPECT_THAT(unknown.output, HasSubstr("reason UNKNOWN_FILE_ITEM, field file.item"));
  EXPECT_EQ(Paizhu({"files", "checklist", "--group", "G01", "--year", "last"}).exit_code, 2);
}

TEST_F(RecordCommandsTest, AnIntegrityFileAndTheOpinionOnItsCadre) {
  // 周海燕 of U02 is named by a live clue awaiting its disposal (data/demo README).
  Result created = As(
      "P001", {"integrity", "files", "create", "ZHY01", "--cadre", "周海燕", "--unit", "U02",
               "--position", "副局长", "--level", "副科级", "--key-minority", "leadership_member"});
  ASSERT_EQ(created.exit_code, 0) << created.output;
  EXPECT_THAT(created.output, MatchesRegex("(.|\n)*cadre_name +周海燕\n(.|\n)*"));
  Result added = Paizhu(
      {"integrity", "entries", "add", "ZHY01", "--kind", "reminder", "--summary", "节前廉洁提醒"});
  ASSERT_EQ(added.exit_code, 0) << added.output;
  EXPECT_THAT(added.output, MatchesRegex("(.|\n)*[0-9-]+ +reminder +节前廉洁提醒 +P001\n"));
  Result bad_kind =
      Paizhu({"integrity", "entries", "add", "ZHY01", "--kind", "gift", "--summary", "x"});
  EXPECT_EQ(bad_kind.exit_code, 1) << bad_kind.output;
  EXPECT_THAT(bad_kind.output, HasSubstr("reason INVALID_ENTRY_KIND, field entry.kind"));
  EXPECT_EQ(Paizhu({"integrity", "entries", "add", "ZHY01"}).exit_code, 2);

  Result shown = As("L001", {"integrity", "files", "show", "ZHY01", "--json"});
  ASSERT_EQ(shown.exit_code, 0) << shown.output;
  EXPECT_EQ(Keys(Json(shown)),
            (std::set<std::string>{"name", "cadre_name", "unit", "position", "level",
                                   "key_minority", "focus_tags", "entries", "etag"}));
  EXPECT_EQ(Json(shown)["entries"].size(), 1u);

  Result opinion = Paizhu({"integrity", "opinion", "ZHY01"});
  ASSERT_EQ(opinion.exit_code, 0) << opinion.output;
  EXPECT_THAT(opinion.output, HasSubstr("周海燕 (U02, 副局长) as of "));
  EXPECT_THAT(opinion.output, HasSubstr(": open_clues\n"));
  Result json = Paizhu({"integrity", "opinion", "ZHY01", "--json"});
  ASSERT_EQ(json.exit_code, 0) << json.output;
  EXPECT_EQ(Json(json).value("finding", ""), "open_clues");
  EXPECT_EQ(Json(json)["open_clues"].size(), 1u) << json.output;
  EXPECT_EQ(Keys(Json(json)),
            (std::set<std::string>{"file", "as_of", "cadre_name", "unit", "position", "finding",
                                   "open_clues", "sanctions", "closed_clues", "entries"}));

  Result admin = As("admin", {"integrity", "opinion", "ZHY01"});  // sees no clue: may not ask
  EXPECT_EQ(admin.exit_code, 1) << admin.output;
  EXPECT_THAT(admin.output, HasSubstr("PERMISSION_DENIED"));
  Result missing = As("L001", {"integrity", "files", "show", "NOPE01"});
  EXPECT_EQ(missing.exit_code, 1) << missing.output;
  EXPECT_THAT(missing.output, HasSubstr("NOT_FOUND"));
}

TEST_F(RecordCommandsTest, RuleVersionsAreListedAndANewOneSet) {
  Result set = As("admin", {"rules", "set", "transfer_talk_required", "false", "--from",
                            "2030-01-01", "--note", "试行"});
  ASSERT_EQ(set.exit_code, 0) << set.output;
  EXPECT_EQ(set.output, "transfer_talk_required = false from 2030-01-01 (set by admin)\n");

  Result list = Paizhu({"rules", "list", "--rule", "transfer_talk_required"});
  ASSERT_EQ(list.exit_code, 0) << list.output;
  EXPECT_THAT(list.output, MatchesRegex("(.|\n)*transfer_talk_required +2030-01-01 +false +admin "
                                        "+[^ ]+ +试行\n"));
  Result json = As("L001", {"rules", "list", "--json"});
  ASSERT_EQ(json.exit_code, 0) << json.output;
  nlohmann::json versions = Json(json)["versions"];
  ASSERT_GE(versions.size(), 4u) << json.output;  // three shipped defaults and the new one
  EXPECT_EQ(Keys(versions[0]),
            (std::set<std::string>{"rule", "from_date", "value", "note", "set_by", "set_at"}));

  Result again =
      As("admin", {"rules", "set", "transfer_talk_required", "true", "--from", "2030-01-01"});
  EXPECT_EQ(again.exit_code, 1) << again.output;
  EXPECT_THAT(again.output, HasSubstr("FAILED_PRECONDITION"));
  EXPECT_THAT(again.output, HasSubstr("reason LATER_VERSION_EXISTS, field version.from_date"));
  Result bad = Paizhu({"rules", "set", "specialist_target_share", "lots", "--from", "2031-01-01"});
  EXPECT_EQ(bad.exit_code, 1) << bad.output;
  EXPECT_THAT(bad.output, HasSubstr("reason INVALID_RULE_VALUE, field version.value"));
  EXPECT_EQ(Paizhu({"rules", "set", "transfer_talk_required", "true"}).exit_code, 2);
  Result leader = As("L001", {"rules", "set", "vetting_required", "false", "--from", "2031-01-01"});
  EXPECT_EQ(leader.exit_code, 1) << leader.output;
  EXPECT_THAT(leader.output, HasSubstr("PERMISSION_DENIED"));
}

// This year's monthly reports stand beside 2021's: every month up to this one has a state.
TEST_F(RecordCommandsTest, ThisYearsMonthlyReportsAreLoaded) {
  std::string year = ThisYear();
  Result status = As("P001", {"monthly-reports", "status", "--group", "G01", "--from", year + "-01",
                              "--to", year + "-01", "--json"});
  ASSERT_EQ(status.exit_code, 0) << status.output;
  ASSERT_EQ(Json(status)["months"].size(), 1u) << status.output;
  EXPECT_NE(Json(status)["months"][0].value("submitted_on", ""), "") << status.output;
}

TEST_F(RecordCommandsTest, AGroupRecordsASupervisionActivityAndListsItsDay) {
  Result recorded = As("P011", {"activities", "record", "--group", "G01", "--unit", "U04", "--kind",
                                "talk", "--count", "3", "--note", "节前谈心谈话"});
  ASSERT_EQ(recorded.exit_code, 0) << recorded.output;
  EXPECT_THAT(recorded.output,
              MatchesRegex("recorded activities/[0-9]+: G01 talk ×3 at U04 on [0-9-]+\n"));
  std::string day = recorded.output.substr(recorded.output.size() - 11, 10);

  Result table = Paizhu({"activities", "list", "--group", "G01", "--from", day, "--to", day});
  ASSERT_EQ(table.exit_code, 0) << table.output;
  EXPECT_THAT(table.output,
              MatchesRegex(absl::StrCat("(.|\n)*", day, " +G01 +U04 +talk +3 +节前谈心谈话\n")));
  Result json =
      Paizhu({"activities", "list", "--group", "G01", "--from", day, "--to", day, "--json"});
  ASSERT_EQ(json.exit_code, 0) << json.output;
  nlohmann::json activities = Json(json)["activities"];
  ASSERT_EQ(activities.size(), 1u) << json.output;
  EXPECT_EQ(Keys(activities[0]), (std::set<std::string>{"name", "group", "unit", "date", "kind",
                                                        "subkind", "count", "note"}));
  EXPECT_EQ(activities[0].value("count", 0), 3);

  Result bad =
      Paizhu({"activities", "record", "--group", "G01", "--unit", "U04", "--kind", "party"});
  EXPECT_EQ(bad.exit_code, 1) << bad.output;
  EXPECT_THAT(bad.output, HasSubstr("reason INVALID_ACTIVITY_KIND, field activity.kind"));
  EXPECT_EQ(Paizhu({"activities", "record", "--group", "G01", "--unit", "U04", "--kind", "talk",
                    "--count", "-2"})
                .exit_code,
            2);
}

TEST_F(RecordCommandsTest, TheAssessorRecordsAWorkMeetingWithEachGroupsAttendance) {
  Result recorded =
      As("F004", {"meetings", "record", "--kind", "quarterly", "--title", "季度工作例会",
                  "--attended", "G01;G02", "--absent", "G03=外出办案"});
  ASSERT_EQ(recorded.exit_code, 0) << recorded.output;
  EXPECT_THAT(recorded.output,
              MatchesRegex("(.|\n)*[0-9]+ +quarterly +[0-9-]+ +季度工作例会 +G01 G02 +G03 "
                           "\\(外出办案\\)\n"));
  Result json = Paizhu({"meetings", "list", "--json"});
  ASSERT_EQ(json.exit_code, 0) << json.output;
  nlohmann::json meetings = Json(json)["meetings"];
  ASSERT_FALSE(meetings.empty()) << json.output;
  EXPECT_EQ(Keys(meetings.back()),
            (std::set<std::string>{"name", "kind", "held_on", "title", "attendance"}));
  EXPECT_EQ(meetings.back()["attendance"].size(), 3u) << json.output;

  Result twice = Paizhu({"meetings", "record", "--kind", "quarterly", "--title", "t", "--attended",
                         "G01", "--absent", "G01"});
  EXPECT_EQ(twice.exit_code, 1) << twice.output;
  EXPECT_THAT(twice.output, HasSubstr("reason DUPLICATE_GROUP, field meeting.attendance"));
  EXPECT_EQ(Paizhu({"meetings", "record", "--kind", "quarterly"}).exit_code, 2);
}

TEST_F(RecordCommandsTest, IntegrityFilesAreListedByUnit) {
  for (const char* code : {"LST01", "LST02"}) {
    Result created = As("admin", {"integrity", "files", "create", code, "--cadre", "钱明远",
                                  "--unit", "U21", "--position", "副局长", "--level", "副处级"});
    ASSERT_EQ(created.exit_code, 0) << created.output;
  }
  Result table = As("L001", {"integrity", "files", "list", "--unit", "U21"});
  ASSERT_EQ(table.exit_code, 0) << table.output;
  EXPECT_THAT(
      table.output,
      MatchesRegex("CODE +CADRE +UNIT +POSITION +LEVEL +KEY MINORITY +FOCUS TAGS\n"
                   "LST01 +钱明远 +U21 +副局长 +副处级\nLST02 +钱明远 +U21 +副局长 +副处级\n"));
  std::vector<int> columns = Columns(table.output, "UNIT", {"U21"});
  ASSERT_EQ(columns.size(), 3u) << table.output;
  EXPECT_EQ(columns[0], columns[1]) << table.output;
  EXPECT_EQ(columns[0], columns[2]) << table.output;

  Result json = Paizhu({"integrity", "files", "list", "--unit", "U21", "--json"});
  ASSERT_EQ(json.exit_code, 0) << json.output;
  nlohmann::json files = Json(json)["files"];
  ASSERT_EQ(files.size(), 2u) << json.output;
  EXPECT_EQ(Keys(files[0]),
            (std::set<std::string>{"name", "cadre_name", "unit", "position", "level",
                                   "key_minority", "focus_tags", "entries", "etag"}));
  EXPECT_EQ(files[1].value("name", ""), "integrity-files/LST02");
  Result all = Paizhu({"integrity", "files", "list", "--json"});
  ASSERT_EQ(all.exit_code, 0) << all.output;
  EXPECT_GE(Json(all)["files"].size(), 2u) << all.output;

  Result bad = Paizhu({"integrity", "files", "list", "--unit", "U 21"});
  EXPECT_EQ(bad.exit_code, 1) << bad.output;
  EXPECT_THAT(bad.output, HasSubstr("INVALID_ARGUMENT"));
  EXPECT_THAT(bad.output, HasSubstr("reason INVALID_NAME, field unit"));
  EXPECT_EQ(Paizhu({"integrity", "files", "list", "U21"}).exit_code, 2);
}

// 廖芳 (F005) retired from O02 in 2020 and holds no post: a post taken and ended again.
TEST_F(RecordCommandsTest, APostIsAssignedAndEnded) {
  Result assigned = As("admin", {"people", "assign-post", "F005", "--unit", "O02", "--post",
                                 "member", "--from", "2030-01-01", "--reason", "返聘"});
  ASSERT_EQ(assigned.exit_code, 0) << assigned.output;
  EXPECT_THAT(assigned.output, MatchesRegex("F005 廖芳\n(.|\n)*O02 +member +2030-01-01 +返聘\n"));
  Result shown = Paizhu({"people", "show", "F005"});
  ASSERT_EQ(shown.exit_code, 0) << shown.output;
  EXPECT_THAT(shown.output, MatchesRegex("(.|\n)*O02 +member +2030-01-01 +返聘\n"));

  Result early = Paizhu(
      {"people", "end-post", "F005", "--unit", "O02", "--post", "member", "--on", "2029-12-31"});
  EXPECT_EQ(early.exit_code, 1) << early.output;
  EXPECT_THAT(early.output, HasSubstr("INVALID_ARGUMENT"));
  EXPECT_THAT(early.output, HasSubstr("reason END_BEFORE_START, field to_date"));
  Result ended = Paizhu({"people", "end-post", "F005", "--unit", "O02", "--post", "member", "--on",
                         "2030-06-30", "--json"});
  ASSERT_EQ(ended.exit_code, 0) << ended.output;
  nlohmann::json posts = Json(ended)["assignments"];
  ASSERT_EQ(posts.size(), 2u) << ended.output;
  EXPECT_EQ(Keys(posts[1]),
            (std::set<std::string>{"unit", "post", "from_date", "to_date", "reason"}));
  EXPECT_EQ(posts[1].value("to_date", ""), "2030-06-30") << ended.output;
  EXPECT_THAT(Paizhu({"people", "show", "F005"}).output,
              MatchesRegex("(.|\n)*O02 +member +2030-01-01 +2030-06-30 +返聘\n"));

  Result bad_post = Paizhu({"people", "assign-post", "F005", "--unit", "G01", "--post", "chief",
                            "--from", "2030-01-01"});
  EXPECT_EQ(bad_post.exit_code, 1) << bad_post.output;
  EXPECT_THAT(bad_post.output, HasSubstr("INVALID_ARGUMENT"));
  EXPECT_THAT(bad_post.output, HasSubstr("reason INVALID_POST, field post"));
  EXPECT_EQ(
      Paizhu({"people", "assign-post", "F005", "--unit", "O02", "--post", "member"}).exit_code,
      2);  // no --from
  EXPECT_EQ(Paizhu({"people", "end-post", "F005", "--unit", "O02", "--on", "2030-06-30"}).exit_code,
            2);  // no --post
  Result leader = As("L001", {"people", "end-post", "F005", "--unit", "O02", "--post", "member",
                              "--on", "2030-03-01"});
  EXPECT_EQ(leader.exit_code, 1) << leader.output;
  EXPECT_THAT(leader.output, HasSubstr("PERMISSION_DENIED"));
}

TEST_F(RecordCommandsTest, ATrainingIsRecordedAndExported) {
  Result recorded =
      As("admin", {"people", "training", "P013", "--course", "纪检监察业务培训", "--organiser",
                   "市纪委监委", "--on", "2023-03-15", "--hours", "2.5"});
  ASSERT_EQ(recorded.exit_code, 0) << recorded.output;
  EXPECT_THAT(recorded.output,
              MatchesRegex("recorded training for P013 [^ ]+: 纪检监察业务培训 \\(市纪委监委\\) on "
                           "2023-03-15, 2.5 hour\\(s\\)\n"));
  Result exported = Paizhu({"export", "trainings"});
  ASSERT_EQ(exported.exit_code, 0) << exported.output;
  EXPECT_THAT(exported.output, HasSubstr("P013,纪检监察业务培训,市纪委监委,2023-03-15,2.5"));

  Result json = Paizhu({"people", "training", "P013", "--course", "保密教育", "--on", "2023-03-16",
                        "--hours", "1", "--json"});
  ASSERT_EQ(json.exit_code, 0) << json.output;
  EXPECT_EQ(Keys(Json(json)),
            (std::set<std::string>{"person", "course", "organizer", "date", "hours"}));
  EXPECT_EQ(Json(json).value("person", ""), "people/P013");

  Result future =
      Paizhu({"people", "training", "P013", "--course", "x", "--on", "2099-01-01", "--hours", "1"});
  EXPECT_EQ(future.exit_code, 1) << future.output;
  EXPECT_THAT(future.output, HasSubstr("INVALID_ARGUMENT"));
  EXPECT_THAT(future.output, HasSubstr("reason DATE_IN_FUTURE, field date"));
  EXPECT_EQ(Paizhu({"people", "training", "P013", "--course", "x", "--hours", "two"}).exit_code, 2);
  EXPECT_EQ(Paizhu({"people", "training", "P013", "--hours", "1"}).exit_code, 2);  // no --course
}

// 市财政局 (U20), supervised by G05 since 2021, passes to G06 in 2030: the unit's supervising group
// from then on.
TEST_F(RecordCommandsTest, AUnitsSupervisionPassesToAnotherGroup) {
  Result assigned =
      As("admin", {"units", "assign-supervision", "U20", "--group", "G06", "--from", "2030-01-01"});
  ASSERT_EQ(assigned.exit_code, 0) << assigned.output;
  EXPECT_EQ(assigned.output, "U20 市财政局 supervised by G06 from 2030-01-01\n");
  Result before = Paizhu({"units", "show", "U20", "--as-of", "2029-12-31", "--json"});
  ASSERT_EQ(before.exit_code, 0) << before.output;
  EXPECT_EQ(Json(before).value("supervising_group", ""), "units/G05") << before.output;
  Result after = Paizhu({"units", "show", "U20", "--as-of", "2030-01-01", "--json"});
  ASSERT_EQ(after.exit_code, 0) << after.output;
  EXPECT_EQ(Json(after).value("supervising_group", ""), "units/G06") << after.output;

  Result not_group = Paizhu(
      {"units", "assign-supervision", "U21", "--group", "U20", "--from", "2030-01-01", "--json"});
  EXPECT_EQ(not_group.exit_code, 1) << not_group.output;
  EXPECT_THAT(not_group.output, HasSubstr("INVALID_ARGUMENT"));
  EXPECT_THAT(not_group.output, HasSubstr("reason NOT_A_GROUP, field group"));
  EXPECT_EQ(Paizhu({"units", "assign-supervision", "U21", "--group", "G06"}).exit_code, 2);
}

}  // namespace
}  // namespace paizhu
