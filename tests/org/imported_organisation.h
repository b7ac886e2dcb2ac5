#pragma once
// What the org e2e tests share to build an organisation by imports through the gateway:
// a call as a person, the check that a whole file imported, and one helper per row kind
// that numbers its row as a file's line (the header is line 1) and fills the columns the
// tests do not vary (units are 单位CODE since 2018-01-01; cadres are 干部CODE, female,
// born 1985-05-05, bachelor, law, in discipline work since 2010-01-01).

#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "common/status/grpc_status.h"
#include "grpcpp/client_context.h"
#include "gtest/gtest.h"
#include "paizhu/common/v1/import.pb.h"
#include "paizhu/org/v1/org.pb.h"
#include "tests/support/stack.h"
#include "tests/support/status_matchers.h"

namespace paizhu::testing {

// One RPC of `stub` through `stack`'s gateway as `person`, with a 30 s deadline.
template <typename Stub, typename Request, typename Response>
absl::StatusOr<Response> GatewayCall(Stack& stack, Stub& stub, const std::string& person,
                                     grpc::Status (Stub::*rpc)(grpc::ClientContext*, const Request&,
                                                               Response*),
                                     const Request& request) {
  grpc::ClientContext ctx;
  ctx.set_deadline(absl::ToChronoTime(absl::Now() + absl::Seconds(30)));
  ctx.AddMetadata("authorization", "Bearer " + stack.Token(person));
  Response response;
  absl::Status status = FromGrpcStatus((stub.*rpc)(&ctx, request, &response));
  if (!status.ok()) return status;
  return response;
}

// The call answered, every row imported, none refused (each refusal a failure naming its
// line, field and reason).
inline void ExpectAllImported(const absl::StatusOr<common::v1::ImportResult>& result, int rows) {
  ASSERT_OK(result.status());
  for (const auto& e : result->errors())
    ADD_FAILURE() << e.line() << " " << e.field() << " " << e.reason();
  EXPECT_EQ(result->imported(), rows);
}

// A new row of `request`, numbered as the next line of a file.
template <typename Request>
auto* NewRow(Request& request) {
  auto* row = request.add_rows();
  row->set_line(request.rows_size() + 1);
  return row;
}

inline org::v1::ImportZonesRequest ZoneZ1LedByO1() {
  org::v1::ImportZonesRequest zones;
  auto* zone = NewRow(zones);
  zone->set_code("Z1");
  zone->set_name("第一协作区");
  zone->set_office("O1");
  zone->set_established_on("2018-01-01");
  return zones;
}

inline org::v1::UnitRow* AddUnit(org::v1::ImportUnitsRequest& units, const std::string& code,
                                 const std::string& kind, const std::string& parent) {
  auto* row = NewRow(units);
  row->set_code(code);
  row->set_kind(kind);
  row->set_name("单位" + code);
  row->set_parent(parent);
  row->set_established_on("2018-01-01");
  return row;
}

inline org::v1::PersonRow* AddCadre(org::v1::ImportPeopleRequest& people, const std::string& code) {
  auto* row = NewRow(people);
  row->set_code(code);
  row->set_name(absl::StrCat("干部", code));
  row->set_gender("female");
  row->set_birth_date("1985-05-05");
  row->set_education("bachelor");
  row->set_specialties("law");
  row->set_work_start("2010-01-01");
  return row;
}

inline void AddRole(org::v1::ImportRolesRequest& roles, const std::string& person,
                    const std::string& role, const std::string& unit) {
  auto* row = NewRow(roles);
  row->set_person(person);
  row->set_role(role);
  row->set_unit(unit);
}

inline void AddPost(org::v1::ImportAssignmentsRequest& posts, const std::string& person,
                    const std::string& unit, const std::string& post, const std::string& from,
                    const std::string& to) {
  auto* row = NewRow(posts);
  row->set_person(person);
  row->set_unit(unit);
  row->set_post(post);
  row->set_from(from);
  row->set_to(to);
}

inline org::v1::TransferTalkRow* AddTransferTalk(org::v1::ImportTransferTalksRequest& talks,
                                                 const std::string& person,
                                                 const std::string& talked_on,
                                                 const std::string& talked_by) {
  auto* row = NewRow(talks);
  row->set_person(person);
  row->set_talked_on(talked_on);
  row->set_talked_by(talked_by);
  return row;
}

inline org::v1::VettingRow* AddVetting(org::v1::ImportVettingsRequest& vettings,
                                       const std::string& person, const std::string& vetted_on) {
  auto* row = NewRow(vettings);
  row->set_person(person);
  row->set_vetted_on(vetted_on);
  return row;
}

inline void AddMentoring(org::v1::ImportMentoringRequest& mentoring, const std::string& mentor,
                         const std::string& mentee, const std::string& from,
                         const std::string& to = "") {
  auto* row = NewRow(mentoring);
  row->set_mentor(mentor);
  row->set_mentee(mentee);
  row->set_from(from);
  row->set_to(to);
}

// Held accountable: `person` or (with person empty) `group`.
inline void AddAccountability(org::v1::ImportAccountabilityRequest& records,
                              const std::string& person, const std::string& group,
                              const std::string& decided_on) {
  auto* row = NewRow(records);
  row->set_person(person);
  row->set_group(group);
  row->set_decided_on(decided_on);
  row->set_measure("诫勉谈话");
  row->set_reason("监督责任落实不到位");
}

// The file of cadre 干部CODE of `unit`.
inline org::v1::IntegrityFileRow* AddIntegrityFile(org::v1::ImportIntegrityFilesRequest& files,
                                                   const std::string& code,
                                                   const std::string& unit) {
  auto* row = NewRow(files);
  row->set_code(code);
  row->set_name(absl::StrCat("干部", code));
  row->set_unit(unit);
  return row;
}

inline void AddIntegrityEntry(org::v1::ImportIntegrityEntriesRequest& entries,
                              const std::string& file, const std::string& kind,
                              const std::string& date) {
  auto* row = NewRow(entries);
  row->set_file(file);
  row->set_kind(kind);
  row->set_date(date);
  row->set_summary("个人有关事项报告");
}

}  // namespace paizhu::testing
