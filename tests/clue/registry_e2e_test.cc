// The registry through the gateway with real people and roles from org: who registers,
// who sees a clue (and its reporter), and that a clue one may not see is answered
// exactly like one that does not exist.

#include "absl/strings/str_cat.h"
#include "common/status/grpc_status.h"
#include "gmock/gmock.h"
#include "grpcpp/client_context.h"
#include "gtest/gtest.h"
#include "paizhu/clue/v1/clue.grpc.pb.h"
#include "paizhu/org/v1/org.grpc.pb.h"
#include "tests/support/stack.h"
#include "tests/support/status_matchers.h"

namespace paizhu {
namespace {

using ::paizhu::testing::StatusIs;

class RegistryTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto stack = testing::Stack::Start();
    ASSERT_TRUE(stack.ok()) << stack.status();
    stack_ = stack->release();
    org_ = org::v1::OrgService::NewStub(stack_->Gateway());
    clue_ = clue::v1::ClueService::NewStub(stack_->Gateway());
    // The commission, a letters-and-visits office, a supervision office guiding G1,
    // two groups, a township.
    Unit("C", "commission", "");
    Unit("PET", "petition_office", "C");
    Unit("O1", "supervision_office", "C");
    Unit("G1", "group", "C", "O1");
    Unit("G2", "group", "C");
    Unit("T1", "township", "");
    for (auto [person, role, unit] :
         std::vector<std::tuple<const char*, const char*, const char*>>{{"pet", "petition", "PET"},
                                                                        {"g1", "group", "G1"},
                                                                        {"g2", "group", "G2"},
                                                                        {"o1", "office", "O1"},
                                                                        {"cm", "case_manager", "C"},
                                                                        {"tw", "township", "T1"},
                                                                        {"aud", "auditor", "C"}}) {
      org::v1::CreatePersonRequest p;
      p.set_person_id(person);
      p.mutable_person()->set_display_name(person);
      org::v1::Person out;
      ASSERT_TRUE(org_->CreatePerson(As("admin").get(), p, &out).ok());
      org::v1::GrantRoleRequest g;
      g.set_person(absl::StrCat("people/", person));
      g.set_role(role);
      g.set_unit(absl::StrCat("units/", unit));
      g.set_from_date("2020-01-01");
      ASSERT_TRUE(org_->GrantRole(As("admin").get(), g, &out).ok()) << person;
    }
  }
  static void TearDownTestSuite() {
    org_.reset();
    clue_.reset();
    delete stack_;
  }

  static void Unit(const std::string& code, const std::string& kind, const std::string& parent,
                   const std::string& guiding = "") {
    org::v1::CreateUnitRequest r;
    r.set_unit_id(code);
    r.mutable_unit()->set_kind(kind);
    r.mutable_unit()->set_display_name(code);
    r.mutable_unit()->set_established_on("2018-03-01");
    if (!parent.empty()) r.mutable_unit()->set_parent("units/" + parent);
    if (guiding == "O1") r.mutable_unit()->set_guiding_office("units/O1");
    org::v1::Unit out;
    ASSERT_TRUE(org_->CreateUnit(As("admin").get(), r, &out).ok()) << code;
  }

  static std::unique_ptr<grpc::ClientContext> As(const std::string& person) {
    auto ctx = std::make_unique<grpc::ClientContext>();
    ctx->set_deadline(absl::ToChronoTime(absl::Now() + absl::Seconds(10)));
    ctx->AddMetadata("authorization", "Bearer " + stack_->Token(person));
    return ctx;
  }

  static clue::v1::RegisterClueRequest Report(const std::string& request_id = "") {
    clue::v1::RegisterClueRequest r;
    r.set_request_id(request_id);
    auto* c = r.mutable_clue();
    c->set_received_on("2026-03-02");
    c->set_source("petition");
    c->mutable_reporter()->set_name("李四");
    c->mutable_reporter()->set_contact("13800000000");
    auto* s = c->add_subjects();
    s->set_name("张某");
    s->set_position("局长");
    s->set_party_member(true);
    c->add_violations("integrity");
    c->set_allegation("逢年过节收受管理服务对象礼金");
    c->set_handling_unit("units/G1");
    return r;
  }

  static absl::StatusOr<clue::v1::Clue> Get(const std::string& person, const std::string& name) {
    clue::v1::GetClueRequest r;
    r.set_name(name);
    clue::v1::Clue out;
    absl::Status s = FromGrpcStatus(clue_->GetClue(As(person).get(), r, &out));
    if (!s.ok()) return s;
    return out;
  }

  static testing::Stack* stack_;
  static std::unique_ptr<org::v1::OrgService::Stub> org_;
  static std::unique_ptr<clue::v1::ClueService::Stub> clue_;
};

testing::Stack* RegistryTest::stack_ = nullptr;
std::unique_ptr<org::v1::OrgService::Stub> RegistryTest::org_;
std::unique_ptr<clue::v1::ClueService::Stub> RegistryTest::clue_;

TEST_F(RegistryTest, WhoSeesARegisteredClueAndItsReporter) {
  clue::v1::Clue registered;
  ASSERT_TRUE(clue_->RegisterClue(As("pet").get(), Report(), &registered).ok());
  EXPECT_THAT(registered.name(), ::testing::StartsWith("clues/XS2026-"));
  EXPECT_EQ(registered.registering_unit(), "units/PET");
  EXPECT_EQ(registered.state(), "registered");

  // The letters-and-visits office sees the reporter; the handlers and their office do
  // not; the case-management office sees everything but the reporter.
  ASSERT_OK_AND_ASSIGN(clue::v1::Clue by_pet, Get("pet", registered.name()));
  EXPECT_EQ(by_pet.reporter().name(), "李四");
  for (const char* person : {"g1", "o1", "cm"}) {
    ASSERT_OK_AND_ASSIGN(clue::v1::Clue seen, Get(person, registered.name()));
    EXPECT_TRUE(seen.reporter().masked()) << person;
    EXPECT_TRUE(seen.reporter().name().empty()) << person;
    EXPECT_EQ(seen.subjects(0).name(), "张某") << person;
  }
  // Another group and a township: the clue does not exist for them, word for word.
  absl::Status missing = Get("g1", "clues/XS2026-9999").status();
  for (const char* person : {"g2", "tw"}) {
    absl::Status hidden = Get(person, registered.name()).status();
    EXPECT_THAT(hidden, StatusIs(missing.code(), ErrorReason(missing))) << person;
    EXPECT_EQ(std::string(hidden.message()), absl::StrCat(registered.name(), " does not exist"))
        << person;
  }
  EXPECT_EQ(std::string(missing.message()), "clues/XS2026-9999 does not exist");
  // The administrator and the auditor see no clue content at all.
  EXPECT_THAT(Get("admin", registered.name()), StatusIs(absl::StatusCode::kPermissionDenied));
  EXPECT_THAT(Get("aud", registered.name()), StatusIs(absl::StatusCode::kPermissionDenied));
}

TEST_F(RegistryTest, ListsShowOnlyWhatEachMaySee) {
  clue::v1::Clue a, b;
  ASSERT_TRUE(clue_->RegisterClue(As("g1").get(), Report(), &a).ok());
  clue::v1::RegisterClueRequest for_g2 = Report();
  for_g2.mutable_clue()->set_handling_unit("units/G2");
  ASSERT_TRUE(clue_->RegisterClue(As("g2").get(), for_g2, &b).ok());
  auto names = [&](const std::string& person) {
    clue::v1::ListCluesRequest r;
    clue::v1::ListCluesResponse out;
    EXPECT_TRUE(clue_->ListClues(As(person).get(), r, &out).ok());
    std::set<std::string> set;
    for (const auto& c : out.clues()) {
      EXPECT_TRUE(c.allegation().empty());  // lists carry no content
      set.insert(c.name());
    }
    return set;
  };
  EXPECT_TRUE(names("g1").count(a.name()));
  EXPECT_FALSE(names("g1").count(b.name()));
  EXPECT_TRUE(names("g2").count(b.name()));
  EXPECT_TRUE(names("cm").count(a.name()) && names("cm").count(b.name()));
  EXPECT_TRUE(names("tw").empty());
}

TEST_F(RegistryTest, ARetriedRegistrationGetsTheSameNumber) {
  clue::v1::Clue first, again;
  ASSERT_TRUE(clue_->RegisterClue(As("pet").get(), Report("intake-42"), &first).ok());
  ASSERT_TRUE(clue_->RegisterClue(As("pet").get(), Report("intake-42"), &again).ok());
  EXPECT_EQ(first.name(), again.name());
}

TEST_F(RegistryTest, BadRegistrationsSayWhatIsWrong) {
  clue::v1::RegisterClueRequest r = Report();
  r.mutable_clue()->set_handling_unit("units/C");
  clue::v1::Clue out;
  EXPECT_THAT(FromGrpcStatus(clue_->RegisterClue(As("pet").get(), r, &out)),
              StatusIs(absl::StatusCode::kInvalidArgument, "CANNOT_HANDLE"));
  r = Report();
  r.mutable_clue()->set_handling_unit("units/NOPE");
  EXPECT_THAT(FromGrpcStatus(clue_->RegisterClue(As("pet").get(), r, &out)),
              StatusIs(absl::StatusCode::kInvalidArgument, "UNIT_NOT_FOUND"));
  r = Report();
  r.mutable_clue()->set_registering_unit("units/G1");
  EXPECT_THAT(FromGrpcStatus(clue_->RegisterClue(As("pet").get(), r, &out)),
              StatusIs(absl::StatusCode::kPermissionDenied, "NOT_YOUR_REGISTRY"));
}

TEST_F(RegistryTest, TheAuditTrailRecordsEveryReadAndVerifies) {
  clue::v1::Clue c;
  ASSERT_TRUE(clue_->RegisterClue(As("pet").get(), Report(), &c).ok());
  ASSERT_OK(Get("g1", c.name()));
  ASSERT_OK(Get("cm", c.name()));
  EXPECT_THAT(Get("g2", c.name()), StatusIs(absl::StatusCode::kNotFound));
  clue::v1::VerifyAuditChainRequest r;
  r.set_clue(c.name());
  clue::v1::AuditVerification v;
  ASSERT_TRUE(clue_->VerifyAuditChain(As("aud").get(), r, &v).ok());
  EXPECT_TRUE(v.intact()) << v.problem();
  EXPECT_EQ(v.entries(), 3);  // registered, read by g1, read by cm; g2 saw nothing
}

}  // namespace
}  // namespace paizhu
