// Rules on the records added beside people: rule versions (values, never rewritten),
// integrity files (their fields and who sees them), the import rows of vettings, transfer
// talks, mentoring, accountability and integrity files with the exact (line, field,
// reason) each bad row reports, and the zone composition the statistics give as of a date.

#include "common/status/status.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "services/org/domain/import_rows.h"
#include "services/org/domain/integrity.h"
#include "services/org/domain/rules.h"
#include "services/org/domain/statistics.h"

namespace paizhu::org {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

const absl::CivilDay kToday(2026, 5, 20);

using Problem = std::tuple<int, std::string, std::string>;  // line, field, reason
std::vector<Problem> Problems(const std::vector<RowError>& errors) {
  std::vector<Problem> out;
  for (const RowError& e : errors) {
    EXPECT_FALSE(e.message.empty()) << e.field << " " << e.reason;
    out.emplace_back(e.line, e.field, e.reason);
  }
  return out;
}

std::pair<std::string, std::string> FieldAndReason(const absl::Status& status) {
  return {ErrorField(status), ErrorReason(status)};
}

RuleVersion Version(const std::string& rule, const std::string& value, absl::CivilDay from) {
  RuleVersion v;
  v.rule = rule;
  v.value = value;
  v.from = from;
  return v;
}

TEST(RuleVersionTest, EachRuleTakesItsOwnKindOfValue) {
  const absl::CivilDay day(2027, 1, 1);
  EXPECT_TRUE(ValidateRuleVersion(Version("vetting_required", "false", day), {}).ok());
  EXPECT_TRUE(ValidateRuleVersion(Version("transfer_talk_required", "true", day), {}).ok());
  EXPECT_TRUE(ValidateRuleVersion(Version("specialist_target_share", "0.45", day), {}).ok());
  EXPECT_EQ(FieldAndReason(ValidateRuleVersion(Version("vetting_required", "yes", day), {})),
            std::make_pair(std::string("version.value"), std::string("INVALID_RULE_VALUE")));
  EXPECT_EQ(FieldAndReason(ValidateRuleVersion(Version("specialist_target_share", "1.5", day), {})),
            std::make_pair(std::string("version.value"), std::string("INVALID_RULE_VALUE")));
  EXPECT_EQ(FieldAndReason(ValidateRuleVersion(Version("quota_rule", "true", day), {})),
            std::make_pair(std::string("version.rule"), std::string("UNKNOWN_RULE")));
}

TEST(RuleVersionTest, ANewVersionComesAfterTheLatestSoNoneIsRewritten) {
  const absl::CivilDay latest(2022, 1, 1);
  EXPECT_TRUE(ValidateRuleVersion(Version("vetting_required", "false", latest + 1), latest).ok());
  for (absl::CivilDay day : {latest, latest - 1}) {
    absl::Status status = ValidateRuleVersion(Version("vetting_required", "false", day), latest);
    EXPECT_EQ(status.code(), absl::StatusCode::kFailedPrecondition);
    EXPECT_EQ(FieldAndReason(status), std::make_pair(std::string("version.from_date"),
                                                     std::string("LATER_VERSION_EXISTS")));
  }
}

IntegrityFile GoodFile() {
  IntegrityFile f;
  f.code = "IF1";
  f.cadre_name = "王某";
  f.unit_code = "U1";
  f.position = "局长";
  f.level = "正处";
  f.key_minority = "top_leader";
  f.focus_tags = {"long_posting_away"};
  return f;
}

TEST(IntegrityFileTest, FieldsAreCheckedOneByOne) {
  EXPECT_TRUE(ValidateIntegrityFile(GoodFile()).ok());
  IntegrityFile f = GoodFile();
  f.key_minority = "boss";
  EXPECT_EQ(FieldAndReason(ValidateIntegrityFile(f)),
            std::make_pair(std::string("file.key_minority"), std::string("INVALID_KEY_MINORITY")));
  f = GoodFile();
  f.focus_tags = {"young_cadre", "young_cadre"};
  EXPECT_EQ(FieldAndReason(ValidateIntegrityFile(f)),
            std::make_pair(std::string("file.focus_tags"), std::string("DUPLICATE_FOCUS_TAG")));
  f = GoodFile();
  f.cadre_name = "";
  EXPECT_EQ(FieldAndReason(ValidateIntegrityFile(f)),
            std::make_pair(std::string("file.cadre_name"), std::string("INVALID_DISPLAY_NAME")));
  IntegrityEntry e{"declaration", kToday + 1, "个人有关事项报告", ""};
  EXPECT_EQ(FieldAndReason(ValidateIntegrityEntry(e, kToday)),
            std::make_pair(std::string("entry.date"), std::string("DATE_IN_FUTURE")));
  e = {"gossip", kToday, "x", ""};
  EXPECT_EQ(FieldAndReason(ValidateIntegrityEntry(e, kToday)),
            std::make_pair(std::string("entry.kind"), std::string("INVALID_ENTRY_KIND")));
}

TEST(IntegrityFileTest, SeenThroughTheGroupThatSupervisesTheUnit) {
  const std::set<std::string> group_g1 = {"G1"};
  EXPECT_TRUE(MaySeeIntegrityFile(false, false, group_g1, "G1"));
  EXPECT_FALSE(MaySeeIntegrityFile(false, false, group_g1, "G2"));
  EXPECT_FALSE(MaySeeIntegrityFile(false, false, group_g1, ""));  // a coverage gap: nobody's
  EXPECT_TRUE(MaySeeIntegrityFile(false, true, {}, "G2"));        // commission leader
  EXPECT_TRUE(MaySeeIntegrityFile(true, false, {}, ""));          // the admin keeps them all
}

TEST(RecordImportRowsTest, GoodRowsOfEachKindParse) {
  auto vettings = ParseVettingRows({{2, "P1", "2021-03-01", "", "政审"}}, kToday);
  ASSERT_THAT(Problems(vettings.errors), IsEmpty());
  EXPECT_TRUE(vettings.records[0].vetting.passed);
  auto failed = ParseVettingRows({{2, "P1", "2021-03-01", "false", ""}}, kToday);
  ASSERT_EQ(failed.records.size(), 1u);
  EXPECT_FALSE(failed.records[0].vetting.passed);
  auto talks = ParseTransferTalkRows({{2, "P1", "2022-02-01", "P9", ""}}, kToday);
  ASSERT_EQ(talks.records.size(), 1u);
  EXPECT_EQ(talks.records[0].talked_by_code, "P9");
  auto pairs = ParseMentoringRows({{2, "P1", "P2", "2022-01-01", ""}});
  ASSERT_EQ(pairs.records.size(), 1u);
  EXPECT_FALSE(pairs.records[0].when.to.has_value());
  auto acc = ParseAccountabilityRows({{2, "", "G1", "2023-04-01", "通报批评", "监督不力"}}, kToday);
  ASSERT_EQ(acc.records.size(), 1u);
  EXPECT_EQ(acc.records[0].record.subject_kind, "unit");
  EXPECT_EQ(acc.records[0].record.subject_code, "G1");
  auto files = ParseIntegrityFileRows(
      {{2, "IF1", "王某", "U1", "局长", "正处", "top_leader", "long_posting_away;young_cadre"}});
  ASSERT_EQ(files.records.size(), 1u);
  EXPECT_THAT(files.records[0].file.focus_tags, ElementsAre("long_posting_away", "young_cadre"));
  auto entries = ParseIntegrityEntryRows({{2, "IF1", "talk", "2024-01-05", "任前谈话"}}, kToday);
  ASSERT_EQ(entries.records.size(), 1u);
  EXPECT_EQ(entries.records[0].entry.kind, "talk");
}

TEST(RecordImportRowsTest, EveryBadColumnIsReportedOnItsLine) {
  EXPECT_THAT(
      Problems(ParseVettingRows({{3, "", "2030-01-01", "maybe", ""}}, kToday).errors),
      ElementsAre(Problem{3, "person", "REQUIRED"}, Problem{3, "vetted_on", "DATE_IN_FUTURE"},
                  Problem{3, "passed", "INVALID_PASSED"}));
  EXPECT_THAT(
      Problems(ParseTransferTalkRows({{4, "P1", "", "bad code", ""}}, kToday).errors),
      ElementsAre(Problem{4, "talked_on", "REQUIRED"}, Problem{4, "talked_by", "INVALID_CODE"}));
  EXPECT_THAT(
      Problems(ParseMentoringRows({{5, "P1", "P1", "2022-01-01", "2021-01-01"}}).errors),
      ElementsAre(Problem{5, "mentee", "SELF_MENTORING"}, Problem{5, "to", "END_BEFORE_START"}));
  EXPECT_THAT(
      Problems(ParseAccountabilityRows({{6, "P1", "G1", "2023-01-01", "", "x"}}, kToday).errors),
      ElementsAre(Problem{6, "group", "ONE_SUBJECT"}, Problem{6, "measure", "REQUIRED"}));
  EXPECT_THAT(
      Problems(ParseAccountabilityRows({{7, "", "", "2023-01-01", "m", "r"}}, kToday).errors),
      ElementsAre(Problem{7, "person", "ONE_SUBJECT"}));
  EXPECT_THAT(
      Problems(
          ParseIntegrityFileRows({{8, "IF1", "", "U1", "", "", "boss", "young_cadre;x"}}).errors),
      ElementsAre(Problem{8, "name", "INVALID_DISPLAY_NAME"},
                  Problem{8, "key_minority", "INVALID_KEY_MINORITY"},
                  Problem{8, "focus_tags", "INVALID_FOCUS_TAG"}));
  EXPECT_THAT(Problems(ParseIntegrityFileRows({{2, "IF1", "甲", "U1", "", "", "", ""},
                                               {3, "IF1", "乙", "U1", "", "", "", ""}})
                           .errors),
              ElementsAre(Problem{3, "code", "DUPLICATE_IN_FILE"}));
  EXPECT_THAT(
      Problems(ParseIntegrityEntryRows({{9, "IF1", "gossip", "2024-01-01", ""}}, kToday).errors),
      ElementsAre(Problem{9, "kind", "INVALID_ENTRY_KIND"}, Problem{9, "summary", "REQUIRED"}));
}

Unit MakeUnit(const std::string& code, const std::string& kind) {
  Unit u;
  u.code = code;
  u.kind = kind;
  u.established_on = absl::CivilDay(2018, 1, 1);
  return u;
}

TEST(ZoneCompositionTest, ZonesAndTheirMembersAreThoseInForceOnTheDate) {
  OrgSnapshot s;
  s.units = {MakeUnit("O1", "supervision_office"), MakeUnit("G1", "group"), MakeUnit("G2", "group"),
             MakeUnit("T1", "township"), MakeUnit("T2", "township")};
  const absl::CivilDay start(2018, 1, 1);
  const absl::CivilDay move(2022, 7, 1);
  s.zones = {{"Z1", "第一协作区", "O1", {start, {}}},
             {"Z2", "第二协作区", "O1", {absl::CivilDay(2023, 1, 1), {}}}};
  s.zone_members = {{"Z1", "O1", {start, {}}},
                    {"Z1", "G2", {start, {}}},
                    {"Z1", "G1", {start, {}}},
                    {"Z1", "T1", {start, move - 1}},  // leaves the zone the day before `move`
                    {"Z1", "T2", {move, {}}}};
  StatisticsQuery q;
  q.training_from = q.training_to = q.as_of = move - 1;
  OrgStatistics before = ComputeStatistics(s, q);
  ASSERT_EQ(before.zones.size(), 1u);  // Z2 does not exist yet
  EXPECT_EQ(before.zones[0].office_code, "O1");
  EXPECT_THAT(before.zones[0].group_codes, ElementsAre("G1", "G2"));
  EXPECT_THAT(before.zones[0].township_codes, ElementsAre("T1"));
  q.as_of = move;
  EXPECT_THAT(ComputeStatistics(s, q).zones[0].township_codes, ElementsAre("T2"));
  q.as_of = absl::CivilDay(2023, 1, 1);
  EXPECT_EQ(ComputeStatistics(s, q).zones.size(), 2u);
  // A group filter keeps the zones that hold one of the groups.
  q.groups = {"G9"};
  EXPECT_THAT(ComputeStatistics(s, q).zones, IsEmpty());
  q.groups = {"G1"};
  EXPECT_EQ(ComputeStatistics(s, q).zones.size(), 1u);
}

}  // namespace
}  // namespace paizhu::org
