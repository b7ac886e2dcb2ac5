// The walking skeleton end to end: every process of this build on a real MariaDB, and
// calls through the gateway the way the CLI and other systems will make them.

#include "absl/strings/str_cat.h"
#include "common/auth/principal.h"
#include "common/status/grpc_status.h"
#include "gmock/gmock.h"
#include "grpcpp/client_context.h"
#include "gtest/gtest.h"
#include "paizhu/assess/v1/assess.grpc.pb.h"
#include "paizhu/clue/v1/clue.grpc.pb.h"
#include "paizhu/org/v1/org.grpc.pb.h"
#include "tests/support/stack.h"
#include "tests/support/status_matchers.h"

namespace paizhu {
namespace {

using ::paizhu::testing::HasField;
using ::paizhu::testing::StatusIs;

class SuiteTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto stack = testing::Stack::Start();
    ASSERT_TRUE(stack.ok()) << stack.status();
    stack_ = stack->release();
    org_ = org::v1::OrgService::NewStub(stack_->Gateway());
    clue_ = clue::v1::ClueService::NewStub(stack_->Gateway());
    assess_ = assess::v1::AssessService::NewStub(stack_->Gateway());
  }
  static void TearDownTestSuite() {
    org_.reset();
    clue_.reset();
    assess_.reset();
    delete stack_;
  }

  // A call context as the CLI makes it: a deadline and the person's bearer token.
  static std::unique_ptr<grpc::ClientContext> As(const std::string& person) {
    auto ctx = std::make_unique<grpc::ClientContext>();
    ctx->set_deadline(absl::ToChronoTime(absl::Now() + absl::Seconds(10)));
    if (!person.empty()) ctx->AddMetadata("authorization", "Bearer " + stack_->Token(person));
    return ctx;
  }

  static absl::Status CreateUnit(const std::string& code, const std::string& kind,
                                 const std::string& parent = "",
                                 const std::string& request_id = "") {
    org::v1::CreateUnitRequest request;
    request.set_unit_id(code);
    request.set_request_id(request_id);
    request.mutable_unit()->set_kind(kind);
    request.mutable_unit()->set_display_name(absl::StrCat("单位 ", code));
    request.mutable_unit()->set_established_on("2018-03-01");
    if (!parent.empty()) request.mutable_unit()->set_parent("units/" + parent);
    org::v1::Unit unit;
    return FromGrpcStatus(org_->CreateUnit(As("admin").get(), request, &unit));
  }

  static testing::Stack* stack_;
  static std::unique_ptr<org::v1::OrgService::Stub> org_;
  static std::unique_ptr<clue::v1::ClueService::Stub> clue_;
  static std::unique_ptr<assess::v1::AssessService::Stub> assess_;
};

testing::Stack* SuiteTest::stack_ = nullptr;
std::unique_ptr<org::v1::OrgService::Stub> SuiteTest::org_;
std::unique_ptr<clue::v1::ClueService::Stub> SuiteTest::clue_;
std::unique_ptr<assess::v1::AssessService::Stub> SuiteTest::assess_;

TEST_F(SuiteTest, AllFourReportServingAndReady) {
  for (const auto& [process, name] : std::vector<std::pair<std::string, std::string>>{
           {"org", "paizhu.org.v1.OrgService"},
           {"clue", "paizhu.clue.v1.ClueService"},
           {"assess", "paizhu.assess.v1.AssessService"},
           {"gateway", "paizhu.gateway"}}) {
    std::string address = absl::StrCat("127.0.0.1:", stack_->port(process));
    EXPECT_TRUE(testing::IsServing(address, "")) << process;
    EXPECT_TRUE(testing::IsServing(address, name)) << process;
  }
}

TEST_F(SuiteTest, AdminBuildsAndReadsTheOrganisationThroughTheGateway) {
  ASSERT_OK(CreateUnit("C001", "commission"));
  ASSERT_OK(CreateUnit("G01", "group", "C001"));
  ASSERT_OK(CreateUnit("G02", "group", "C001"));
  ASSERT_OK(CreateUnit("U001", "supervised_unit"));

  org::v1::GetUnitRequest get;
  get.set_name("units/G01");
  org::v1::Unit unit;
  ASSERT_TRUE(org_->GetUnit(As("admin").get(), get, &unit).ok());
  EXPECT_EQ(unit.kind(), "group");
  EXPECT_EQ(unit.parent(), "units/C001");
  EXPECT_EQ(unit.display_name(), "单位 G01");
  EXPECT_EQ(unit.established_on(), "2018-03-01");

  // Keyset pages: two, then the rest, then no token.
  org::v1::ListUnitsRequest list;
  list.set_page_size(2);
  org::v1::ListUnitsResponse page;
  ASSERT_TRUE(org_->ListUnits(As("admin").get(), list, &page).ok());
  ASSERT_EQ(page.units_size(), 2);
  EXPECT_EQ(page.units(0).name(), "units/C001");
  EXPECT_EQ(page.units(1).name(), "units/G01");
  ASSERT_FALSE(page.next_page_token().empty());
  list.set_page_token(page.next_page_token());
  org::v1::ListUnitsResponse rest;
  ASSERT_TRUE(org_->ListUnits(As("admin").get(), list, &rest).ok());
  ASSERT_GE(rest.units_size(), 2);
  EXPECT_EQ(rest.units(0).name(), "units/G02");

  org::v1::ListUnitsRequest groups;
  groups.set_kind("group");
  org::v1::ListUnitsResponse only_groups;
  ASSERT_TRUE(org_->ListUnits(As("admin").get(), groups, &only_groups).ok());
  ASSERT_EQ(only_groups.units_size(), 2);
  EXPECT_TRUE(only_groups.next_page_token().empty());
}

TEST_F(SuiteTest, BadInputComesBackWithReasonAndFieldAndChangesNothing) {
  absl::Status bad_kind = CreateUnit("X1", "ministry");
  EXPECT_THAT(bad_kind, StatusIs(absl::StatusCode::kInvalidArgument, "INVALID_UNIT_KIND"));
  EXPECT_THAT(bad_kind, HasField("unit.kind"));
  EXPECT_THAT(CreateUnit("X2", "group", "NOPE"),
              StatusIs(absl::StatusCode::kInvalidArgument, "PARENT_NOT_FOUND"));
  ASSERT_OK(CreateUnit("DUP", "township"));
  EXPECT_THAT(CreateUnit("DUP", "township"),
              StatusIs(absl::StatusCode::kAlreadyExists, "UNIT_EXISTS"));

  for (const char* code : {"X1", "X2"}) {
    org::v1::GetUnitRequest get;
    get.set_name(absl::StrCat("units/", code));
    org::v1::Unit unit;
    EXPECT_EQ(org_->GetUnit(As("admin").get(), get, &unit).error_code(),
              grpc::StatusCode::NOT_FOUND);
  }
}

TEST_F(SuiteTest, RetriedCreateReturnsTheFirstResult) {
  ASSERT_OK(CreateUnit("R1", "township", "", "req-r1"));
  // The same request again (a client retry after a lost answer): the same unit, no error.
  EXPECT_OK(CreateUnit("R1", "township", "", "req-r1"));
  // The same id for a different request is a client bug, said so.
  EXPECT_THAT(CreateUnit("R2", "township", "", "req-r1"),
              StatusIs(absl::StatusCode::kInvalidArgument, "REQUEST_ID_REUSED"));
}

TEST_F(SuiteTest, ClueComputesAStatutoryDeadlineOnTheWorkingDayCalendar) {
  clue::v1::ComputeDeadlineRequest request;
  request.set_start_date("2026-09-18");
  request.set_amount(15);
  request.set_unit(clue::v1::WORKING_DAYS);
  clue::v1::Deadline deadline;
  ASSERT_TRUE(clue_->ComputeDeadline(As("admin").get(), request, &deadline).ok());
  // 中秋 and 国庆 2026 are passed over, the two 调休 weekend days count.
  EXPECT_EQ(deadline.due_date(), "2026-10-15");
  EXPECT_EQ(deadline.makeup_workdays_counted(), 2);
  EXPECT_FALSE(deadline.explanation().empty());

  request.set_start_date("2027-06-01");
  grpc::Status not_loaded = clue_->ComputeDeadline(As("admin").get(), request, &deadline);
  EXPECT_THAT(FromGrpcStatus(not_loaded),
              StatusIs(absl::StatusCode::kFailedPrecondition, "CALENDAR_NOT_LOADED"));
}

TEST_F(SuiteTest, AssessRecordsLedgerRowsCheckingUnitsWithOrg) {
  ASSERT_OK(CreateUnit("C9", "commission"));
  ASSERT_OK(CreateUnit("G9", "group", "C9"));
  ASSERT_OK(CreateUnit("U9", "supervised_unit"));
  auto record = [&](const std::string& group, const std::string& unit) {
    assess::v1::RecordActivityRequest request;
    auto* a = request.mutable_activity();
    a->set_group("units/" + group);
    a->set_unit("units/" + unit);
    a->set_date("2026-03-02");
    a->set_kind("meeting");
    a->set_subkind("党组会");
    a->set_count(2);
    assess::v1::Activity out;
    return FromGrpcStatus(assess_->RecordActivity(As("admin").get(), request, &out));
  };
  ASSERT_OK(record("G9", "U9"));
  // assess asks org (as itself) about both codes.
  absl::Status missing = record("G9", "NOPE");
  EXPECT_THAT(missing, StatusIs(absl::StatusCode::kInvalidArgument, "UNIT_NOT_FOUND"));
  EXPECT_THAT(missing, HasField("activity.unit"));
  EXPECT_THAT(record("U9", "U9"), StatusIs(absl::StatusCode::kInvalidArgument, "NOT_A_GROUP"));

  assess::v1::ListActivitiesRequest list;
  list.set_group("units/G9");
  assess::v1::ListActivitiesResponse rows;
  ASSERT_TRUE(assess_->ListActivities(As("admin").get(), list, &rows).ok());
  ASSERT_EQ(rows.activities_size(), 1);
  EXPECT_EQ(rows.activities(0).count(), 2);
  EXPECT_EQ(rows.activities(0).subkind(), "党组会");
}

TEST_F(SuiteTest, TheGatewayRefusesCallersItCannotAuthenticate) {
  org::v1::ListUnitsRequest request;
  org::v1::ListUnitsResponse response;
  auto expect_refused = [&](grpc::ClientContext* ctx, const char* what) {
    grpc::Status status = org_->ListUnits(ctx, request, &response);
    EXPECT_EQ(status.error_code(), grpc::StatusCode::UNAUTHENTICATED) << what;
    // The same generic answer whatever the cause: the log says why.
    EXPECT_EQ(status.error_message(), "unauthenticated") << what;
  };
  expect_refused(As("").get(), "no token");
  auto garbage = As("");
  garbage->AddMetadata("authorization", "Bearer not.a.token");
  expect_refused(garbage.get(), "garbage");
  expect_refused(As("nobody").get(), "a person org does not know");
  auto expired = As("");
  expired->AddMetadata("authorization", "Bearer " + stack_->Token("admin", -absl::Minutes(5)));
  expect_refused(expired.get(), "expired");
}

TEST_F(SuiteTest, ServicesRefuseUnsignedOrForgedPrincipals) {
  auto org_direct = org::v1::OrgService::NewStub(stack_->Direct("org"));
  org::v1::ListUnitsRequest request;
  org::v1::ListUnitsResponse response;
  const std::string method = "/paizhu.org.v1.OrgService/ListUnits";
  auth::Principal admin;
  admin.set_kind(auth::Principal::PERSON);
  admin.set_subject("admin");
  admin.add_roles()->set_role("admin");

  grpc::ClientContext unsigned_call;
  EXPECT_EQ(org_direct->ListUnits(&unsigned_call, request, &response).error_code(),
            grpc::StatusCode::UNAUTHENTICATED);

  // Signed with the clue service's key: clue cannot speak for a person to org.
  grpc::ClientContext forged;
  forged.AddMetadata(
      auth::kPrincipalMetadataKey,
      auth::PrincipalSigner::ForGateway(stack_->Key("clue")).Sign(admin, "org", method));
  EXPECT_EQ(org_direct->ListUnits(&forged, request, &response).error_code(),
            grpc::StatusCode::UNAUTHENTICATED);

  // Signed for another method: a captured principal cannot be replayed elsewhere.
  grpc::ClientContext replayed;
  replayed.AddMetadata(auth::kPrincipalMetadataKey,
                       auth::PrincipalSigner::ForGateway(stack_->Key("org"))
                           .Sign(admin, "org", "/paizhu.org.v1.OrgService/CreateUnit"));
  EXPECT_EQ(org_direct->ListUnits(&replayed, request, &response).error_code(),
            grpc::StatusCode::UNAUTHENTICATED);

  // Signed with org's own key, as the gateway does: accepted.
  grpc::ClientContext genuine;
  genuine.AddMetadata(
      auth::kPrincipalMetadataKey,
      auth::PrincipalSigner::ForGateway(stack_->Key("org")).Sign(admin, "org", method));
  EXPECT_TRUE(org_direct->ListUnits(&genuine, request, &response).ok());
}

// Last (gtest runs tests in order): every process stops cleanly on SIGTERM.
// Clients stay connected, as they do during a rolling update.
TEST_F(SuiteTest, ZzEveryProcessStopsCleanlyOnSigterm) { EXPECT_EQ(stack_->StopAll(), 0); }

}  // namespace
}  // namespace paizhu
