// Through the gateway: every org kind exported from one suite re-imports, in the import
// order, into an empty suite, whose exports are then the same rows: the contracts' kinds
// and the records beside people (vettings, transfer talks, mentoring, accountability,
// integrity files and entries, liaisons).

#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "common/status/grpc_status.h"
#include "gmock/gmock.h"
#include "grpcpp/client_context.h"
#include "gtest/gtest.h"
#include "paizhu/org/v1/org.grpc.pb.h"
#include "tests/org/imported_organisation.h"
#include "tests/support/stack.h"
#include "tests/support/status_matchers.h"

namespace paizhu {
namespace {

using ::paizhu::common::v1::ImportResult;
using ::testing::IsEmpty;
using Stub = org::v1::OrgService::Stub;

class RecordsExportTest : public ::testing::Test {
 protected:
  void SetUp() override {
    for (auto* stack : {&source_, &target_}) {
      auto started = testing::Stack::Start();
      ASSERT_TRUE(started.ok()) << started.status();
      *stack = *std::move(started);
    }
    source_org_ = org::v1::OrgService::NewStub(source_->Gateway());
    target_org_ = org::v1::OrgService::NewStub(target_->Gateway());
  }

  // One RPC as the admin of `stack`.
  template <typename Request, typename Response>
  static absl::StatusOr<Response> Admin(testing::Stack& stack, Stub& stub,
                                        grpc::Status (Stub::*rpc)(grpc::ClientContext*,
                                                                  const Request&, Response*),
                                        const Request& request) {
    return testing::GatewayCall(stack, stub, "admin", rpc, request);
  }

  // Every row of one export, two a page so paging is exercised, lines numbered as a file's.
  template <typename Response>
  static absl::StatusOr<Response> ExportAll(
      testing::Stack& stack, Stub& stub,
      grpc::Status (Stub::*rpc)(grpc::ClientContext*, const org::v1::ExportRowsRequest&,
                                Response*)) {
    Response all;
    org::v1::ExportRowsRequest request;
    request.set_page_size(2);
    do {
      absl::StatusOr<Response> page = Admin(stack, stub, rpc, request);
      if (!page.ok()) return page.status();
      for (const auto& row : page->rows()) *all.add_rows() = row;
      request.set_page_token(page->next_page_token());
    } while (!request.page_token().empty());
    for (int i = 0; i < all.rows_size(); ++i) all.mutable_rows(i)->set_line(i + 2);
    return all;
  }

  // Exports one kind from the source, imports it into the target, and compares the
  // target's export with the source's.
  template <typename Response, typename ImportRequest>
  void Copy(const char* kind,
            grpc::Status (Stub::*export_rpc)(grpc::ClientContext*,
                                             const org::v1::ExportRowsRequest&, Response*),
            grpc::Status (Stub::*import_rpc)(grpc::ClientContext*, const ImportRequest&,
                                             ImportResult*),
            int at_least) {
    SCOPED_TRACE(kind);
    ASSERT_OK_AND_ASSIGN(Response exported, ExportAll(*source_, *source_org_, export_rpc));
    EXPECT_GE(exported.rows_size(), at_least);
    ImportRequest request;
    *request.mutable_rows() = exported.rows();
    ASSERT_OK_AND_ASSIGN(ImportResult result, Admin(*target_, *target_org_, import_rpc, request));
    for (const auto& e : result.errors())
      ADD_FAILURE() << e.line() << " " << e.field() << " " << e.reason();
    EXPECT_EQ(result.imported(), exported.rows_size());
    ASSERT_OK_AND_ASSIGN(Response copied, ExportAll(*target_, *target_org_, export_rpc));
    ASSERT_EQ(copied.rows_size(), exported.rows_size());
    for (int i = 0; i < copied.rows_size(); ++i) {
      EXPECT_EQ(copied.rows(i).DebugString(), exported.rows(i).DebugString());
    }
  }

  // A commission, an office leading zone Z1 with group G1; U1 supervised by G1; people
  // A, B and M with post history, M a commission leader; then rows of each record kind.
  void BuildSource() {
    auto admin = [this](auto rpc, const auto& request) {
      return Admin(*source_, *source_org_, rpc, request);
    };
    testing::ExpectAllImported(admin(&Stub::ImportZones, testing::ZoneZ1LedByO1()), 1);
    org::v1::ImportUnitsRequest units;
    testing::AddUnit(units, "C", "commission", "");
    testing::AddUnit(units, "O1", "supervision_office", "C");
    auto* group = testing::AddUnit(units, "G1", "group", "C");
    group->set_posts("leader=1;deputy=1;staff=1");
    group->set_guiding_office("O1");
    group->set_zone("Z1");
    auto* supervised = testing::AddUnit(units, "U1", "supervised_unit", "");
    supervised->set_supervising_group("G1");
    supervised->set_supervised_since("2018-01-01");
    testing::ExpectAllImported(admin(&Stub::ImportUnits, units), 4);
    org::v1::ImportPeopleRequest people;
    for (const char* code : {"A", "B", "M"}) testing::AddCadre(people, code);
    testing::ExpectAllImported(admin(&Stub::ImportPeople, people), 3);
    org::v1::ImportAssignmentsRequest assignments;
    testing::AddPost(assignments, "A", "G1", "leader", "2019-01-01", "2020-12-31");
    assignments.mutable_rows(0)->set_reason("调任");
    testing::AddPost(assignments, "B", "G1", "staff", "2019-01-01", "");
    testing::AddPost(assignments, "A", "O1", "member", "2021-01-01", "");
    testing::ExpectAllImported(admin(&Stub::ImportAssignments, assignments), 3);
    org::v1::ImportRolesRequest roles;
    testing::AddRole(roles, "M", "commission_leader", "C");
    testing::AddRole(roles, "B", "group", "G1");
    testing::ExpectAllImported(admin(&Stub::ImportRoles, roles), 2);
    org::v1::ImportTrainingsRequest trainings;
    for (auto [person, day, hours] :
         {std::tuple{"B", "2021-05-01", "8"}, std::tuple{"A", "2019-06-01", "2.5"}}) {
      auto* row = testing::NewRow(trainings);
      row->set_person(person);
      row->set_course("纪检监察业务培训");
      row->set_organizer("市纪委");
      row->set_date(day);
      row->set_hours(hours);
    }
    testing::ExpectAllImported(admin(&Stub::ImportTrainings, trainings), 2);
    // M liaised with G1 once and again from 2022, still (the liaisons import follows roles).
    org::v1::ImportLiaisonsRequest liaisons;
    for (auto [from, to] : {std::pair{"2019-01-01", "2020-12-31"}, std::pair{"2022-01-01", ""}}) {
      auto* row = testing::NewRow(liaisons);
      row->set_group("G1");
      row->set_leader("M");
      row->set_from(from);
      row->set_to(to);
    }
    testing::ExpectAllImported(admin(&Stub::ImportLiaisons, liaisons), 2);

    // A's latest passed vetting rides on people's vetted_on; the others are rows here.
    org::v1::ImportVettingsRequest vettings;
    for (auto [person, on, passed] :
         {std::tuple{"A", "2020-06-01", "false"}, std::tuple{"A", "2021-01-01", "true"},
          std::tuple{"B", "2021-02-01", "false"}}) {
      auto* row = testing::AddVetting(vettings, person, on);
      row->set_passed(passed);
      row->set_note("入组前审查");
    }
    testing::ExpectAllImported(admin(&Stub::ImportVettings, vettings), 3);
    org::v1::ImportTransferTalksRequest talks;
    for (const char* person : {"A", "M"}) {
      testing::AddTransferTalk(talks, person, "2021-03-01", "B")->set_note("调动谈话");
    }
    testing::ExpectAllImported(admin(&Stub::ImportTransferTalks, talks), 2);
    org::v1::ImportMentoringRequest mentoring;
    testing::AddMentoring(mentoring, "A", "B", "2021-01-01", "2021-12-31");
    testing::AddMentoring(mentoring, "A", "M", "2022-01-01");
    testing::ExpectAllImported(admin(&Stub::ImportMentoring, mentoring), 2);
    org::v1::ImportAccountabilityRequest accountability;
    testing::AddAccountability(accountability, "B", "", "2022-02-01");
    testing::AddAccountability(accountability, "", "G1", "2022-02-01");
    testing::ExpectAllImported(admin(&Stub::ImportAccountability, accountability), 2);
    org::v1::ImportIntegrityFilesRequest files;
    for (auto [code, minority, tags] :
         {std::tuple{"IF1", "top_leader", "long_posting_away;young_cadre"},
          std::tuple{"IF2", "", ""}}) {
      auto* row = testing::AddIntegrityFile(files, code, "U1");
      row->set_position("局长");
      row->set_level("正处");
      row->set_key_minority(minority);
      row->set_focus_tags(tags);
    }
    testing::ExpectAllImported(admin(&Stub::ImportIntegrityFiles, files), 2);
    org::v1::ImportIntegrityEntriesRequest entries;
    testing::AddIntegrityEntry(entries, "IF1", "declaration", "2023-01-01");
    testing::AddIntegrityEntry(entries, "IF1", "reminder", "2023-02-01");
    testing::AddIntegrityEntry(entries, "IF1", "note", "2023-03-01");
    testing::ExpectAllImported(admin(&Stub::ImportIntegrityEntries, entries), 3);
  }

  std::unique_ptr<testing::Stack> source_;
  std::unique_ptr<testing::Stack> target_;
  std::unique_ptr<Stub> source_org_;
  std::unique_ptr<Stub> target_org_;
};

TEST_F(RecordsExportTest, EveryOrgKindReimportsIntoAnEmptySuite) {
  BuildSource();
  if (HasFatalFailure()) return;
  Copy("zones", &Stub::ExportZones, &Stub::ImportZones, 1);
  Copy("units", &Stub::ExportUnits, &Stub::ImportUnits, 4);
  Copy("supervision", &Stub::ExportSupervision, &Stub::ImportSupervision, 1);
  Copy("people", &Stub::ExportPeople, &Stub::ImportPeople, 3);
  Copy("assignments", &Stub::ExportAssignments, &Stub::ImportAssignments, 3);
  Copy("roles", &Stub::ExportRoles, &Stub::ImportRoles, 2);
  Copy("trainings", &Stub::ExportTrainings, &Stub::ImportTrainings, 2);
  Copy("liaisons", &Stub::ExportLiaisons, &Stub::ImportLiaisons, 2);
  Copy("vettings", &Stub::ExportVettings, &Stub::ImportVettings, 2);
  Copy("transfer_talks", &Stub::ExportTransferTalks, &Stub::ImportTransferTalks, 2);
  Copy("mentoring", &Stub::ExportMentoring, &Stub::ImportMentoring, 2);
  Copy("accountability", &Stub::ExportAccountability, &Stub::ImportAccountability, 2);
  Copy("integrity_files", &Stub::ExportIntegrityFiles, &Stub::ImportIntegrityFiles, 2);
  Copy("integrity_entries", &Stub::ExportIntegrityEntries, &Stub::ImportIntegrityEntries, 3);

  // Liaisons re-imported are what GetUnit shows, as of a date in each period.
  for (auto [as_of, shown] :
       {std::pair{"2020-06-01", "people/M 2019-01-01..2020-12-31"}, std::pair{"2021-06-01", ""},
        std::pair{"2023-06-01", "people/M 2022-01-01.."}}) {
    org::v1::GetUnitRequest get;
    get.set_name("units/G1");
    get.set_as_of(as_of);
    ASSERT_OK_AND_ASSIGN(org::v1::Unit g1, Admin(*target_, *target_org_, &Stub::GetUnit, get));
    std::string liaisons;
    for (const auto& l : g1.liaisons())
      absl::StrAppend(&liaisons, l.leader(), " ", l.from_date(), "..", l.to_date());
    EXPECT_EQ(liaisons, shown) << as_of;
  }
}

// A liaison row breaking a rule is reported with its column, and nothing is imported.
TEST_F(RecordsExportTest, BadLiaisonRowsAreReportedAndChangeNothing) {
  BuildSource();
  if (HasFatalFailure()) return;
  org::v1::ImportLiaisonsRequest request;
  auto row = [&request](const char* group, const char* leader, const char* from, const char* to) {
    auto* r = request.add_rows();
    r->set_line(request.rows_size() + 1);
    r->set_group(group);
    r->set_leader(leader);
    r->set_from(from);
    r->set_to(to);
  };
  row("G1", "M", "2024-01-01", "");            // 2: overlaps M's open liaison with G1
  row("G1", "A", "2024-01-01", "");            // 3: A is no commission leader
  row("U1", "M", "2024-01-01", "");            // 4: U1 is no group
  row("G1", "M", "", "");                      // 5: no from
  row("G1", "M", "2024-01-01", "2023-01-01");  // 6: ends before it begins
  row("G1", "NOBODY", "2024-01-01", "");       // 7: no such person
  ASSERT_OK_AND_ASSIGN(ImportResult result,
                       Admin(*source_, *source_org_, &Stub::ImportLiaisons, request));
  std::vector<std::string> errors;
  for (const auto& e : result.errors())
    errors.push_back(absl::StrCat(e.line(), " ", e.field(), " ", e.reason()));
  EXPECT_THAT(errors, ::testing::UnorderedElementsAre(
                          "2 from LIAISON_OVERLAPS", "3 leader NOT_A_COMMISSION_LEADER",
                          "4 group NOT_A_GROUP", ::testing::StartsWith("5 from "),
                          ::testing::StartsWith("6 to "), "7 leader PERSON_NOT_FOUND"));
  EXPECT_EQ(result.imported(), 0);
  ASSERT_OK_AND_ASSIGN(org::v1::ExportLiaisonsResponse after,
                       ExportAll(*source_, *source_org_, &Stub::ExportLiaisons));
  EXPECT_EQ(after.rows_size(), 2);
}

}  // namespace
}  // namespace paizhu
