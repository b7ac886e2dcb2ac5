// The work report's organisation built through the gateway, one RPC at a time, among
// distractors a naive count gets wrong; the statistics must give exactly the report's
// figures (30 posts, 23 staff; 50+: 6, 40-49: 14, 30-39: 3; bachelor or above: 6; 5+
// years: 8, 3-5 years: 6; 52 units covered, no gap). Then one person moves and the
// figures before and after the move are what they were on each date.

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "common/auth/principal.h"
#include "common/status/grpc_status.h"
#include "gmock/gmock.h"
#include "grpcpp/client_context.h"
#include "gtest/gtest.h"
#include "paizhu/org/v1/org.grpc.pb.h"
#include "tests/support/stack.h"
#include "tests/support/status_matchers.h"

namespace paizhu {
namespace {

using ::paizhu::testing::HasField;
using ::paizhu::testing::StatusIs;
using ::testing::ElementsAre;

constexpr char kAsOf[] = "2021-12-31";

class ReportOrganisationTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto stack = testing::Stack::Start();
    ASSERT_TRUE(stack.ok()) << stack.status();
    stack_ = stack->release();
    org_ = org::v1::OrgService::NewStub(stack_->Gateway());
    BuildTheReportsOrganisation();
  }
  static void TearDownTestSuite() {
    org_.reset();
    delete stack_;
  }

  static std::unique_ptr<grpc::ClientContext> Admin() {
    auto ctx = std::make_unique<grpc::ClientContext>();
    ctx->set_deadline(absl::ToChronoTime(absl::Now() + absl::Seconds(10)));
    ctx->AddMetadata("authorization", "Bearer " + stack_->Token("admin"));
    return ctx;
  }

  // Each call returns its status with reason and field, like the CLI prints them.
  template <typename Request, typename Response>
  static absl::Status Call(grpc::Status (org::v1::OrgService::Stub::*method)(grpc::ClientContext*,
                                                                             const Request&,
                                                                             Response*),
                           const Request& request, Response* response = nullptr) {
    Response ignored;
    return FromGrpcStatus(
        ((*org_).*method)(Admin().get(), request, response ? response : &ignored));
  }

  static absl::Status Unit(const std::string& code, const std::string& kind,
                           const std::string& parent = "",
                           const std::string& established = "2018-03-01",
                           const std::string& guiding = "") {
    org::v1::CreateUnitRequest r;
    r.set_unit_id(code);
    r.mutable_unit()->set_kind(kind);
    r.mutable_unit()->set_display_name("单位" + code);
    r.mutable_unit()->set_established_on(established);
    if (!parent.empty()) r.mutable_unit()->set_parent("units/" + parent);
    if (!guiding.empty()) r.mutable_unit()->set_guiding_office("units/" + guiding);
    return Call(&org::v1::OrgService::Stub::CreateUnit, r);
  }

  static absl::Status Quota(const std::string& group, const std::string& post, int count,
                            const std::string& from = "2018-03-01") {
    org::v1::SetPostQuotaRequest r;
    r.set_unit("units/" + group);
    r.set_post(post);
    r.set_count(count);
    r.set_from_date(from);
    return Call(&org::v1::OrgService::Stub::SetPostQuota, r);
  }

  static absl::Status Supervise(const std::string& unit, const std::string& group,
                                const std::string& from) {
    org::v1::AssignSupervisionRequest r;
    r.set_unit("units/" + unit);
    r.set_group(group.empty() ? "" : "units/" + group);
    r.set_from_date(from);
    return Call(&org::v1::OrgService::Stub::AssignSupervision, r);
  }

  static absl::Status Person(const std::string& code, const std::string& birth,
                             const std::string& education, const std::string& work_start) {
    org::v1::CreatePersonRequest r;
    r.set_person_id(code);
    r.mutable_person()->set_display_name("干部" + code);
    r.mutable_person()->set_gender("male");
    r.mutable_person()->set_birth_date(birth);
    r.mutable_person()->set_education(education);
    r.mutable_person()->set_work_start(work_start);
    r.mutable_person()->add_specialties(code == "P00" ? "law" : "other");
    return Call(&org::v1::OrgService::Stub::CreatePerson, r);
  }

  static absl::Status Post(const std::string& person, const std::string& unit,
                           const std::string& post, const std::string& from,
                           const std::string& over_quota_reason = "",
                           const std::string& talk_override_reason = "") {
    org::v1::AssignPostRequest r;
    r.set_person("people/" + person);
    r.set_unit("units/" + unit);
    r.set_post(post);
    r.set_from_date(from);
    r.set_over_quota_reason(over_quota_reason);
    r.set_talk_override_reason(talk_override_reason);
    return Call(&org::v1::OrgService::Stub::AssignPost, r);
  }

  static absl::Status EndPost(const std::string& person, const std::string& unit,
                              const std::string& post, const std::string& to) {
    org::v1::EndPostRequest r;
    r.set_person("people/" + person);
    r.set_unit("units/" + unit);
    r.set_post(post);
    r.set_to_date(to);
    return Call(&org::v1::OrgService::Stub::EndPost, r);
  }

  static absl::Status Vet(const std::string& person, const std::string& on, bool passed = true) {
    org::v1::RecordVettingRequest r;
    r.set_person("people/" + person);
    r.set_vetted_on(on);
    r.set_passed(passed);
    return Call(&org::v1::OrgService::Stub::RecordVetting, r);
  }

  static absl::Status Talk(const std::string& person, const std::string& on) {
    org::v1::RecordTransferTalkRequest r;
    r.set_person("people/" + person);
    r.set_talked_on(on);
    r.set_talked_by("people/admin");
    return Call(&org::v1::OrgService::Stub::RecordTransferTalk, r);
  }

  static absl::Status Training(const std::string& person, const std::string& on) {
    org::v1::RecordTrainingRequest r;
    r.set_person("people/" + person);
    r.set_course("纪检监察业务培训");
    r.set_organizer("市纪委监委");
    r.set_date(on);
    r.set_hours(16);
    return Call(&org::v1::OrgService::Stub::RecordTraining, r);
  }

  static absl::Status Grant(const std::string& person, const std::string& role,
                            const std::string& unit) {
    org::v1::GrantRoleRequest r;
    r.set_person("people/" + person);
    r.set_role(role);
    if (!unit.empty()) r.set_unit("units/" + unit);
    r.set_from_date("2018-03-01");
    return Call(&org::v1::OrgService::Stub::GrantRole, r);
  }

  static void CreateUnitRequestFor(const std::string& code, const std::string& established,
                                   const std::string& dissolved) {
    org::v1::CreateUnitRequest r;
    r.set_unit_id(code);
    r.mutable_unit()->set_kind("group");
    r.mutable_unit()->set_display_name("组" + code);
    r.mutable_unit()->set_parent("units/C001");
    r.mutable_unit()->set_established_on(established);
    r.mutable_unit()->set_dissolved_on(dissolved);
    ASSERT_OK(Call(&org::v1::OrgService::Stub::CreateUnit, r));
  }

  static org::v1::Statistics Stats(const std::string& as_of) {
    org::v1::GetStatisticsRequest r;
    r.set_as_of(as_of);
    org::v1::Statistics s;
    EXPECT_OK(Call(&org::v1::OrgService::Stub::GetStatistics, r, &s));
    return s;
  }

  static void BuildTheReportsOrganisation() {
    ASSERT_OK(Unit("C001", "commission"));
    ASSERT_OK(Unit("O01", "supervision_office", "C001"));
    ASSERT_OK(Unit("T01", "township"));
    org::v1::CreateZoneRequest zone;
    zone.set_zone_id("Z1");
    zone.mutable_zone()->set_display_name("第一协作区");
    zone.mutable_zone()->set_office("units/O01");
    zone.mutable_zone()->set_established_on("2018-03-01");
    ASSERT_OK(Call(&org::v1::OrgService::Stub::CreateZone, zone));
    // 10 groups x 3 posts, guided by O01.
    for (int g = 1; g <= 10; ++g) {
      std::string code = absl::StrFormat("G%02d", g);
      ASSERT_OK(Unit(code, "group", "C001", "2018-03-01", "O01"));
      for (const char* post : {"leader", "deputy", "staff"}) ASSERT_OK(Quota(code, post, 1));
    }
    // 52 supervised units, each with a group; and one established after the as-of date.
    for (int u = 1; u <= 52; ++u) {
      std::string code = absl::StrFormat("U%02d", u);
      ASSERT_OK(Unit(code, "supervised_unit"));
      ASSERT_OK(Supervise(code, absl::StrFormat("G%02d", (u - 1) % 10 + 1), "2018-03-01"));
    }
    ASSERT_OK(Unit("U53", "supervised_unit", "", "2022-03-01"));

    // 23 staff: 10 leaders, 8 deputies, 5 staff. Ages on 2021-12-31: six 50+, fourteen
    // 40-49, three 30-39; six with a bachelor's degree or above; experience eight 5+,
    // six 3-5, nine under 3. P00 turns 50 exactly on the as-of date; P06 completes five
    // years of discipline-inspection work exactly on it.
    for (int i = 0; i < 23; ++i) {
      std::string code = absl::StrFormat("P%02d", i);
      std::string birth = i == 0   ? "1971-12-31"
                          : i < 6  ? "1965-05-10"
                          : i < 20 ? "1975-07-01"
                                   : "1988-02-02";
      bool degree = i == 0 || i == 7 || i == 9 || i == 11 || i == 20 || i == 21;
      std::string education =
          degree ? (i == 9 ? "master" : "bachelor") : (i % 2 ? "college" : "below_college");
      std::string work = i == 6   ? "2016-12-31"
                         : i < 8  ? "2010-04-01"
                         : i < 14 ? "2018-06-01"
                                  : "2020-01-01";
      ASSERT_OK(Person(code, birth, education, work));
      std::string post = i < 10 ? "leader" : i < 18 ? "deputy" : "staff";
      int group = i < 10 ? i + 1 : i < 18 ? i - 9 : i - 17;
      std::string from = work > "2018-03-01" ? work : "2018-03-01";
      ASSERT_OK(Post(code, absl::StrFormat("G%02d", group), post, from));
    }
    // Distractors: a leaver, a joiner the day after, office and township members.
    ASSERT_OK(Person("LEFT", "1980-01-01", "bachelor", "2015-01-01"));
    ASSERT_OK(Post("LEFT", "G06", "staff", "2018-03-01"));
    ASSERT_OK(EndPost("LEFT", "G06", "staff", "2021-06-30"));
    ASSERT_OK(Person("JOIN", "1990-01-01", "master", "2021-01-01"));
    ASSERT_OK(Vet("JOIN", "2021-12-15"));
    ASSERT_OK(Post("JOIN", "G07", "staff", "2022-01-01"));
    ASSERT_OK(Person("OFF", "1970-01-01", "doctorate", "2000-01-01"));
    ASSERT_OK(Post("OFF", "O01", "member", "2018-03-01"));
    ASSERT_OK(Person("TWN", "1985-01-01", "bachelor", "2012-01-01"));
    ASSERT_OK(Post("TWN", "T01", "member", "2018-03-01"));
    // Training in 2021: P00 (counted), LEFT while still in G06 (counted) and after leaving
    // (not), an office member (not).
    ASSERT_OK(Training("P00", "2021-05-01"));
    ASSERT_OK(Training("LEFT", "2021-03-01"));
    ASSERT_OK(Training("LEFT", "2021-09-01"));
    ASSERT_OK(Training("OFF", "2021-05-01"));
  }

  static testing::Stack* stack_;
  static std::unique_ptr<org::v1::OrgService::Stub> org_;
};

testing::Stack* ReportOrganisationTest::stack_ = nullptr;
std::unique_ptr<org::v1::OrgService::Stub> ReportOrganisationTest::org_;

TEST_F(ReportOrganisationTest, StatisticsGiveExactlyTheReportsFigures) {
  org::v1::Statistics s = Stats(kAsOf);
  EXPECT_EQ(s.as_of(), kAsOf);
  EXPECT_EQ(s.groups(), 10);
  EXPECT_EQ(s.authorized_posts(), 30);
  EXPECT_EQ(s.staff(), 23);
  EXPECT_EQ(s.age_50_plus(), 6);
  EXPECT_EQ(s.age_40_49(), 14);
  EXPECT_EQ(s.age_30_39(), 3);
  EXPECT_EQ(s.age_under_30(), 0);
  EXPECT_EQ(s.bachelor_or_above(), 6);
  EXPECT_EQ(s.experience_5_plus(), 8);
  EXPECT_EQ(s.experience_3_to_5(), 6);
  EXPECT_EQ(s.experience_under_3(), 9);
  EXPECT_EQ(s.units_supervised(), 52);
  EXPECT_EQ(s.units_uncovered(), 0);
  EXPECT_TRUE(s.coverage_gaps().empty());
  // 7 vacancies: two deputies and five staff posts are empty.
  EXPECT_EQ(s.vacancies_size(), 7);
  // One lawyer among 23: far below the 30% target the report calls for.
  EXPECT_EQ(s.specialists(), 1);
  EXPECT_TRUE(s.specialist_share_below_target());
  EXPECT_EQ(s.training_from(), "2021-01-01");
  EXPECT_EQ(s.training_person_times(), 2);
}

TEST_F(ReportOrganisationTest, FiguresBeforeAndAfterAMoveAreWhatTheyWereThen) {
  // P22, staff of G05, moves to the supervision office on 2022-04-01: a transfer, so
  // (逢调必谈, in force since 2022-01-01) only after the talk is recorded.
  ASSERT_OK(EndPost("P22", "G05", "staff", "2022-03-31"));
  EXPECT_THAT(Post("P22", "O01", "member", "2022-04-01"),
              StatusIs(absl::StatusCode::kFailedPrecondition, "TRANSFER_TALK_REQUIRED"));
  ASSERT_OK(Talk("P22", "2022-03-20"));
  ASSERT_OK(Post("P22", "O01", "member", "2022-04-01"));

  org::v1::Statistics before = Stats("2022-03-31");
  org::v1::Statistics after = Stats("2022-04-01");
  EXPECT_EQ(before.staff(), 24);  // the 23 and the joiner of 2022-01-01
  EXPECT_EQ(after.staff(), 23);
  EXPECT_EQ(before.age_30_39() - after.age_30_39(), 1);  // P22 was born in 1988
  // U53 exists from 2022-03-01 with no group: a gap, named.
  EXPECT_THAT(after.coverage_gaps(), ElementsAre("units/U53"));
  bool g05_staff_vacant = false;
  for (const auto& v : after.vacancies())
    g05_staff_vacant |= v.group() == "units/G05" && v.post() == "staff";
  EXPECT_TRUE(g05_staff_vacant);
  // The report's date still reads as it did.
  EXPECT_EQ(Stats(kAsOf).staff(), 23);
}

// The rule tests use groups of their own, dated so they never touch the figures above.
TEST_F(ReportOrganisationTest, QuotaIsEnforcedUnlessAnExceptionIsRecorded) {
  CreateUnitRequestFor("G99", "2019-01-01", "2019-12-31");
  ASSERT_OK(Quota("G99", "staff", 1, "2019-01-01"));
  ASSERT_OK(Person("Q1", "1980-01-01", "bachelor", "2015-01-01"));
  ASSERT_OK(Person("Q2", "1980-01-01", "bachelor", "2015-01-01"));
  ASSERT_OK(Post("Q1", "G99", "staff", "2019-05-01"));
  absl::Status full = Post("Q2", "G99", "staff", "2019-06-01");
  EXPECT_THAT(full, StatusIs(absl::StatusCode::kFailedPrecondition, "QUOTA_FULL"));
  EXPECT_OK(Post("Q2", "G99", "staff", "2019-06-01", "临时增援"));
  // Outside the group's life: refused.
  EXPECT_THAT(Post("Q2", "G99", "deputy", "2020-03-01"),
              StatusIs(absl::StatusCode::kInvalidArgument, "UNIT_NOT_IN_EXISTENCE"));
}

TEST_F(ReportOrganisationTest, VettingIsRequiredFromTheRulesDate) {
  CreateUnitRequestFor("G98", "2022-06-01", "");
  ASSERT_OK(Quota("G98", "staff", 2, "2022-06-01"));
  ASSERT_OK(Person("V1", "1985-01-01", "bachelor", "2015-01-01"));
  EXPECT_THAT(Post("V1", "G98", "staff", "2022-07-01"),
              StatusIs(absl::StatusCode::kFailedPrecondition, "VETTING_REQUIRED"));
  ASSERT_OK(Vet("V1", "2022-06-10", /*passed=*/false));
  EXPECT_THAT(Post("V1", "G98", "staff", "2022-07-01"),
              StatusIs(absl::StatusCode::kFailedPrecondition, "VETTING_REQUIRED"));
  ASSERT_OK(Vet("V1", "2022-06-20"));
  EXPECT_OK(Post("V1", "G98", "staff", "2022-07-01"));
  // Before the rule's date (2022-01-01) no vetting was needed: Q1 joined G99 in 2019.
}

TEST_F(ReportOrganisationTest, ATransferWithoutATalkNeedsARecordedOverride) {
  CreateUnitRequestFor("G97", "2023-01-01", "");
  ASSERT_OK(Quota("G97", "deputy", 1, "2023-01-01"));
  ASSERT_OK(Person("X1", "1980-01-01", "bachelor", "2015-01-01"));
  ASSERT_OK(Post("X1", "O01", "member", "2020-01-01"));
  ASSERT_OK(Vet("X1", "2022-12-01"));
  ASSERT_OK(EndPost("X1", "O01", "member", "2022-12-31"));
  // A talk too long ago does not count.
  ASSERT_OK(Talk("X1", "2022-06-01"));
  EXPECT_THAT(Post("X1", "G97", "deputy", "2023-01-01"),
              StatusIs(absl::StatusCode::kFailedPrecondition, "TRANSFER_TALK_REQUIRED"));
  EXPECT_OK(Post("X1", "G97", "deputy", "2023-01-01", "", "组长出差，谈话补记"));
}

TEST_F(ReportOrganisationTest, OneGroupSupervisesAUnitOnAnyDate) {
  ASSERT_OK(Supervise("U01", "G02", "2023-01-01"));
  org::v1::GetUnitRequest r;
  r.set_name("units/U01");
  org::v1::Unit before, after;
  r.set_as_of("2022-12-31");
  ASSERT_OK(Call(&org::v1::OrgService::Stub::GetUnit, r, &before));
  r.set_as_of("2023-01-01");
  ASSERT_OK(Call(&org::v1::OrgService::Stub::GetUnit, r, &after));
  EXPECT_EQ(before.supervising_group(), "units/G01");
  EXPECT_EQ(after.supervising_group(), "units/G02");
  // History is not rewritten: an earlier date than the latest change is refused.
  EXPECT_THAT(Supervise("U01", "G03", "2022-06-01"),
              StatusIs(absl::StatusCode::kFailedPrecondition, "LATER_SUPERVISION_EXISTS"));
  EXPECT_THAT(Supervise("T01", "G03", "2024-01-01"),
              StatusIs(absl::StatusCode::kInvalidArgument, "NOT_A_SUPERVISED_UNIT"));
}

TEST_F(ReportOrganisationTest, BadPeopleAreRefusedWithTheirField) {
  org::v1::CreatePersonRequest r;
  r.set_person_id("BAD");
  r.mutable_person()->set_display_name("某");
  r.mutable_person()->set_birth_date("2000-01-01");
  r.mutable_person()->set_work_start("2010-01-01");  // aged 10
  absl::Status young = Call(&org::v1::OrgService::Stub::CreatePerson, r);
  EXPECT_THAT(young, StatusIs(absl::StatusCode::kInvalidArgument, "WORK_START_TOO_EARLY"));
  EXPECT_THAT(young, HasField("person.work_start"));
  r.mutable_person()->set_work_start("2020-01-01");
  r.mutable_person()->set_education("phd");
  EXPECT_THAT(Call(&org::v1::OrgService::Stub::CreatePerson, r), HasField("person.education"));
}

TEST_F(ReportOrganisationTest, UpdatesNeedTheCurrentEtagAndAMask) {
  ASSERT_OK(Person("E1", "1980-01-01", "college", "2015-01-01"));
  org::v1::GetPersonRequest get;
  get.set_name("people/E1");
  org::v1::Person read;
  ASSERT_OK(Call(&org::v1::OrgService::Stub::GetPerson, get, &read));

  org::v1::UpdatePersonRequest update;
  *update.mutable_person() = read;
  update.mutable_person()->set_education("bachelor");
  update.mutable_update_mask()->add_paths("education");
  org::v1::Person updated;
  ASSERT_OK(Call(&org::v1::OrgService::Stub::UpdatePerson, update, &updated));
  EXPECT_EQ(updated.education(), "bachelor");
  EXPECT_NE(updated.etag(), read.etag());
  // The same request again carries the old etag: someone else's change would be lost.
  EXPECT_THAT(Call(&org::v1::OrgService::Stub::UpdatePerson, update),
              StatusIs(absl::StatusCode::kAborted, "ETAG_MISMATCH"));
  update.mutable_person()->set_etag(updated.etag());
  update.mutable_update_mask()->add_paths("assignments");
  absl::Status bad_mask = Call(&org::v1::OrgService::Stub::UpdatePerson, update);
  EXPECT_THAT(bad_mask, StatusIs(absl::StatusCode::kInvalidArgument, "INVALID_FIELD_MASK"));
  EXPECT_THAT(bad_mask, HasField("update_mask"));
}

TEST_F(ReportOrganisationTest, AUnitWithHistoryIsDissolvedNotDeleted) {
  org::v1::GetUnitRequest get;
  get.set_name("units/G01");
  org::v1::Unit g01;
  ASSERT_OK(Call(&org::v1::OrgService::Stub::GetUnit, get, &g01));
  org::v1::DeleteUnitRequest del;
  del.set_name("units/G01");
  del.set_etag(g01.etag());
  EXPECT_THAT(Call(&org::v1::OrgService::Stub::DeleteUnit, del),
              StatusIs(absl::StatusCode::kFailedPrecondition, "UNIT_HAS_HISTORY"));

  ASSERT_OK(Unit("TMP", "township"));
  get.set_name("units/TMP");
  org::v1::Unit tmp;
  ASSERT_OK(Call(&org::v1::OrgService::Stub::GetUnit, get, &tmp));
  del.set_name("units/TMP");
  del.set_etag("999");
  EXPECT_THAT(Call(&org::v1::OrgService::Stub::DeleteUnit, del),
              StatusIs(absl::StatusCode::kAborted, "ETAG_MISMATCH"));
  del.set_etag(tmp.etag());
  ASSERT_OK(Call(&org::v1::OrgService::Stub::DeleteUnit, del));
  EXPECT_THAT(Call(&org::v1::OrgService::Stub::GetUnit, get),
              StatusIs(absl::StatusCode::kNotFound));

  // Dissolving keeps the history: the unit reads back with its end date.
  org::v1::UpdateUnitRequest dissolve;
  *dissolve.mutable_unit() = g01;
  dissolve.mutable_unit()->set_dissolved_on("2030-12-31");
  dissolve.mutable_update_mask()->add_paths("dissolved_on");
  org::v1::Unit dissolved;
  ASSERT_OK(Call(&org::v1::OrgService::Stub::UpdateUnit, dissolve, &dissolved));
  EXPECT_EQ(dissolved.dissolved_on(), "2030-12-31");
}

TEST_F(ReportOrganisationTest, MentoringPairsAndAccountabilityAreRecorded) {
  org::v1::RecordMentoringRequest pair;
  pair.set_mentor("people/P00");
  pair.set_mentee("people/P20");
  pair.set_from_date("2021-03-01");
  org::v1::Person mentee;
  ASSERT_OK(Call(&org::v1::OrgService::Stub::RecordMentoring, pair, &mentee));
  EXPECT_THAT(mentee.mentors(), ElementsAre("people/P00"));
  EXPECT_THAT(Call(&org::v1::OrgService::Stub::RecordMentoring, pair),
              StatusIs(absl::StatusCode::kFailedPrecondition, "MENTORING_EXISTS"));
  pair.set_mentee("people/P00");
  EXPECT_THAT(Call(&org::v1::OrgService::Stub::RecordMentoring, pair),
              StatusIs(absl::StatusCode::kInvalidArgument, "SELF_MENTORING"));

  org::v1::RecordAccountabilityRequest record;
  record.mutable_accountability()->set_subject("units/G03");
  record.mutable_accountability()->set_decided_on("2021-11-01");
  record.mutable_accountability()->set_measure("通报批评");
  record.mutable_accountability()->set_reason("对驻在单位问题线索处置不及时");
  ASSERT_OK(Call(&org::v1::OrgService::Stub::RecordAccountability, record));
  record.mutable_accountability()->set_subject("units/U01");  // a supervised unit, not a group
  EXPECT_THAT(Call(&org::v1::OrgService::Stub::RecordAccountability, record),
              StatusIs(absl::StatusCode::kInvalidArgument, "SUBJECT_NOT_FOUND"));
  org::v1::ListAccountabilityRequest list;
  list.set_subject("units/G03");
  org::v1::ListAccountabilityResponse records;
  ASSERT_OK(Call(&org::v1::OrgService::Stub::ListAccountability, list, &records));
  ASSERT_EQ(records.records_size(), 1);
  EXPECT_EQ(records.records(0).measure(), "通报批评");
}

// The principal the gateway forwards, per role: each role sees what CONTRACTS.md says.
TEST_F(ReportOrganisationTest, ResolvePrincipalGivesEachRoleItsUnits) {
  ASSERT_OK(Person("R1", "1980-01-01", "bachelor", "2015-01-01"));
  ASSERT_OK(Grant("R1", "office", "O01"));
  ASSERT_OK(Grant("R1", "group", "G03"));
  ASSERT_OK(Person("R2", "1980-01-01", "bachelor", "2015-01-01"));
  ASSERT_OK(Grant("R2", "case_manager", "C001"));
  ASSERT_OK(Person("R3", "1980-01-01", "bachelor", "2015-01-01"));
  ASSERT_OK(Grant("R3", "township", "T01"));
  ASSERT_OK(Unit("T02", "township"));  // in no zone: the office does not see it
  auto resolve = [&](const std::string& person) {
    auto stub = org::v1::OrgService::NewStub(stack_->Direct("org"));
    grpc::ClientContext ctx;
    auth::Principal gateway;
    gateway.set_kind(auth::Principal::SERVICE);
    gateway.set_subject("gateway");
    ctx.AddMetadata(auth::kPrincipalMetadataKey,
                    auth::PrincipalSigner::ForGateway(stack_->Key("org"))
                        .Sign(gateway, "org", "/paizhu.org.v1.OrgService/ResolvePrincipal"));
    org::v1::ResolvePrincipalRequest request;
    request.set_person("people/" + person);
    common::v1::Principal principal;
    EXPECT_TRUE(stub->ResolvePrincipal(&ctx, request, &principal).ok());
    return principal;
  };
  common::v1::Principal office_and_group = resolve("R1");
  ASSERT_EQ(office_and_group.roles_size(), 2);
  for (const auto& role : office_and_group.roles()) {
    if (role.role() == "group") EXPECT_THAT(role.visible_units(), ElementsAre("units/G03"));
    if (role.role() == "office") {
      // Itself and the ten groups it guides; townships only through its zones.
      EXPECT_EQ(role.visible_units_size(), 11);
      EXPECT_THAT(role.visible_units(), ::testing::Contains("units/O01"));
      EXPECT_THAT(role.visible_units(), ::testing::Not(::testing::Contains("units/T02")));
    }
  }
  EXPECT_THAT(resolve("R2").visible_units(), ElementsAre("*"));
  EXPECT_THAT(resolve("R3").visible_units(), ElementsAre("units/T01"));
  common::v1::Principal admin = resolve("admin");
  ASSERT_EQ(admin.roles_size(), 1);
  EXPECT_EQ(admin.roles(0).role(), "admin");
  EXPECT_TRUE(admin.visible_units().empty());  // the administrator sees no clue
  // Posts are shown beside roles, never as roles.
  common::v1::Principal leader = resolve("P00");
  EXPECT_TRUE(leader.roles().empty());
  ASSERT_EQ(leader.posts_size(), 1);
  EXPECT_EQ(leader.posts(0).post(), "leader");
}

}  // namespace
}  // namespace paizhu
