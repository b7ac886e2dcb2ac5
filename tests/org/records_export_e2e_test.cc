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
    grpc::ClientContext ctx;
    ctx.set_deadline(absl::ToChronoTime(absl::Now() + absl::Seconds(30)));
    ctx.AddMetadata("authorization", "Bearer " + stack.Token("admin"));
    Response response;
    absl::Status status = FromGrpcStatus((stub.*rpc)(&ctx, request, &response));
    if (!status.ok()) return status;
    return response;
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
    org::v1::ImportZonesRequest zones;
    auto* zone = zones.add_rows();
    zone->set_line(2);
    zone->set_code("Z1");
    zone->set_name("第一协作区");
    zone->set_office("O1");
    zone->set_established_on("2018-01-01");
    ExpectAllImported(admin(&Stub::ImportZones, zones), 1);
    org::v1::ImportUnitsRequest units;
    auto unit = [&units](const std::string& code, const std::string& kind,
                         const std::string& parent) {
      auto* row = units.add_rows();
      row->set_line(units.rows_size() + 1);
      row->set_code(code);
      row->set_kind(kind);
      row->set_name("单位" + code);
      row->set_parent(parent);
      row->set_established_on("2018-01-01");
      return row;
    };
    unit("C", "commission", "");
    unit("O1", "supervision_office", "C");
    auto* group = unit("G1", "group", "C");
    group->set_posts("leader=1;deputy=1;staff=1");
    group->set_guiding_office("O1");
    group->set_zone("Z1");
    auto* supervised = unit("U1", "supervised_unit", "");
    supervised->set_supervising_group("G1");
    supervised->set_supervised_since("2018-01-01");
    ExpectAllImported(admin(&Stub::ImportUnits, units), 4);
    org::v1::ImportPeopleRequest people;
    for (const char* code : {"A", "B", "M"}) {
      auto* row = people.add_rows();
      row->set_line(people.rows_size() + 1);
      row->set_code(code);
      row->set_name(absl::StrCat("干部", code));
      row->set_gender("female");
      row->set_birth_date("1985-05-05");
      row->set_education("bachelor");
      row->set_specialties("law");
      row->set_work_start("2010-01-01");
    }
    ExpectAllImported(admin(&Stub::ImportPeople, people), 3);
    org::v1::ImportAssignmentsRequest assignments;
    for (auto [person, post, from, to] : {std::tuple{"A", "leader", "2019-01-01", "2020-12-31"},
                                          std::tuple{"B", "staff", "2019-01-01", ""},
                                          std::tuple{"A", "member", "2021-01-01", ""}}) {
      auto* row = assignments.add_rows();
      row->set_line(assignments.rows_size() + 1);
      row->set_person(person);
      row->set_unit(std::string(post) == "member" ? "O1" : "G1");
      row->set_post(post);
      row->set_from(from);
      row->set_to(to);
      row->set_reason(std::string(to).empty() ? "" : "调任");
    }
    ExpectAllImported(admin(&Stub::ImportAssignments, assignments), 3);
    org::v1::ImportRolesRequest roles;
    for (auto [person, role, unit] :
         {std::tuple{"M", "commission_leader", "C"}, std::tuple{"B", "group", "G1"}}) {
      auto* row = roles.add_rows();
      row->set_line(roles.rows_size() + 1);
      row->set_person(person);
      row->set_role(role);
      row->set_unit(unit);
    }
    ExpectAllImported(admin(&Stub::ImportRoles, roles), 2);
    org::v1::ImportTrainingsRequest trainings;
    for (auto [person, day, hours] :
         {std::tuple{"B", "2021-05-01", "8"}, std::tuple{"A", "2019-06-01", "2.5"}}) {
      auto* row = trainings.add_rows();
      row->set_line(trainings.rows_size() + 1);
      row->set_person(person);
      row->set_course("纪检监察业务培训");
      row->set_organizer("市纪委");
      row->set_date(day);
      row->set_hours(hours);
    }
    ExpectAllImported(admin(&Stub::ImportTrainings, trainings), 2);
    // M liaised with G1 once and again from 2022, still (the liaisons import follows roles).
    org::v1::ImportLiaisonsRequest liaisons;
    for (auto [from, to] : {std::pair{"2019-01-01", "2020-12-31"}, std::pair{"2022-01-01", ""}}) {
      auto* row = liaisons.add_rows();
      row->set_line(liaisons.rows_size() + 1);
      row->set_group("G1");
      row->set_leader("M");
      row->set_from(from);
      row->set_to(to);
    }
    ExpectAllImported(admin(&Stub::ImportLiaisons, liaisons), 2);

    // A's latest passed vetting rides on people's vetted_on; the others are rows here.
    org::v1::ImportVettingsRequest vettings;
    for (auto [person, on, passed] :
         {std::tuple{"A", "2020-06-01", "false"}, std::tuple{"A", "2021-01-01", "true"},
          std::tuple{"B", "2021-02-01", "false"}}) {
      auto* row = vettings.add_rows();
      row->set_line(vettings.rows_size() + 1);
      row->set_person(person);
      row->set_vetted_on(on);
      row->set_passed(passed);
      row->set_note("入组前审查");
    }
    ExpectAllImported(admin(&Stub::ImportVettings, vettings), 3);
    org::v1::ImportTransferTalksRequest talks;
    for (auto [person, by] : {std::pair{"A", "B"}, std::pair{"M", "B"}}) {
      auto* row = talks.add_rows();
      row->set_line(talks.rows_size() + 1);
      row->set_person(person);
      row->set_talked_on("2021-03-01");
      row->set_talked_by(by);
      row->set_note("调动谈话");
    }
    ExpectAllImported(admin(&Stub::ImportTransferTalks, talks), 2);
    org::v1::ImportMentoringRequest mentoring;
    for (auto [mentee, from, to] :
         {std::tuple{"B", "2021-01-01", "2021-12-31"}, std::tuple{"M", "2022-01-01", ""}}) {
      auto* row = mentoring.add_rows();
      row->set_line(mentoring.rows_size() + 1);
      row->set_mentor("A");
      row->set_mentee(mentee);
      row->set_from(from);
      row->set_to(to);
    }
    ExpectAllImported(admin(&Stub::ImportMentoring, mentoring), 2);
    org::v1::ImportAccountabilityRequest accountability;
    for (auto [person, group] : {std::pair{"B", ""}, std::pair{"", "G1"}}) {
      auto* row = accountability.add_rows();
      row->set_line(accountability.rows_size() + 1);
      row->set_person(person);
      row->set_group(group);
      row->set_decided_on("2022-02-01");
      row->set_measure("诫勉谈话");
      row->set_reason("监督责任落实不到位");
    }
    ExpectAllImported(admin(&Stub::ImportAccountability, accountability), 2);
    org::v1::ImportIntegrityFilesRequest files;
    for (auto [code, minority, tags] :
         {std::tuple{"IF1", "top_leader", "long_posting_away;young_cadre"},
          std::tuple{"IF2", "", ""}}) {
      auto* row = files.add_rows();
      row->set_line(files.rows_size() + 1);
      row->set_code(code);
      row->set_name(absl::StrCat("干部", code));
      row->set_unit("U1");
      row->set_position("局长");
      row->set_level("正处");
      row->set_key_minority(minority);
      row->set_focus_tags(tags);
    }
    ExpectAllImported(admin(&Stub::ImportIntegrityFiles, files), 2);
    org::v1::ImportIntegrityEntriesRequest entries;
    for (auto [kind, day] :
         {std::pair{"declaration", "2023-01-01"}, std::pair{"reminder", "2023-02-01"},
          std::pair{"note", "2023-03-01"}}) {
      auto* row = entries.add_rows();
      row->set_line(entries.rows_size() + 1);
      row->set_file("IF1");
      row->set_kind(kind);
      row->set_date(day);
      row->set_summary("个人有关事项报告");
    }
    ExpectAllImported(admin(&Stub::ImportIntegrityEntries, entries), 3);
  }

  static void ExpectAllImported(const absl::StatusOr<ImportResult>& result, int rows) {
    ASSERT_OK(result.status());
    for (const auto& e : result->errors())
      ADD_FAILURE() << e.line() << " " << e.field() << " " << e.reason();
    EXPECT_EQ(result->imported(), rows);
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
