// Import rows (CONTRACTS.md formats 1, 2 and 4): each rule with a failing row and the exact
// (line, field, reason) it reports, and good rows of each kind.

#include "services/org/domain/import_rows.h"

#include <algorithm>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace paizhu::org {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

const absl::CivilDay kToday(2026, 5, 20);

// (line, field, reason), without the message.
struct Problem {
  int line;
  std::string field;
  std::string reason;
  bool operator==(const Problem&) const = default;
};
std::ostream& operator<<(std::ostream& os, const Problem& p) {
  return os << "(" << p.line << ", " << p.field << ", " << p.reason << ")";
}
std::vector<Problem> Problems(const std::vector<RowError>& errors) {
  std::vector<Problem> out;
  for (const RowError& e : errors) {
    EXPECT_FALSE(e.message.empty()) << e.field << " " << e.reason;
    out.push_back({e.line, e.field, e.reason});
  }
  return out;
}

// ---- zones ----

ZoneColumns GoodZone() { return {2, "Z1", "第一协作区", "O1", "2021-01-01"}; }

std::vector<Problem> ZoneProblems(const ZoneColumns& row) {
  std::vector<RowError> errors;
  std::optional<ZoneRecord> record = ParseZoneRow(row, errors);
  EXPECT_EQ(record.has_value(), errors.empty());
  return Problems(errors);
}

TEST(ImportZoneRowTest, AGoodRowBecomesAZone) {
  std::vector<RowError> errors;
  std::optional<ZoneRecord> zone = ParseZoneRow(GoodZone(), errors);
  ASSERT_TRUE(zone.has_value());
  EXPECT_THAT(errors, IsEmpty());
  EXPECT_EQ(zone->line, 2);
  EXPECT_EQ(zone->code, "Z1");
  EXPECT_EQ(zone->display_name, "第一协作区");
  EXPECT_EQ(zone->office_code, "O1");
  EXPECT_EQ(zone->established_on, absl::CivilDay(2021, 1, 1));
}

TEST(ImportZoneRowTest, EveryRequiredColumnIsReportedAtOnce) {
  ZoneColumns row{7, "", "", "", ""};
  EXPECT_THAT(
      ZoneProblems(row),
      ElementsAre(Problem{7, "code", "REQUIRED"}, Problem{7, "name", "REQUIRED"},
                  Problem{7, "office", "REQUIRED"}, Problem{7, "established_on", "REQUIRED"}));
}

TEST(ImportZoneRowTest, BadCodesAndDatesAreRefused) {
  ZoneColumns row = GoodZone();
  row.code = "Z 1";
  row.office = "units/O1";
  row.established_on = "2021-02-30";
  EXPECT_THAT(ZoneProblems(row),
              ElementsAre(Problem{2, "code", "INVALID_CODE"}, Problem{2, "office", "INVALID_CODE"},
                          Problem{2, "established_on", "INVALID_DATE"}));
}

TEST(ImportZoneRowTest, ASecondRowWithTheSameCodeIsTheBadOne) {
  ZoneColumns first = GoodZone();
  ZoneColumns other = GoodZone();
  other.line = 3;
  other.code = "Z2";
  ZoneColumns again = GoodZone();
  again.line = 4;
  ParsedRows<ZoneRecord> parsed = ParseZoneRows({first, other, again});
  EXPECT_THAT(Problems(parsed.errors), ElementsAre(Problem{4, "code", "DUPLICATE_IN_FILE"}));
  ASSERT_EQ(parsed.records.size(), 2u);
  EXPECT_EQ(parsed.records[0].line, 2);
  EXPECT_EQ(parsed.records[1].line, 3);
}

// ---- units ----

UnitColumns Row(int line, const std::string& code, const std::string& kind) {
  UnitColumns row;
  row.line = line;
  row.code = code;
  row.kind = kind;
  row.name = "单位 " + code;
  row.established_on = "2018-03-01";
  return row;
}

UnitColumns GoodGroup() {
  UnitColumns row = Row(5, "G01", "group");
  row.name = "驻市教育局纪检监察组";
  row.parent = "C001";
  row.posts = "leader=1;deputy=1;staff=3";
  row.guiding_office = "O1";
  row.zone = "Z1";
  return row;
}

UnitColumns GoodSupervised() {
  UnitColumns row = Row(9, "U01", "supervised_unit");
  row.supervising_group = "G01";
  row.supervised_since = "2019-01-01";
  return row;
}

std::vector<Problem> UnitProblems(const UnitColumns& row) {
  std::vector<RowError> errors;
  std::optional<UnitRecord> record = ParseUnitRow(row, errors);
  EXPECT_EQ(record.has_value(), errors.empty());
  return Problems(errors);
}

TEST(ImportUnitRowTest, AGoodGroupHasItsPostsGuidingOfficeAndZone) {
  std::vector<RowError> errors;
  std::optional<UnitRecord> group = ParseUnitRow(GoodGroup(), errors);
  ASSERT_TRUE(group.has_value()) << errors.front().message;
  EXPECT_EQ(group->line, 5);
  EXPECT_EQ(group->unit.code, "G01");
  EXPECT_EQ(group->unit.kind, "group");
  EXPECT_EQ(group->unit.display_name, "驻市教育局纪检监察组");
  EXPECT_EQ(group->unit.parent_code, "C001");
  EXPECT_EQ(group->unit.guiding_office_code, "O1");
  EXPECT_EQ(group->unit.established_on, absl::CivilDay(2018, 3, 1));
  EXPECT_THAT(group->posts,
              ElementsAre(PostCount{"leader", 1}, PostCount{"deputy", 1}, PostCount{"staff", 3}));
  EXPECT_EQ(group->zone_code, "Z1");
  EXPECT_TRUE(group->supervising_group_code.empty());
}

TEST(ImportUnitRowTest, GoodRowsOfEveryOtherKind) {
  std::vector<RowError> errors;
  std::optional<UnitRecord> unit = ParseUnitRow(GoodSupervised(), errors);
  ASSERT_TRUE(unit.has_value());
  EXPECT_EQ(unit->supervising_group_code, "G01");
  EXPECT_EQ(unit->supervised_since, absl::CivilDay(2019, 1, 1));

  // A supervised unit with no group yet (a coverage gap), a township in a zone, an office.
  UnitColumns gap = Row(10, "U02", "supervised_unit");
  UnitColumns township = Row(11, "T01", "township");
  township.zone = "Z1";
  UnitColumns office = Row(12, "O1", "case_management_office");
  office.parent = "C001";
  office.zone = "Z1";
  UnitColumns commission = Row(13, "C001", "commission");
  for (const UnitColumns& row : {gap, township, office, commission}) {
    EXPECT_THAT(UnitProblems(row), IsEmpty()) << row.code;
  }
  EXPECT_THAT(errors, IsEmpty());
}

TEST(ImportUnitRowTest, RequiredColumnsAreReportedAndTheDateIsNeverDefaulted) {
  UnitColumns row{3, "", "", "", "", "", "", "", "", "", ""};
  EXPECT_THAT(
      UnitProblems(row),
      ElementsAre(Problem{3, "code", "REQUIRED"}, Problem{3, "kind", "REQUIRED"},
                  Problem{3, "name", "REQUIRED"}, Problem{3, "established_on", "REQUIRED"}));
  UnitColumns no_date = GoodGroup();
  no_date.established_on = "";
  EXPECT_THAT(UnitProblems(no_date), ElementsAre(Problem{5, "established_on", "REQUIRED"}));
}

TEST(ImportUnitRowTest, CodesKindsAndDatesAreChecked) {
  UnitColumns row = GoodGroup();
  row.code = "G-01!";
  row.parent = "C 1";
  row.established_on = "2018/03/01";
  EXPECT_THAT(UnitProblems(row),
              ElementsAre(Problem{5, "code", "INVALID_CODE"}, Problem{5, "parent", "INVALID_CODE"},
                          Problem{5, "established_on", "INVALID_DATE"}));
  UnitColumns kind = Row(6, "X1", "ministry");
  EXPECT_THAT(UnitProblems(kind), ElementsAre(Problem{6, "kind", "INVALID_UNIT_KIND"}));
  UnitColumns own = Row(7, "X2", "office");
  own.parent = "X2";
  EXPECT_THAT(UnitProblems(own), ElementsAre(Problem{7, "parent", "UNIT_OWN_PARENT"}));
  UnitColumns root = Row(8, "C2", "commission");
  root.parent = "C001";
  EXPECT_THAT(UnitProblems(root), ElementsAre(Problem{8, "parent", "COMMISSION_HAS_NO_PARENT"}));
  UnitColumns long_name = Row(9, "X3", "office");
  long_name.name = std::string(301, 'x');
  EXPECT_THAT(UnitProblems(long_name), ElementsAre(Problem{9, "name", "INVALID_DISPLAY_NAME"}));
}

TEST(ImportUnitRowTest, PostsAreLikeLeaderEqualsOne) {
  auto posts = [](const std::string& text) {
    UnitColumns row = GoodGroup();
    row.posts = text;
    return UnitProblems(row);
  };
  EXPECT_THAT(posts(""), IsEmpty());
  EXPECT_THAT(posts("leader=0; staff=20;"), IsEmpty());
  EXPECT_THAT(posts("leader"), ElementsAre(Problem{5, "posts", "INVALID_POSTS"}));
  EXPECT_THAT(posts("member=1"), ElementsAre(Problem{5, "posts", "INVALID_POST"}));
  EXPECT_THAT(posts("leader=1;leader=2"), ElementsAre(Problem{5, "posts", "DUPLICATE_POST"}));
  EXPECT_THAT(posts("staff=21"), ElementsAre(Problem{5, "posts", "INVALID_COUNT"}));
  EXPECT_THAT(posts("staff=-1"), ElementsAre(Problem{5, "posts", "INVALID_COUNT"}));
  EXPECT_THAT(posts("staff=two"), ElementsAre(Problem{5, "posts", "INVALID_COUNT"}));

  std::vector<RowError> errors;
  EXPECT_THAT(*ParsePosts("staff=2;leader=1", 1, errors),
              ElementsAre(PostCount{"staff", 2}, PostCount{"leader", 1}));
}

TEST(ImportUnitRowTest, GroupColumnsOnlyForGroups) {
  UnitColumns row = Row(4, "T02", "township");
  row.posts = "leader=1";
  row.guiding_office = "O1";
  EXPECT_THAT(UnitProblems(row), ElementsAre(Problem{4, "posts", "NOT_A_GROUP"},
                                             Problem{4, "guiding_office", "NOT_A_GROUP"}));
}

TEST(ImportUnitRowTest, SupervisionOnlyForSupervisedUnitsAndBothOrNeither) {
  UnitColumns group = GoodGroup();
  group.supervising_group = "G02";
  group.supervised_since = "2019-01-01";
  EXPECT_THAT(UnitProblems(group),
              ElementsAre(Problem{5, "supervising_group", "NOT_A_SUPERVISED_UNIT"},
                          Problem{5, "supervised_since", "NOT_A_SUPERVISED_UNIT"}));
  UnitColumns no_since = GoodSupervised();
  no_since.supervised_since = "";
  EXPECT_THAT(UnitProblems(no_since), ElementsAre(Problem{9, "supervised_since", "INCOMPLETE"}));
  UnitColumns no_group = GoodSupervised();
  no_group.supervising_group = "";
  EXPECT_THAT(UnitProblems(no_group), ElementsAre(Problem{9, "supervising_group", "INCOMPLETE"}));
  UnitColumns bad_date = GoodSupervised();
  bad_date.supervised_since = "2019-13-01";
  EXPECT_THAT(UnitProblems(bad_date), ElementsAre(Problem{9, "supervised_since", "INVALID_DATE"}));
}

TEST(ImportUnitRowTest, ZonesOnlyForOfficesGroupsAndTownships) {
  for (const char* kind : {"supervision_office", "case_management_office", "trial_office",
                           "petition_office", "office", "group", "township"}) {
    UnitColumns row = Row(2, "A1", kind);
    row.zone = "Z1";
    EXPECT_THAT(UnitProblems(row), IsEmpty()) << kind;
  }
  for (const char* kind : {"commission", "supervised_unit"}) {
    UnitColumns row = Row(2, "A1", kind);
    row.zone = "Z1";
    EXPECT_THAT(UnitProblems(row), ElementsAre(Problem{2, "zone", "NOT_APPLICABLE"})) << kind;
  }
  UnitColumns bad = Row(3, "A2", "township");
  bad.zone = "Z/1";
  EXPECT_THAT(UnitProblems(bad), ElementsAre(Problem{3, "zone", "INVALID_CODE"}));
}

TEST(ImportUnitRowTest, DuplicateCodesInTheFile) {
  UnitColumns a = Row(2, "A1", "township");
  UnitColumns b = Row(3, "A1", "township");
  UnitColumns c = Row(4, "A1", "nonsense");
  ParsedRows<UnitRecord> parsed = ParseUnitRows({a, b, c});
  EXPECT_THAT(Problems(parsed.errors), ElementsAre(Problem{3, "code", "DUPLICATE_IN_FILE"},
                                                   Problem{4, "kind", "INVALID_UNIT_KIND"},
                                                   Problem{4, "code", "DUPLICATE_IN_FILE"}));
  ASSERT_EQ(parsed.records.size(), 1u);
  EXPECT_EQ(parsed.records[0].line, 2);
}

TEST(ImportUnitRowTest, ParentsGuidingOfficesAndGroupsGoFirst) {
  // File order: a supervised unit, its group, the group's office, then the commission.
  UnitColumns supervised = GoodSupervised();
  supervised.line = 2;
  UnitColumns group = GoodGroup();
  group.line = 3;
  UnitColumns office = Row(4, "O1", "office");
  office.parent = "C001";
  UnitColumns township = Row(5, "T1", "township");
  UnitColumns commission = Row(6, "C001", "commission");
  ParsedRows<UnitRecord> parsed = ParseUnitRows({supervised, group, office, township, commission});
  ASSERT_THAT(parsed.errors, IsEmpty());
  std::vector<int> lines;
  for (size_t i : InsertionOrder(parsed.records)) lines.push_back(parsed.records[i].line);
  EXPECT_THAT(lines, ElementsAre(6, 4, 3, 2, 5));
}

TEST(ImportUnitRowTest, ACycleKeepsItsRowsAndTheirOrder) {
  UnitColumns a = Row(2, "A", "office");
  a.parent = "B";
  UnitColumns b = Row(3, "B", "office");
  b.parent = "A";
  ParsedRows<UnitRecord> parsed = ParseUnitRows({a, b});
  std::vector<size_t> order = InsertionOrder(parsed.records);
  EXPECT_THAT(order, ElementsAre(1, 0));
}

// ---- people ----

PersonColumns GoodPerson() {
  PersonColumns row;
  row.line = 2;
  row.code = "P001";
  row.name = "张三";
  row.gender = "female";
  row.birth_date = "1985-06-01";
  row.education = "master";
  row.specialties = "law;audit";
  row.work_start = "2010-09-01";
  row.unit = "G01";
  row.post = "leader";
  row.post_since = "2023-01-01";
  row.vetted_on = "2022-12-01";
  return row;
}

std::vector<Problem> PersonProblems(const PersonColumns& row) {
  std::vector<RowError> errors;
  std::optional<PersonRecord> record = ParsePersonRow(row, kToday, errors);
  EXPECT_EQ(record.has_value(), errors.empty());
  return Problems(errors);
}

TEST(ImportPersonRowTest, AGoodRowHasThePersonThePostAndTheVetting) {
  std::vector<RowError> errors;
  std::optional<PersonRecord> p = ParsePersonRow(GoodPerson(), kToday, errors);
  ASSERT_TRUE(p.has_value()) << errors.front().message;
  EXPECT_EQ(p->line, 2);
  EXPECT_EQ(p->person.code, "P001");
  EXPECT_EQ(p->person.display_name, "张三");
  EXPECT_EQ(p->person.gender, "female");
  EXPECT_EQ(p->person.birth_date, absl::CivilDay(1985, 6, 1));
  EXPECT_EQ(p->person.education, "master");
  EXPECT_THAT(p->person.specialties, ElementsAre("law", "audit"));
  EXPECT_EQ(p->person.work_start, absl::CivilDay(2010, 9, 1));
  EXPECT_EQ(p->unit_code, "G01");
  EXPECT_EQ(p->post, "leader");
  EXPECT_EQ(p->post_since, absl::CivilDay(2023, 1, 1));
  EXPECT_EQ(p->vetted_on, absl::CivilDay(2022, 12, 1));
}

TEST(ImportPersonRowTest, OnlyCodeAndNameAreRequired) {
  PersonColumns row;
  row.line = 3;
  row.code = "P002";
  row.name = "李四";
  EXPECT_THAT(PersonProblems(row), IsEmpty());
  PersonColumns empty;
  empty.line = 4;
  EXPECT_THAT(PersonProblems(empty),
              ElementsAre(Problem{4, "code", "REQUIRED"}, Problem{4, "name", "REQUIRED"}));
  PersonColumns bad_code = row;
  bad_code.code = "P 2";
  EXPECT_THAT(PersonProblems(bad_code), ElementsAre(Problem{3, "code", "INVALID_CODE"}));
}

TEST(ImportPersonRowTest, EnumerationsAreTheContracts) {
  PersonColumns row = GoodPerson();
  row.gender = "m";
  row.education = "phd";
  row.specialties = "law;cooking;law";
  EXPECT_THAT(PersonProblems(row), ElementsAre(Problem{2, "gender", "INVALID_GENDER"},
                                               Problem{2, "education", "INVALID_EDUCATION"},
                                               Problem{2, "specialties", "INVALID_SPECIALTY"},
                                               Problem{2, "specialties", "DUPLICATE_SPECIALTY"}));
}

TEST(ImportPersonRowTest, DatesAreParsedAndCheckedLikeASingleCreate) {
  PersonColumns bad = GoodPerson();
  bad.birth_date = "1985-6-1";
  bad.work_start = "soon";
  bad.vetted_on = "2022-02-29";
  EXPECT_THAT(PersonProblems(bad), ElementsAre(Problem{2, "birth_date", "INVALID_DATE"},
                                               Problem{2, "work_start", "INVALID_DATE"},
                                               Problem{2, "vetted_on", "INVALID_DATE"}));
  // ValidatePerson's rules, with the CSV columns as fields; both dates are reported.
  PersonColumns future = GoodPerson();
  future.birth_date = "2027-01-01";
  future.work_start = "2027-02-01";
  EXPECT_THAT(PersonProblems(future), ElementsAre(Problem{2, "birth_date", "DATE_IN_FUTURE"},
                                                  Problem{2, "work_start", "DATE_IN_FUTURE"}));
  PersonColumns young = GoodPerson();
  young.work_start = "1995-01-01";
  EXPECT_THAT(PersonProblems(young), ElementsAre(Problem{2, "work_start", "WORK_START_TOO_EARLY"}));
  PersonColumns vetted = GoodPerson();
  vetted.vetted_on = "2026-05-21";
  EXPECT_THAT(PersonProblems(vetted), ElementsAre(Problem{2, "vetted_on", "DATE_IN_FUTURE"}));
}

TEST(ImportPersonRowTest, UnitPostAndPostSinceGoTogether) {
  PersonColumns no_post = GoodPerson();
  no_post.post = "";
  EXPECT_THAT(PersonProblems(no_post), ElementsAre(Problem{2, "post", "INCOMPLETE"}));
  PersonColumns only_post = GoodPerson();
  only_post.unit = "";
  only_post.post_since = "";
  EXPECT_THAT(PersonProblems(only_post), ElementsAre(Problem{2, "unit", "INCOMPLETE"},
                                                     Problem{2, "post_since", "INCOMPLETE"}));
  PersonColumns none = GoodPerson();
  none.unit = none.post = none.post_since = "";
  EXPECT_THAT(PersonProblems(none), IsEmpty());
  PersonColumns bad = GoodPerson();
  bad.unit = "G 1";
  bad.post = "boss";
  bad.post_since = "2023-01-32";
  EXPECT_THAT(PersonProblems(bad),
              ElementsAre(Problem{2, "unit", "INVALID_CODE"}, Problem{2, "post", "INVALID_POST"},
                          Problem{2, "post_since", "INVALID_DATE"}));
  PersonColumns member = GoodPerson();
  member.unit = "O1";
  member.post = "member";
  EXPECT_THAT(PersonProblems(member), IsEmpty());
}

TEST(ImportPersonRowTest, DuplicateCodesInTheFile) {
  PersonColumns a = GoodPerson();
  PersonColumns b = GoodPerson();
  b.line = 3;
  b.code = "P002";
  PersonColumns c = GoodPerson();
  c.line = 4;
  ParsedRows<PersonRecord> parsed = ParsePersonRows({a, b, c}, kToday);
  EXPECT_THAT(Problems(parsed.errors), ElementsAre(Problem{4, "code", "DUPLICATE_IN_FILE"}));
  ASSERT_EQ(parsed.records.size(), 2u);
}

TEST(ImportRowsTest, CellsAreTrimmedAndBlankCellsAreEmpty) {
  PersonColumns row;
  row.line = 2;
  row.code = " P003 ";
  row.name = " 王五 ";
  row.gender = "  ";
  std::vector<RowError> errors;
  std::optional<PersonRecord> p = ParsePersonRow(row, kToday, errors);
  ASSERT_TRUE(p.has_value());
  EXPECT_EQ(p->person.code, "P003");
  EXPECT_EQ(p->person.display_name, "王五");
  EXPECT_EQ(p->person.gender, "");
}

}  // namespace
}  // namespace paizhu::org
