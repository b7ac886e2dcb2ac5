// Org's administration commands through the paizhu binary on the loaded demo city
// (ledger_suite.h): units and people created, updated and read back, a group's quota, a
// supervision ended, a role granted, a person's vetting, transfer talk, mentoring and
// accountability, the paged lists. Each test makes its own units (ZA..) and people (PZA..)
// and leaves the demo's rows as they are; refused calls print status, reason and field (exit
// 1), bad usage exits 2.

#include <set>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/cli/ledger_suite.h"

namespace paizhu {
namespace {

using ::testing::HasSubstr;
using ::testing::MatchesRegex;

std::string Today() {
  return absl::FormatTime("%Y-%m-%d", absl::Now(), absl::FixedTimeZone(8 * 3600));
}

// The lines of `text` that start with `prefix`.
std::vector<std::string> LinesStarting(const std::string& text, const std::string& prefix) {
  std::vector<std::string> lines;
  for (absl::string_view line : absl::StrSplit(text, absl::ByAnyChar("\r\n"), absl::SkipEmpty())) {
    if (absl::StartsWith(line, prefix)) lines.emplace_back(line);
  }
  return lines;
}

// The token after "next page: --page-token " (empty when there is none).
std::string NextPageToken(const std::string& output) {
  const std::string kNext = "next page: --page-token ";
  size_t at = output.find(kNext);
  if (at == std::string::npos) return "";
  size_t end = output.find('\n', at);
  return output.substr(at + kNext.size(), end - at - kNext.size());
}

// Exit 1 with the status, reason and (when not empty) field.
void ExpectRefused(const Result& result, const std::string& status, const std::string& reason,
                   const std::string& field = "") {
  EXPECT_EQ(result.exit_code, 1) << result.output;
  EXPECT_THAT(result.output, HasSubstr(absl::StrCat("error: ", status, ": ")));
  EXPECT_THAT(result.output,
              HasSubstr(field.empty() ? absl::StrCat("[reason ", reason, "]")
                                      : absl::StrCat("[reason ", reason, ", field ", field, "]")));
}

class OrgAdminCommandsTest : public LedgerTest {
 protected:
  void SetUp() override {
    ASSERT_EQ(load_->exit_code, 0) << load_->output;
    ASSERT_EQ(Paizhu({"login", "--dev", "--as", "admin"}).exit_code, 0);
  }
};

TEST_F(OrgAdminCommandsTest, AUnitIsCreatedUpdatedAndDeleted) {
  Result created = Paizhu({"units", "create", "ZA02", "--name", "测试撤并局", "--kind",
                           "supervised_unit", "--established-on", "2025-03-01", "--json"});
  ASSERT_EQ(created.exit_code, 0) << created.output;
  EXPECT_EQ(Keys(Json(created)),
            (std::set<std::string>{"name", "kind", "display_name", "parent", "established_on",
                                   "dissolved_on", "etag", "guiding_office", "quotas",
                                   "supervising_group", "zone", "liaisons"}));
  EXPECT_EQ(Json(created).value("name", ""), "units/ZA02");
  EXPECT_EQ(Json(created).value("etag", ""), "1");

  Result updated =
      Paizhu({"units", "update", "ZA02", "--name", "测试合并局", "--dissolved-on", "2026-06-30"});
  ASSERT_EQ(updated.exit_code, 0) << updated.output;
  EXPECT_EQ(updated.output,
            "updated unit ZA02: display_name=测试合并局 dissolved_on=2026-06-30, etag 2\n");
  Result shown = Paizhu({"units", "show", "ZA02"});
  ASSERT_EQ(shown.exit_code, 0) << shown.output;
  EXPECT_THAT(shown.output, MatchesRegex("(.|\n)*display_name +测试合并局\n(.|\n)*"));
  EXPECT_THAT(shown.output, MatchesRegex("(.|\n)*established_on +2025-03-01\n"
                                         "dissolved_on +2026-06-30\n(.|\n)*"));

  ExpectRefused(Paizhu({"units", "update", "ZA02", "--name", "过时", "--etag", "1"}), "ABORTED",
                "ETAG_MISMATCH");
  ExpectRefused(Paizhu({"units", "update", "ZA02", "--dissolved-on", "2026-02-30"}),
                "INVALID_ARGUMENT", "INVALID_DATE", "unit.dissolved_on");
  ExpectRefused(Paizhu({"units", "update", "ZANONE", "--name", "无"}), "NOT_FOUND",
                "UNIT_NOT_FOUND");
  ExpectRefused(Paizhu({"units", "create", "ZA02", "--name", "重复", "--kind", "supervised_unit"}),
                "ALREADY_EXISTS", "UNIT_EXISTS");
  ExpectRefused(Paizhu({"units", "create", "ZA09", "--name", "无类", "--kind", "bureau"}),
                "INVALID_ARGUMENT", "INVALID_UNIT_KIND", "unit.kind");
  Result json = Paizhu({"units", "show", "ZA02", "--json"});
  EXPECT_EQ(Json(json).value("display_name", ""), "测试合并局") << json.output;
  EXPECT_EQ(Json(json).value("etag", ""), "2") << json.output;
  // An empty value clears: the unit is no longer dissolved.
  Result cleared = Paizhu({"units", "update", "ZA02", "--dissolved-on", "", "--etag", "2"});
  ASSERT_EQ(cleared.exit_code, 0) << cleared.output;
  EXPECT_EQ(Json(Paizhu({"units", "show", "ZA02", "--json"})).value("dissolved_on", "?"), "");

  EXPECT_EQ(Paizhu({"units", "update", "ZA02"}).exit_code, 2);  // nothing to change
  EXPECT_EQ(Paizhu({"units", "create", "ZA09", "--kind", "group"}).exit_code, 2);  // no --name
  EXPECT_EQ(Paizhu({"units", "create", "ZA09", "--name", "x", "--kind", "group", "--colour", "red"})
                .exit_code,
            2);

  // A unit with history is dissolved, not deleted: the refusal changes nothing.
  ExpectRefused(Paizhu({"units", "delete", "G01"}), "FAILED_PRECONDITION", "UNIT_HAS_HISTORY");
  ExpectRefused(Paizhu({"units", "delete", "ZA02", "--etag", "2"}), "ABORTED", "ETAG_MISMATCH");
  Result deleted = Paizhu({"units", "delete", "ZA02"});
  ASSERT_EQ(deleted.exit_code, 0) << deleted.output;
  EXPECT_EQ(deleted.output, "deleted unit ZA02\n");
  ExpectRefused(Paizhu({"units", "show", "ZA02"}), "NOT_FOUND", "UNIT_NOT_FOUND");
  ExpectRefused(Paizhu({"units", "delete", "ZA02", "--etag", "3"}), "NOT_FOUND", "UNIT_NOT_FOUND");
}

// A group of its own with a quota, and a unit it supervises until the supervision ends.
TEST_F(OrgAdminCommandsTest, AGroupsQuotaIsSetAndASupervisionEnds) {
  Result group = Paizhu({"units", "create", "ZAG1", "--name", "测试派驻组", "--kind", "group",
                         "--parent", "C00", "--established-on", "2025-01-01"});
  ASSERT_EQ(group.exit_code, 0) << group.output;
  EXPECT_EQ(group.output,
            "created unit ZAG1 测试派驻组 (group under C00), established on 2025-01-01, etag 1\n");

  Result quota = Paizhu({"units", "set-quota", "ZAG1", "--post", "staff", "--count", "2",
                         "--rank-note", "正科级", "--from", "2025-01-01"});
  ASSERT_EQ(quota.exit_code, 0) << quota.output;
  EXPECT_THAT(quota.output, MatchesRegex("ZAG1 测试派驻组: staff quota 2 from 2025-01-01\n"
                                         "POST +COUNT +FILLED +RANK NOTE +FROM +TO\n"
                                         "staff +2 +0 +正科级 +2025-01-01 *\n"));
  Result shown = Paizhu({"units", "show", "ZAG1"});
  EXPECT_THAT(shown.output, HasSubstr("staff 2 (正科级) from 2025-01-01")) << shown.output;
  ExpectRefused(Paizhu({"units", "set-quota", "ZAG1", "--post", "chief", "--count", "1"}),
                "INVALID_ARGUMENT", "INVALID_POST", "post");
  ExpectRefused(Paizhu({"units", "set-quota", "ZAG1", "--post", "staff", "--count", "1", "--from",
                        "2024-12-31"}),
                "INVALID_ARGUMENT", "BEFORE_ESTABLISHED", "from_date");
  ExpectRefused(Paizhu({"units", "set-quota", "ZANONE", "--post", "staff", "--count", "1"}),
                "NOT_FOUND", "UNIT_NOT_FOUND");
  EXPECT_EQ(Paizhu({"units", "set-quota", "ZAG1", "--post", "staff", "--count", "two"}).exit_code,
            2);
  EXPECT_EQ(Paizhu({"units", "set-quota", "ZAG1", "--count", "1"}).exit_code, 2);  // no --post

  ASSERT_EQ(Paizhu({"units", "create", "ZA01", "--name", "测试监督局", "--kind", "supervised_unit",
                    "--established-on", "2025-01-01"})
                .exit_code,
            0);
  ASSERT_EQ(
      Paizhu({"units", "assign-supervision", "ZA01", "--group", "ZAG1", "--from", "2025-02-01"})
          .exit_code,
      0);
  Result ended = Paizhu({"units", "end-supervision", "ZA01", "--from", "2026-01-01"});
  ASSERT_EQ(ended.exit_code, 0) << ended.output;
  EXPECT_EQ(ended.output,
            "ZA01 测试监督局 is without a supervising group from 2026-01-01 (a coverage gap)\n");
  Result before = Paizhu({"units", "show", "ZA01", "--as-of", "2025-12-31", "--json"});
  EXPECT_EQ(Json(before).value("supervising_group", ""), "units/ZAG1") << before.output;
  Result after = Paizhu({"units", "show", "ZA01", "--as-of", "2026-01-01", "--json"});
  ASSERT_EQ(after.exit_code, 0) << after.output;
  EXPECT_EQ(Json(after).value("supervising_group", "?"), "") << after.output;

  ExpectRefused(Paizhu({"units", "end-supervision", "ZAG1", "--from", "2026-01-01"}),
                "INVALID_ARGUMENT", "NOT_A_SUPERVISED_UNIT", "unit");
  ExpectRefused(Paizhu({"units", "end-supervision", "ZA01", "--from", "2026-1-1"}),
                "INVALID_ARGUMENT", "INVALID_DATE", "from_date");
  EXPECT_EQ(Paizhu({"units", "end-supervision", "--from", "2026-01-01"}).exit_code, 2);
}

TEST_F(OrgAdminCommandsTest, APersonIsCreatedUpdatedAndShown) {
  Result created = Paizhu({"people", "create", "PZA01", "--name", "测试甲", "--gender", "female",
                           "--birth-date", "1986-04-12", "--education", "bachelor", "--specialties",
                           "law;audit", "--work-start", "2012-07-01"});
  ASSERT_EQ(created.exit_code, 0) << created.output;
  EXPECT_EQ(created.output,
            "created person PZA01 测试甲: display_name=测试甲 gender=female birth_date=1986-04-12 "
            "education=bachelor specialties=law;audit work_start=2012-07-01, etag 1\n");

  Result updated =
      Paizhu({"people", "update", "PZA01", "--education", "master", "--specialties", "law"});
  ASSERT_EQ(updated.exit_code, 0) << updated.output;
  EXPECT_EQ(updated.output,
            "updated person PZA01 测试甲: education=master specialties=law, etag 2\n");
  Result shown = Paizhu({"people", "show", "PZA01"});
  ASSERT_EQ(shown.exit_code, 0) << shown.output;
  EXPECT_THAT(shown.output, MatchesRegex("(.|\n)*gender +female\nbirth_date +1986-04-12\n"
                                         "education +master\nspecialties +law\n"
                                         "work_start +2012-07-01\n(.|\n)*"));

  ExpectRefused(Paizhu({"people", "update", "PZA01", "--name", "过时", "--etag", "1"}), "ABORTED",
                "ETAG_MISMATCH");
  ExpectRefused(Paizhu({"people", "update", "PZA01", "--gender", "other"}), "INVALID_ARGUMENT",
                "INVALID_GENDER", "person.gender");
  ExpectRefused(Paizhu({"people", "update", "PZANONE", "--name", "无"}), "NOT_FOUND",
                "PERSON_NOT_FOUND");
  ExpectRefused(
      Paizhu({"people", "create", "PZA09", "--name", "测试错", "--birth-date", "1986-02-30"}),
      "INVALID_ARGUMENT", "INVALID_DATE", "person.birth_date");
  ExpectRefused(Paizhu({"people", "show", "PZA09"}), "NOT_FOUND", "PERSON_NOT_FOUND");
  EXPECT_THAT(Paizhu({"people", "show", "PZA01"}).output, HasSubstr("display_name  测试甲"));

  Result json = Paizhu({"people", "update", "PZA01", "--work-start", "2013-01-01", "--json"});
  ASSERT_EQ(json.exit_code, 0) << json.output;
  EXPECT_EQ(Keys(Json(json)),
            (std::set<std::string>{"name", "display_name", "gender", "birth_date", "education",
                                   "specialties", "work_start", "assignments", "roles", "etag",
                                   "mentors", "mentees"}));
  EXPECT_EQ(Json(json).value("work_start", ""), "2013-01-01");
  EXPECT_EQ(Json(json).value("etag", ""), "3");

  EXPECT_EQ(Paizhu({"people", "create", "PZA09", "--gender", "male"}).exit_code, 2);  // no --name
  EXPECT_EQ(Paizhu({"people", "update", "PZA01"}).exit_code, 2);  // nothing to change
  EXPECT_EQ(Paizhu({"people", "create"}).exit_code, 2);           // no code
}

// Two people with posts in a unit of their own, a page at a time.
TEST_F(OrgAdminCommandsTest, PeopleAreListedAPageAtATime) {
  ASSERT_EQ(Paizhu({"units", "create", "ZA03", "--name", "测试分页局", "--kind", "supervised_unit",
                    "--established-on", "2025-01-01"})
                .exit_code,
            0);
  for (const char* code : {"PZA02", "PZA03"}) {
    ASSERT_EQ(Paizhu({"people", "create", code, "--name", absl::StrCat("测试", code), "--gender",
                      "male", "--birth-date", "1980-01-01", "--education", "college"})
                  .exit_code,
              0);
    ASSERT_EQ(Paizhu({"people", "assign-post", code, "--unit", "ZA03", "--post", "member", "--from",
                      "2025-03-01"})
                  .exit_code,
              0);
  }

  Result first =
      Paizhu({"people", "list", "--unit", "ZA03", "--as-of", "2025-06-30", "--page-size", "1"});
  ASSERT_EQ(first.exit_code, 0) << first.output;
  EXPECT_THAT(first.output,
              MatchesRegex("CODE +NAME +GENDER +BIRTH DATE +EDUCATION +POSTS\n"
                           "PZA02 +测试PZA02 +male +1980-01-01 +college +ZA03 member\n"
                           "next page: --page-token [^ \n]+\n"));
  std::string token = NextPageToken(first.output);
  Result second = Paizhu({"people", "list", "--unit", "ZA03", "--as-of", "2025-06-30",
                          "--page-size", "1", "--page-token", token});
  ASSERT_EQ(second.exit_code, 0) << second.output;
  EXPECT_THAT(second.output,
              MatchesRegex("CODE +NAME +GENDER +BIRTH DATE +EDUCATION +POSTS\n"
                           "PZA03 +测试PZA03 +male +1980-01-01 +college +ZA03 member\n"));

  Result all = Paizhu({"people", "list", "--unit", "ZA03", "--as-of", "2025-06-30", "--json"});
  ASSERT_EQ(all.exit_code, 0) << all.output;
  EXPECT_EQ(Keys(Json(all)), (std::set<std::string>{"people", "next_page_token"}));
  ASSERT_EQ(Json(all)["people"].size(), 2u) << all.output;
  EXPECT_EQ(Json(all)["people"][1].value("name", ""), "people/PZA03");
  EXPECT_EQ(Json(all).value("next_page_token", "?"), "");
  Result before = Paizhu({"people", "list", "--unit", "ZA03", "--as-of", "2025-02-28", "--json"});
  EXPECT_EQ(Json(before)["people"].size(), 0u) << before.output;  // no post held yet

  ExpectRefused(Paizhu({"people", "list", "--post", "chief"}), "INVALID_ARGUMENT", "INVALID_POST",
                "post");
  ExpectRefused(Paizhu({"people", "list", "--unit", "ZA03", "--page-token", "bogus"}),
                "INVALID_ARGUMENT", "INVALID_PAGE_TOKEN", "page_token");
  ExpectRefused(Paizhu({"people", "list", "--as-of", "2025-06-31"}), "INVALID_ARGUMENT",
                "INVALID_DATE", "as_of");
  EXPECT_EQ(Paizhu({"people", "list", "--page-size", "0"}).exit_code, 2);
  EXPECT_EQ(Paizhu({"people", "list", "ZA03"}).exit_code, 2);
}

TEST_F(OrgAdminCommandsTest, ARoleIsGrantedFromToday) {
  ASSERT_EQ(Paizhu({"units", "create", "ZAG2", "--name", "测试授权组", "--kind", "group",
                    "--parent", "C00", "--established-on", "2025-01-01"})
                .exit_code,
            0);
  ASSERT_EQ(Paizhu({"people", "create", "PZA04", "--name", "测试丙"}).exit_code, 0);
  Result granted = Paizhu({"people", "grant-role", "PZA04", "--role", "group", "--unit", "ZAG2"});
  ASSERT_EQ(granted.exit_code, 0) << granted.output;
  EXPECT_EQ(granted.output,
            absl::StrCat("granted group@ZAG2 to PZA04 测试丙 from ", Today(), "\n"));
  EXPECT_THAT(Paizhu({"people", "show", "PZA04"}).output,
              MatchesRegex("(.|\n)*roles +group@units/ZAG2\n(.|\n)*"));

  Result json = Paizhu({"people", "grant-role", "PZA04", "--role", "auditor", "--unit", "C00",
                        "--from", "2025-01-01", "--json"});
  ASSERT_EQ(json.exit_code, 0) << json.output;
  EXPECT_EQ(Keys(Json(json)), (std::set<std::string>{"person", "role", "unit", "from_date"}));
  EXPECT_EQ(Json(json).value("unit", ""), "units/C00");

  ExpectRefused(Paizhu({"people", "grant-role", "PZA04", "--role", "king", "--unit", "ZAG2"}),
                "INVALID_ARGUMENT", "INVALID_ROLE", "role");
  ExpectRefused(Paizhu({"people", "grant-role", "PZA04", "--role", "admin", "--unit", "ZAG2"}),
                "INVALID_ARGUMENT", "ROLE_UNIT_MISMATCH", "unit");
  ExpectRefused(Paizhu({"people", "grant-role", "PZA04", "--role", "group", "--unit", "ZAG2",
                        "--from", "2025-13-01"}),
                "INVALID_ARGUMENT", "INVALID_DATE", "from_date");
  ExpectRefused(Paizhu({"people", "grant-role", "PZANONE", "--role", "group", "--unit", "ZAG2"}),
                "NOT_FOUND", "PERSON_NOT_FOUND");
  ExpectRefused(Paizhu({"people", "grant-role", "PZA04", "--role", "group", "--unit", "ZAG2"}),
                "ALREADY_EXISTS", "ROLE_ALREADY_GRANTED");
  Result roles = Paizhu({"people", "show", "PZA04", "--json"});
  EXPECT_EQ(Json(roles)["roles"].size(), 2u) << roles.output;  // group and auditor, no more
  EXPECT_EQ(Paizhu({"people", "grant-role", "PZA04", "--unit", "ZAG2"}).exit_code, 2);
}

// 逢进必审, 逢调必谈, 一帮一 and 问责 for a new person, read back through the exports and lists.
TEST_F(OrgAdminCommandsTest, APersonsVettingTalkMentoringAndAccountability) {
  ASSERT_EQ(Paizhu({"people", "create", "PZA05", "--name", "测试丁"}).exit_code, 0);
  ASSERT_EQ(Paizhu({"people", "create", "PZA06", "--name", "测试戊"}).exit_code, 0);

  Result failed = Paizhu({"people", "vetting", "PZA05", "--failed", "--vetted-on", "2025-04-01",
                          "--note", "待补材料"});
  ASSERT_EQ(failed.exit_code, 0) << failed.output;
  EXPECT_EQ(failed.output, "recorded vetting of PZA05 测试丁 on 2025-04-01: failed (待补材料)\n");
  Result passed =
      Paizhu({"people", "vetting", "PZA05", "--passed", "--vetted-on", "2025-05-10", "--json"});
  ASSERT_EQ(passed.exit_code, 0) << passed.output;
  EXPECT_EQ(Keys(Json(passed)), (std::set<std::string>{"person", "vetted_on", "passed", "note"}));
  EXPECT_EQ(Json(passed).value("passed", false), true);
  EXPECT_THAT(LinesStarting(Paizhu({"export", "people"}).output, "PZA05,"),
              ::testing::ElementsAre("PZA05,测试丁,,,,,,,,,2025-05-10"));
  EXPECT_THAT(LinesStarting(Paizhu({"export", "vettings"}).output, "PZA05,"),
              ::testing::ElementsAre("PZA05,2025-04-01,false,待补材料"));
  ExpectRefused(Paizhu({"people", "vetting", "PZA05", "--passed", "--vetted-on", "2099-01-01"}),
                "INVALID_ARGUMENT", "DATE_IN_FUTURE", "vetted_on");
  ExpectRefused(Paizhu({"people", "vetting", "PZANONE", "--passed"}), "NOT_FOUND",
                "PERSON_NOT_FOUND");
  EXPECT_EQ(Paizhu({"people", "vetting", "PZA05"}).exit_code, 2);  // passed or failed?
  EXPECT_EQ(Paizhu({"people", "vetting", "PZA05", "--passed", "--failed"}).exit_code, 2);

  Result talk = Paizhu({"people", "transfer-talk", "PZA05", "--talked-on", "2025-05-20",
                        "--talked-by", "PZA06", "--note", "调任前谈话"});
  ASSERT_EQ(talk.exit_code, 0) << talk.output;
  EXPECT_EQ(talk.output,
            "recorded transfer talk with PZA05 测试丁 on 2025-05-20 by PZA06 (调任前谈话)\n");
  EXPECT_THAT(LinesStarting(Paizhu({"export", "transfer_talks"}).output, "PZA05,"),
              ::testing::ElementsAre("PZA05,2025-05-20,PZA06,调任前谈话"));
  Result talk_json = Paizhu({"people", "transfer-talk", "PZA06", "--json"});  // today, by nobody
  ASSERT_EQ(talk_json.exit_code, 0) << talk_json.output;
  EXPECT_EQ(Keys(Json(talk_json)),
            (std::set<std::string>{"person", "talked_on", "talked_by", "note"}));
  EXPECT_EQ(Json(talk_json).value("talked_on", ""), Today());
  ExpectRefused(Paizhu({"people", "transfer-talk", "PZA05", "--talked-on", "2025-5-20"}),
                "INVALID_ARGUMENT", "INVALID_DATE", "talked_on");

  Result mentoring =
      Paizhu({"people", "mentoring", "PZA05", "--mentor", "PZA06", "--from", "2025-06-01"});
  ASSERT_EQ(mentoring.exit_code, 0) << mentoring.output;
  EXPECT_EQ(mentoring.output, "PZA05 测试丁 is mentored by PZA06 from 2025-06-01\n");
  EXPECT_EQ(Json(Paizhu({"people", "show", "PZA05", "--json"}))["mentors"],
            nlohmann::json::array({"people/PZA06"}));
  EXPECT_EQ(Json(Paizhu({"people", "show", "PZA06", "--json"}))["mentees"],
            nlohmann::json::array({"people/PZA05"}));
  ExpectRefused(Paizhu({"people", "mentoring", "PZA06", "--mentor", "PZA05", "--from", "2025-06-01",
                        "--to", "2025-05-31"}),
                "INVALID_ARGUMENT", "END_BEFORE_START", "to_date");
  ExpectRefused(Paizhu({"people", "mentoring", "PZA05", "--mentor", "PZANONE"}), "INVALID_ARGUMENT",
                "PERSON_NOT_FOUND", "mentor");
  EXPECT_EQ(Paizhu({"people", "mentoring", "PZA05", "--from", "2025-06-01"}).exit_code, 2);

  Result first = Paizhu({"people", "accountability", "PZA05", "--measure", "诫勉谈话", "--reason",
                         "履职不力", "--decided-on", "2025-07-01"});
  ASSERT_EQ(first.exit_code, 0) << first.output;
  EXPECT_THAT(first.output,
              MatchesRegex("recorded accountability [0-9]+: PZA05 诫勉谈话 on 2025-07-01 "
                           "\\(履职不力\\)\n"));
  Result second = Paizhu({"people", "accountability", "PZA05", "--measure", "通报批评", "--reason",
                          "作风问题", "--decided-on", "2025-08-01", "--json"});
  ASSERT_EQ(second.exit_code, 0) << second.output;
  EXPECT_EQ(Keys(Json(second)),
            (std::set<std::string>{"name", "subject", "decided_on", "measure", "reason"}));
  EXPECT_EQ(Json(second).value("subject", ""), "people/PZA05");
  ExpectRefused(Paizhu({"people", "accountability", "PZA05", "--measure", "诫勉谈话", "--reason",
                        "x", "--decided-on", "2099-01-01"}),
                "INVALID_ARGUMENT", "DATE_IN_FUTURE", "accountability.decided_on");
  ExpectRefused(
      Paizhu({"people", "accountability", "PZANONE", "--measure", "诫勉谈话", "--reason", "x"}),
      "INVALID_ARGUMENT", "SUBJECT_NOT_FOUND", "accountability.subject");
  EXPECT_EQ(Paizhu({"people", "accountability", "PZA05", "--measure", "诫勉谈话"}).exit_code, 2);

  // Newest first, a page at a time.
  Result page = Paizhu({"accountability", "list", "--person", "PZA05", "--page-size", "1"});
  ASSERT_EQ(page.exit_code, 0) << page.output;
  EXPECT_THAT(page.output, MatchesRegex("ID +DECIDED ON +SUBJECT +MEASURE +REASON\n"
                                        "[0-9]+ +2025-08-01 +PZA05 +通报批评 +作风问题\n"
                                        "next page: --page-token [^ \n]+\n"));
  Result next = Paizhu({"accountability", "list", "--person", "PZA05", "--page-size", "1",
                        "--page-token", NextPageToken(page.output), "--json"});
  ASSERT_EQ(next.exit_code, 0) << next.output;
  ASSERT_EQ(Json(next)["records"].size(), 1u) << next.output;
  EXPECT_EQ(Json(next)["records"][0].value("measure", ""), "诫勉谈话");
  EXPECT_EQ(Json(next).value("next_page_token", "?"), "");
  EXPECT_EQ(Paizhu({"accountability", "list"}).exit_code, 2);  // whose?
  EXPECT_EQ(Paizhu({"accountability", "list", "--person", "PZA05", "--group", "G01"}).exit_code, 2);
  EXPECT_EQ(Paizhu({"accountability", "list", "--person", "PZA05", "--page-size", "x"}).exit_code,
            2);

  // A group's own accountability.
  ASSERT_EQ(Paizhu({"units", "create", "ZAG3", "--name", "测试问责组", "--kind", "group",
                    "--established-on", "2025-01-01"})
                .exit_code,
            0);
  Result group = Paizhu({"units", "accountability", "ZAG3", "--measure", "通报批评", "--reason",
                         "监督缺位", "--decided-on", "2025-09-01"});
  ASSERT_EQ(group.exit_code, 0) << group.output;
  EXPECT_THAT(group.output,
              MatchesRegex("recorded accountability [0-9]+: ZAG3 通报批评 on 2025-09-01 "
                           "\\(监督缺位\\)\n"));
  Result listed = Paizhu({"accountability", "list", "--group", "ZAG3"});
  EXPECT_THAT(listed.output, MatchesRegex("ID +DECIDED ON +SUBJECT +MEASURE +REASON\n"
                                          "[0-9]+ +2025-09-01 +ZAG3 +通报批评 +监督缺位\n"));
}

}  // namespace
}  // namespace paizhu
