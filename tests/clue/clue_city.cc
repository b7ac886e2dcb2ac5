#include "tests/clue/clue_city.h"

#include <tuple>
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
                  const char* guiding, const char* supervising) {
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
  };
  unit("C", "commission", "", "", "", "");
  unit("O1", "supervision_office", "C", "", "", "");
  unit("CMO", "case_management_office", "C", "", "", "");
  unit("TR", "trial_office", "C", "", "", "");
  unit("G1", "group", "C", "leader=1;deputy=1;staff=2", "O1", "");
  unit("G2", "group", "C", "leader=1;deputy=1;staff=1", "O1", "");
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
  person("o1", "O1", "member");
  person("o1b", "O1", "member");
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
