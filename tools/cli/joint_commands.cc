// paizhu clues participants|join-request|tasks: joint cases (室组地) through the gateway.
// A group or township sends its office a join request; the office adds and removes
// participants; participants work the tasks they are given.

#include "absl/status/statusor.h"
#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "common/status/grpc_status.h"
#include "paizhu/clue/v1/clue.grpc.pb.h"
#include "tools/cli/commands.h"
#include "tools/cli/subcommands.h"
#include "tools/cli/table.h"

namespace paizhu::cli {
namespace {

using Stub = clue::v1::ClueService::Stub;

std::vector<std::string> PeopleNames(const std::string& list) {
  std::vector<std::string> names;
  for (absl::string_view part : absl::StrSplit(list, ';', absl::SkipWhitespace())) {
    names.push_back(Name(std::string(absl::StripAsciiWhitespace(part)), "people"));
  }
  return names;
}

std::string Codes(const google::protobuf::RepeatedPtrField<std::string>& names,
                  absl::string_view collection) {
  std::vector<std::string> codes;
  for (const auto& n : names) codes.push_back(Code(n, collection));
  return absl::StrJoin(codes, ", ");
}

void PrintParties(const clue::v1::Clue& clue, Io io) {
  io.out << Code(clue.name(), "clues") << ": led by " << Code(clue.handling_unit(), "units")
         << "\n";
  Table table({"UNIT", "STATE", "HANDLERS", "ADDED BY", "ADDED ON", "DECIDED BY", "NOTE"});
  for (const auto& p : clue.participants()) {
    table.AddRow({Code(p.unit(), "units"), p.state(), Codes(p.handlers(), "people"),
                  Code(p.added_by(), "people"), p.added_on(), Code(p.decided_by(), "people"),
                  p.decision_note().empty() ? p.note() : p.decision_note()});
  }
  io.out << table.Render();
}

void PrintTasks(const clue::v1::Clue& clue, Io io) {
  Table table({"ID", "UNIT", "STATE", "TITLE", "DUE", "ASSIGNED BY", "NOTE"});
  for (const auto& t : clue.tasks()) {
    table.AddRow({absl::StrCat(t.id()), Code(t.unit(), "units"), t.state(), t.title(), t.due_date(),
                  Code(t.assigned_by(), "people"), t.note()});
  }
  io.out << table.Render();
}

// After a change: the clue as JSON, or the table the change concerns.
int PrintResult(const Invocation& in, const clue::v1::Clue& clue, bool tasks, Io io) {
  if (in.Has("json")) {
    PrintJson(io.out, ToJson(clue));
  } else if (tasks) {
    PrintTasks(clue, io);
  } else {
    PrintParties(clue, io);
  }
  return kExitOk;
}

// Printers for CallAndPrint after a joint-case step: the parties, or the tasks.
auto Parties(const Invocation& in, Io io) {
  return [&in, io](const clue::v1::Clue& clue) { return PrintResult(in, clue, false, io); };
}
auto Tasks(const Invocation& in, Io io) {
  return [&in, io](const clue::v1::Clue& clue) { return PrintResult(in, clue, true, io); };
}

absl::StatusOr<clue::v1::Clue> Read(const Session& session, const std::string& number) {
  clue::v1::GetClueRequest request;
  request.set_name(Name(number, "clues"));
  clue::v1::Clue clue;
  grpc::Status status = clue::v1::ClueService::NewStub(session.channel)
                            ->GetClue(NewCall(session).get(), request, &clue);
  if (!status.ok()) return FromGrpcStatus(status);
  return clue;
}

int ParticipantsList(const Invocation& in, const Session& session, Io io) {
  absl::StatusOr<clue::v1::Clue> clue = Read(session, in.words[3]);
  if (!clue.ok()) return Fail(io.err, clue.status());
  return PrintResult(in, *clue, false, io);
}

int ParticipantsAdd(const Invocation& in, const Session& session, Io io) {
  if (!in.Has("unit") || !in.Has("handlers")) {
    return UsageError(io.err, "clues participants add: --unit U and --handlers P1;P2 are required");
  }
  clue::v1::AddParticipantRequest request;
  request.set_name(Name(in.words[3], "clues"));
  request.set_unit(Name(in.Get("unit"), "units"));
  for (const auto& h : PeopleNames(in.Get("handlers"))) request.add_handlers(h);
  request.set_note(in.Get("note"));
  return CallAndPrint(session, io, &Stub::AddParticipant, request, Parties(in, io));
}

int ParticipantsRemove(const Invocation& in, const Session& session, Io io) {
  if (!in.Has("unit")) return UsageError(io.err, "clues participants remove: --unit U is required");
  clue::v1::RemoveParticipantRequest request;
  request.set_name(Name(in.words[3], "clues"));
  request.set_unit(Name(in.Get("unit"), "units"));
  request.set_note(in.Get("note"));
  return CallAndPrint(session, io, &Stub::RemoveParticipant, request, Parties(in, io));
}

// approve / reject a participant from outside the zone (a commission leader).
int ParticipantsDecide(const Invocation& in, const Session& session, Io io) {
  if (!in.Has("unit")) {
    return UsageError(io.err,
                      absl::StrCat("clues participants ", in.words[2], ": --unit U is required"));
  }
  clue::v1::DecideParticipantRequest request;
  request.set_name(Name(in.words[3], "clues"));
  request.set_unit(Name(in.Get("unit"), "units"));
  request.set_note(in.Get("note"));
  return CallAndPrint(
      session, io, in.words[2] == "approve" ? &Stub::ApproveParticipant : &Stub::RejectParticipant,
      request, Parties(in, io));
}

int JoinRequestSend(const Invocation& in, const Session& session, Io io) {
  clue::v1::AskOfficeToJoinRequest request;
  request.set_name(Name(in.words[3], "clues"));
  request.set_note(in.Get("note"));
  return CallAndPrint(session, io, &Stub::AskOfficeToJoin, request, Parties(in, io));
}

// accept (with the office's handlers) / decline.
int JoinRequestAnswer(const Invocation& in, const Session& session, Io io) {
  bool accept = in.words[2] == "accept";
  if (accept && !in.Has("handlers")) {
    return UsageError(io.err, "clues join-request accept: --handlers P1;P2 is required");
  }
  clue::v1::AnswerJoinRequestRequest request;
  request.set_name(Name(in.words[3], "clues"));
  request.set_accept(accept);
  for (const auto& h : PeopleNames(in.Get("handlers"))) request.add_handlers(h);
  request.set_note(in.Get("note"));
  return CallAndPrint(session, io, &Stub::AnswerJoinRequest, request, Parties(in, io));
}

// The clues whose office (--office U) was asked to join and has not answered yet.
int JoinRequestList(const Invocation& in, const Session& session, Io io) {
  if (!in.Has("office"))
    return UsageError(io.err, "clues join-request list: --office U is required");
  auto stub = clue::v1::ClueService::NewStub(session.channel);
  clue::v1::ListCluesRequest request;
  request.set_page_size(500);
  request.set_party(Name(in.Get("office"), "units"));
  request.set_party_state("requested");
  std::vector<clue::v1::Clue> clues;
  do {
    clue::v1::ListCluesResponse response;
    grpc::Status status = stub->ListClues(NewCall(session).get(), request, &response);
    if (!status.ok()) return Fail(io.err, FromGrpcStatus(status));
    clues.insert(clues.end(), response.clues().begin(), response.clues().end());
    request.set_page_token(response.next_page_token());
  } while (!request.page_token().empty());
  if (in.Has("json")) {
    nlohmann::json list = nlohmann::json::array();
    for (const auto& clue : clues) list.push_back(ToJson(clue));
    PrintJson(io.out, {{"clues", list}});
    return kExitOk;
  }
  Table table({"NUMBER", "RECEIVED", "HANDLING UNIT", "STATE"});
  for (const auto& clue : clues) {
    table.AddRow({Code(clue.name(), "clues"), clue.received_on(),
                  Code(clue.handling_unit(), "units"), clue.state()});
  }
  io.out << table.Render();
  return kExitOk;
}

int TasksList(const Invocation& in, const Session& session, Io io) {
  absl::StatusOr<clue::v1::Clue> clue = Read(session, in.words[3]);
  if (!clue.ok()) return Fail(io.err, clue.status());
  return PrintResult(in, *clue, true, io);
}

int TasksAssign(const Invocation& in, const Session& session, Io io) {
  if (!in.Has("unit") || !in.Has("title")) {
    return UsageError(io.err, "clues tasks assign: --unit U and --title T are required");
  }
  clue::v1::AssignTaskRequest request;
  request.set_name(Name(in.words[3], "clues"));
  request.set_unit(Name(in.Get("unit"), "units"));
  request.set_title(in.Get("title"));
  request.set_due_date(in.Get("due"));
  return CallAndPrint(session, io, &Stub::AssignTask, request, Tasks(in, io));
}

// accept / complete TASK_ID (complete needs --note).
int TasksStep(const Invocation& in, const Session& session, Io io) {
  bool complete = in.words[2] == "complete";
  int64_t id = 0;
  if (!absl::SimpleAtoi(in.words[4], &id) || id <= 0) {
    return UsageError(io.err, "TASK_ID: the task's number, as clues tasks list prints it");
  }
  if (complete && !in.Has("note")) {
    return UsageError(io.err, "clues tasks complete: --note T (what was done) is required");
  }
  clue::v1::TaskStepRequest request;
  request.set_name(Name(in.words[3], "clues"));
  request.set_task_id(id);
  request.set_note(in.Get("note"));
  return CallAndPrint(session, io, complete ? &Stub::CompleteTask : &Stub::AcceptTask, request,
                      Tasks(in, io));
}

}  // namespace

CommandGroup JointCommands() {
  return {
      {
          {{"clues", "join-request", "send"}, 1, {"json"}, true, JoinRequestSend, {"note"}},
          {{"clues", "join-request", "list"}, 0, {"json"}, true, JoinRequestList, {"office"}},
          {{"clues", "join-request", "accept"},
           1,
           {"json"},
           true,
           JoinRequestAnswer,
           {"handlers", "note"}},
          {{"clues", "join-request", "decline"}, 1, {"json"}, true, JoinRequestAnswer, {"note"}},
          {{"clues", "participants", "list"}, 1, {"json"}, true, ParticipantsList},
          {{"clues", "participants", "add"},
           1,
           {"json"},
           true,
           ParticipantsAdd,
           {"unit", "handlers", "note"}},
          {{"clues", "participants", "remove"},
           1,
           {"json"},
           true,
           ParticipantsRemove,
           {"unit", "note"}},
          {{"clues", "participants", "approve"},
           1,
           {"json"},
           true,
           ParticipantsDecide,
           {"unit", "note"}},
          {{"clues", "participants", "reject"},
           1,
           {"json"},
           true,
           ParticipantsDecide,
           {"unit", "note"}},
          {{"clues", "tasks", "list"}, 1, {"json"}, true, TasksList},
          {{"clues", "tasks", "assign"}, 1, {"json"}, true, TasksAssign, {"unit", "title", "due"}},
          {{"clues", "tasks", "accept"}, 2, {"json"}, true, TasksStep},
          {{"clues", "tasks", "complete"}, 2, {"json"}, true, TasksStep, {"note"}},
      },
      "  joint cases (室组地; each takes --json):\n"
      "  clues join-request send NUMBER [--note T]   the handling group or township asks its "
      "office\n"
      "  clues join-request list --office U          requests the office has not answered\n"
      "  clues join-request accept NUMBER --handlers P1;P2 [--note T]\n"
      "  clues join-request decline NUMBER [--note T]\n"
      "  clues participants list NUMBER\n"
      "  clues participants add NUMBER --unit U --handlers P1;P2 [--note T]\n"
      "  clues participants remove NUMBER --unit U [--note T]   access ends at once\n"
      "  clues participants approve|reject NUMBER --unit U [--note T]   outside the zone\n"
      "  clues tasks list NUMBER\n"
      "  clues tasks assign NUMBER --unit U --title T [--due D]\n"
      "  clues tasks accept|complete NUMBER TASK_ID [--note T]   complete needs --note\n"};
}

}  // namespace paizhu::cli
