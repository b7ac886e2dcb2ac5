// The zone and liaison commands through the paizhu binary on the loaded demo city
// (ledger_suite.h): a zone of the test's own (codes ZZ*, on units it imports, all in 2027,
// which no other test reads) created, its members and office changed, read back as of the
// days around each change, and dissolved; a commission leader's liaison with a demo group in
// 2027 assigned and ended, read back through `units show`; refusals with their status,
// reason and field (exit 1), usage errors (exit 2), the --json keys.

#include <cstring>
#include <set>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/cli/ledger_suite.h"

namespace paizhu {
namespace {

using ::testing::HasSubstr;
using ::testing::MatchesRegex;
using ::testing::Not;

// Anything, then `line` as a whole line, then anything.
std::string Line(const std::string& line) { return absl::StrCat("(.|\n)*", line, "\n(.|\n)*"); }

class ZoneCommandsTest : public LedgerTest {
 protected:
  void SetUp() override { ASSERT_EQ(load_->exit_code, 0) << load_->output; }
};

// Two offices and two townships of the zone's, established with it on 2027-01-01: an
// export of the demo suite still re-imports (ledger_e2e_test.cc).
constexpr char kOwnUnits[] =
    "code,kind,name,parent,established_on,posts,guiding_office,supervising_group,"
    "supervised_since,zone\n"
    "ZZO1,supervision_office,第九监督检查室,C00,2027-01-01,,,,,\n"
    "ZZO2,supervision_office,第十监督检查室,C00,2027-01-01,,,,,\n"
    "ZZT1,township,青石镇纪委,,2027-01-01,,,,,\n"
    "ZZT2,township,白沙乡纪委,,2027-01-01,,,,,\n";

TEST_F(ZoneCommandsTest, AZoneGainsAndLosesMembersChangesOfficeAndIsDissolved) {
  Result imported = As("admin", {"import", "units", Write("zone-units.csv", kOwnUnits)});
  ASSERT_EQ(imported.exit_code, 0) << imported.output;

  Result created = Paizhu({"zones", "create", "ZZ1", "--name", "青石协作区", "--office", "ZZO1",
                           "--from", "2027-01-01"});
  ASSERT_EQ(created.exit_code, 0) << created.output;
  EXPECT_THAT(created.output,
              MatchesRegex("created zone ZZ1 青石协作区, led by ZZO1 from 2027-01-01 \\(etag "
                           "[0-9]+\\)\nUNIT +FROM +TO *\nZZO1 +2027-01-01 *\n"));
  Result joined =
      Paizhu({"zones", "add-member", "ZZ1", "--township", "ZZT1", "--from", "2027-01-01"});
  ASSERT_EQ(joined.exit_code, 0) << joined.output;
  EXPECT_THAT(joined.output, MatchesRegex("ZZT1 joins zone ZZ1 青石协作区 from 2027-01-01\n"
                                          "(.|\n)*ZZT1 +2027-01-01 *\n"));
  joined = Paizhu(
      {"zones", "add-member", "ZZ1", "--township", "ZZT2", "--from", "2027-02-01", "--json"});
  ASSERT_EQ(joined.exit_code, 0) << joined.output;
  nlohmann::json memberships = Json(joined)["memberships"];
  ASSERT_EQ(memberships.size(), 3u) << joined.output;
  EXPECT_EQ(Keys(memberships[2]), (std::set<std::string>{"unit", "from_date", "to_date"}));
  EXPECT_EQ(memberships[2].value("unit", ""), "units/ZZT2");
  EXPECT_EQ(memberships[2].value("from_date", ""), "2027-02-01");

  Result read = Paizhu({"zones", "show", "ZZ1", "--json"});
  ASSERT_EQ(read.exit_code, 0) << read.output;
  EXPECT_EQ(Keys(Json(read)),
            (std::set<std::string>{"name", "display_name", "office", "established_on", "members",
                                   "dissolved_on", "etag", "memberships"}));
  std::string etag = Json(read).value("etag", "");
  ASSERT_FALSE(etag.empty()) << read.output;

  // No --etag: the command reads the current one.
  Result changed =
      Paizhu({"zones", "change-office", "ZZ1", "--office", "ZZO2", "--from", "2027-04-01"});
  ASSERT_EQ(changed.exit_code, 0) << changed.output;
  EXPECT_THAT(changed.output, MatchesRegex("zone ZZ1 青石协作区 led by ZZO2 from 2027-04-01 "
                                           "\\(etag [0-9]+\\)\n(.|\n)*"));
  EXPECT_THAT(changed.output, MatchesRegex(Line("ZZO1 +2027-01-01 +2027-03-31 *")));
  EXPECT_THAT(changed.output, MatchesRegex(Line("ZZO2 +2027-04-01 *")));

  Result before = Paizhu({"zones", "show", "ZZ1", "--as-of", "2027-03-31"});
  ASSERT_EQ(before.exit_code, 0) << before.output;
  EXPECT_THAT(before.output, MatchesRegex(Line("office +ZZO1 *")));
  EXPECT_THAT(before.output, MatchesRegex(Line("members +ZZO1 ZZT1 ZZT2 *")));
  EXPECT_THAT(before.output, MatchesRegex(Line("as_of +2027-03-31 *")));
  Result after = Paizhu({"zones", "show", "ZZ1", "--as-of", "2027-04-01"});
  ASSERT_EQ(after.exit_code, 0) << after.output;
  EXPECT_THAT(after.output, MatchesRegex(Line("office +ZZO2 *")));
  EXPECT_THAT(after.output, MatchesRegex(Line("members +ZZO2 ZZT1 ZZT2 *")));

  Result again =
      Paizhu({"zones", "change-office", "ZZ1", "--office", "ZZO2", "--from", "2027-05-01"});
  EXPECT_EQ(again.exit_code, 1) << again.output;
  EXPECT_THAT(again.output, HasSubstr("FAILED_PRECONDITION"));
  EXPECT_THAT(again.output, HasSubstr("reason ALREADY_THE_OFFICE, field office"));
  Result stale = Paizhu({"zones", "update", "ZZ1", "--name", "旧名", "--etag", etag});
  EXPECT_EQ(stale.exit_code, 1) << stale.output;
  EXPECT_THAT(stale.output, HasSubstr("ABORTED"));
  EXPECT_THAT(stale.output, HasSubstr("reason ETAG_MISMATCH"));
  stale = Paizhu({"zones", "change-office", "ZZ1", "--office", "ZZO1", "--from", "2027-05-01",
                  "--etag", etag});
  EXPECT_EQ(stale.exit_code, 1) << stale.output;
  EXPECT_THAT(stale.output, HasSubstr("reason ETAG_MISMATCH"));

  Result left = Paizhu({"zones", "end-member", "ZZ1", "--township", "ZZT1", "--on", "2027-06-30"});
  ASSERT_EQ(left.exit_code, 0) << left.output;
  EXPECT_THAT(left.output, MatchesRegex("ZZT1 leaves zone ZZ1 青石协作区 after 2027-06-30\n"
                                        "(.|\n)*ZZT1 +2027-01-01 +2027-06-30 *\n(.|\n)*"));
  EXPECT_THAT(Paizhu({"zones", "show", "ZZ1", "--as-of", "2027-07-01"}).output,
              MatchesRegex(Line("members +ZZO2 ZZT2 *")));
  Result township = Paizhu({"units", "show", "ZZT1", "--as-of", "2027-06-30", "--json"});
  EXPECT_EQ(Json(township).value("zone", ""), "zones/ZZ1") << township.output;
  township = Paizhu({"units", "show", "ZZT1", "--as-of", "2027-07-01", "--json"});
  EXPECT_EQ(Json(township).value("zone", ""), "") << township.output;
  Result not_in =
      Paizhu({"zones", "end-member", "ZZ1", "--township", "ZZT1", "--on", "2027-08-01"});
  EXPECT_EQ(not_in.exit_code, 1) << not_in.output;
  EXPECT_THAT(not_in.output, HasSubstr("reason NOT_A_MEMBER, field to_date"));

  Result renamed = Paizhu({"zones", "update", "ZZ1", "--name", "青石片区协作区"});
  ASSERT_EQ(renamed.exit_code, 0) << renamed.output;
  EXPECT_THAT(renamed.output,
              MatchesRegex("updated zone ZZ1 青石片区协作区 \\(etag [0-9]+\\)\n(.|\n)*"));
  Result dissolved = Paizhu({"zones", "update", "ZZ1", "--dissolved-on", "2027-12-31", "--json"});
  ASSERT_EQ(dissolved.exit_code, 0) << dissolved.output;
  EXPECT_EQ(Json(dissolved).value("dissolved_on", ""), "2027-12-31");
  EXPECT_EQ(Json(dissolved).value("display_name", ""), "青石片区协作区");  // the mask kept it

  Result last_day = Paizhu({"zones", "show", "ZZ1", "--as-of", "2027-12-31"});
  EXPECT_THAT(last_day.output, MatchesRegex(Line("members +ZZO2 ZZT2 *")));
  Result gone = Paizhu({"zones", "show", "ZZ1", "--as-of", "2028-01-01"});
  ASSERT_EQ(gone.exit_code, 0) << gone.output;
  EXPECT_THAT(gone.output, MatchesRegex(Line("members *")));
  EXPECT_THAT(gone.output, MatchesRegex(Line("dissolved_on +2027-12-31 *")));
  EXPECT_THAT(gone.output, MatchesRegex(Line("ZZO2 +2027-04-01 +2027-12-31 *")));
  EXPECT_THAT(gone.output, MatchesRegex(Line("ZZT2 +2027-02-01 +2027-12-31 *")));
}

TEST_F(ZoneCommandsTest, ZonesAreListedPageByPage) {
  Result first = As("L001", {"zones", "list", "--as-of", "2022-05-31", "--page-size", "2"});
  ASSERT_EQ(first.exit_code, 0) << first.output;
  EXPECT_THAT(first.output,
              MatchesRegex("CODE +NAME +OFFICE +ESTABLISHED +DISSOLVED +MEMBERS\n"
                           "Z1 +第一协作区 +O01 +2017-01-01 +G01 G02 G03 G04 O01 T01 T02\n"
                           "Z2 +第二协作区 +O02 +2017-01-01 +G05 G06 G07 O02 T03 T04\n"
                           "next page: --page-token [^ \n]+\n"));
  constexpr char kNext[] = "next page: --page-token ";
  size_t at = first.output.find(kNext);
  ASSERT_NE(at, std::string::npos) << first.output;
  std::string token = first.output.substr(at + strlen(kNext));
  token.pop_back();  // the newline
  Result next = Paizhu({"zones", "list", "--as-of", "2022-05-31", "--page-size", "2",
                        "--page-token", token, "--json"});
  ASSERT_EQ(next.exit_code, 0) << next.output;
  EXPECT_EQ(Keys(Json(next)), (std::set<std::string>{"zones", "next_page_token"}));
  ASSERT_FALSE(Json(next)["zones"].empty()) << next.output;
  EXPECT_EQ(Json(next)["zones"][0].value("name", ""), "zones/Z3");
  EXPECT_EQ(Json(next)["zones"][0].value("office", ""), "units/O03");

  Result bad = Paizhu({"zones", "list", "--page-token", "not-a-token"});
  EXPECT_EQ(bad.exit_code, 1) << bad.output;
  EXPECT_THAT(bad.output, HasSubstr("INVALID_ARGUMENT"));
  EXPECT_EQ(Paizhu({"zones", "list", "--page-size", "ten"}).exit_code, 2);
  EXPECT_EQ(Paizhu({"zones", "list", "--page-size", "0"}).exit_code, 2);
}

TEST_F(ZoneCommandsTest, UnknownZonesAndBadUsageAreRefused) {
  ASSERT_EQ(Paizhu({"login", "--dev", "--as", "admin"}).exit_code, 0);
  for (std::vector<std::string> args : {
           std::vector<std::string>{"zones", "show", "NOPE9"},
           {"zones", "update", "NOPE9", "--name", "x"},
           {"zones", "change-office", "NOPE9", "--office", "O01", "--from", "2027-01-01"},
           {"zones", "add-member", "NOPE9", "--township", "T01", "--from", "2027-01-01"},
       }) {
    Result unknown = Paizhu(args);
    EXPECT_EQ(unknown.exit_code, 1) << unknown.output;
    EXPECT_THAT(unknown.output, HasSubstr("error: NOT_FOUND: "));
    EXPECT_THAT(unknown.output, HasSubstr("reason ZONE_NOT_FOUND"));
  }
  Result bad_code =
      Paizhu({"zones", "create", "Z Z", "--name", "x", "--office", "O01", "--from", "2027-01-01"});
  EXPECT_EQ(bad_code.exit_code, 1) << bad_code.output;
  EXPECT_THAT(bad_code.output, HasSubstr("reason INVALID_CODE, field zone_id"));
  Result not_office =
      Paizhu({"zones", "create", "ZZ9", "--name", "x", "--office", "G01", "--from", "2027-01-01"});
  EXPECT_EQ(not_office.exit_code, 1) << not_office.output;
  EXPECT_THAT(not_office.output, HasSubstr("reason OFFICE_NOT_FOUND, field zone.office"));
  EXPECT_EQ(Paizhu({"zones", "show", "ZZ9"}).exit_code, 1);  // nothing was created

  for (std::vector<std::string> args : {
           std::vector<std::string>{"zones", "create", "ZZ9", "--name", "x"},
           {"zones", "show"},
           {"zones", "update", "Z1"},
           {"zones", "add-member", "Z1", "--from", "2027-01-01"},
           {"zones", "add-member", "Z1", "--township", "T01", "--group", "G01", "--from", "2027"},
           {"zones", "end-member", "Z1", "--township", "T01"},
           {"zones", "change-office", "Z1", "--office", "O02"},
           {"liaisons", "assign", "G09", "--from", "2027-01-01"},
           {"liaisons", "end", "G09", "--leader", "L001"},
       }) {
    Result usage = Paizhu(args);
    EXPECT_EQ(usage.exit_code, 2) << usage.output;
    EXPECT_THAT(usage.output, HasSubstr("usage: paizhu"));
  }

  Result leader = As("L001", {"zones", "create", "ZZ8", "--name", "x", "--office", "O01"});
  EXPECT_EQ(leader.exit_code, 1) << leader.output;
  EXPECT_THAT(leader.output, HasSubstr("PERMISSION_DENIED"));
}

// 袁亮亮 (L001), the commission leader, liaises with G09 twice in 2027.
TEST_F(ZoneCommandsTest, ALiaisonIsAssignedAndEnded) {
  Result assigned = As("admin", {"liaisons", "assign", "G09", "--leader", "L001", "--from",
                                 "2027-01-01", "--to", "2027-06-30"});
  ASSERT_EQ(assigned.exit_code, 0) << assigned.output;
  EXPECT_EQ(assigned.output,
            "G09 驻市住建局纪检监察组: liaison of L001 from 2027-01-01 to 2027-06-30\n");
  Result shown = Paizhu({"units", "show", "G09", "--as-of", "2027-03-01"});
  ASSERT_EQ(shown.exit_code, 0) << shown.output;
  EXPECT_THAT(shown.output,
              MatchesRegex(Line("liaison +L001 袁亮亮 from 2027-01-01 to 2027-06-30 *")));
  Result json = Paizhu({"units", "show", "G09", "--as-of", "2027-03-01", "--json"});
  ASSERT_EQ(Json(json)["liaisons"].size(), 1u) << json.output;
  EXPECT_EQ(Keys(Json(json)["liaisons"][0]),
            (std::set<std::string>{"leader", "leader_display_name", "from_date", "to_date"}));
  EXPECT_EQ(Json(json)["liaisons"][0].value("leader", ""), "people/L001");
  EXPECT_THAT(Paizhu({"units", "show", "G09", "--as-of", "2027-07-01"}).output,
              Not(HasSubstr("liaison")));

  Result overlap =
      Paizhu({"liaisons", "assign", "G09", "--leader", "L001", "--from", "2027-06-01"});
  EXPECT_EQ(overlap.exit_code, 1) << overlap.output;
  EXPECT_THAT(overlap.output, HasSubstr("FAILED_PRECONDITION"));
  EXPECT_THAT(overlap.output, HasSubstr("reason LIAISON_OVERLAPS, field from_date"));

  Result open =
      Paizhu({"liaisons", "assign", "G09", "--leader", "L001", "--from", "2027-09-01", "--json"});
  ASSERT_EQ(open.exit_code, 0) << open.output;
  EXPECT_EQ(Json(open).value("name", ""), "units/G09");
  Result ended = Paizhu({"liaisons", "end", "G09", "--leader", "L001", "--on", "2027-10-31"});
  ASSERT_EQ(ended.exit_code, 0) << ended.output;
  EXPECT_EQ(ended.output, "G09 驻市住建局纪检监察组: liaison of L001 ends on 2027-10-31\n");
  EXPECT_THAT(Paizhu({"units", "show", "G09", "--as-of", "2027-10-31"}).output,
              MatchesRegex(Line("liaison +L001 袁亮亮 from 2027-09-01 to 2027-10-31 *")));
  EXPECT_THAT(Paizhu({"units", "show", "G09", "--as-of", "2027-11-01"}).output,
              Not(HasSubstr("liaison")));

  Result none = Paizhu({"liaisons", "end", "G09", "--leader", "L001", "--on", "2027-11-15"});
  EXPECT_EQ(none.exit_code, 1) << none.output;
  EXPECT_THAT(none.output, HasSubstr("reason NO_LIAISON_IN_FORCE, field to_date"));
  Result not_leader =
      Paizhu({"liaisons", "assign", "G09", "--leader", "P001", "--from", "2027-01-01"});
  EXPECT_EQ(not_leader.exit_code, 1) << not_leader.output;
  EXPECT_THAT(not_leader.output, HasSubstr("INVALID_ARGUMENT"));
  EXPECT_THAT(not_leader.output, HasSubstr("reason NOT_A_COMMISSION_LEADER, field leader"));
}

}  // namespace
}  // namespace paizhu
