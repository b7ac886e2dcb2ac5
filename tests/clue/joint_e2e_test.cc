// Joint cases (室组地) through the gateway, with real zones, units, posts and roles from
// org: a group asks its office to join, the office adds participants from its zone (at
// once) and from elsewhere (after a commission leader's approval), tasks go assigned ->
// accepted -> completed, and removing a participant ends its access at once. Every
// change lands in the clue's audit chain.

#include <cstdlib>
#include <filesystem>

#include "absl/strings/str_cat.h"
#include "common/status/grpc_status.h"
#include "common/status/status.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "nlohmann/json.hpp"
#include "paizhu/clue/v1/clue.grpc.pb.h"
#include "tests/clue/clue_city_test.h"
#include "tests/support/process.h"
#include "tests/support/stack.h"
#include "tests/support/status_matchers.h"

namespace paizhu {
namespace {

using ::paizhu::testing::StatusIs;
using ::testing::HasSubstr;
using Stub = clue::v1::ClueService::Stub;

class JointCaseTest : public testing::ClueCityTest {
 protected:
  // A clue registered by `person` for `unit` (G1 unless said otherwise).
  static clue::v1::Clue Register(const std::string& person = "staff1",
                                 const std::string& unit = "units/G1",
                                 const std::string& received_on = "2026-03-02") {
    clue::v1::RegisterClueRequest r;
    auto* c = r.mutable_clue();
    c->set_received_on(received_on);
    c->set_source("petition");
    c->add_subjects()->set_name("李某");
    c->add_violations("integrity");
    c->set_allegation("违规插手工程项目");
    c->set_handling_unit(unit);
    auto out = Call(&Stub::RegisterClue, person, r);
    EXPECT_TRUE(out.ok()) << out.status();
    return out.value_or(clue::v1::Clue());
  }

  static absl::Status Get(const std::string& person, const std::string& name) {
    clue::v1::GetClueRequest g;
    g.set_name(name);
    return Call(&Stub::GetClue, person, g).status();
  }

  // What `person` is told about `name`: it must read exactly like a clue that does not
  // exist (same code, reason and message but for the name asked).
  static void ExpectHidden(const std::string& person, const std::string& name) {
    testing::ExpectReadsAsMissing(Get(person, name), Get(person, testing::kMissingClue), name,
                                  person);
  }

  static absl::StatusOr<clue::v1::Clue> Add(const std::string& person, const std::string& name,
                                            const std::string& unit,
                                            std::initializer_list<const char*> handlers) {
    clue::v1::AddParticipantRequest a;
    a.set_name(name);
    a.set_unit(unit);
    for (const char* h : handlers) a.add_handlers(h);
    a.set_note("协助调查");
    return Call(&Stub::AddParticipant, person, a);
  }

  static absl::StatusOr<clue::v1::Clue> Remove(const std::string& person, const std::string& name,
                                               const std::string& unit) {
    clue::v1::RemoveParticipantRequest r;
    r.set_name(name);
    r.set_unit(unit);
    r.set_note("任务完成，退出");
    return Call(&Stub::RemoveParticipant, person, r);
  }

  static absl::StatusOr<clue::v1::Clue> Task(const std::string& person, const std::string& name,
                                             const std::string& unit, const std::string& title) {
    clue::v1::AssignTaskRequest t;
    t.set_name(name);
    t.set_unit(unit);
    t.set_title(title);
    return Call(&Stub::AssignTask, person, t);
  }

  static absl::StatusOr<clue::v1::Clue> TaskStep(bool complete, const std::string& person,
                                                 const std::string& name, int64_t id,
                                                 const std::string& note = "") {
    clue::v1::TaskStepRequest s;
    s.set_name(name);
    s.set_task_id(id);
    s.set_note(note);
    return Call(complete ? &Stub::CompleteTask : &Stub::AcceptTask, person, s);
  }

  static const clue::v1::Participant* Party(const clue::v1::Clue& c, const std::string& unit) {
    for (const auto& p : c.participants()) {
      if (p.unit() == unit) return &p;
    }
    return nullptr;
  }

  // How many entries the clue's audit chain holds (and that it verifies).
  static int64_t AuditEntries(const std::string& name) {
    clue::v1::VerifyAuditChainRequest v;
    v.set_clue(name);
    auto out = Call(&Stub::VerifyAuditChain, "cm", v);
    EXPECT_TRUE(out.ok()) << out.status();
    EXPECT_TRUE(out.ok() && out->intact());
    return out.ok() ? out->entries() : -1;
  }

  static bool Listed(const std::string& person, const std::string& name,
                     const clue::v1::ListCluesRequest& request = {}) {
    auto list = Call(&Stub::ListClues, person, request);
    EXPECT_TRUE(list.ok()) << list.status();
    if (!list.ok()) return false;
    for (const auto& c : list->clues()) {
      if (c.name() == name) return true;
    }
    return false;
  }
};

TEST_F(JointCaseTest, GroupAsksOfficeOfficeAddsParticipantsWhoWorkTasksUntilRemoved) {
  clue::v1::Clue c = Register();
  ExpectHidden("t1a", c.name());

  // G1 asks its guiding office O1 to take part; asking twice is refused.
  clue::v1::AskOfficeToJoinRequest ask;
  ask.set_name(c.name());
  ask.set_note("涉及多个乡镇，请求室组地联合办案");
  ASSERT_OK_AND_ASSIGN(clue::v1::Clue asked, Call(&Stub::AskOfficeToJoin, "staff1", ask));
  ASSERT_NE(Party(asked, "units/O1"), nullptr);
  EXPECT_EQ(Party(asked, "units/O1")->state(), "requested");
  EXPECT_EQ(Party(asked, "units/O1")->added_by(), "people/staff1");
  EXPECT_THAT(Call(&Stub::AskOfficeToJoin, "staff1", ask).status(),
              StatusIs(absl::StatusCode::kFailedPrecondition, "ALREADY_A_PARTY"));
  // The office finds the request among its open ones.
  clue::v1::ListCluesRequest requests;
  requests.set_party("units/O1");
  requests.set_party_state("requested");
  EXPECT_TRUE(Listed("o1", c.name(), requests));

  // Only the office asked answers; it accepts and names its handler.
  clue::v1::AnswerJoinRequestRequest answer;
  answer.set_name(c.name());
  answer.set_accept(true);
  EXPECT_THAT(Call(&Stub::AnswerJoinRequest, "o1", answer).status(),
              StatusIs(absl::StatusCode::kInvalidArgument, "HANDLERS_REQUIRED"));
  answer.add_handlers("people/o1");
  EXPECT_THAT(Call(&Stub::AnswerJoinRequest, "o2", answer).status(),
              StatusIs(absl::StatusCode::kNotFound, "CLUE_NOT_FOUND"));
  ASSERT_OK_AND_ASSIGN(clue::v1::Clue joined, Call(&Stub::AnswerJoinRequest, "o1", answer));
  EXPECT_EQ(Party(joined, "units/O1")->state(), "active");
  EXPECT_EQ(Party(joined, "units/O1")->decided_by(), "people/o1");
  EXPECT_FALSE(Listed("o1", c.name(), requests));

  // A township of the zone takes part at once: its named handler sees the clue, its
  // other people do not. Each change is one more entry in the clue's chain.
  int64_t entries = AuditEntries(c.name());
  ASSERT_OK_AND_ASSIGN(clue::v1::Clue added, Add("o1", c.name(), "units/T1", {"people/t1a"}));
  EXPECT_EQ(AuditEntries(c.name()), entries + 1);
  ASSERT_NE(Party(added, "units/T1"), nullptr);
  EXPECT_EQ(Party(added, "units/T1")->state(), "active");
  EXPECT_THAT(Party(added, "units/T1")->handlers(), ::testing::ElementsAre("people/t1a"));
  EXPECT_OK(Get("t1a", c.name()));
  EXPECT_TRUE(Listed("t1a", c.name()));
  ExpectHidden("t1b", c.name());
  EXPECT_FALSE(Listed("t1b", c.name()));
  EXPECT_THAT(Add("o1", c.name(), "units/T1", {"people/t1b"}).status(),
              StatusIs(absl::StatusCode::kFailedPrecondition, "ALREADY_A_PARTY"));
  EXPECT_THAT(Add("o1", c.name(), "units/G1", {"people/staff2"}).status(),
              StatusIs(absl::StatusCode::kInvalidArgument, "PARTICIPANT_IS_LEAD"));
  EXPECT_THAT(Add("o1", c.name(), "units/U1", {"people/t1b"}).status(),
              StatusIs(absl::StatusCode::kInvalidArgument, "NOT_A_CASE_UNIT"));
  EXPECT_THAT(Add("o1", c.name(), "units/NOPE", {"people/t1b"}).status(),
              StatusIs(absl::StatusCode::kInvalidArgument, "UNIT_NOT_FOUND"));
  // Only the coordinating office or case management adds: not another zone's office
  // (which may not even see the clue), not the handling group (refused at the gateway).
  EXPECT_THAT(Add("o2", c.name(), "units/G2", {"people/g2"}).status(),
              StatusIs(absl::StatusCode::kNotFound, "CLUE_NOT_FOUND"));
  EXPECT_THAT(Add("staff1", c.name(), "units/G2", {"people/g2"}).status(),
              StatusIs(absl::StatusCode::kPermissionDenied));

  // A unit from another zone waits for a commission leader; until then it sees nothing.
  ASSERT_OK_AND_ASSIGN(clue::v1::Clue waiting, Add("o1", c.name(), "units/T2", {"people/t2"}));
  EXPECT_EQ(Party(waiting, "units/T2")->state(), "awaiting_approval");
  ExpectHidden("t2", c.name());
  clue::v1::DecideParticipantRequest decide;
  decide.set_name(c.name());
  decide.set_unit("units/T2");
  EXPECT_THAT(Call(&Stub::ApproveParticipant, "o1", decide).status(),
              StatusIs(absl::StatusCode::kPermissionDenied));
  ASSERT_OK_AND_ASSIGN(clue::v1::Clue approved, Call(&Stub::ApproveParticipant, "cl", decide));
  EXPECT_EQ(Party(approved, "units/T2")->state(), "active");
  EXPECT_EQ(Party(approved, "units/T2")->decided_by(), "people/cl");
  EXPECT_OK(Get("t2", c.name()));
  EXPECT_THAT(Call(&Stub::ApproveParticipant, "cl", decide).status(),
              StatusIs(absl::StatusCode::kFailedPrecondition, "ILLEGAL_TRANSITION"));

  // Tasks: set by the handling group, worked by the participant's handler only.
  ASSERT_OK_AND_ASSIGN(clue::v1::Clue tasked, Task("staff1", c.name(), "units/T1", "调取银行流水"));
  ASSERT_EQ(tasked.tasks_size(), 1);
  int64_t id = tasked.tasks(0).id();
  EXPECT_EQ(tasked.tasks(0).state(), "assigned");
  EXPECT_EQ(tasked.tasks(0).unit(), "units/T1");
  EXPECT_THAT(Task("staff1", c.name(), "units/G2", "走访").status(),
              StatusIs(absl::StatusCode::kNotFound, "PARTICIPANT_NOT_FOUND"));
  EXPECT_THAT(Task("staff1", c.name(), "units/T1", "").status(),
              StatusIs(absl::StatusCode::kInvalidArgument, "INVALID_TITLE"));
  EXPECT_THAT(TaskStep(false, "t1b", c.name(), id).status(),
              StatusIs(absl::StatusCode::kNotFound, "CLUE_NOT_FOUND"));
  EXPECT_THAT(TaskStep(false, "t2", c.name(), id).status(),
              StatusIs(absl::StatusCode::kPermissionDenied, "NOT_TASK_PARTY"));
  EXPECT_THAT(TaskStep(true, "t1a", c.name(), id, "已调取").status(),
              StatusIs(absl::StatusCode::kFailedPrecondition, "ILLEGAL_TRANSITION"));
  ASSERT_OK_AND_ASSIGN(clue::v1::Clue accepted, TaskStep(false, "t1a", c.name(), id));
  EXPECT_EQ(accepted.tasks(0).state(), "accepted");
  EXPECT_EQ(accepted.tasks(0).accepted_by(), "people/t1a");
  EXPECT_THAT(TaskStep(true, "t1a", c.name(), id).status(),
              StatusIs(absl::StatusCode::kInvalidArgument, "NOTE_REQUIRED"));
  ASSERT_OK_AND_ASSIGN(clue::v1::Clue done, TaskStep(true, "t1a", c.name(), id, "流水已调取"));
  EXPECT_EQ(done.tasks(0).state(), "completed");
  EXPECT_EQ(done.tasks(0).note(), "流水已调取");
  EXPECT_EQ(done.tasks(0).completed_by(), "people/t1a");

  // A participant reads; it does not run the clue's workflow.
  clue::v1::AssignClueRequest assign;
  assign.set_name(c.name());
  assign.add_handlers("people/t1a");
  EXPECT_THAT(Call(&Stub::AssignClue, "t1a", assign).status(),
              StatusIs(absl::StatusCode::kPermissionDenied, "NOT_HANDLING_UNIT"));

  // Removal ends the participant's access at once and cancels its open tasks.
  ASSERT_OK_AND_ASSIGN(clue::v1::Clue second, Task("o1", c.name(), "units/T1", "询问证人"));
  ASSERT_EQ(second.tasks_size(), 2);
  int64_t open_task = second.tasks(1).id();
  entries = AuditEntries(c.name());
  ASSERT_OK_AND_ASSIGN(clue::v1::Clue removed, Remove("o1", c.name(), "units/T1"));
  EXPECT_EQ(AuditEntries(c.name()), entries + 1);
  EXPECT_EQ(Party(removed, "units/T1")->state(), "removed");
  EXPECT_EQ(removed.tasks(0).state(), "completed");
  EXPECT_EQ(removed.tasks(1).state(), "cancelled");
  ExpectHidden("t1a", c.name());
  EXPECT_FALSE(Listed("t1a", c.name()));
  EXPECT_THAT(TaskStep(false, "t1a", c.name(), open_task).status(),
              StatusIs(absl::StatusCode::kNotFound, "CLUE_NOT_FOUND"));
  EXPECT_THAT(Remove("o1", c.name(), "units/T1").status(),
              StatusIs(absl::StatusCode::kFailedPrecondition, "ILLEGAL_TRANSITION"));
  EXPECT_OK(Get("t2", c.name()));  // the other participant keeps its access
}

TEST_F(JointCaseTest, TownshipAsksItsZoneOfficeWhichMayDecline) {
  clue::v1::Clue c = Register("t1a", "units/T1");
  ExpectHidden("o2", c.name());
  clue::v1::AskOfficeToJoinRequest ask;
  ask.set_name(c.name());
  ASSERT_OK_AND_ASSIGN(clue::v1::Clue asked, Call(&Stub::AskOfficeToJoin, "t1a", ask));
  // A township's office is the one that leads its collaboration zone (Z1: O1).
  ASSERT_NE(Party(asked, "units/O1"), nullptr);
  EXPECT_EQ(Party(asked, "units/O1")->state(), "requested");
  clue::v1::AnswerJoinRequestRequest answer;
  answer.set_name(c.name());
  answer.set_accept(false);
  answer.set_note("案情简单，由乡镇纪委自办");
  ASSERT_OK_AND_ASSIGN(clue::v1::Clue declined, Call(&Stub::AnswerJoinRequest, "o1", answer));
  EXPECT_EQ(Party(declined, "units/O1")->state(), "declined");
  EXPECT_EQ(Party(declined, "units/O1")->decision_note(), "案情简单，由乡镇纪委自办");
  EXPECT_THAT(Call(&Stub::AnswerJoinRequest, "o1", answer).status(),
              StatusIs(absl::StatusCode::kFailedPrecondition, "NO_JOIN_REQUEST"));
  // A declined office may be asked again.
  ASSERT_OK_AND_ASSIGN(clue::v1::Clue again, Call(&Stub::AskOfficeToJoin, "t1a", ask));
  EXPECT_EQ(Party(again, "units/O1")->state(), "requested");
}

TEST_F(JointCaseTest, AGroupParticipantIsSeenByItsHandlersAndItsLeaderOnly) {
  clue::v1::Clue c = Register();
  ASSERT_OK(Add("o1", c.name(), "units/G3", {"people/g3"}).status());  // outside Z1: waits
  ExpectHidden("g3", c.name());
  clue::v1::DecideParticipantRequest decide;
  decide.set_name(c.name());
  decide.set_unit("units/G3");
  decide.set_note("跨协作区，不予参加");
  ASSERT_OK_AND_ASSIGN(clue::v1::Clue rejected, Call(&Stub::RejectParticipant, "cl", decide));
  EXPECT_EQ(Party(rejected, "units/G3")->state(), "declined");
  ExpectHidden("g3", c.name());

  // G2 is in the zone: its handler g2 and its leader g2lead see the clue.
  ASSERT_OK(Add("o1", c.name(), "units/G2", {"people/g2"}).status());
  EXPECT_OK(Get("g2", c.name()));
  EXPECT_OK(Get("g2lead", c.name()));
  ASSERT_OK_AND_ASSIGN(clue::v1::Clue tasked, Task("staff1", c.name(), "units/G2", "核查账目"));
  // The leader may take up the unit's task.
  ASSERT_OK(TaskStep(false, "g2lead", c.name(), tasked.tasks(0).id()).status());
  ASSERT_OK(Remove("cm", c.name(), "units/G2").status());
  ExpectHidden("g2", c.name());
  ExpectHidden("g2lead", c.name());
}

TEST_F(JointCaseTest, StatisticsCountCluesAnotherUnitTookPartIn) {
  // April: one clue worked jointly (T1 took part, then was removed), one whose office
  // declined, one still waiting for approval of a unit from outside the zone.
  clue::v1::Clue joint = Register("staff1", "units/G1", "2026-04-01");
  ASSERT_OK(Add("o1", joint.name(), "units/T1", {"people/t1a"}).status());
  ASSERT_OK(Remove("o1", joint.name(), "units/T1").status());
  clue::v1::Clue declined = Register("t1a", "units/T1", "2026-04-02");
  clue::v1::AskOfficeToJoinRequest ask;
  ask.set_name(declined.name());
  ASSERT_OK(Call(&Stub::AskOfficeToJoin, "t1a", ask).status());
  clue::v1::AnswerJoinRequestRequest answer;
  answer.set_name(declined.name());
  answer.set_accept(false);
  ASSERT_OK(Call(&Stub::AnswerJoinRequest, "o1", answer).status());
  clue::v1::Clue waiting = Register("staff1", "units/G1", "2026-04-03");
  ASSERT_OK(Add("o1", waiting.name(), "units/T2", {"people/t2"}).status());
  // Withdrawn before it took part: still not joint.
  ASSERT_OK_AND_ASSIGN(clue::v1::Clue withdrawn, Remove("o1", waiting.name(), "units/T2"));
  EXPECT_EQ(Party(withdrawn, "units/T2")->state(), "withdrawn");

  clue::v1::GetClueStatisticsRequest stats;
  stats.set_from("2026-04-01");
  stats.set_to("2026-04-30");
  ASSERT_OK_AND_ASSIGN(clue::v1::ClueStatistics figures,
                       Call(&Stub::GetClueStatistics, "cm", stats));
  EXPECT_EQ(figures.totals().clues_received(), 3);
  EXPECT_EQ(figures.totals().joint_cases(), 1);
}

// The same life through the paizhu binary, as each party would type it.
TEST_F(JointCaseTest, TheCliSendsAnswersAddsTasksAndRemoves) {
  for (const char* name : {"PAIZHU_STATE", "PAIZHU_ADDR", "PAIZHU_TOKEN", "PAIZHU_TOKEN_FILE"}) {
    unsetenv(name);
  }
  std::string dir = testing::MakeTempDir("paizhu-joint-cli");
  std::string state = dir + "/state";
  std::filesystem::create_directories(state + "/keys");
  testing::WriteFile(state + "/keys/dev-jwt.pem", stack_->DevKeyPem());
  testing::WriteFile(
      state + "/env",
      absl::StrCat("export PAIZHU_STATE=", state, "\n",
                   "export PAIZHU_ADDR='127.0.0.1:", stack_->port("gateway"), "'\n",
                   "export PAIZHU_JWT_ISSUER=paizhu-dev\n", "export PAIZHU_JWT_AUDIENCE=paizhu\n"));
  int run = 0;
  // `paizhu --state STATE args...` as `person`: its exit code and output.
  auto paizhu = [&](const std::string& person, std::vector<std::string> args) {
    std::pair<int, std::string> result{-1, ""};
    for (bool login : {true, false}) {
      std::vector<std::string> argv = {testing::BinaryDir() + "/paizhu", "--state", state};
      if (login) {
        argv.insert(argv.end(), {"login", "--dev", "--as", person});
      } else {
        argv.insert(argv.end(), args.begin(), args.end());
      }
      std::string log = absl::StrCat(dir, "/run-", ++run, ".log");
      testing::Subprocess child;
      if (!child.Start(argv, log)) return result;
      result = {child.Wait(absl::Seconds(30)), testing::ReadFile(log)};
      if (login && result.first != 0) return result;
    }
    return result;
  };

  clue::v1::Clue c = Register();
  std::string number = c.name().substr(std::string("clues/").size());
  auto sent = paizhu("staff1", {"clues", "join-request", "send", number, "--note", "请求协助"});
  EXPECT_EQ(sent.first, 0) << sent.second;
  EXPECT_THAT(sent.second, HasSubstr("requested"));
  auto open = paizhu("o1", {"clues", "join-request", "list", "--office", "O1"});
  EXPECT_EQ(open.first, 0) << open.second;
  EXPECT_THAT(open.second, HasSubstr(number));
  auto accepted = paizhu("o1", {"clues", "join-request", "accept", number, "--handlers", "o1;o1b"});
  EXPECT_EQ(accepted.first, 0) << accepted.second;
  EXPECT_THAT(accepted.second, HasSubstr("o1, o1b"));
  auto added =
      paizhu("o1", {"clues", "participants", "add", number, "--unit", "T1", "--handlers", "t1a"});
  EXPECT_EQ(added.first, 0) << added.second;
  auto tasked = paizhu("o1", {"clues", "tasks", "assign", number, "--unit", "T1", "--title",
                              "调取会议记录", "--json"});
  ASSERT_EQ(tasked.first, 0) << tasked.second;
  // protobuf's JSON prints int64 as a string.
  std::string task_id = nlohmann::json::parse(tasked.second)["tasks"][0]["id"].get<std::string>();
  EXPECT_EQ(paizhu("t1a", {"clues", "tasks", "accept", number, task_id}).first, 0);
  auto done = paizhu("t1a", {"clues", "tasks", "complete", number, task_id, "--note", "已调取"});
  EXPECT_EQ(done.first, 0) << done.second;
  EXPECT_THAT(done.second, HasSubstr("completed"));
  auto removed = paizhu("o1", {"clues", "participants", "remove", number, "--unit", "T1"});
  EXPECT_EQ(removed.first, 0) << removed.second;
  EXPECT_THAT(removed.second, HasSubstr("removed"));
  auto gone = paizhu("t1a", {"clues", "participants", "list", number});
  EXPECT_EQ(gone.first, 1) << gone.second;
  EXPECT_THAT(gone.second, HasSubstr("CLUE_NOT_FOUND"));
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace paizhu
