// paizhu cases file|show|extend|to-trial|return|decide|archive: a filed case (立案) from
// investigation through trial to the archive, one command per step (clue.proto).

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "common/status/grpc_status.h"
#include "paizhu/clue/v1/clue.grpc.pb.h"
#include "tools/cli/clue_outcomes.h"
#include "tools/cli/commands.h"
#include "tools/cli/subcommands.h"
#include "tools/cli/table.h"

namespace paizhu::cli {
namespace {

using clue::v1::ClueService;

std::string DueText(const clue::v1::Case& c) {
  if (c.due_date().empty()) return "";
  return c.due_provisional() ? c.due_date() + " (provisional)" : c.due_date();
}

int PrintCase(const Invocation& in, const clue::v1::Case& c, Io io) {
  if (in.Has("json")) {
    PrintJson(io.out, ToJson(c));
    return kExitOk;
  }
  io.out << Code(c.name(), "cases") << ": " << c.state();
  if (!c.due_date().empty()) io.out << ", due " << DueText(c);
  if (c.has_proposal() && c.proposal().id() != 0) {
    io.out << " (proposal #" << c.proposal().id() << " " << c.proposal().kind() << " "
           << c.proposal().value() << ", for " << c.proposal().approver() << ")";
  }
  io.out << "\n";
  return kExitOk;
}

int CasesFile(const Invocation& in, const Session& session, Io io) {
  clue::v1::FileCaseRequest request;
  request.set_clue(Name(in.words[2], "clues"));
  request.set_filed_on(in.Get("filed-on"));
  request.set_request_id(NewRequestId());  // a retry cannot file two cases
  clue::v1::Case c;
  grpc::Status status =
      ClueService::NewStub(session.channel)->FileCase(NewCall(session).get(), request, &c);
  if (!status.ok()) return Fail(io.err, FromGrpcStatus(status));
  if (in.Has("json")) return PrintCase(in, c, io);
  io.out << "filed " << Code(c.name(), "cases") << " on " << c.filed_on() << " (" << c.state()
         << ", due " << DueText(c) << ")\n";
  return kExitOk;
}

int CasesShow(const Invocation& in, const Session& session, Io io) {
  clue::v1::GetCaseRequest request;
  request.set_name(Name(in.words[2], "cases"));
  clue::v1::Case c;
  grpc::Status status =
      ClueService::NewStub(session.channel)->GetCase(NewCall(session).get(), request, &c);
  if (!status.ok()) return Fail(io.err, FromGrpcStatus(status));
  if (in.Has("json")) return PrintCase(in, c, io);
  Table table({"FIELD", "VALUE"});
  table.AddRow({"number", Code(c.name(), "cases")});
  table.AddRow({"clue", Code(c.clue(), "clues")});
  table.AddRow({"filed_on", c.filed_on()});
  table.AddRow({"state", c.state()});
  table.AddRow({"handling_unit", Code(c.handling_unit(), "units")});
  table.AddRow({"due_date", DueText(c)});
  table.AddRow({"investigation_extended", c.investigation_extended() ? "yes" : "no"});
  table.AddRow({"trial_extended", c.trial_extended() ? "yes" : "no"});
  table.AddRow({"decided_on", c.decided_on()});
  if (c.has_proposal() && c.proposal().id() != 0) {
    table.AddRow(
        {"proposal", absl::StrCat("#", c.proposal().id(), " ", c.proposal().kind(), " ",
                                  c.proposal().value(), ", for ", c.proposal().approver())});
  }
  io.out << table.Render();
  return kExitOk;
}

int CasesExtend(const Invocation& in, const Session& session, Io io) {
  int days = 0;
  if (!absl::SimpleAtoi(in.Get("days"), &days) || days <= 0) {
    return UsageError(io.err, "cases extend: --days N (investigation up to 90, trial up to 30)");
  }
  clue::v1::RequestExtensionRequest request;
  request.set_name(Name(in.words[2], "cases"));
  request.set_days(days);
  request.set_note(in.Get("note"));
  clue::v1::Case c;
  grpc::Status status =
      ClueService::NewStub(session.channel)->RequestExtension(NewCall(session).get(), request, &c);
  if (!status.ok()) return Fail(io.err, FromGrpcStatus(status));
  return PrintCase(in, c, io);
}

// to-trial, return and archive: one step each, with a note and an optional etag.
int CasesStep(const Invocation& in, const Session& session, Io io) {
  clue::v1::CaseStepRequest request;
  request.set_name(Name(in.words[2], "cases"));
  request.set_note(in.Get("note"));
  request.set_etag(in.Get("etag"));
  auto stub = ClueService::NewStub(session.channel);
  clue::v1::Case c;
  const std::string& step = in.words[1];
  auto ctx = NewCall(session);
  grpc::Status status = step == "to-trial" ? stub->TransferToTrial(ctx.get(), request, &c)
                        : step == "return" ? stub->ReturnForInvestigation(ctx.get(), request, &c)
                                           : stub->ArchiveCase(ctx.get(), request, &c);
  if (!status.ok()) return Fail(io.err, FromGrpcStatus(status));
  return PrintCase(in, c, io);
}

int CasesDecide(const Invocation& in, const Session& session, Io io) {
  if (!in.Has("outcomes")) {
    return UsageError(io.err, "cases decide: --outcomes NAME=OUTCOME[:MONTHS[:DETAIL]][;...]");
  }
  clue::v1::DecideCaseRequest request;
  request.set_name(Name(in.words[2], "cases"));
  request.set_decided_on(in.Get("decided-on"));
  request.set_etag(in.Get("etag"));
  if (absl::Status parsed =
          ParseOutcomes(in.Get("outcomes"), in.Get("decided-on"), request.mutable_outcomes());
      !parsed.ok()) {
    return UsageError(io.err, absl::StrCat("cases decide: ", parsed.message()));
  }
  clue::v1::Case c;
  grpc::Status status =
      ClueService::NewStub(session.channel)->DecideCase(NewCall(session).get(), request, &c);
  if (!status.ok()) return Fail(io.err, FromGrpcStatus(status));
  return PrintCase(in, c, io);
}

}  // namespace

CommandGroup CaseCommands() {
  return {
      {
          {{"cases", "file"}, 1, {"json"}, true, CasesFile, {"filed-on"}},
          {{"cases", "show"}, 1, {"json"}, true, CasesShow},
          {{"cases", "extend"}, 1, {"json"}, true, CasesExtend, {"days", "note"}},
          {{"cases", "to-trial"}, 1, {"json"}, true, CasesStep, {"note", "etag"}},
          {{"cases", "return"}, 1, {"json"}, true, CasesStep, {"note", "etag"}},
          {{"cases", "decide"}, 1, {"json"}, true, CasesDecide, {"outcomes", "decided-on", "etag"}},
          {{"cases", "archive"}, 1, {"json"}, true, CasesStep, {"note", "etag"}},
      },
      "  cases file CLUE [--filed-on D]             a clue approved for filing becomes a case\n"
      "  cases show CASE [--json]\n"
      "  cases extend CASE --days N [--note T]      one extension, for a commission leader\n"
      "  cases to-trial|return|archive CASE [--note T] [--etag E]\n"
      "                                           移送审理, 退回补充调查, 归档\n"
      "  cases decide CASE --outcomes NAME=OUTCOME[:MONTHS[:DETAIL]][;...] [--decided-on D]\n"
      "      (a case's proposals are decided with clues approve|reject on its clue)\n"};
}

}  // namespace paizhu::cli
