// The need-to-know matrix through the gateway: every relation a person can have to a
// joint clue (its handler, the lead unit's member and leader, a participant's handler and
// leader, the participant unit's other people, a removed participant, another group, the
// coordinating office and another office, a township outside, a commission leader, case
// management, trial, the administrator) against its read and write RPCs. A caller who
// may not see the clue is answered exactly as for a missing one.

#include <map>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "common/status/grpc_status.h"
#include "common/status/status.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "paizhu/clue/v1/clue.grpc.pb.h"
#include "tests/clue/clue_city_test.h"
#include "tests/support/stack.h"
#include "tests/support/status_matchers.h"

namespace paizhu {
namespace {

using Stub = clue::v1::ClueService::Stub;

// What a caller is told, in one word: ok, hidden (NOT_FOUND as for a missing clue),
// denied (PERMISSION_DENIED, at the gateway or by the service), party (the unit is
// already a party: the caller may add participants), listed / unlisted (ListClues).
std::string Outcome(const absl::Status& s) {
  if (s.ok()) return "ok";
  if (s.code() == absl::StatusCode::kNotFound && ErrorReason(s) == "CLUE_NOT_FOUND") {
    return "hidden";
  }
  if (s.code() == absl::StatusCode::kPermissionDenied) return "denied";
  if (ErrorReason(s) == "ALREADY_A_PARTY") return "party";
  return s.ToString();
}

class NeedToKnowTest : public testing::ClueCityTest {};

TEST_F(NeedToKnowTest, EveryRelationToAJointClueAgainstItsReadAndWriteRpcs) {
  // The clue: led by G1 (handler staff1), coordinated by O1; T1 takes part with t1a, G2
  // with g2 (led by g2lead); T2 took part with t2 and was removed; T1 has a task.
  clue::v1::RegisterClueRequest reg;
  auto* in = reg.mutable_clue();
  in->set_received_on("2026-03-02");
  in->set_source("petition");
  in->add_subjects()->set_name("钱某");
  in->add_violations("integrity");
  in->set_allegation("利用职务便利为他人谋利");
  in->set_handling_unit("units/G1");
  in->add_handlers("people/staff1");
  in->mutable_reporter()->set_name("举报人甲");
  ASSERT_OK_AND_ASSIGN(clue::v1::Clue c, Call(&Stub::RegisterClue, "staff1", reg));
  for (auto [unit, handler] : std::vector<std::pair<const char*, const char*>>{
           {"units/T1", "people/t1a"}, {"units/G2", "people/g2"}, {"units/T2", "people/t2"}}) {
    clue::v1::AddParticipantRequest add;
    add.set_name(c.name());
    add.set_unit(unit);
    add.add_handlers(handler);
    ASSERT_OK(Call(&Stub::AddParticipant, "o1", add).status()) << unit;
  }
  clue::v1::DecideParticipantRequest approve;  // T2 is outside Z1
  approve.set_name(c.name());
  approve.set_unit("units/T2");
  ASSERT_OK(Call(&Stub::ApproveParticipant, "cl", approve).status());
  clue::v1::RemoveParticipantRequest remove;
  remove.set_name(c.name());
  remove.set_unit("units/T2");
  ASSERT_OK(Call(&Stub::RemoveParticipant, "o1", remove).status());
  clue::v1::AssignTaskRequest task;
  task.set_name(c.name());
  task.set_unit("units/T1");
  task.set_title("走访知情人");
  ASSERT_OK_AND_ASSIGN(clue::v1::Clue tasked, Call(&Stub::AssignTask, "staff1", task));
  int64_t task_id = tasked.tasks(0).id();

  // Columns: GetClue, ListClues, ExplainDeadline, AssignTask (handling side),
  // AddParticipant (coordinating office), AcceptTask (T1's handler), reporter shown.
  const std::map<std::string, std::vector<std::string>> expected = {
      {"staff1", {"ok", "listed", "ok", "ok", "denied", "denied", "masked"}},      // its handler
      {"staff2", {"ok", "listed", "ok", "ok", "denied", "denied", "masked"}},      // lead unit
      {"lead1", {"ok", "listed", "ok", "ok", "denied", "denied", "masked"}},       // lead's leader
      {"t1a", {"ok", "listed", "ok", "denied", "denied", "ok", "masked"}},         // participant
      {"g2", {"ok", "listed", "ok", "denied", "denied", "denied", "masked"}},      // participant
      {"g2lead", {"ok", "listed", "ok", "denied", "denied", "denied", "masked"}},  // its leader
      {"t1b", {"hidden", "unlisted", "hidden", "hidden", "denied", "hidden", "-"}},  // not named
      {"t2", {"hidden", "unlisted", "hidden", "hidden", "denied", "hidden", "-"}},   // removed
      {"g3", {"hidden", "unlisted", "hidden", "hidden", "denied", "hidden", "-"}},   // other group
      {"o1", {"ok", "listed", "ok", "ok", "party", "denied", "masked"}},  // coordinating office
      {"o2", {"hidden", "unlisted", "hidden", "hidden", "hidden", "hidden", "-"}},  // other office
      {"t3", {"hidden", "unlisted", "hidden", "hidden", "denied", "hidden", "-"}},  // township
      {"cl", {"ok", "listed", "ok", "denied", "denied", "denied", "masked"}},  // commission leader
      {"cm", {"ok", "listed", "ok", "ok", "party", "denied", "masked"}},       // case management
      {"tr", {"denied", "denied", "hidden", "denied", "denied", "denied", "-"}},  // trial: not yet
      {"admin", {"denied", "denied", "denied", "denied", "denied", "denied", "-"}},
  };
  for (const auto& [person, want] : expected) {
    std::vector<std::string> got;
    clue::v1::GetClueRequest get;
    get.set_name(c.name());
    absl::StatusOr<clue::v1::Clue> read = Call(&Stub::GetClue, person, get);
    got.push_back(Outcome(read.status()));
    absl::StatusOr<clue::v1::ListCluesResponse> list =
        Call(&Stub::ListClues, person, clue::v1::ListCluesRequest());
    if (list.ok()) {
      bool listed = false;
      for (const auto& item : list->clues()) listed = listed || item.name() == c.name();
      got.push_back(listed ? "listed" : "unlisted");
    } else {
      got.push_back(Outcome(list.status()));
    }
    clue::v1::ExplainDeadlineRequest explain;
    explain.set_name(c.name());
    got.push_back(Outcome(Call(&Stub::ExplainDeadline, person, explain).status()));
    got.push_back(Outcome(Call(&Stub::AssignTask, person, task).status()));
    clue::v1::AddParticipantRequest again;  // T1 is a party already
    again.set_name(c.name());
    again.set_unit("units/T1");
    again.add_handlers("people/t1b");
    got.push_back(Outcome(Call(&Stub::AddParticipant, person, again).status()));
    clue::v1::TaskStepRequest accept;
    accept.set_name(c.name());
    accept.set_task_id(task_id);
    got.push_back(Outcome(Call(&Stub::AcceptTask, person, accept).status()));
    // Nobody here holds the petition role: the reporter is withheld from all who see it.
    got.push_back(!read.ok()                                                     ? "-"
                  : read->reporter().masked() && read->reporter().name().empty() ? "masked"
                                                                                 : "shown");
    EXPECT_EQ(absl::StrJoin(got, " "), absl::StrJoin(want, " ")) << person;

    // Hidden reads exactly like a clue that does not exist.
    if (got[0] == "hidden") {
      get.set_name(testing::kMissingClue);
      testing::ExpectReadsAsMissing(read.status(), Call(&Stub::GetClue, person, get).status(),
                                    c.name(), person);
    }
  }
}

}  // namespace
}  // namespace paizhu
