// Bulk imports of zones, units, supervision, people, assignments, roles and trainings
// through the gateway as the admin: rows in any order, read back with GetUnit (as of a
// date), GetZone, GetPerson (posts and roles) and GetStatistics (training person-times);
// every store check as (line, field, reason); all-or-nothing, good-rows-only and
// validate-only; the 20,000-row limit; a retried import with the same request_id.

#include <tuple>
#include <type_traits>
#include <utility>

#include "absl/strings/str_cat.h"
#include "common/status/grpc_status.h"
#include "gmock/gmock.h"
#include "grpcpp/client_context.h"
#include "gtest/gtest.h"
#include "paizhu/org/v1/org.grpc.pb.h"
#include "tests/support/stack.h"
#include "tests/support/status_matchers.h"

namespace paizhu {
namespace {

using ::paizhu::common::v1::ImportResult;
using ::paizhu::testing::HasField;
using ::paizhu::testing::StatusIs;
using ::testing::ElementsAre;
using ::testing::IsEmpty;

using Problem = std::tuple<int, std::string, std::string>;  // line, field, reason

std::vector<Problem> Problems(const ImportResult& result) {
  std::vector<Problem> out;
  for (const auto& e : result.errors()) {
    EXPECT_FALSE(e.message().empty()) << e.reason();
    out.emplace_back(e.line(), e.field(), e.reason());
  }
  return out;
}

org::v1::UnitRow UnitRow(int line, const std::string& code, const std::string& kind,
                         const std::string& parent = "") {
  org::v1::UnitRow row;
  row.set_line(line);
  row.set_code(code);
  row.set_kind(kind);
  row.set_name("单位" + code);
  row.set_parent(parent);
  row.set_established_on("2018-03-01");
  return row;
}

org::v1::PersonRow PersonRow(int line, const std::string& code) {
  org::v1::PersonRow row;
  row.set_line(line);
  row.set_code(code);
  row.set_name("干部" + code);
  row.set_gender("male");
  row.set_birth_date("1980-01-01");
  row.set_education("bachelor");
  row.set_specialties("law;audit");
  row.set_work_start("2005-07-01");
  return row;
}

org::v1::SupervisionRow SupervisionRow(int line, const std::string& unit, const std::string& group,
                                       const std::string& from, const std::string& to = "") {
  org::v1::SupervisionRow row;
  row.set_line(line);
  row.set_unit(unit);
  row.set_group(group);
  row.set_from(from);
  row.set_to(to);
  return row;
}

org::v1::AssignmentRow AssignmentRow(int line, const std::string& person, const std::string& unit,
                                     const std::string& post, const std::string& from,
                                     const std::string& to = "", const std::string& reason = "") {
  org::v1::AssignmentRow row;
  row.set_line(line);
  row.set_person(person);
  row.set_unit(unit);
  row.set_post(post);
  row.set_from(from);
  row.set_to(to);
  row.set_reason(reason);
  return row;
}

org::v1::RoleRow RoleRow(int line, const std::string& person, const std::string& role,
                         const std::string& unit) {
  org::v1::RoleRow row;
  row.set_line(line);
  row.set_person(person);
  row.set_role(role);
  row.set_unit(unit);
  return row;
}

org::v1::TrainingRow TrainingRow(int line, const std::string& person, const std::string& course,
                                 const std::string& date, const std::string& hours) {
  org::v1::TrainingRow row;
  row.set_line(line);
  row.set_person(person);
  row.set_course(course);
  row.set_organizer("市纪委组织部");
  row.set_date(date);
  row.set_hours(hours);
  return row;
}

void SetPost(org::v1::PersonRow& row, const std::string& unit, const std::string& post,
             const std::string& since, const std::string& vetted_on = "") {
  row.set_unit(unit);
  row.set_post(post);
  row.set_post_since(since);
  row.set_vetted_on(vetted_on);
}

class ImportTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto stack = testing::Stack::Start();
    ASSERT_TRUE(stack.ok()) << stack.status();
    stack_ = stack->release();
    org_ = org::v1::OrgService::NewStub(stack_->Gateway());
  }
  static void TearDownTestSuite() {
    org_.reset();
    delete stack_;
  }

  static std::unique_ptr<grpc::ClientContext> Admin() {
    auto ctx = std::make_unique<grpc::ClientContext>();
    ctx->set_deadline(absl::ToChronoTime(absl::Now() + absl::Seconds(30)));
    ctx->AddMetadata("authorization", "Bearer " + stack_->Token("admin"));
    return ctx;
  }

  // One import RPC of the stub, as the admin.
  template <typename Request>
  static absl::StatusOr<ImportResult> Call(grpc::Status (org::v1::OrgService::Stub::*rpc)(
                                               grpc::ClientContext*, const Request&, ImportResult*),
                                           const Request& request) {
    ImportResult result;
    absl::Status status = FromGrpcStatus((org_.get()->*rpc)(Admin().get(), request, &result));
    if (!status.ok()) return status;
    return result;
  }
  // The import RPC of each request.
  using Stub = org::v1::OrgService::Stub;
  static auto Rpc(const org::v1::ImportZonesRequest&) { return &Stub::ImportZones; }
  static auto Rpc(const org::v1::ImportUnitsRequest&) { return &Stub::ImportUnits; }
  static auto Rpc(const org::v1::ImportPeopleRequest&) { return &Stub::ImportPeople; }
  static auto Rpc(const org::v1::ImportSupervisionRequest&) { return &Stub::ImportSupervision; }
  static auto Rpc(const org::v1::ImportAssignmentsRequest&) { return &Stub::ImportAssignments; }
  static auto Rpc(const org::v1::ImportRolesRequest&) { return &Stub::ImportRoles; }
  static auto Rpc(const org::v1::ImportTrainingsRequest&) { return &Stub::ImportTrainings; }
  template <typename Request>
  static absl::StatusOr<ImportResult> Import(const Request& request) {
    return Call(Rpc(request), request);
  }

  // The unit as of a date (default today).
  static absl::StatusOr<org::v1::Unit> GetUnit(const std::string& code,
                                               const std::string& as_of = "") {
    org::v1::GetUnitRequest request;
    request.set_name("units/" + code);
    request.set_as_of(as_of);
    org::v1::Unit unit;
    absl::Status status = FromGrpcStatus(org_->GetUnit(Admin().get(), request, &unit));
    if (!status.ok()) return status;
    return unit;
  }
  static absl::StatusOr<org::v1::Person> GetPerson(const std::string& code) {
    org::v1::GetPersonRequest request;
    request.set_name("people/" + code);
    org::v1::Person person;
    absl::Status status = FromGrpcStatus(org_->GetPerson(Admin().get(), request, &person));
    if (!status.ok()) return status;
    return person;
  }

  // Who supervises the unit on each day (empty: nobody).
  static std::vector<std::string> SupervisorsOn(const std::string& unit,
                                                const std::vector<std::string>& days) {
    std::vector<std::string> out;
    for (const std::string& day : days) {
      absl::StatusOr<org::v1::Unit> read = GetUnit(unit, day);
      EXPECT_OK(read.status()) << unit << " " << day;
      out.push_back(read.ok() ? read->supervising_group() : "?");
    }
    return out;
  }

  // Rows that are all good (the request's kind of row).
  template <typename Request>
  static void ImportGood(
      const std::vector<std::decay_t<decltype(std::declval<Request>().rows(0))>>& rows) {
    Request request;
    for (const auto& row : rows) *request.add_rows() = row;
    absl::StatusOr<ImportResult> result = Import(request);
    ASSERT_OK(result.status());
    EXPECT_THAT(Problems(*result), IsEmpty());
    EXPECT_EQ(result->imported(), static_cast<int>(rows.size()));
  }

  static testing::Stack* stack_;
  static std::unique_ptr<org::v1::OrgService::Stub> org_;
};

testing::Stack* ImportTest::stack_ = nullptr;
std::unique_ptr<org::v1::OrgService::Stub> ImportTest::org_;

TEST_F(ImportTest, ZonesUnitsAndPeopleAreImportedAndReadBack) {
  // The zone's office must exist before the zone, and the zone before its members: the
  // commission and the office first (the office's row before its parent's).
  org::v1::ImportUnitsRequest roots;
  *roots.add_rows() = UnitRow(2, "O1", "case_management_office", "C1");
  *roots.add_rows() = UnitRow(3, "C1", "commission");
  ASSERT_OK_AND_ASSIGN(ImportResult first, Import(roots));
  EXPECT_EQ(first.rows(), 2);
  EXPECT_EQ(first.imported(), 2);
  EXPECT_THAT(Problems(first), IsEmpty());

  org::v1::ImportZonesRequest zones;
  auto* zone = zones.add_rows();
  zone->set_line(2);
  zone->set_code("Z1");
  zone->set_name("第一协作区");
  zone->set_office("O1");
  zone->set_established_on("2020-01-01");
  ASSERT_OK_AND_ASSIGN(ImportResult zone_result, Import(zones));
  EXPECT_EQ(zone_result.imported(), 1);
  EXPECT_THAT(Problems(zone_result), IsEmpty());

  // A supervised unit before its group, a sub-office before its parent office.
  org::v1::ImportUnitsRequest units;
  auto* s1 = units.add_rows();
  *s1 = UnitRow(2, "S1", "supervised_unit");
  s1->set_supervising_group("G1");
  s1->set_supervised_since("2019-01-01");
  auto* g1 = units.add_rows();
  *g1 = UnitRow(3, "G1", "group", "C1");
  g1->set_posts("leader=1;deputy=1;staff=2");
  g1->set_guiding_office("O1");
  g1->set_zone("Z1");
  auto* g2 = units.add_rows();
  *g2 = UnitRow(4, "G2", "group", "C1");
  g2->set_posts("leader=1;staff=1");
  g2->set_guiding_office("O2");
  g2->set_zone("Z1");
  auto* s2 = units.add_rows();
  *s2 = UnitRow(5, "S2", "supervised_unit");
  s2->set_supervising_group("G2");
  s2->set_supervised_since("2020-06-01");
  auto* s3 = units.add_rows();
  *s3 = UnitRow(6, "S3", "supervised_unit");
  s3->set_supervising_group("G1");
  s3->set_supervised_since("2018-03-01");
  auto* t1 = units.add_rows();
  *t1 = UnitRow(7, "T1", "township");
  t1->set_zone("Z1");
  *units.add_rows() = UnitRow(8, "O2", "trial_office", "C1");
  ASSERT_OK_AND_ASSIGN(ImportResult unit_result, Import(units));
  EXPECT_THAT(Problems(unit_result), IsEmpty());
  EXPECT_EQ(unit_result.rows(), 7);
  EXPECT_EQ(unit_result.imported(), 7);

  ASSERT_OK_AND_ASSIGN(org::v1::Unit office, GetUnit("O1"));
  EXPECT_EQ(office.parent(), "units/C1");
  EXPECT_EQ(office.zone(), "zones/Z1");
  ASSERT_OK_AND_ASSIGN(org::v1::Unit group, GetUnit("G1"));
  EXPECT_EQ(group.kind(), "group");
  EXPECT_EQ(group.display_name(), "单位G1");
  EXPECT_EQ(group.parent(), "units/C1");
  EXPECT_EQ(group.established_on(), "2018-03-01");
  EXPECT_EQ(group.guiding_office(), "units/O1");
  EXPECT_EQ(group.zone(), "zones/Z1");
  std::vector<std::tuple<std::string, int, std::string>> quotas;
  for (const auto& q : group.quotas()) quotas.emplace_back(q.post(), q.count(), q.from_date());
  EXPECT_THAT(quotas, ElementsAre(std::tuple{"leader", 1, "2018-03-01"},
                                  std::tuple{"deputy", 1, "2018-03-01"},
                                  std::tuple{"staff", 2, "2018-03-01"}));
  ASSERT_OK_AND_ASSIGN(org::v1::Unit g2_read, GetUnit("G2"));
  EXPECT_EQ(g2_read.guiding_office(), "units/O2");
  EXPECT_EQ(g2_read.quotas_size(), 2);
  for (const auto& [code, supervisor] :
       std::vector<std::pair<std::string, std::string>>{{"S1", "G1"}, {"S2", "G2"}, {"S3", "G1"}}) {
    ASSERT_OK_AND_ASSIGN(org::v1::Unit supervised, GetUnit(code));
    EXPECT_EQ(supervised.kind(), "supervised_unit");
    EXPECT_EQ(supervised.parent(), "");
    EXPECT_EQ(supervised.supervising_group(), "units/" + supervisor) << code;
  }
  ASSERT_OK_AND_ASSIGN(org::v1::Unit township, GetUnit("T1"));
  EXPECT_EQ(township.zone(), "zones/Z1");

  org::v1::GetZoneRequest get_zone;
  get_zone.set_name("zones/Z1");
  org::v1::Zone zone_read;
  ASSERT_OK(FromGrpcStatus(org_->GetZone(Admin().get(), get_zone, &zone_read)));
  EXPECT_EQ(zone_read.display_name(), "第一协作区");
  EXPECT_EQ(zone_read.office(), "units/O1");
  EXPECT_EQ(zone_read.established_on(), "2020-01-01");
  EXPECT_THAT(zone_read.members(), ElementsAre("units/G1", "units/G2", "units/O1", "units/T1"));

  // People: a leader before the vetting rule (2022-01-01), a staff member after it with
  // a vetting, a deputy of another group, someone without a post.
  org::v1::ImportPeopleRequest people;
  auto* p1 = people.add_rows();
  *p1 = PersonRow(2, "P1");
  SetPost(*p1, "G1", "leader", "2021-06-01");
  auto* p2 = people.add_rows();
  *p2 = PersonRow(3, "P2");
  p2->set_gender("female");
  p2->set_education("master");
  SetPost(*p2, "G1", "staff", "2023-03-01", "2023-02-01");
  auto* p3 = people.add_rows();
  *p3 = PersonRow(4, "P3");
  SetPost(*p3, "O1", "member", "2019-01-01");
  auto* p4 = people.add_rows();
  *p4 = PersonRow(5, "P4");
  p4->set_specialties("");
  ASSERT_OK_AND_ASSIGN(ImportResult people_result, Import(people));
  EXPECT_THAT(Problems(people_result), IsEmpty());
  EXPECT_EQ(people_result.imported(), 4);

  ASSERT_OK_AND_ASSIGN(org::v1::Person leader, GetPerson("P1"));
  EXPECT_EQ(leader.display_name(), "干部P1");
  EXPECT_EQ(leader.birth_date(), "1980-01-01");
  EXPECT_THAT(leader.specialties(), ElementsAre("law", "audit"));
  ASSERT_EQ(leader.assignments_size(), 1);
  EXPECT_EQ(leader.assignments(0).unit(), "units/G1");
  EXPECT_EQ(leader.assignments(0).post(), "leader");
  EXPECT_EQ(leader.assignments(0).from_date(), "2021-06-01");
  EXPECT_EQ(leader.assignments(0).to_date(), "");
  ASSERT_OK_AND_ASSIGN(org::v1::Person staff, GetPerson("P2"));
  EXPECT_EQ(staff.gender(), "female");
  EXPECT_EQ(staff.education(), "master");
  ASSERT_EQ(staff.assignments_size(), 1);
  EXPECT_EQ(staff.assignments(0).post(), "staff");
  EXPECT_EQ(staff.assignments(0).from_date(), "2023-03-01");
  ASSERT_OK_AND_ASSIGN(org::v1::Person member, GetPerson("P3"));
  ASSERT_EQ(member.assignments_size(), 1);
  EXPECT_EQ(member.assignments(0).unit(), "units/O1");
  ASSERT_OK_AND_ASSIGN(org::v1::Person plain, GetPerson("P4"));
  EXPECT_EQ(plain.assignments_size(), 0);
  EXPECT_THAT(plain.specialties(), IsEmpty());

  // The stores' checks per row: a group post after the rule without a vetting, a full
  // quota (G1 has one leader), an unknown unit, a person who exists.
  org::v1::ImportPeopleRequest more;
  more.mutable_options()->set_mode(paizhu::common::v1::GOOD_ROWS_ONLY);
  auto* unvetted = more.add_rows();
  *unvetted = PersonRow(2, "P5");
  SetPost(*unvetted, "G1", "deputy", "2024-01-01");
  auto* second_leader = more.add_rows();
  *second_leader = PersonRow(3, "P6");
  SetPost(*second_leader, "G1", "leader", "2021-07-01");
  auto* nowhere = more.add_rows();
  *nowhere = PersonRow(4, "P7");
  SetPost(*nowhere, "NOPE", "member", "2021-07-01");
  *more.add_rows() = PersonRow(5, "P1");
  auto* deputy = more.add_rows();
  *deputy = PersonRow(6, "P8");
  SetPost(*deputy, "G1", "deputy", "2024-01-01", "2023-12-01");
  ASSERT_OK_AND_ASSIGN(ImportResult checked, Import(more));
  EXPECT_THAT(
      Problems(checked),
      ElementsAre(Problem{2, "vetted_on", "VETTING_REQUIRED"}, Problem{3, "post", "QUOTA_FULL"},
                  Problem{4, "unit", "UNIT_NOT_FOUND"}, Problem{5, "code", "PERSON_EXISTS"}));
  EXPECT_EQ(checked.rows(), 5);
  EXPECT_EQ(checked.imported(), 1);
  // A bad row leaves nothing behind, not even its person.
  EXPECT_THAT(GetPerson("P5"), StatusIs(absl::StatusCode::kNotFound, "PERSON_NOT_FOUND"));
  EXPECT_THAT(GetPerson("P6"), StatusIs(absl::StatusCode::kNotFound, "PERSON_NOT_FOUND"));
  ASSERT_OK_AND_ASSIGN(org::v1::Person deputy_read, GetPerson("P8"));
  EXPECT_EQ(deputy_read.assignments_size(), 1);
}

// CONTRACTS.md's order: zones first, though their offices only come with the units.
TEST_F(ImportTest, TheContractsOrderWorksZonesBeforeTheirOffices) {
  org::v1::ImportZonesRequest zones;
  auto* zone = zones.add_rows();
  zone->set_line(2);
  zone->set_code("KZ");
  zone->set_name("开发区协作区");
  zone->set_office("KO");
  zone->set_established_on("2019-01-01");
  auto* wrong = zones.add_rows();
  *wrong = *zone;
  wrong->set_line(3);
  wrong->set_code("KZ2");
  wrong->set_office("KT");  // will be a township: not an office
  ASSERT_OK_AND_ASSIGN(ImportResult zr, Import(zones));
  EXPECT_EQ(zr.imported(), 2);

  org::v1::ImportUnitsRequest units;
  *units.add_rows() = UnitRow(2, "KC", "commission");
  org::v1::UnitRow office = UnitRow(3, "KO", "supervision_office", "KC");
  *units.add_rows() = office;
  org::v1::UnitRow town = UnitRow(4, "KT", "township");
  *units.add_rows() = town;
  units.mutable_options()->set_mode(common::v1::GOOD_ROWS_ONLY);
  ASSERT_OK_AND_ASSIGN(ImportResult ur, Import(units));
  EXPECT_EQ(ur.imported(), 2);
  EXPECT_THAT(Problems(ur), ElementsAre(Problem{4, "kind", "ZONE_OFFICE_NOT_AN_OFFICE"}));

  org::v1::GetZoneRequest get;
  get.set_name("zones/KZ");
  org::v1::Zone read;
  ASSERT_TRUE(org_->GetZone(Admin().get(), get, &read).ok());
  EXPECT_EQ(read.office(), "units/KO");
  EXPECT_THAT(read.members(), ElementsAre("units/KO"));  // the office leads its zone
}

TEST_F(ImportTest, AllOrNothingWithOneBadRowChangesNothing) {
  org::v1::ImportUnitsRequest request;  // mode unset: all or nothing
  *request.add_rows() = UnitRow(2, "AN1", "township");
  *request.add_rows() = UnitRow(3, "AN2", "ministry");
  *request.add_rows() = UnitRow(4, "AN3", "office", "NOPE");
  *request.add_rows() = UnitRow(5, "AN4", "township");
  ASSERT_OK_AND_ASSIGN(ImportResult result, Import(request));
  EXPECT_EQ(result.rows(), 4);
  EXPECT_EQ(result.imported(), 0);
  // Every bad row, those the database finds too.
  EXPECT_THAT(Problems(result), ElementsAre(Problem{3, "kind", "INVALID_UNIT_KIND"},
                                            Problem{4, "parent", "PARENT_NOT_FOUND"}));
  for (const char* code : {"AN1", "AN2", "AN3", "AN4"}) {
    EXPECT_THAT(GetUnit(code), StatusIs(absl::StatusCode::kNotFound, "UNIT_NOT_FOUND")) << code;
  }

  request.mutable_options()->set_mode(paizhu::common::v1::ALL_OR_NOTHING);
  ASSERT_OK_AND_ASSIGN(ImportResult explicit_mode, Import(request));
  EXPECT_EQ(explicit_mode.imported(), 0);
  EXPECT_EQ(explicit_mode.errors_size(), 2);
  EXPECT_THAT(GetUnit("AN1"), StatusIs(absl::StatusCode::kNotFound, "UNIT_NOT_FOUND"));
}

TEST_F(ImportTest, GoodRowsOnlyStoresTheGoodAndReportsTheBadByLine) {
  org::v1::ImportUnitsRequest request;
  request.mutable_options()->set_mode(paizhu::common::v1::GOOD_ROWS_ONLY);
  *request.add_rows() = UnitRow(2, "GR1", "township");
  *request.add_rows() = UnitRow(3, "GR2", "office", "NOPE");
  *request.add_rows() = UnitRow(4, "GR3", "township");
  request.mutable_rows(2)->set_established_on("");
  *request.add_rows() = UnitRow(5, "GR1", "township");
  auto* zoned = request.add_rows();
  *zoned = UnitRow(6, "GR5", "township");
  zoned->set_zone("NOZONE");
  *request.add_rows() = UnitRow(7, "GR4", "township");
  ASSERT_OK_AND_ASSIGN(ImportResult result, Import(request));
  EXPECT_EQ(result.rows(), 6);
  EXPECT_EQ(result.imported(), 2);
  EXPECT_THAT(Problems(result), ElementsAre(Problem{3, "parent", "PARENT_NOT_FOUND"},
                                            Problem{4, "established_on", "REQUIRED"},
                                            Problem{5, "code", "DUPLICATE_IN_FILE"},
                                            Problem{6, "zone", "ZONE_NOT_FOUND"}));
  EXPECT_OK(GetUnit("GR1"));
  EXPECT_OK(GetUnit("GR4"));
  for (const char* code : {"GR2", "GR3", "GR5"}) {
    EXPECT_THAT(GetUnit(code), StatusIs(absl::StatusCode::kNotFound, "UNIT_NOT_FOUND")) << code;
  }
}

TEST_F(ImportTest, ValidateOnlyChecksAgainstTheDatabaseAndChangesNothing) {
  org::v1::ImportUnitsRequest existing;
  *existing.add_rows() = UnitRow(2, "VOX", "township");
  ASSERT_OK_AND_ASSIGN(ImportResult stored, Import(existing));
  ASSERT_EQ(stored.imported(), 1);

  org::v1::ImportUnitsRequest request;
  request.mutable_options()->set_validate_only(true);
  *request.add_rows() = UnitRow(2, "VO1", "township");
  ASSERT_OK_AND_ASSIGN(ImportResult clean, Import(request));
  EXPECT_EQ(clean.rows(), 1);
  EXPECT_EQ(clean.imported(), 0);
  EXPECT_THAT(Problems(clean), IsEmpty());
  EXPECT_THAT(GetUnit("VO1"), StatusIs(absl::StatusCode::kNotFound, "UNIT_NOT_FOUND"));

  *request.add_rows() = UnitRow(3, "VOX", "township");
  request.mutable_options()->set_mode(paizhu::common::v1::GOOD_ROWS_ONLY);
  ASSERT_OK_AND_ASSIGN(ImportResult dirty, Import(request));
  EXPECT_EQ(dirty.imported(), 0);
  EXPECT_THAT(Problems(dirty), ElementsAre(Problem{3, "code", "UNIT_EXISTS"}));
  EXPECT_THAT(GetUnit("VO1"), StatusIs(absl::StatusCode::kNotFound, "UNIT_NOT_FOUND"));
}

TEST_F(ImportTest, MoreThanTwentyThousandRowsAreRefused) {
  org::v1::ImportZonesRequest request;
  for (int i = 0; i < 20001; ++i) {
    auto* row = request.add_rows();
    row->set_line(i + 2);
    row->set_code(absl::StrCat("TZ", i));
    row->set_name("区");
    row->set_office("O1");
    row->set_established_on("2020-01-01");
  }
  absl::StatusOr<ImportResult> result = Import(request);
  EXPECT_THAT(result, StatusIs(absl::StatusCode::kInvalidArgument, "TOO_MANY_ROWS"));
  EXPECT_THAT(result, HasField("rows"));
}

TEST_F(ImportTest, ARetriedImportWithTheSameRequestIdDoesNotDuplicate) {
  org::v1::ImportUnitsRequest request;
  request.mutable_options()->set_request_id("import-rt-1");
  request.mutable_options()->set_mode(paizhu::common::v1::GOOD_ROWS_ONLY);
  *request.add_rows() = UnitRow(2, "RT1", "township");
  *request.add_rows() = UnitRow(3, "RT2", "township");
  *request.add_rows() = UnitRow(4, "RT3", "nonsense");
  ASSERT_OK_AND_ASSIGN(ImportResult first, Import(request));
  EXPECT_EQ(first.rows(), 3);
  EXPECT_EQ(first.imported(), 2);
  EXPECT_THAT(Problems(first), ElementsAre(Problem{4, "kind", "INVALID_UNIT_KIND"}));

  // The answer was lost; the client sends the same request again: the first result, not
  // UNIT_EXISTS for rows already stored (the row errors are not kept).
  ASSERT_OK_AND_ASSIGN(ImportResult again, Import(request));
  EXPECT_EQ(again.rows(), 3);
  EXPECT_EQ(again.imported(), 2);
  EXPECT_THAT(Problems(again), IsEmpty());

  // Without the id the same rows are seen as already there.
  org::v1::ImportUnitsRequest plain = request;
  plain.mutable_options()->clear_request_id();
  ASSERT_OK_AND_ASSIGN(ImportResult duplicate, Import(plain));
  EXPECT_EQ(duplicate.imported(), 0);
  EXPECT_THAT(Problems(duplicate),
              ElementsAre(Problem{2, "code", "UNIT_EXISTS"}, Problem{3, "code", "UNIT_EXISTS"},
                          Problem{4, "kind", "INVALID_UNIT_KIND"}));

  // The same id for other rows is a client bug.
  org::v1::ImportUnitsRequest other = request;
  other.mutable_rows(0)->set_code("RT9");
  EXPECT_THAT(Import(other), StatusIs(absl::StatusCode::kInvalidArgument, "REQUEST_ID_REUSED"));
  EXPECT_THAT(GetUnit("RT9"), StatusIs(absl::StatusCode::kNotFound, "UNIT_NOT_FOUND"));
}

TEST_F(ImportTest, SupervisionChangesAreDatedInDateOrderAndEndOnTo) {
  org::v1::UnitRow s1 = UnitRow(6, "SVU1", "supervised_unit");
  s1.set_supervising_group("SVG1");
  s1.set_supervised_since("2019-01-01");
  org::v1::UnitRow s3 = UnitRow(8, "SVU3", "supervised_unit");
  s3.set_supervising_group("SVG1");
  s3.set_supervised_since("2019-01-01");
  ImportGood<org::v1::ImportUnitsRequest>(
      {UnitRow(2, "SVC", "commission"), UnitRow(3, "SVG1", "group", "SVC"),
       UnitRow(4, "SVG2", "group", "SVC"), UnitRow(5, "SVT", "township"), s1,
       UnitRow(7, "SVU2", "supervised_unit"), s3});

  // SVU1: G1 again from 2020 until mid-2021 (a row before the later one in the file's
  // dates but after it in the file), then G2 from 2022; SVU2: G2 from 2023.
  org::v1::ImportSupervisionRequest request;
  *request.add_rows() = SupervisionRow(2, "SVU1", "SVG2", "2022-01-01");
  *request.add_rows() = SupervisionRow(3, "SVU1", "SVG1", "2020-01-01", "2021-06-30");
  *request.add_rows() = SupervisionRow(4, "SVU2", "SVG2", "2023-03-01");
  ASSERT_OK_AND_ASSIGN(ImportResult result, Import(request));
  EXPECT_THAT(Problems(result), IsEmpty());
  EXPECT_EQ(result.rows(), 3);
  EXPECT_EQ(result.imported(), 3);
  EXPECT_THAT(SupervisorsOn("SVU1", {"2018-12-31", "2019-06-01", "2020-01-01", "2021-06-30",
                                     "2021-07-01", "2021-12-31", "2022-01-01", ""}),
              ElementsAre("", "units/SVG1", "units/SVG1", "units/SVG1", "", "", "units/SVG2",
                          "units/SVG2"));
  EXPECT_THAT(SupervisorsOn("SVU2", {"2023-02-28", "2023-03-01", ""}),
              ElementsAre("", "units/SVG2", "units/SVG2"));

  // The store's checks, row by row; SVU3's rows of one file overlap each other.
  org::v1::ImportSupervisionRequest bad;
  bad.mutable_options()->set_mode(common::v1::GOOD_ROWS_ONLY);
  *bad.add_rows() = SupervisionRow(2, "SVT", "SVG1", "2024-01-01");
  *bad.add_rows() = SupervisionRow(3, "SVU2", "SVT", "2024-01-01");
  *bad.add_rows() = SupervisionRow(4, "NOPE", "SVG1", "2024-01-01");
  *bad.add_rows() = SupervisionRow(5, "SVU1", "SVG1", "2021-03-01");
  *bad.add_rows() = SupervisionRow(6, "SVU3", "SVG2", "2020-01-01", "2020-12-31");
  *bad.add_rows() = SupervisionRow(7, "SVU3", "SVG1", "2020-06-01");
  *bad.add_rows() = SupervisionRow(8, "SVU2", "SVG1", "2024-01-01", "2023-12-31");
  ASSERT_OK_AND_ASSIGN(ImportResult checked, Import(bad));
  EXPECT_THAT(Problems(checked),
              ElementsAre(Problem{2, "unit", "NOT_A_SUPERVISED_UNIT"},
                          Problem{3, "group", "NOT_A_GROUP"}, Problem{4, "unit", "UNIT_NOT_FOUND"},
                          Problem{5, "from", "LATER_SUPERVISION_EXISTS"},
                          Problem{7, "from", "SUPERVISION_OVERLAPS"},
                          Problem{8, "to", "END_BEFORE_START"}));
  EXPECT_EQ(checked.rows(), 7);
  EXPECT_EQ(checked.imported(), 1);
  EXPECT_THAT(SupervisorsOn("SVU3", {"2019-12-31", "2020-06-01", "2021-01-01", ""}),
              ElementsAre("units/SVG1", "units/SVG2", "", ""));
  EXPECT_THAT(SupervisorsOn("SVU2", {""}), ElementsAre("units/SVG2"));
}

TEST_F(ImportTest, AssignmentHistoryPassesTheRulesBeforeTheirDatesAndMeetsThemAfter) {
  org::v1::UnitRow group = UnitRow(3, "ASG1", "group", "ASC");
  group.set_posts("leader=1;deputy=1;staff=3");
  group.set_established_on("2010-01-01");
  org::v1::UnitRow office = UnitRow(4, "ASO1", "office", "ASC");
  office.set_established_on("2010-01-01");
  org::v1::UnitRow commission = UnitRow(2, "ASC", "commission");
  commission.set_established_on("2010-01-01");
  ImportGood<org::v1::ImportUnitsRequest>({commission, group, office});
  org::v1::PersonRow vetted = PersonRow(4, "ASP3");
  vetted.set_vetted_on("2022-06-01");
  org::v1::PersonRow vetted_too = PersonRow(6, "ASP5");
  vetted_too.set_vetted_on("2023-01-01");
  ImportGood<org::v1::ImportPeopleRequest>(
      {PersonRow(2, "ASP1"), PersonRow(3, "ASP2"), vetted, PersonRow(5, "ASP4"), vetted_too});
  // 逢调必谈 for ASP3's move into the group in 2023.
  org::v1::RecordTransferTalkRequest talk;
  talk.set_person("people/ASP3");
  talk.set_talked_on("2022-12-01");
  org::v1::Person talked;
  ASSERT_OK(FromGrpcStatus(org_->RecordTransferTalk(Admin().get(), talk, &talked)));

  // ASP1 moves from the office into the group as leader in 2021 and ASP2 from deputy to
  // staff in 2020: before both rules (2022-01-01), so no vetting and no talk. ASP3 moves
  // in 2023, vetted and talked to. Each person's later row comes first in the file.
  org::v1::ImportAssignmentsRequest request;
  *request.add_rows() = AssignmentRow(2, "ASP1", "ASG1", "leader", "2021-01-01");
  *request.add_rows() =
      AssignmentRow(3, "ASP1", "ASO1", "member", "2012-05-01", "2020-12-31", "调任");
  *request.add_rows() = AssignmentRow(4, "ASP2", "ASG1", "staff", "2020-01-01");
  *request.add_rows() = AssignmentRow(5, "ASP2", "ASG1", "deputy", "2015-01-01", "2019-12-31");
  *request.add_rows() = AssignmentRow(6, "ASP3", "ASG1", "staff", "2023-01-01");
  *request.add_rows() = AssignmentRow(7, "ASP3", "ASO1", "member", "2018-01-01", "2022-12-31");
  ASSERT_OK_AND_ASSIGN(ImportResult result, Import(request));
  EXPECT_THAT(Problems(result), IsEmpty());
  EXPECT_EQ(result.imported(), 6);

  using Held = std::tuple<std::string, std::string, std::string, std::string, std::string>;
  auto history = [](const std::string& code) {
    std::vector<Held> out;
    absl::StatusOr<org::v1::Person> person = GetPerson(code);
    EXPECT_OK(person.status()) << code;
    if (!person.ok()) return out;
    for (const auto& a : person->assignments()) {
      out.emplace_back(a.unit(), a.post(), a.from_date(), a.to_date(), a.reason());
    }
    return out;
  };
  EXPECT_THAT(history("ASP1"),
              ElementsAre(Held{"units/ASO1", "member", "2012-05-01", "2020-12-31", "调任"},
                          Held{"units/ASG1", "leader", "2021-01-01", "", ""}));
  EXPECT_THAT(history("ASP2"),
              ElementsAre(Held{"units/ASG1", "deputy", "2015-01-01", "2019-12-31", ""},
                          Held{"units/ASG1", "staff", "2020-01-01", "", ""}));
  EXPECT_THAT(history("ASP3"),
              ElementsAre(Held{"units/ASO1", "member", "2018-01-01", "2022-12-31", ""},
                          Held{"units/ASG1", "staff", "2023-01-01", "", ""}));

  // AssignPost's checks, row by row.
  org::v1::ImportAssignmentsRequest bad;
  bad.mutable_options()->set_mode(common::v1::GOOD_ROWS_ONLY);
  *bad.add_rows() = AssignmentRow(2, "NOPE", "ASO1", "member", "2020-01-01");
  *bad.add_rows() = AssignmentRow(3, "ASP4", "NOUNIT", "member", "2020-01-01");
  *bad.add_rows() = AssignmentRow(4, "ASP4", "ASG1", "deputy", "2023-01-01");
  *bad.add_rows() = AssignmentRow(5, "ASP4", "ASG1", "member", "2020-01-01");
  *bad.add_rows() = AssignmentRow(6, "ASP4", "ASG1", "leader", "2021-02-01", "2021-03-01");
  *bad.add_rows() = AssignmentRow(7, "ASP2", "ASG1", "staff", "2021-01-01");
  *bad.add_rows() = AssignmentRow(8, "ASP4", "ASO1", "member", "2009-01-01");
  *bad.add_rows() = AssignmentRow(9, "ASP4", "ASG1", "staff", "2024-01-01", "2023-01-01");
  // A transfer after the rule without a talk: found although the post it comes from is on
  // a later line.
  *bad.add_rows() = AssignmentRow(10, "ASP5", "ASG1", "staff", "2023-06-01");
  *bad.add_rows() = AssignmentRow(11, "ASP5", "ASO1", "member", "2019-01-01", "2023-05-31");
  ASSERT_OK_AND_ASSIGN(ImportResult checked, Import(bad));
  EXPECT_THAT(
      Problems(checked),
      ElementsAre(Problem{2, "person", "PERSON_NOT_FOUND"}, Problem{3, "unit", "UNIT_NOT_FOUND"},
                  Problem{4, "from", "VETTING_REQUIRED"}, Problem{5, "post", "INVALID_POST"},
                  Problem{6, "post", "QUOTA_FULL"}, Problem{7, "post", "POST_ALREADY_HELD"},
                  Problem{8, "from", "UNIT_NOT_IN_EXISTENCE"}, Problem{9, "to", "END_BEFORE_START"},
                  Problem{10, "from", "TRANSFER_TALK_REQUIRED"}));
  EXPECT_EQ(checked.rows(), 10);
  EXPECT_EQ(checked.imported(), 1);
  EXPECT_THAT(history("ASP4"), IsEmpty());
  EXPECT_THAT(history("ASP5"),
              ElementsAre(Held{"units/ASO1", "member", "2019-01-01", "2023-05-31", ""}));
}

TEST_F(ImportTest, RolesAreGrantedFromTheDayOfTheImport) {
  ImportGood<org::v1::ImportUnitsRequest>({UnitRow(2, "RLC", "commission"),
                                           UnitRow(3, "RLO", "office", "RLC"),
                                           UnitRow(4, "RLG", "group", "RLC")});
  ImportGood<org::v1::ImportPeopleRequest>({PersonRow(2, "RLP1"), PersonRow(3, "RLP2")});

  org::v1::ImportRolesRequest request;
  *request.add_rows() = RoleRow(2, "RLP1", "office", "RLO");
  *request.add_rows() = RoleRow(3, "RLP1", "group", "RLG");
  *request.add_rows() = RoleRow(4, "RLP2", "admin", "");
  ASSERT_OK_AND_ASSIGN(ImportResult result, Import(request));
  EXPECT_THAT(Problems(result), IsEmpty());
  EXPECT_EQ(result.imported(), 3);
  ASSERT_OK_AND_ASSIGN(org::v1::Person p1, GetPerson("RLP1"));
  EXPECT_THAT(p1.roles(), ElementsAre("group@units/RLG", "office@units/RLO"));
  ASSERT_OK_AND_ASSIGN(org::v1::Person p2, GetPerson("RLP2"));
  EXPECT_THAT(p2.roles(), ElementsAre("admin"));

  org::v1::ImportRolesRequest bad;
  bad.mutable_options()->set_mode(common::v1::GOOD_ROWS_ONLY);
  *bad.add_rows() = RoleRow(2, "NOPE", "admin", "");
  *bad.add_rows() = RoleRow(3, "RLP2", "group", "");
  *bad.add_rows() = RoleRow(4, "RLP2", "boss", "RLG");
  *bad.add_rows() = RoleRow(5, "RLP1", "office", "RLO");
  *bad.add_rows() = RoleRow(6, "RLP2", "township", "NOUNIT");
  *bad.add_rows() = RoleRow(7, "RLP2", "assessor", "RLC");
  ASSERT_OK_AND_ASSIGN(ImportResult checked, Import(bad));
  EXPECT_THAT(Problems(checked), ElementsAre(Problem{2, "person", "PERSON_NOT_FOUND"},
                                             Problem{3, "unit", "ROLE_UNIT_MISMATCH"},
                                             Problem{4, "role", "INVALID_ROLE"},
                                             Problem{5, "role", "ROLE_ALREADY_GRANTED"},
                                             Problem{6, "unit", "UNIT_NOT_FOUND"}));
  EXPECT_EQ(checked.rows(), 6);
  EXPECT_EQ(checked.imported(), 1);
  ASSERT_OK_AND_ASSIGN(p2, GetPerson("RLP2"));
  EXPECT_THAT(p2.roles(), ElementsAre("admin", "assessor@units/RLC"));
}

TEST_F(ImportTest, TrainingsCountInThePersonTimesOfTheirGroup) {
  org::v1::UnitRow group = UnitRow(3, "TRG", "group", "TRC");
  group.set_posts("staff=2");
  ImportGood<org::v1::ImportUnitsRequest>({UnitRow(2, "TRC", "commission"), group});
  org::v1::PersonRow staff = PersonRow(2, "TRP1");
  SetPost(staff, "TRG", "staff", "2020-01-01");
  ImportGood<org::v1::ImportPeopleRequest>({staff, PersonRow(3, "TRP2")});

  auto person_times = [](const std::string& from, const std::string& to) {
    org::v1::GetStatisticsRequest request;
    request.set_as_of("2025-06-30");
    request.add_groups("units/TRG");
    request.set_training_from(from);
    request.set_training_to(to);
    org::v1::Statistics statistics;
    EXPECT_OK(FromGrpcStatus(org_->GetStatistics(Admin().get(), request, &statistics)));
    return statistics.training_person_times();
  };

  // TRP2 holds no group post: not counted.
  org::v1::ImportTrainingsRequest request;
  *request.add_rows() = TrainingRow(2, "TRP1", "纪律审查实务", "2024-03-01", "8");
  *request.add_rows() = TrainingRow(3, "TRP1", "监督检查", "2024-09-10", "2.5");
  *request.add_rows() = TrainingRow(4, "TRP2", "纪律审查实务", "2024-03-01", "8");
  *request.add_rows() = TrainingRow(5, "TRP1", "案件审理", "2025-02-01", "");
  request.mutable_rows(3)->set_organizer("");
  ASSERT_OK_AND_ASSIGN(ImportResult result, Import(request));
  EXPECT_THAT(Problems(result), IsEmpty());
  EXPECT_EQ(result.imported(), 4);
  EXPECT_EQ(person_times("2024-01-01", "2024-12-31"), 2);
  EXPECT_EQ(person_times("2024-01-01", "2025-06-30"), 3);

  // All or nothing first: every bad row, nothing stored; then the good row alone.
  org::v1::ImportTrainingsRequest bad;
  *bad.add_rows() = TrainingRow(2, "NOPE", "纪律审查实务", "2024-03-01", "8");
  *bad.add_rows() = TrainingRow(3, "TRP1", "", "2024-03-01", "8");
  *bad.add_rows() = TrainingRow(4, "TRP1", "纪律审查实务", "2099-01-01", "8");
  *bad.add_rows() = TrainingRow(5, "TRP1", "纪律审查实务", "2024-03-01", "1001");
  *bad.add_rows() = TrainingRow(6, "TRP1", "廉政教育", "2024-12-01", "1");
  std::vector<Problem> expected = {
      Problem{2, "person", "PERSON_NOT_FOUND"}, Problem{3, "course", "REQUIRED"},
      Problem{4, "date", "DATE_IN_FUTURE"}, Problem{5, "hours", "INVALID_HOURS"}};
  ASSERT_OK_AND_ASSIGN(ImportResult nothing, Import(bad));
  EXPECT_EQ(Problems(nothing), expected);
  EXPECT_EQ(nothing.imported(), 0);
  EXPECT_EQ(person_times("2024-01-01", "2024-12-31"), 2);
  bad.mutable_options()->set_mode(common::v1::GOOD_ROWS_ONLY);
  ASSERT_OK_AND_ASSIGN(ImportResult checked, Import(bad));
  EXPECT_EQ(Problems(checked), expected);
  EXPECT_EQ(checked.rows(), 5);
  EXPECT_EQ(checked.imported(), 1);
  EXPECT_EQ(person_times("2024-01-01", "2024-12-31"), 3);
}

}  // namespace
}  // namespace paizhu
