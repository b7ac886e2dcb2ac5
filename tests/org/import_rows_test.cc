// Import rows (CONTRACTS.md formats 1 to 7): each rule with a failing row and the exact
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

// The problems of one row, given to `parse`; a row is bad exactly when it has some.
template <typename Parse>
std::vector<Problem> ProblemsOf(Parse parse) {
  std::vector<RowError> errors;
  auto record = parse(errors);
  EXPECT_EQ(record.has_value(), errors.empty());
  return Problems(errors);
}

// ---- zones ----

ZoneColumns GoodZone() { return {2, "Z1", "第一协作区", "O1", "2021-01-01"}; }

std::vector<Problem> ZoneProblems(const ZoneColumns& row) {
  return ProblemsOf([&](std::vector<RowError>& errors) { return ParseZoneRow(row, errors); });
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
  return ProblemsOf([&](std::vector<RowError>& errors) { return ParseUnitRow(row, errors); });
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
  return ProblemsOf(
      [&](std::vector<RowError>& errors) { return ParsePersonRow(row, kToday, errors); });
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

// ---- supervision ----

SupervisionColumns GoodSupervision() { return {2, "U01", "G01", "2021-01-01", "2022-06-30"}; }

std::vector<Problem> SupervisionProblems(const SupervisionColumns& row) {
  return ProblemsOf(
      [&](std::vector<RowError>& errors) { return ParseSupervisionRow(row, errors); });
}

TEST(ImportSupervisionRowTest, AGoodRowHasTheUnitTheGroupAndTheDates) {
  std::vector<RowError> errors;
  std::optional<SupervisionRecord> s = ParseSupervisionRow(GoodSupervision(), errors);
  ASSERT_TRUE(s.has_value()) << errors.front().message;
  EXPECT_EQ(s->line, 2);
  EXPECT_EQ(s->unit_code, "U01");
  EXPECT_EQ(s->group_code, "G01");
  EXPECT_EQ(s->when.from, absl::CivilDay(2021, 1, 1));
  EXPECT_EQ(s->when.to, absl::CivilDay(2022, 6, 30));
  SupervisionColumns open = GoodSupervision();
  open.to = "";
  s = ParseSupervisionRow(open, errors);
  ASSERT_TRUE(s.has_value());
  EXPECT_FALSE(s->when.to.has_value());
  // A single day.
  SupervisionColumns one_day = GoodSupervision();
  one_day.to = one_day.from;
  EXPECT_THAT(SupervisionProblems(one_day), IsEmpty());
}

TEST(ImportSupervisionRowTest, UnitGroupAndFromAreRequired) {
  EXPECT_THAT(SupervisionProblems({3, "", "", "", ""}),
              ElementsAre(Problem{3, "unit", "REQUIRED"}, Problem{3, "group", "REQUIRED"},
                          Problem{3, "from", "REQUIRED"}));
}

TEST(ImportSupervisionRowTest, CodesAndDatesAreChecked) {
  SupervisionColumns row = GoodSupervision();
  row.unit = "units/U01";
  row.group = "G 1";
  row.from = "2021-1-1";
  row.to = "2022-06-31";
  EXPECT_THAT(SupervisionProblems(row),
              ElementsAre(Problem{2, "unit", "INVALID_CODE"}, Problem{2, "group", "INVALID_CODE"},
                          Problem{2, "from", "INVALID_DATE"}, Problem{2, "to", "INVALID_DATE"}));
  SupervisionColumns backwards = GoodSupervision();
  backwards.to = "2020-12-31";
  EXPECT_THAT(SupervisionProblems(backwards), ElementsAre(Problem{2, "to", "END_BEFORE_START"}));
}

TEST(ImportSupervisionRowTest, RowsOfAUnitAreAppliedInDateOrder) {
  // Lines 2..6: U02 late, U01 late, U01 early, U02 early, U01 on the same day as line 3.
  ParsedRows<SupervisionRecord> parsed =
      ParseSupervisionRows({{2, "U02", "G1", "2023-01-01", ""},
                            {3, "U01", "G2", "2022-01-01", ""},
                            {4, "U01", "G1", "2020-01-01", "2021-12-31"},
                            {5, "U02", "G2", "2019-01-01", "2022-12-31"},
                            {6, "U01", "G3", "2022-01-01", ""}});
  ASSERT_THAT(parsed.errors, IsEmpty());
  std::vector<int> lines;
  for (size_t i : DateOrder(parsed.records)) lines.push_back(parsed.records[i].line);
  EXPECT_THAT(lines, ElementsAre(4, 3, 6, 5, 2));
}

// ---- assignments ----

AssignmentColumns GoodAssignment() {
  return {2, "P001", "G01", "deputy", "2015-03-01", "2019-12-31", "调任"};
}

std::vector<Problem> AssignmentProblems(const AssignmentColumns& row) {
  return ProblemsOf([&](std::vector<RowError>& errors) { return ParseAssignmentRow(row, errors); });
}

TEST(ImportAssignmentRowTest, AGoodRowIsAnAssignmentEndedOrStillHeld) {
  std::vector<RowError> errors;
  std::optional<AssignmentRecord> a = ParseAssignmentRow(GoodAssignment(), errors);
  ASSERT_TRUE(a.has_value()) << errors.front().message;
  EXPECT_EQ(a->line, 2);
  EXPECT_EQ(a->assignment.person_code, "P001");
  EXPECT_EQ(a->assignment.unit_code, "G01");
  EXPECT_EQ(a->assignment.post, "deputy");
  EXPECT_EQ(a->assignment.when.from, absl::CivilDay(2015, 3, 1));
  EXPECT_EQ(a->assignment.when.to, absl::CivilDay(2019, 12, 31));
  EXPECT_EQ(a->assignment.reason, "调任");
  AssignmentColumns held = GoodAssignment();
  held.to = "";
  held.reason = "";
  held.unit = "O1";
  held.post = "member";
  a = ParseAssignmentRow(held, errors);
  ASSERT_TRUE(a.has_value());
  EXPECT_FALSE(a->assignment.when.to.has_value());
  EXPECT_THAT(errors, IsEmpty());
}

TEST(ImportAssignmentRowTest, PersonUnitPostAndFromAreRequired) {
  EXPECT_THAT(AssignmentProblems({4, "", "", "", "", "", ""}),
              ElementsAre(Problem{4, "person", "REQUIRED"}, Problem{4, "unit", "REQUIRED"},
                          Problem{4, "post", "REQUIRED"}, Problem{4, "from", "REQUIRED"}));
}

TEST(ImportAssignmentRowTest, CodesPostsDatesAndTheReasonAreChecked) {
  AssignmentColumns row = GoodAssignment();
  row.person = "P 1";
  row.unit = "G/1";
  row.post = "boss";
  row.from = "2015-02-29";
  row.to = "later";
  row.reason = std::string(201, 'x');
  EXPECT_THAT(
      AssignmentProblems(row),
      ElementsAre(Problem{2, "person", "INVALID_CODE"}, Problem{2, "unit", "INVALID_CODE"},
                  Problem{2, "post", "INVALID_POST"}, Problem{2, "from", "INVALID_DATE"},
                  Problem{2, "to", "INVALID_DATE"}, Problem{2, "reason", "INVALID_REASON"}));
  AssignmentColumns backwards = GoodAssignment();
  backwards.to = "2015-02-28";
  EXPECT_THAT(AssignmentProblems(backwards), ElementsAre(Problem{2, "to", "END_BEFORE_START"}));
  // 200 characters of Chinese are 600 bytes: still a good reason.
  AssignmentColumns chinese = GoodAssignment();
  chinese.reason.clear();
  for (int i = 0; i < 200; ++i) chinese.reason += "调";
  EXPECT_THAT(AssignmentProblems(chinese), IsEmpty());
}

TEST(ImportAssignmentRowTest, APersonsRowsAreAppliedInDateOrder) {
  ParsedRows<AssignmentRecord> parsed =
      ParseAssignmentRows({{2, "P2", "G1", "staff", "2020-01-01", "", ""},
                           {3, "P1", "G1", "leader", "2021-01-01", "", ""},
                           {4, "P1", "O1", "member", "2015-01-01", "2020-12-31", ""},
                           {5, "P2", "O1", "member", "2012-01-01", "2019-12-31", ""}});
  ASSERT_THAT(parsed.errors, IsEmpty());
  std::vector<int> lines;
  for (size_t i : DateOrder(parsed.records)) lines.push_back(parsed.records[i].line);
  EXPECT_THAT(lines, ElementsAre(4, 3, 5, 2));
}

// ---- roles ----

std::vector<Problem> RoleProblems(const RoleColumns& row) {
  return ProblemsOf(
      [&](std::vector<RowError>& errors) { return ParseRoleRow(row, kToday, errors); });
}

TEST(ImportRoleRowTest, AGoodRowIsAGrantFromToday) {
  std::vector<RowError> errors;
  std::optional<RoleRecord> r = ParseRoleRow({2, "P001", "office", "O1"}, kToday, errors);
  ASSERT_TRUE(r.has_value()) << errors.front().message;
  EXPECT_EQ(r->line, 2);
  EXPECT_EQ(r->person_code, "P001");
  EXPECT_EQ(r->grant.role, "office");
  EXPECT_EQ(r->grant.unit_code, "O1");
  EXPECT_EQ(r->from, kToday);
  EXPECT_THAT(RoleProblems({3, "P002", "admin", ""}), IsEmpty());
}

TEST(ImportRoleRowTest, PersonAndRoleAreRequiredAndTheRoleIsOneOfTheContracts) {
  EXPECT_THAT(RoleProblems({4, "", "", ""}),
              ElementsAre(Problem{4, "person", "REQUIRED"}, Problem{4, "role", "REQUIRED"}));
  EXPECT_THAT(RoleProblems({5, "P 1", "boss", "G 1"}),
              ElementsAre(Problem{5, "person", "INVALID_CODE"}, Problem{5, "role", "INVALID_ROLE"},
                          Problem{5, "unit", "INVALID_CODE"}));
  // A post is not a role.
  EXPECT_THAT(RoleProblems({6, "P1", "leader", "G1"}),
              ElementsAre(Problem{6, "role", "INVALID_ROLE"}));
}

TEST(ImportRoleRowTest, TheUnitIsEmptyOnlyForAdmin) {
  EXPECT_THAT(RoleProblems({2, "P1", "group", ""}),
              ElementsAre(Problem{2, "unit", "ROLE_UNIT_MISMATCH"}));
  EXPECT_THAT(RoleProblems({3, "P1", "admin", "C001"}),
              ElementsAre(Problem{3, "unit", "ROLE_UNIT_MISMATCH"}));
  for (const char* role : {"commission_leader", "case_manager", "office", "group", "township",
                           "trial", "petition", "assessor", "auditor"}) {
    EXPECT_THAT(RoleProblems({4, "P1", role, "U1"}), IsEmpty()) << role;
  }
}

// ---- trainings ----

TrainingColumns GoodTraining() {
  return {2, "P001", "纪检监察业务培训", "市纪委", "2025-11-03", "16"};
}

std::vector<Problem> TrainingProblems(const TrainingColumns& row) {
  return ProblemsOf(
      [&](std::vector<RowError>& errors) { return ParseTrainingRow(row, kToday, errors); });
}

TEST(ImportTrainingRowTest, AGoodRowIsATraining) {
  std::vector<RowError> errors;
  std::optional<TrainingRecord> t = ParseTrainingRow(GoodTraining(), kToday, errors);
  ASSERT_TRUE(t.has_value()) << errors.front().message;
  EXPECT_EQ(t->line, 2);
  EXPECT_EQ(t->person_code, "P001");
  EXPECT_EQ(t->course, "纪检监察业务培训");
  EXPECT_EQ(t->organizer, "市纪委");
  EXPECT_EQ(t->day, absl::CivilDay(2025, 11, 3));
  EXPECT_EQ(t->hours, 16);
  // The organizer may be empty; empty hours are 0; today is not the future.
  TrainingColumns plain = GoodTraining();
  plain.organizer = "";
  plain.hours = "";
  plain.date = "2026-05-20";
  t = ParseTrainingRow(plain, kToday, errors);
  ASSERT_TRUE(t.has_value());
  EXPECT_EQ(t->hours, 0);
  EXPECT_THAT(errors, IsEmpty());
}

TEST(ImportTrainingRowTest, PersonCourseAndDateAreRequired) {
  EXPECT_THAT(TrainingProblems({3, "", "", "", "", ""}),
              ElementsAre(Problem{3, "person", "REQUIRED"}, Problem{3, "course", "REQUIRED"},
                          Problem{3, "date", "REQUIRED"}));
}

TEST(ImportTrainingRowTest, TextsAndDatesAreChecked) {
  TrainingColumns row = GoodTraining();
  row.person = "people/P001";
  row.course = std::string(201, 'c');
  row.organizer = std::string(201, 'o');
  row.date = "2025-11-31";
  EXPECT_THAT(TrainingProblems(row), ElementsAre(Problem{2, "person", "INVALID_CODE"},
                                                 Problem{2, "course", "INVALID_COURSE"},
                                                 Problem{2, "organizer", "INVALID_ORGANIZER"},
                                                 Problem{2, "date", "INVALID_DATE"}));
  TrainingColumns future = GoodTraining();
  future.date = "2026-05-21";
  EXPECT_THAT(TrainingProblems(future), ElementsAre(Problem{2, "date", "DATE_IN_FUTURE"}));
}

TEST(ImportTrainingRowTest, HoursAreANumberFromZeroToAThousand) {
  auto hours = [](const std::string& text) {
    TrainingColumns row = GoodTraining();
    row.hours = text;
    std::vector<RowError> errors;
    std::optional<TrainingRecord> t = ParseTrainingRow(row, kToday, errors);
    return t ? t->hours : -1.0;
  };
  EXPECT_EQ(hours("0"), 0);
  EXPECT_EQ(hours("2.5"), 2.5);
  EXPECT_EQ(hours("2.50"), 2.5);
  EXPECT_EQ(hours("1000"), 1000);
  EXPECT_EQ(hours(" 8 "), 8);
  for (const char* bad : {"1000.5", "1001", "-1", "+2", "2.25", ".5", "5.", "1e2", "nan", "inf",
                          "two", "2,5", "0x10"}) {
    TrainingColumns row = GoodTraining();
    row.hours = bad;
    EXPECT_THAT(TrainingProblems(row), ElementsAre(Problem{2, "hours", "INVALID_HOURS"})) << bad;
  }
}

TEST(ImportRowsTest, HistoryRowsHaveNoCodeAndMayRepeat) {
  // The same training twice is two trainings (person-times); the store judges repeated
  // grants and overlapping posts.
  ParsedRows<TrainingRecord> trainings =
      ParseTrainingRows({GoodTraining(), GoodTraining()}, kToday);
  EXPECT_THAT(trainings.errors, IsEmpty());
  EXPECT_EQ(trainings.records.size(), 2u);
  ParsedRows<RoleRecord> roles =
      ParseRoleRows({{2, "P1", "admin", ""}, {3, "P1", "nonsense", ""}}, kToday);
  EXPECT_THAT(Problems(roles.errors), ElementsAre(Problem{3, "role", "INVALID_ROLE"}));
  ASSERT_EQ(roles.records.size(), 1u);
  EXPECT_EQ(roles.records[0].from, kToday);
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
