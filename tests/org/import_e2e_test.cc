// Bulk imports of zones, units and people through the gateway as the admin: rows in any
// order, read back with GetUnit/GetZone/GetPerson; all-or-nothing, good-rows-only and
// validate-only; the 20,000-row limit; a retried import with the same request_id.

#include <tuple>

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

  static absl::StatusOr<ImportResult> Import(const org::v1::ImportZonesRequest& request) {
    ImportResult result;
    absl::Status status = FromGrpcStatus(org_->ImportZones(Admin().get(), request, &result));
    if (!status.ok()) return status;
    return result;
  }
  static absl::StatusOr<ImportResult> Import(const org::v1::ImportUnitsRequest& request) {
    ImportResult result;
    absl::Status status = FromGrpcStatus(org_->ImportUnits(Admin().get(), request, &result));
    if (!status.ok()) return status;
    return result;
  }
  static absl::StatusOr<ImportResult> Import(const org::v1::ImportPeopleRequest& request) {
    ImportResult result;
    absl::Status status = FromGrpcStatus(org_->ImportPeople(Admin().get(), request, &result));
    if (!status.ok()) return status;
    return result;
  }

  static absl::StatusOr<org::v1::Unit> GetUnit(const std::string& code) {
    org::v1::GetUnitRequest request;
    request.set_name("units/" + code);
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

}  // namespace
}  // namespace paizhu
