#include "tests/clue/clue_city.h"

#include <tuple>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "common/status/grpc_status.h"
#include "common/status/macros.h"
#include "common/status/status.h"
#include "grpcpp/client_context.h"
#include "paizhu/org/v1/org.grpc.pb.h"

namespace paizhu::testing {
namespace {

template <typename Request>
absl::Status Import(org::v1::OrgService::Stub& org,
                    grpc::Status (org::v1::OrgService::Stub::*rpc)(grpc::ClientContext*,
                                                                   const Request&,
                                                                   common::v1::ImportResult*),
                    const Request& request, const Stack& stack) {
  grpc::ClientContext ctx;
  ctx.set_deadline(absl::ToChronoTime(absl::Now() + absl::Seconds(20)));
  ctx.AddMetadata("authorization", "Bearer " + stack.Token("admin"));
  common::v1::ImportResult result;
  RETURN_IF_ERROR(FromGrpcStatus((org.*rpc)(&ctx, request, &result)));
  if (result.errors_size() > 0) {
    const auto& e = result.errors(0);
    return Internal("SEED_FAILED",
                    absl::StrCat("line ", e.line(), " ", e.field(), ": ", e.message()));
  }
  return absl::OkStatus();
}

}  // namespace

std::unique_ptr<grpc::ClientContext> AsPerson(const Stack& stack, const std::string& person) {
  auto ctx = std::make_unique<grpc::ClientContext>();
  ctx->set_deadline(absl::ToChronoTime(absl::Now() + absl::Seconds(20)));
  ctx->AddMetadata("authorization", "Bearer " + stack.Token(person));
  return ctx;
}

absl::Status SeedClueCity(Stack& stack) {
  auto org = org::v1::OrgService::NewStub(stack.Gateway());
  // The organisation, imported as an administrator would: G1 is guided by O1 and
  // supervises U1; people hold posts (G1's leader, deputy, staff) and roles.
  org::v1::ImportUnitsRequest units;
  auto unit = [&](const char* code, const char* kind, const char* parent, const char* posts,
                  const char* guiding, const char* supervising, const char* zone = "") {
    auto* r = units.add_rows();
    r->set_line(units.rows_size() + 1);
    r->set_code(code);
    r->set_kind(kind);
    r->set_name(code);
    r->set_parent(parent);
    r->set_established_on("2018-03-01");
    r->set_posts(posts);
    r->set_guiding_office(guiding);
    r->set_supervising_group(supervising);
    if (*supervising) r->set_supervised_since("2019-01-01");
    r->set_zone(zone);
  };
  // Offices first: the collaboration zones (室组地) they lead come before their members.
  unit("C", "commission", "", "", "", "");
  unit("O1", "supervision_office", "C", "", "", "");
  unit("O2", "supervision_office", "C", "", "", "");
  unit("CMO", "case_management_office", "C", "", "", "");
  unit("TR", "trial_office", "C", "", "", "");
  RETURN_IF_ERROR(Import(*org, &org::v1::OrgService::Stub::ImportUnits, units, stack));
  org::v1::ImportZonesRequest zones;
  for (auto [code, office] :
       std::vector<std::pair<const char*, const char*>>{{"Z1", "O1"}, {"Z2", "O2"}}) {
    auto* z = zones.add_rows();
    z->set_line(zones.rows_size() + 1);
    z->set_code(code);
    z->set_name(code);
    z->set_office(office);
    z->set_established_on("2018-03-01");
  }
  RETURN_IF_ERROR(Import(*org, &org::v1::OrgService::Stub::ImportZones, zones, stack));
  units.clear_rows();
  unit("G1", "group", "C", "leader=1;deputy=1;staff=2", "O1", "", "Z1");
  unit("G2", "group", "C", "leader=1;deputy=1;staff=1", "O1", "", "Z1");
  unit("G3", "group", "C", "leader=1;deputy=1;staff=1", "O2", "", "Z2");
  unit("T1", "township", "C", "", "", "", "Z1");
  unit("T2", "township", "C", "", "", "", "Z2");
  unit("T3", "township", "C", "", "", "", "Z2");
  unit("U1", "supervised_unit", "", "", "", "G1");
  RETURN_IF_ERROR(Import(*org, &org::v1::OrgService::Stub::ImportUnits, units, stack));

  org::v1::ImportPeopleRequest people;
  auto person = [&](const char* code, const char* unit, const char* post) {
    auto* r = people.add_rows();
    r->set_line(people.rows_size() + 1);
    r->set_code(code);
    r->set_name(code);
    r->set_gender("male");
    r->set_birth_date("1980-05-01");
    r->set_education("bachelor");
    r->set_work_start("2010-01-01");
    r->set_unit(unit);
    r->set_post(post);
    r->set_post_since("2021-06-01");
    r->set_vetted_on("2021-05-20");
  };
  person("lead1", "G1", "leader");
  person("dep1", "G1", "deputy");
  person("staff1", "G1", "staff");
  person("staff2", "G1", "staff");
  person("g2", "G2", "staff");
  person("g2lead", "G2", "leader");
  person("g3", "G3", "staff");
  person("g3dep", "G3", "deputy");  // G3's leader post stays vacant
  person("t1a", "T1", "member");
  person("t1b", "T1", "member");
  person("t2", "T2", "member");
  person("t3", "T3", "member");
  person("o1", "O1", "member");
  person("o1b", "O1", "member");
  person("o2", "O2", "member");
  person("cl", "C", "member");
  person("cm", "CMO", "member");
  person("tr", "TR", "member");
  RETURN_IF_ERROR(Import(*org, &org::v1::OrgService::Stub::ImportPeople, people, stack));

  org::v1::ImportRolesRequest roles;
  for (auto [p, role, u] : std::vector<std::tuple<const char*, const char*, const char*>>{
           {"lead1", "group", "G1"},
           {"dep1", "group", "G1"},
           {"staff1", "group", "G1"},
           {"staff2", "group", "G1"},
           {"g2", "group", "G2"},
           {"g2lead", "group", "G2"},
           {"g3", "group", "G3"},
           {"g3dep", "group", "G3"},
           {"t1a", "township", "T1"},
           {"t1b", "township", "T1"},
           {"t2", "township", "T2"},
           {"t3", "township", "T3"},
           {"o2", "office", "O2"},
           {"o1", "office", "O1"},
           {"o1b", "office", "O1"},
           {"cl", "commission_leader", "C"},
           {"cm", "case_manager", "CMO"},
           {"tr", "trial", "TR"}}) {
    auto* r = roles.add_rows();
    r->set_line(roles.rows_size() + 1);
    r->set_person(p);
    r->set_role(role);
    r->set_unit(u);
  }
  RETURN_IF_ERROR(Import(*org, &org::v1::OrgService::Stub::ImportRoles, roles, stack));

  return absl::OkStatus();
}

}  // namespace paizhu::testing
