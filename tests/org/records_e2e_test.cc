// Through the gateway: the record kinds imported beside people (vettings, transfer talks,
// mentoring, accountability, integrity files and entries) with their row errors and
// modes; integrity files seen only through the group that supervises the cadre's unit;
// rule versions set by the admin, audited, never rewritten, and in force from their date
// (逢进必审 and the specialist target share); the zone composition in the statistics; the
// integrity opinion, which asks the clue service and leaves out what the caller may not see.

#include <tuple>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/time/civil_time.h"
#include "absl/time/clock.h"
#include "common/auth/principal.h"
#include "common/status/grpc_status.h"
#include "gmock/gmock.h"
#include "grpcpp/client_context.h"
#include "gtest/gtest.h"
#include "paizhu/clue/v1/clue.grpc.pb.h"
#include "paizhu/org/v1/org.grpc.pb.h"
#include "tests/org/imported_organisation.h"
#include "tests/support/mariadb.h"
#include "tests/support/stack.h"
#include "tests/support/status_matchers.h"

namespace paizhu {
namespace {

using ::paizhu::common::v1::ImportResult;
using ::paizhu::testing::HasField;
using ::paizhu::testing::StatusIs;
using ::testing::AllOf;
using ::testing::ElementsAre;
using ::testing::IsEmpty;
using Stub = org::v1::OrgService::Stub;

using Problem = std::tuple<int, std::string, std::string>;  // line, field, reason

std::vector<Problem> Problems(const ImportResult& result) {
  std::vector<Problem> out;
  for (const auto& e : result.errors()) out.emplace_back(e.line(), e.field(), e.reason());
  return out;
}

class RecordsTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    testing::StackOptions options;
    options.org_calls_clue = true;  // integrity opinions
    auto stack = testing::Stack::Start(testing::SharedDatabase(), options);
    ASSERT_TRUE(stack.ok()) << stack.status();
    stack_ = stack->release();
    org_ = org::v1::OrgService::NewStub(stack_->Gateway());
    clue_ = clue::v1::ClueService::NewStub(stack_->Gateway());
    BuildOrganisation();
  }
  static void TearDownTestSuite() {
    org_.reset();
    clue_.reset();
    delete stack_;
  }

  // One RPC as `person` (the admin by default).
  template <typename Request, typename Response>
  static absl::StatusOr<Response> As(const std::string& person,
                                     grpc::Status (Stub::*rpc)(grpc::ClientContext*, const Request&,
                                                               Response*),
                                     const Request& request) {
    return testing::GatewayCall(*stack_, *org_, person, rpc, request);
  }
  template <typename Request, typename Response>
  static absl::StatusOr<Response> Admin(grpc::Status (Stub::*rpc)(grpc::ClientContext*,
                                                                  const Request&, Response*),
                                        const Request& request) {
    return As("admin", rpc, request);
  }

  // A commission, an office leading zone Z1 with group G1 and township T1; group G2
  // outside it; U1 supervised by G1, U2 by G2; people: GM (group role at G1), CL
  // (commission_leader), OF (office role at O1, which guides G1 and G2), CM (case_manager
  // at the case-management office CMO), P1..P3 without posts.
  static void BuildOrganisation() {
    org::v1::ImportUnitsRequest roots;
    testing::AddUnit(roots, "C", "commission", "");
    testing::AddUnit(roots, "O1", "supervision_office", "C");
    testing::AddUnit(roots, "CMO", "case_management_office", "C");
    testing::ExpectAllImported(Admin(&Stub::ImportUnits, roots), 3);
    testing::ExpectAllImported(Admin(&Stub::ImportZones, testing::ZoneZ1LedByO1()), 1);

    org::v1::ImportUnitsRequest units;
    for (const char* g : {"G1", "G2"}) {
      auto* group = testing::AddUnit(units, g, "group", "C");
      group->set_posts("leader=1;deputy=1;staff=1");
      group->set_guiding_office("O1");
      if (std::string(g) == "G1") group->set_zone("Z1");
    }
    testing::AddUnit(units, "T1", "township", "")->set_zone("Z1");
    for (auto [u, g] : {std::pair{"U1", "G1"}, std::pair{"U2", "G2"}}) {
      auto* row = testing::AddUnit(units, u, "supervised_unit", "");
      row->set_supervising_group(g);
      row->set_supervised_since("2018-01-01");
    }
    testing::ExpectAllImported(Admin(&Stub::ImportUnits, units), 5);

    org::v1::ImportPeopleRequest people;
    for (const char* code : {"GM", "CL", "OF", "CM", "P1", "P2", "P3"})
      testing::AddCadre(people, code);
    testing::ExpectAllImported(Admin(&Stub::ImportPeople, people), 7);

    org::v1::ImportRolesRequest roles;
    testing::AddRole(roles, "GM", "group", "G1");
    testing::AddRole(roles, "CL", "commission_leader", "C");
    testing::AddRole(roles, "OF", "office", "O1");
    testing::AddRole(roles, "CM", "case_manager", "CMO");
    testing::ExpectAllImported(Admin(&Stub::ImportRoles, roles), 4);
  }

  static absl::StatusOr<org::v1::Person> GetPerson(const std::string& code) {
    org::v1::GetPersonRequest request;
    request.set_name("people/" + code);
    return Admin(&Stub::GetPerson, request);
  }

  // One clue-service RPC as `person`, through the gateway.
  template <typename Request, typename Response>
  static absl::StatusOr<Response> ClueAs(const std::string& person,
                                         grpc::Status (clue::v1::ClueService::Stub::*rpc)(
                                             grpc::ClientContext*, const Request&, Response*),
                                         const Request& request) {
    return testing::GatewayCall(*stack_, *clue_, person, rpc, request);
  }

  static absl::StatusOr<org::v1::IntegrityOpinion> Opinion(const std::string& person,
                                                           const std::string& file,
                                                           const std::string& as_of) {
    org::v1::GetIntegrityOpinionRequest request;
    request.set_file("integrity-files/" + file);
    request.set_as_of(as_of);
    return As(person, &Stub::GetIntegrityOpinion, request);
  }

  static testing::Stack* stack_;
  static std::unique_ptr<Stub> org_;
  static std::unique_ptr<clue::v1::ClueService::Stub> clue_;
};

testing::Stack* RecordsTest::stack_ = nullptr;
std::unique_ptr<Stub> RecordsTest::org_;
std::unique_ptr<clue::v1::ClueService::Stub> RecordsTest::clue_;

TEST_F(RecordsTest, VettingsTalksMentoringAndAccountabilityImportWithTheirRowErrors) {
  // All or nothing: a talk by someone unknown refuses the file, the good row included.
  org::v1::ImportTransferTalksRequest talks;
  testing::AddTransferTalk(talks, "P1", "2023-03-01", "GM");      // line 2
  testing::AddTransferTalk(talks, "P2", "2023-03-01", "NOBODY");  // line 3
  ASSERT_OK_AND_ASSIGN(ImportResult refused, Admin(&Stub::ImportTransferTalks, talks));
  EXPECT_EQ(refused.imported(), 0);
  EXPECT_THAT(Problems(refused), ElementsAre(Problem{3, "talked_by", "PERSON_NOT_FOUND"}));
  talks.mutable_rows(1)->set_talked_by("GM");
  testing::ExpectAllImported(Admin(&Stub::ImportTransferTalks, talks), 2);

  // Good rows only: the unknown person's vetting is reported, the others stored.
  org::v1::ImportVettingsRequest vettings;
  vettings.mutable_options()->set_mode(common::v1::GOOD_ROWS_ONLY);
  testing::AddVetting(vettings, "P1", "2022-05-01");     // line 2
  testing::AddVetting(vettings, "GHOST", "2022-05-01");  // line 3
  testing::AddVetting(vettings, "P2", "2099-01-01");     // line 4
  ASSERT_OK_AND_ASSIGN(ImportResult partial, Admin(&Stub::ImportVettings, vettings));
  EXPECT_EQ(partial.imported(), 1);
  EXPECT_THAT(Problems(partial), ElementsAre(Problem{3, "person", "PERSON_NOT_FOUND"},
                                             Problem{4, "vetted_on", "DATE_IN_FUTURE"}));

  // The stored vetting counts: P1 may now take a group post (逢进必审), P3 may not.
  org::v1::AssignPostRequest assign;
  assign.set_person("people/P1");
  assign.set_unit("units/G2");
  assign.set_post("staff");
  assign.set_from_date("2023-06-01");
  EXPECT_OK(Admin(&Stub::AssignPost, assign).status());
  assign.set_person("people/P3");
  assign.set_post("deputy");
  EXPECT_THAT(Admin(&Stub::AssignPost, assign).status(),
              StatusIs(absl::StatusCode::kFailedPrecondition, "VETTING_REQUIRED"));

  // Mentoring: validate_only checks against the database and stores nothing.
  org::v1::ImportMentoringRequest mentoring;
  testing::AddMentoring(mentoring, "GM", "P1", "2023-06-01");  // line 2
  mentoring.mutable_options()->set_validate_only(true);
  ASSERT_OK_AND_ASSIGN(ImportResult checked, Admin(&Stub::ImportMentoring, mentoring));
  EXPECT_THAT(Problems(checked), IsEmpty());
  ASSERT_OK_AND_ASSIGN(org::v1::Person before, GetPerson("P1"));
  EXPECT_THAT(before.mentors(), IsEmpty());
  mentoring.mutable_options()->set_validate_only(false);
  testing::ExpectAllImported(Admin(&Stub::ImportMentoring, mentoring), 1);
  ASSERT_OK_AND_ASSIGN(org::v1::Person after, GetPerson("P1"));
  EXPECT_THAT(after.mentors(), ElementsAre("people/GM"));
  // The same pair again overlaps the recorded one.
  ASSERT_OK_AND_ASSIGN(ImportResult again, Admin(&Stub::ImportMentoring, mentoring));
  EXPECT_THAT(Problems(again), ElementsAre(Problem{2, "from", "MENTORING_EXISTS"}));

  // Accountability of a person and of a group; a unit that is no group is refused.
  org::v1::ImportAccountabilityRequest accountability;
  accountability.mutable_options()->set_mode(common::v1::GOOD_ROWS_ONLY);
  testing::AddAccountability(accountability, "P2", "", "2024-02-01");  // line 2
  testing::AddAccountability(accountability, "", "G2", "2024-02-01");  // line 3
  testing::AddAccountability(accountability, "", "U1", "2024-02-01");  // line 4
  ASSERT_OK_AND_ASSIGN(ImportResult decided, Admin(&Stub::ImportAccountability, accountability));
  EXPECT_EQ(decided.imported(), 2);
  EXPECT_THAT(Problems(decided), ElementsAre(Problem{4, "group", "SUBJECT_NOT_FOUND"}));
  org::v1::ListAccountabilityRequest list;
  list.set_subject("units/G2");
  ASSERT_OK_AND_ASSIGN(org::v1::ListAccountabilityResponse records,
                       Admin(&Stub::ListAccountability, list));
  ASSERT_EQ(records.records_size(), 1);
  EXPECT_EQ(records.records(0).measure(), "诫勉谈话");
}

TEST_F(RecordsTest, IntegrityFilesAreSeenThroughTheSupervisingGroup) {
  org::v1::ImportIntegrityFilesRequest files;
  files.mutable_options()->set_mode(common::v1::GOOD_ROWS_ONLY);
  for (auto [code, unit_code, minority] :
       {std::tuple{"IF1", "U1", "top_leader"}, std::tuple{"IF2", "U2", "key_post"},
        std::tuple{"IF3", "G1", ""}, std::tuple{"IF4", "U9", ""}}) {  // lines 2..5
    auto* row = testing::AddIntegrityFile(files, code, unit_code);
    row->set_position("局长");
    row->set_level("正处");
    row->set_key_minority(minority);
    row->set_focus_tags("long_posting_away");
  }
  ASSERT_OK_AND_ASSIGN(ImportResult imported, Admin(&Stub::ImportIntegrityFiles, files));
  EXPECT_EQ(imported.imported(), 2);
  EXPECT_THAT(Problems(imported), ElementsAre(Problem{4, "unit", "NOT_A_SUPERVISED_UNIT"},
                                              Problem{5, "unit", "UNIT_NOT_FOUND"}));

  org::v1::ImportIntegrityEntriesRequest entries;
  testing::AddIntegrityEntry(entries, "IF1", "declaration", "2024-01-15");  // line 2
  testing::AddIntegrityEntry(entries, "IF9", "talk", "2024-01-15");         // line 3
  ASSERT_OK_AND_ASSIGN(ImportResult refused, Admin(&Stub::ImportIntegrityEntries, entries));
  EXPECT_EQ(refused.imported(), 0);
  EXPECT_THAT(Problems(refused), ElementsAre(Problem{3, "file", "INTEGRITY_FILE_NOT_FOUND"}));
  entries.mutable_rows()->RemoveLast();
  testing::ExpectAllImported(Admin(&Stub::ImportIntegrityEntries, entries), 1);

  // G1's member writes in IF1 (U1 is G1's) and sees it; IF2 (G2's) is not there for them.
  org::v1::AddIntegrityEntryRequest add;
  add.set_file("integrity-files/IF1");
  add.mutable_entry()->set_kind("reminder");
  add.mutable_entry()->set_date("2024-09-01");
  add.mutable_entry()->set_summary("节前廉洁提醒");
  ASSERT_OK_AND_ASSIGN(org::v1::IntegrityFile if1, As("GM", &Stub::AddIntegrityEntry, add));
  ASSERT_EQ(if1.entries_size(), 2);
  EXPECT_EQ(if1.entries(0).kind(), "declaration");
  EXPECT_EQ(if1.entries(0).recorded_by(), "");
  EXPECT_EQ(if1.entries(1).kind(), "reminder");
  EXPECT_EQ(if1.entries(1).recorded_by(), "people/GM");
  EXPECT_EQ(if1.key_minority(), "top_leader");
  EXPECT_THAT(if1.focus_tags(), ElementsAre("long_posting_away"));

  org::v1::GetIntegrityFileRequest get;
  get.set_name("integrity-files/IF2");
  EXPECT_THAT(As("GM", &Stub::GetIntegrityFile, get).status(),
              StatusIs(absl::StatusCode::kNotFound, "INTEGRITY_FILE_NOT_FOUND"));
  add.set_file("integrity-files/IF2");
  EXPECT_THAT(As("GM", &Stub::AddIntegrityEntry, add).status(),
              StatusIs(absl::StatusCode::kNotFound, "INTEGRITY_FILE_NOT_FOUND"));
  // The commission leader sees every file; the office sees those of the groups it guides.
  ASSERT_OK_AND_ASSIGN(org::v1::IntegrityFile if2, As("CL", &Stub::GetIntegrityFile, get));
  EXPECT_EQ(if2.unit(), "units/U2");
  ASSERT_OK(As("OF", &Stub::GetIntegrityFile, get).status());
  // A plain person without a role the method names is refused by the gateway.
  EXPECT_THAT(As("P3", &Stub::GetIntegrityFile, get).status(),
              StatusIs(absl::StatusCode::kPermissionDenied, ""));

  // G1's member opens a file only for a unit G1 supervises.
  org::v1::CreateIntegrityFileRequest create;
  create.set_file_id("IF5");
  create.mutable_file()->set_cadre_name("李某");
  create.mutable_file()->set_unit("units/U2");
  EXPECT_THAT(As("GM", &Stub::CreateIntegrityFile, create).status(),
              StatusIs(absl::StatusCode::kPermissionDenied, "NOT_YOUR_UNIT"));
  create.mutable_file()->set_unit("units/U1");
  create.mutable_file()->set_key_minority("deputy");
  absl::Status bad = As("GM", &Stub::CreateIntegrityFile, create).status();
  EXPECT_THAT(bad, StatusIs(absl::StatusCode::kInvalidArgument, "INVALID_KEY_MINORITY"));
  EXPECT_THAT(bad, HasField("file.key_minority"));
  create.mutable_file()->set_key_minority("leadership_member");
  create.set_request_id("create-if5");
  ASSERT_OK_AND_ASSIGN(org::v1::IntegrityFile if5, As("GM", &Stub::CreateIntegrityFile, create));
  EXPECT_EQ(if5.name(), "integrity-files/IF5");
  // A retry with the same request id answers the same file, no duplicate.
  ASSERT_OK_AND_ASSIGN(org::v1::IntegrityFile retried,
                       As("GM", &Stub::CreateIntegrityFile, create));
  EXPECT_EQ(retried.name(), "integrity-files/IF5");
  create.clear_request_id();
  EXPECT_THAT(As("GM", &Stub::CreateIntegrityFile, create).status(),
              StatusIs(absl::StatusCode::kAlreadyExists, "INTEGRITY_FILE_EXISTS"));

  // Listed a file a page: G1's member pages past IF2 (U2, G2's) as if it did not exist.
  auto listed = [](const std::string& person, const std::string& unit) {
    org::v1::ListIntegrityFilesRequest list;
    list.set_page_size(1);
    list.set_unit(unit);
    std::vector<std::string> names;
    do {
      absl::StatusOr<org::v1::ListIntegrityFilesResponse> page =
          As(person, &Stub::ListIntegrityFiles, list);
      if (!page.ok()) return std::vector<std::string>{page.status().ToString()};
      for (const auto& f : page->files()) names.push_back(f.name());
      list.set_page_token(page->next_page_token());
    } while (!list.page_token().empty());
    return names;
  };
  EXPECT_THAT(listed("GM", ""), ElementsAre("integrity-files/IF1", "integrity-files/IF5"));
  EXPECT_THAT(listed("CL", ""),
              ElementsAre("integrity-files/IF1", "integrity-files/IF2", "integrity-files/IF5"));
  EXPECT_THAT(listed("CL", "units/U2"), ElementsAre("integrity-files/IF2"));
  EXPECT_THAT(listed("GM", "units/U2"), IsEmpty());
  org::v1::ListIntegrityFilesRequest by_p3;
  EXPECT_THAT(As("P3", &Stub::ListIntegrityFiles, by_p3),
              StatusIs(absl::StatusCode::kPermissionDenied));
}

TEST_F(RecordsTest, RuleVersionsAreAuditedNeverRewrittenAndInForceFromTheirDate) {
  org::v1::ListRuleVersionsRequest list;
  list.set_rule("vetting_required");
  ASSERT_OK_AND_ASSIGN(org::v1::ListRuleVersionsResponse shipped,
                       Admin(&Stub::ListRuleVersions, list));
  ASSERT_EQ(shipped.versions_size(), 1);
  EXPECT_EQ(shipped.versions(0).from_date(), "2022-01-01");
  EXPECT_EQ(shipped.versions(0).value(), "true");
  EXPECT_EQ(shipped.versions(0).set_by(), "");

  // From 2025-01-01 no vetting is required: a post from then on passes without one, a
  // post from before does not.
  org::v1::SetRuleVersionRequest set;
  set.mutable_version()->set_rule("vetting_required");
  set.mutable_version()->set_from_date("2025-01-01");
  set.mutable_version()->set_value("false");
  set.mutable_version()->set_note("试行");
  EXPECT_THAT(As("GM", &Stub::SetRuleVersion, set).status(),
              StatusIs(absl::StatusCode::kPermissionDenied, ""));
  ASSERT_OK_AND_ASSIGN(org::v1::RuleVersion stored, Admin(&Stub::SetRuleVersion, set));
  EXPECT_EQ(stored.set_by(), "people/admin");
  EXPECT_FALSE(stored.set_at().empty());
  EXPECT_EQ(stored.value(), "false");

  org::v1::AssignPostRequest assign;
  assign.set_person("people/P3");
  assign.set_unit("units/G1");
  assign.set_post("staff");
  assign.set_from_date("2024-12-31");
  EXPECT_THAT(Admin(&Stub::AssignPost, assign).status(),
              StatusIs(absl::StatusCode::kFailedPrecondition, "VETTING_REQUIRED"));
  assign.set_from_date("2025-01-01");
  EXPECT_OK(Admin(&Stub::AssignPost, assign).status());

  // The same date again, or an earlier one, would rewrite history: refused, nothing changes.
  set.mutable_version()->set_value("true");
  absl::Status again = Admin(&Stub::SetRuleVersion, set).status();
  EXPECT_THAT(again, StatusIs(absl::StatusCode::kFailedPrecondition, "LATER_VERSION_EXISTS"));
  EXPECT_THAT(again, HasField("version.from_date"));
  set.mutable_version()->set_value("often");
  set.mutable_version()->set_from_date("2031-01-01");
  EXPECT_THAT(Admin(&Stub::SetRuleVersion, set).status(),
              StatusIs(absl::StatusCode::kInvalidArgument, "INVALID_RULE_VALUE"));
  ASSERT_OK_AND_ASSIGN(org::v1::ListRuleVersionsResponse history,
                       Admin(&Stub::ListRuleVersions, list));
  ASSERT_EQ(history.versions_size(), 2);
  EXPECT_EQ(history.versions(0).value(), "true");
  EXPECT_EQ(history.versions(1).from_date(), "2025-01-01");
  EXPECT_EQ(history.versions(1).value(), "false");

  // The target share: the statistics use the version in force on their date.
  set.mutable_version()->set_rule("specialist_target_share");
  set.mutable_version()->set_from_date("2025-01-01");
  set.mutable_version()->set_value("0.5");
  ASSERT_OK(Admin(&Stub::SetRuleVersion, set).status());
  org::v1::GetStatisticsRequest stats;
  stats.set_as_of("2024-12-31");
  ASSERT_OK_AND_ASSIGN(org::v1::Statistics old_figures, Admin(&Stub::GetStatistics, stats));
  EXPECT_DOUBLE_EQ(old_figures.specialist_target_share(), 0.3);
  stats.set_as_of("2025-01-01");
  ASSERT_OK_AND_ASSIGN(org::v1::Statistics new_figures, Admin(&Stub::GetStatistics, stats));
  EXPECT_DOUBLE_EQ(new_figures.specialist_target_share(), 0.5);
}

TEST_F(RecordsTest, CommissionLeadersLiaiseWithGroupsOverDatedPeriods) {
  auto assign = [](const std::string& group, const std::string& leader, const std::string& from,
                   const std::string& to) {
    org::v1::AssignLiaisonRequest request;
    request.set_group("units/" + group);
    request.set_leader("people/" + leader);
    request.set_from_date(from);
    request.set_to_date(to);
    return Admin(&Stub::AssignLiaison, request);
  };
  auto leaders_of = [](const std::string& group, const std::string& as_of) {
    org::v1::GetUnitRequest request;
    request.set_name("units/" + group);
    request.set_as_of(as_of);
    absl::StatusOr<org::v1::Unit> unit = Admin(&Stub::GetUnit, request);
    std::vector<std::string> out;
    if (!unit.ok()) return std::vector<std::string>{unit.status().ToString()};
    for (const auto& l : unit->liaisons())
      out.push_back(absl::StrCat(l.leader(), " ", l.leader_display_name(), " ", l.from_date(), "..",
                                 l.to_date()));
    return out;
  };
  ASSERT_OK(assign("G2", "CL", "2023-01-01", "").status());
  org::v1::EndLiaisonRequest end;
  end.set_group("units/G2");
  end.set_leader("people/CL");
  end.set_to_date("2023-12-31");
  ASSERT_OK_AND_ASSIGN(org::v1::Unit ended, Admin(&Stub::EndLiaison, end));
  EXPECT_THAT(ended.liaisons(), IsEmpty());  // read as of today, after the end
  // Assigned once: a retry with the same request_id answers without a second liaison.
  org::v1::AssignLiaisonRequest once;
  once.set_group("units/G2");
  once.set_leader("people/CL");
  once.set_from_date("2024-03-01");
  once.set_request_id("liaison-g2-2024");
  ASSERT_OK(Admin(&Stub::AssignLiaison, once).status());
  ASSERT_OK_AND_ASSIGN(org::v1::Unit retried, Admin(&Stub::AssignLiaison, once));
  EXPECT_EQ(retried.liaisons_size(), 1);  // read as of today: the one liaison

  EXPECT_THAT(leaders_of("G2", "2022-12-31"), IsEmpty());
  EXPECT_THAT(leaders_of("G2", "2023-12-31"),
              ElementsAre("people/CL 干部CL 2023-01-01..2023-12-31"));
  EXPECT_THAT(leaders_of("G2", "2024-01-15"), IsEmpty());
  EXPECT_THAT(leaders_of("G2", "2024-03-01"), ElementsAre("people/CL 干部CL 2024-03-01.."));

  // Refused, each with its field, and nothing changes.
  EXPECT_THAT(assign("G2", "CL", "2023-06-01", ""),
              AllOf(StatusIs(absl::StatusCode::kFailedPrecondition, "LIAISON_OVERLAPS"),
                    HasField("from_date")));
  EXPECT_THAT(assign("G2", "GM", "2024-01-01", ""),
              AllOf(StatusIs(absl::StatusCode::kInvalidArgument, "NOT_A_COMMISSION_LEADER"),
                    HasField("leader")));
  once.set_from_date("2024-04-01");  // the same id, another request
  EXPECT_THAT(Admin(&Stub::AssignLiaison, once),
              StatusIs(absl::StatusCode::kInvalidArgument, "REQUEST_ID_REUSED"));
  EXPECT_THAT(
      assign("U1", "CL", "2024-01-01", ""),
      AllOf(StatusIs(absl::StatusCode::kInvalidArgument, "NOT_A_GROUP"), HasField("group")));
  EXPECT_THAT(
      assign("G2", "NOBODY", "2024-01-01", ""),
      AllOf(StatusIs(absl::StatusCode::kInvalidArgument, "PERSON_NOT_FOUND"), HasField("leader")));
  EXPECT_THAT(assign("G2", "CL", "2024-01-01", "2023-01-01"),
              AllOf(StatusIs(absl::StatusCode::kInvalidArgument, "INVALID_DATE_RANGE"),
                    HasField("to_date")));
  EXPECT_THAT(assign("G2", "CL", "", ""),
              AllOf(StatusIs(absl::StatusCode::kInvalidArgument, ""), HasField("from_date")));
  end.set_to_date("2024-02-01");
  EXPECT_THAT(Admin(&Stub::EndLiaison, end),
              AllOf(StatusIs(absl::StatusCode::kFailedPrecondition, "NO_LIAISON_IN_FORCE"),
                    HasField("to_date")));
  EXPECT_THAT(leaders_of("G2", "2023-06-01"),
              ElementsAre("people/CL 干部CL 2023-01-01..2023-12-31"));
  // Only the admin sets them.
  org::v1::AssignLiaisonRequest by_leader;
  by_leader.set_group("units/G1");
  by_leader.set_leader("people/CL");
  by_leader.set_from_date("2024-01-01");
  EXPECT_THAT(As("CL", &Stub::AssignLiaison, by_leader),
              StatusIs(absl::StatusCode::kPermissionDenied));
  EXPECT_THAT(leaders_of("G1", "2024-06-01"), IsEmpty());
}

// Zone Z2 begins in 2025, after every date the other tests read zones on.
TEST_F(RecordsTest, ZoneMembershipIsDatedAndDissolvingKeepsItsHistory) {
  org::v1::CreateZoneRequest create;
  create.set_zone_id("Z2");
  create.mutable_zone()->set_display_name("第二协作区");
  create.mutable_zone()->set_office("units/CMO");
  create.mutable_zone()->set_established_on("2025-01-01");
  ASSERT_OK(Admin(&Stub::CreateZone, create).status());
  org::v1::CreateUnitRequest township;
  township.set_unit_id("T2");
  township.mutable_unit()->set_kind("township");
  township.mutable_unit()->set_display_name("第二镇纪委");
  township.mutable_unit()->set_established_on("2018-01-01");
  ASSERT_OK(Admin(&Stub::CreateUnit, township).status());

  auto join = [](const std::string& zone, const std::string& unit, const std::string& from) {
    org::v1::AddZoneMemberRequest request;
    request.set_zone("zones/" + zone);
    request.set_unit("units/" + unit);
    request.set_from_date(from);
    return Admin(&Stub::AddZoneMember, request);
  };
  auto leave = [](const std::string& zone, const std::string& unit, const std::string& to) {
    org::v1::EndZoneMemberRequest request;
    request.set_zone("zones/" + zone);
    request.set_unit("units/" + unit);
    request.set_to_date(to);
    return Admin(&Stub::EndZoneMember, request);
  };
  auto z2_on = [](const std::string& as_of) {
    org::v1::GetStatisticsRequest stats;
    stats.set_as_of(as_of);
    absl::StatusOr<org::v1::Statistics> figures = Admin(&Stub::GetStatistics, stats);
    if (!figures.ok()) return figures.status().ToString();
    for (const auto& z : figures->zones()) {
      if (z.zone() != "zones/Z2") continue;
      return absl::StrCat("groups=", absl::StrJoin(z.groups(), ","),
                          " townships=", absl::StrJoin(z.townships(), ","));
    }
    return std::string("none");
  };
  ASSERT_OK(join("Z2", "G2", "2025-02-01").status());
  ASSERT_OK(join("Z2", "T2", "2025-03-01").status());
  ASSERT_OK_AND_ASSIGN(org::v1::Zone left, leave("Z2", "G2", "2025-06-30"));

  // Refused, each with its field; nothing changes.
  EXPECT_THAT(join("Z2", "G1", "2025-07-01"),
              AllOf(StatusIs(absl::StatusCode::kFailedPrecondition, "ALREADY_IN_A_ZONE"),
                    HasField("unit")));
  EXPECT_THAT(join("Z2", "U1", "2025-07-01"),
              AllOf(StatusIs(absl::StatusCode::kInvalidArgument, "NOT_A_GROUP_OR_TOWNSHIP"),
                    HasField("unit")));
  EXPECT_THAT(join("Z2", "G2", "2024-12-31"),
              AllOf(StatusIs(absl::StatusCode::kInvalidArgument, "BEFORE_ZONE_ESTABLISHED"),
                    HasField("from_date")));
  EXPECT_THAT(join("Z9", "G2", "2025-07-01"),
              StatusIs(absl::StatusCode::kNotFound, "ZONE_NOT_FOUND"));
  EXPECT_THAT(
      leave("Z2", "G2", "2025-08-01"),
      AllOf(StatusIs(absl::StatusCode::kFailedPrecondition, "NOT_A_MEMBER"), HasField("to_date")));
  EXPECT_THAT(leave("Z2", "CMO", "2025-08-01"),
              AllOf(StatusIs(absl::StatusCode::kInvalidArgument, "ZONE_OFFICE"), HasField("unit")));
  org::v1::AddZoneMemberRequest by_group;
  by_group.set_zone("zones/Z2");
  by_group.set_unit("units/G2");
  by_group.set_from_date("2025-07-01");
  EXPECT_THAT(As("GM", &Stub::AddZoneMember, by_group),
              StatusIs(absl::StatusCode::kPermissionDenied));

  EXPECT_EQ(z2_on("2024-12-31"), "none");
  EXPECT_EQ(z2_on("2025-01-31"), "groups= townships=");
  EXPECT_EQ(z2_on("2025-04-01"), "groups=units/G2 townships=units/T2");
  EXPECT_EQ(z2_on("2025-06-30"), "groups=units/G2 townships=units/T2");
  EXPECT_EQ(z2_on("2025-07-01"), "groups= townships=units/T2");

  // Dissolved: a stale etag is refused; then every membership ends on that date.
  org::v1::UpdateZoneRequest dissolve;
  dissolve.mutable_zone()->set_name("zones/Z2");
  dissolve.mutable_zone()->set_dissolved_on("2025-09-30");
  dissolve.mutable_zone()->set_etag("999");
  dissolve.mutable_update_mask()->add_paths("dissolved_on");
  EXPECT_THAT(Admin(&Stub::UpdateZone, dissolve),
              StatusIs(absl::StatusCode::kAborted, "ETAG_MISMATCH"));
  dissolve.mutable_zone()->set_etag(left.etag());
  ASSERT_OK_AND_ASSIGN(org::v1::Zone dissolved, Admin(&Stub::UpdateZone, dissolve));
  EXPECT_EQ(dissolved.dissolved_on(), "2025-09-30");
  std::vector<std::string> history;
  for (const auto& m : dissolved.memberships())
    history.push_back(absl::StrCat(m.unit(), " ", m.from_date(), "..", m.to_date()));
  EXPECT_THAT(history,
              ElementsAre("units/CMO 2025-01-01..2025-09-30", "units/G2 2025-02-01..2025-06-30",
                          "units/T2 2025-03-01..2025-09-30"));
  EXPECT_EQ(z2_on("2025-09-30"), "groups= townships=units/T2");
  EXPECT_EQ(z2_on("2025-10-01"), "none");
  EXPECT_THAT(join("Z2", "G2", "2025-10-05"),
              AllOf(StatusIs(absl::StatusCode::kFailedPrecondition, "ZONE_DISSOLVED"),
                    HasField("from_date")));

  // Read back as of a date, one zone a page.
  org::v1::GetZoneRequest get;
  get.set_name("zones/Z2");
  get.set_as_of("2025-04-01");
  ASSERT_OK_AND_ASSIGN(org::v1::Zone april, Admin(&Stub::GetZone, get));
  EXPECT_THAT(april.members(), ElementsAre("units/CMO", "units/G2", "units/T2"));
  org::v1::ListZonesRequest list;
  list.set_page_size(1);
  list.set_as_of("2025-04-01");
  ASSERT_OK_AND_ASSIGN(org::v1::ListZonesResponse first, As("GM", &Stub::ListZones, list));
  ASSERT_EQ(first.zones_size(), 1);
  EXPECT_EQ(first.zones(0).name(), "zones/Z1");
  ASSERT_FALSE(first.next_page_token().empty());
  list.set_page_token(first.next_page_token());
  ASSERT_OK_AND_ASSIGN(org::v1::ListZonesResponse second, As("GM", &Stub::ListZones, list));
  ASSERT_EQ(second.zones_size(), 1);
  EXPECT_EQ(second.zones(0).name(), "zones/Z2");
  EXPECT_THAT(second.zones(0).members(), ElementsAre("units/CMO", "units/G2", "units/T2"));
  EXPECT_TRUE(second.next_page_token().empty());
  // A token is for the date it was made on.
  list.set_as_of("2025-07-01");
  EXPECT_THAT(As("GM", &Stub::ListZones, list),
              AllOf(StatusIs(absl::StatusCode::kInvalidArgument), HasField("page_token")));
}

// Zone Z3 (offices O3 and O4, township T3) is its own and begins in 2026, after the dates
// the other tests read zones on; those tests' zones and roles do not change.
TEST_F(RecordsTest, AZonesOfficeChangesFromADateAndEveryReadFollowsIt) {
  org::v1::ImportUnitsRequest units;
  testing::AddUnit(units, "O3", "supervision_office", "C");
  testing::AddUnit(units, "O4", "petition_office", "C");
  testing::AddUnit(units, "T3", "township", "");
  testing::ExpectAllImported(Admin(&Stub::ImportUnits, units), 3);
  org::v1::ImportPeopleRequest people;
  org::v1::ImportRolesRequest roles;
  for (auto [person, office] : {std::pair{"R3", "O3"}, std::pair{"R4", "O4"}}) {
    auto* row = people.add_rows();
    row->set_line(people.rows_size() + 1);
    row->set_code(person);
    row->set_name(absl::StrCat("干部", person));
    row->set_gender("male");
    row->set_birth_date("1980-01-01");
    row->set_education("bachelor");
    row->set_work_start("2005-01-01");
    testing::AddRole(roles, person, "office", office);
  }
  testing::ExpectAllImported(Admin(&Stub::ImportPeople, people), 2);
  testing::ExpectAllImported(Admin(&Stub::ImportRoles, roles), 2);

  // Created once: a retry with the same request_id answers the same zone.
  org::v1::CreateZoneRequest create;
  create.set_zone_id("Z3");
  create.mutable_zone()->set_display_name("第三协作区");
  create.mutable_zone()->set_office("units/O3");
  create.mutable_zone()->set_established_on("2026-01-01");
  create.set_request_id("create-z3");
  ASSERT_OK_AND_ASSIGN(org::v1::Zone created, Admin(&Stub::CreateZone, create));
  ASSERT_OK_AND_ASSIGN(org::v1::Zone again, Admin(&Stub::CreateZone, create));
  EXPECT_EQ(again.DebugString(), created.DebugString());
  create.mutable_zone()->set_display_name("别的名字");
  EXPECT_THAT(Admin(&Stub::CreateZone, create),
              StatusIs(absl::StatusCode::kInvalidArgument, "REQUEST_ID_REUSED"));
  org::v1::AddZoneMemberRequest join;
  join.set_zone("zones/Z3");
  join.set_unit("units/T3");
  join.set_from_date("2026-01-01");
  ASSERT_OK_AND_ASSIGN(org::v1::Zone joined, Admin(&Stub::AddZoneMember, join));

  auto change = [](const std::string& office, const std::string& from, const std::string& etag) {
    org::v1::ChangeZoneOfficeRequest request;
    request.set_zone("zones/Z3");
    request.set_office("units/" + office);
    request.set_from_date(from);
    request.set_etag(etag);
    return Admin(&Stub::ChangeZoneOffice, request);
  };
  auto history = [](const org::v1::Zone& zone) {
    std::vector<std::string> out;
    for (const auto& m : zone.memberships())
      out.push_back(absl::StrCat(m.unit(), " ", m.from_date(), "..", m.to_date()));
    return out;
  };
  EXPECT_THAT(change("O4", "2026-04-01", "999"),
              StatusIs(absl::StatusCode::kAborted, "ETAG_MISMATCH"));
  ASSERT_OK_AND_ASSIGN(org::v1::Zone moved, change("O4", "2026-04-01", joined.etag()));
  EXPECT_EQ(moved.office(), "units/O4");
  EXPECT_THAT(history(moved), ElementsAre("units/O3 2026-01-01..2026-03-31",
                                          "units/T3 2026-01-01..", "units/O4 2026-04-01.."));

  // Refused, each with its field; nothing changes.
  EXPECT_THAT(
      change("G2", "2026-06-01", moved.etag()),
      AllOf(StatusIs(absl::StatusCode::kInvalidArgument, "NOT_AN_OFFICE"), HasField("office")));
  EXPECT_THAT(change("O4", "2026-06-01", moved.etag()),
              AllOf(StatusIs(absl::StatusCode::kFailedPrecondition, "ALREADY_THE_OFFICE"),
                    HasField("office")));
  EXPECT_THAT(change("O1", "2026-06-01", moved.etag()),
              AllOf(StatusIs(absl::StatusCode::kFailedPrecondition, "ALREADY_IN_A_ZONE"),
                    HasField("office")));
  EXPECT_THAT(change("CMO", "2026-02-01", moved.etag()),
              AllOf(StatusIs(absl::StatusCode::kInvalidArgument, "NOT_AFTER_CURRENT_OFFICE"),
                    HasField("from_date")));
  EXPECT_THAT(change("CMO", "", moved.etag()),
              AllOf(StatusIs(absl::StatusCode::kInvalidArgument), HasField("from_date")));
  org::v1::EndZoneMemberRequest leave;
  leave.set_zone("zones/Z3");
  leave.set_unit("units/O4");
  leave.set_to_date("2026-06-01");
  EXPECT_THAT(Admin(&Stub::EndZoneMember, leave),
              AllOf(StatusIs(absl::StatusCode::kInvalidArgument, "ZONE_OFFICE"), HasField("unit")));
  org::v1::ChangeZoneOfficeRequest by_office;
  by_office.set_zone("zones/Z3");
  by_office.set_office("units/O3");
  by_office.set_from_date("2026-06-01");
  by_office.set_etag(moved.etag());
  EXPECT_THAT(As("R4", &Stub::ChangeZoneOffice, by_office),
              StatusIs(absl::StatusCode::kPermissionDenied));

  // GetZone and the statistics as of a date show the office then.
  auto zone_on = [](const std::string& as_of) {
    org::v1::GetZoneRequest get;
    get.set_name("zones/Z3");
    get.set_as_of(as_of);
    absl::StatusOr<org::v1::Zone> zone = Admin(&Stub::GetZone, get);
    if (!zone.ok()) return zone.status().ToString();
    return absl::StrCat(zone->office(), " etag=", zone->etag(),
                        " members=", absl::StrJoin(zone->members(), ","));
  };
  EXPECT_EQ(zone_on("2026-02-01"),
            absl::StrCat("units/O3 etag=", moved.etag(), " members=units/O3,units/T3"));
  EXPECT_EQ(zone_on("2026-06-01"),
            absl::StrCat("units/O4 etag=", moved.etag(), " members=units/O4,units/T3"));
  auto statistics_office = [](const std::string& as_of) {
    org::v1::GetStatisticsRequest stats;
    stats.set_as_of(as_of);
    absl::StatusOr<org::v1::Statistics> figures = Admin(&Stub::GetStatistics, stats);
    if (!figures.ok()) return figures.status().ToString();
    for (const auto& z : figures->zones()) {
      if (z.zone() == "zones/Z3")
        return absl::StrCat(z.office(), " townships=", absl::StrJoin(z.townships(), ","));
    }
    return std::string("none");
  };
  EXPECT_EQ(statistics_office("2025-12-31"), "none");
  EXPECT_EQ(statistics_office("2026-03-31"), "units/O3 townships=units/T3");
  EXPECT_EQ(statistics_office("2026-04-01"), "units/O4 townships=units/T3");

  // O3 takes over again a month from today: resolving today still gives O4 the township.
  absl::CivilDay today = absl::ToCivilDay(absl::Now(), absl::FixedTimeZone(8 * 3600));
  std::string later = absl::FormatCivilTime(today + 30);
  ASSERT_OK_AND_ASSIGN(org::v1::Zone handed_back, change("O3", later, moved.etag()));
  EXPECT_EQ(handed_back.office(), "units/O4");  // read as of today
  auto office_sees = [](const std::string& person, const std::string& as_of) {
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
    request.set_as_of(as_of);
    common::v1::Principal principal;
    grpc::Status status = stub->ResolvePrincipal(&ctx, request, &principal);
    if (!status.ok()) return std::vector<std::string>{status.error_message()};
    std::vector<std::string> units;
    for (const auto& role : principal.roles()) {
      if (role.role() == "office")
        units.insert(units.end(), role.visible_units().begin(), role.visible_units().end());
    }
    return units;
  };
  EXPECT_THAT(office_sees("R3", ""), ElementsAre("units/O3"));
  EXPECT_THAT(office_sees("R4", ""), ElementsAre("units/O4", "units/T3"));
  EXPECT_THAT(office_sees("R3", later), ElementsAre("units/O3", "units/T3"));
  EXPECT_THAT(office_sees("R4", later), ElementsAre("units/O4"));
}

// People L1..L3 hold G1's posts in 2019 only, before anyone else there.
TEST_F(RecordsTest, PeopleAndAccountabilityListInKeysetPages) {
  org::v1::ImportPeopleRequest people;
  for (const char* code : {"L1", "L2", "L3"}) {
    auto* row = people.add_rows();
    row->set_line(people.rows_size() + 1);
    row->set_code(code);
    row->set_name(absl::StrCat("干部", code));
    row->set_gender("male");
    row->set_birth_date("1980-01-01");
    row->set_education("master");
    row->set_work_start("2005-01-01");
  }
  testing::ExpectAllImported(Admin(&Stub::ImportPeople, people), 3);
  // Imported with their ends: an open post would meet the fixture's later ones in G1.
  org::v1::ImportAssignmentsRequest posts;
  testing::AddPost(posts, "L1", "G1", "leader", "2019-01-01", "2019-12-31");
  testing::AddPost(posts, "L2", "G1", "staff", "2019-01-01", "2019-06-30");
  testing::AddPost(posts, "L3", "G1", "staff", "2019-07-01", "2019-12-31");
  testing::ExpectAllImported(Admin(&Stub::ImportAssignments, posts), 3);

  // Every page of one size, as a reader without the admin role sees them.
  auto all_pages = [](org::v1::ListPeopleRequest request) {
    std::vector<std::string> names;
    request.set_page_size(1);
    do {
      absl::StatusOr<org::v1::ListPeopleResponse> page = As("GM", &Stub::ListPeople, request);
      if (!page.ok()) return std::vector<std::string>{page.status().ToString()};
      for (const auto& p : page->people()) names.push_back(p.name());
      request.set_page_token(page->next_page_token());
    } while (!request.page_token().empty());
    return names;
  };
  org::v1::ListPeopleRequest in_g1;
  in_g1.set_unit("units/G1");
  in_g1.set_as_of("2019-05-01");
  EXPECT_THAT(all_pages(in_g1), ElementsAre("people/L1", "people/L2"));
  in_g1.set_as_of("2019-08-01");
  EXPECT_THAT(all_pages(in_g1), ElementsAre("people/L1", "people/L3"));
  in_g1.set_post("staff");
  EXPECT_THAT(all_pages(in_g1), ElementsAre("people/L3"));
  org::v1::ListPeopleRequest active;
  active.set_active(true);
  active.set_as_of("2019-06-30");
  EXPECT_THAT(all_pages(active), ElementsAre("people/L1", "people/L2"));
  active.set_as_of("2018-12-31");
  EXPECT_THAT(all_pages(active), IsEmpty());
  // Everyone, posts or not: the fixture's seven, L1..L3 and the admin at least.
  org::v1::ListPeopleRequest everyone;
  EXPECT_THAT(all_pages(everyone), ::testing::IsSupersetOf({"people/CL", "people/GM", "people/L1",
                                                            "people/L2", "people/P3"}));
  org::v1::ListPeopleRequest bad_post;
  bad_post.set_post("chief");
  EXPECT_THAT(
      As("GM", &Stub::ListPeople, bad_post),
      AllOf(StatusIs(absl::StatusCode::kInvalidArgument, "INVALID_POST"), HasField("post")));
  // A token made for one filter is refused with another.
  in_g1.set_post("");
  in_g1.set_page_size(1);
  ASSERT_OK_AND_ASSIGN(org::v1::ListPeopleResponse first, As("GM", &Stub::ListPeople, in_g1));
  active.set_page_token(first.next_page_token());
  EXPECT_THAT(As("GM", &Stub::ListPeople, active),
              AllOf(StatusIs(absl::StatusCode::kInvalidArgument), HasField("page_token")));

  // Accountability of L1, newest first, two a page; ties on a date by the latest recorded.
  for (auto [day, measure] :
       {std::pair{"2019-03-01", "提醒谈话"}, std::pair{"2019-05-01", "批评教育"},
        std::pair{"2019-05-01", "诫勉谈话"}, std::pair{"2019-02-01", "责令检查"},
        std::pair{"2019-04-01", "通报批评"}}) {
    org::v1::RecordAccountabilityRequest record;
    record.mutable_accountability()->set_subject("people/L1");
    record.mutable_accountability()->set_decided_on(day);
    record.mutable_accountability()->set_measure(measure);
    record.mutable_accountability()->set_reason("履职不力");
    ASSERT_OK(Admin(&Stub::RecordAccountability, record).status());
  }
  org::v1::ListAccountabilityRequest list;
  list.set_subject("people/L1");
  list.set_page_size(2);
  std::vector<std::string> measures;
  int pages = 0;
  do {
    ASSERT_OK_AND_ASSIGN(org::v1::ListAccountabilityResponse page,
                         Admin(&Stub::ListAccountability, list));
    ++pages;
    for (const auto& r : page.records())
      measures.push_back(absl::StrCat(r.decided_on(), " ", r.measure()));
    list.set_page_token(page.next_page_token());
  } while (!list.page_token().empty() && pages < 10);
  EXPECT_EQ(pages, 3);
  EXPECT_THAT(measures,
              ElementsAre("2019-05-01 诫勉谈话", "2019-05-01 批评教育", "2019-04-01 通报批评",
                          "2019-03-01 提醒谈话", "2019-02-01 责令检查"));
}

TEST_F(RecordsTest, StatisticsListEachZoneWithItsOfficeGroupsAndTownships) {
  org::v1::GetStatisticsRequest stats;
  stats.set_as_of("2024-06-01");
  ASSERT_OK_AND_ASSIGN(org::v1::Statistics figures, Admin(&Stub::GetStatistics, stats));
  ASSERT_EQ(figures.zones_size(), 1);
  const org::v1::ZoneComposition& z1 = figures.zones(0);
  EXPECT_EQ(z1.zone(), "zones/Z1");
  EXPECT_EQ(z1.office(), "units/O1");
  EXPECT_THAT(z1.groups(), ElementsAre("units/G1"));
  EXPECT_THAT(z1.townships(), ElementsAre("units/T1"));
  // Before the zone existed there was none.
  stats.set_as_of("2017-12-31");
  ASSERT_OK_AND_ASSIGN(org::v1::Statistics earlier, Admin(&Stub::GetStatistics, stats));
  EXPECT_THAT(earlier.zones(), IsEmpty());
  // Filtered to G2, which is in no zone.
  stats.set_as_of("2024-06-01");
  stats.add_groups("units/G2");
  ASSERT_OK_AND_ASSIGN(org::v1::Statistics g2, Admin(&Stub::GetStatistics, stats));
  EXPECT_THAT(g2.zones(), IsEmpty());
}

TEST_F(RecordsTest, TheIntegrityOpinionReadsTheCluesTheCallerMaySee) {
  org::v1::ImportIntegrityFilesRequest files;
  testing::AddIntegrityFile(files, "OP1", "U1");
  testing::AddIntegrityFile(files, "OP2", "U2");
  testing::ExpectAllImported(Admin(&Stub::ImportIntegrityFiles, files), 2);

  // The clue ledger on OP1's cadre: one handled by G1 with a party warning (one year of
  // effect), one handled by G2 with a demerit (twelve months), both ended; and a live clue
  // G1 registers, still open. A namesake in another unit is not the cadre.
  clue::v1::ImportCluesRequest clues;
  for (auto [number, handler, unit_code] :
       {std::tuple{"XS2025-0001", "G1", "U1"}, std::tuple{"XS2025-0002", "G2", "U1"},
        std::tuple{"XS2025-0003", "G1", "U2"}}) {
    auto* row = clues.add_rows();
    row->set_line(clues.rows_size() + 1);
    row->set_number(number);
    row->set_received_on("2025-09-01");
    row->set_source("petition");
    row->set_handling_unit(handler);
    row->set_subject_name("干部OP1");
    row->set_subject_unit(unit_code);
    row->set_disposal("verification");
    row->set_disposed_on("2025-10-01");
  }
  ASSERT_OK_AND_ASSIGN(ImportResult imported,
                       ClueAs("CM", &clue::v1::ClueService::Stub::ImportClues, clues));
  EXPECT_THAT(Problems(imported), IsEmpty());
  clue::v1::ImportOutcomesRequest outcomes;
  for (auto [number, outcome, decided] :
       {std::tuple{"XS2025-0001", "party_warning", "2026-03-01"},
        std::tuple{"XS2025-0002", "gov_demerit", "2026-02-01"},
        std::tuple{"XS2025-0003", "party_serious_warning", "2026-02-01"}}) {
    auto* row = outcomes.add_rows();
    row->set_line(outcomes.rows_size() + 1);
    row->set_clue(number);
    row->set_subject_name("干部OP1");
    row->set_outcome(outcome);
    row->set_decided_on(decided);
  }
  ASSERT_OK_AND_ASSIGN(ImportResult decided,
                       ClueAs("CM", &clue::v1::ClueService::Stub::ImportOutcomes, outcomes));
  EXPECT_THAT(Problems(decided), IsEmpty());
  clue::v1::RegisterClueRequest live;
  live.mutable_clue()->set_received_on("2026-05-01");
  live.mutable_clue()->set_source("supervision");
  auto* subject = live.mutable_clue()->add_subjects();
  subject->set_name("干部OP1");
  subject->set_unit("units/U1");
  live.mutable_clue()->add_violations("integrity");
  live.mutable_clue()->set_allegation("违规收受礼金");
  live.mutable_clue()->set_handling_unit("units/G1");
  ASSERT_OK_AND_ASSIGN(clue::v1::Clue registered,
                       ClueAs("GM", &clue::v1::ClueService::Stub::RegisterClue, live));

  // G1's member: G1's warning is in effect, the live clue is open; G2's clue is not there.
  ASSERT_OK_AND_ASSIGN(org::v1::IntegrityOpinion mid_2026, Opinion("GM", "OP1", "2026-06-01"));
  EXPECT_EQ(mid_2026.finding(), "sanction_in_effect");
  EXPECT_EQ(mid_2026.cadre_name(), "干部OP1");
  EXPECT_THAT(mid_2026.open_clues(), ElementsAre(registered.name()));
  ASSERT_EQ(mid_2026.sanctions_size(), 1);
  EXPECT_EQ(mid_2026.sanctions(0).clue(), "clues/XS2025-0001");
  EXPECT_EQ(mid_2026.sanctions(0).outcome(), "party_warning");
  EXPECT_FALSE(mid_2026.sanctions(0).effect_until().empty());
  EXPECT_EQ(mid_2026.closed_clues(), 1);
  // The commission leader sees both groups' clues.
  ASSERT_OK_AND_ASSIGN(org::v1::IntegrityOpinion leader, Opinion("CL", "OP1", "2026-06-01"));
  EXPECT_EQ(leader.sanctions_size(), 2);
  EXPECT_EQ(leader.closed_clues(), 2);
  // Once both effect periods have run out, only the open clue remains.
  ASSERT_OK_AND_ASSIGN(org::v1::IntegrityOpinion mid_2027, Opinion("CL", "OP1", "2027-06-01"));
  EXPECT_EQ(mid_2027.finding(), "open_clues");
  EXPECT_THAT(mid_2027.sanctions(), IsEmpty());
  // A cadre no clue names: no objection. G1's member cannot ask about G2's cadre.
  ASSERT_OK_AND_ASSIGN(org::v1::IntegrityOpinion clean, Opinion("CL", "OP2", "2026-06-01"));
  EXPECT_EQ(clean.finding(), "no_objection");
  EXPECT_THAT(clean.open_clues(), IsEmpty());
  EXPECT_EQ(clean.closed_clues(), 0);
  EXPECT_THAT(Opinion("GM", "OP2", "2026-06-01").status(),
              StatusIs(absl::StatusCode::kNotFound, "INTEGRITY_FILE_NOT_FOUND"));
  // The admin sees no clue, so gets no opinion.
  EXPECT_THAT(Opinion("admin", "OP1", "2026-06-01").status(),
              StatusIs(absl::StatusCode::kPermissionDenied, ""));
}

}  // namespace
}  // namespace paizhu
