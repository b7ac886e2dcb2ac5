// paizhu cases file|show|extend|to-trial|return|decide|archive: a filed case (立案) from
// investigation through trial to the archive, one command per step (clue.proto).

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "paizhu/clue/v1/clue.grpc.pb.h"
#include "tools/cli/clue_outcomes.h"
#include "tools/cli/commands.h"
#include "tools/cli/subcommands.h"
#include "tools/cli/table.h"

namespace paizhu::cli {
namespace {

using Stub = clue::v1::ClueService::Stub;

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

// CallAndPrint's printer after a step: the case's state.
auto Changed(const Invocation& in, Io io) {
  return [&in, io](const clue::v1::Case& c) { return PrintCase(in, c, io); };
}

int CasesFile(const Invocation& in, const Session& session, Io io) {
  clue::v1::FileCaseRequest request;
  request.set_clue(Name(in.words[2], "clues"));
  request.set_filed_on(in.Get("filed-on"));
  request.set_request_id(NewRequestId());  // a retry cannot file two cases
  return CallAndPrint(session, io, &Stub::FileCase, request, [&](const clue::v1::Case& c) {
    if (in.Has("json")) return PrintCase(in, c, io);
    io.out << "filed " << Code(c.name(), "cases") << " on " << c.filed_on() << " (" << c.state()
           << ", due " << DueText(c) << ")\n";
    return kExitOk;
  });
}

// The case as FIELD / VALUE lines.
int PrintCaseTable(const clue::v1::Case& c, Io io) {
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

int CasesShow(const Invocation& in, const Session& session, Io io) {
  clue::v1::GetCaseRequest request;
  request.set_name(Name(in.words[2], "cases"));
  return CallAndPrint(session, io, &Stub::GetCase, request, [&](const clue::v1::Case& c) {
    return in.Has("json") ? PrintCase(in, c, io) : PrintCaseTable(c, io);
  });
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
  return CallAndPrint(session, io, &Stub::RequestExtension, request, Changed(in, io));
}

// to-trial, return and archive: one step each, with a note and an optional etag.
int CasesStep(const Invocation& in, const Session& session, Io io) {
  clue::v1::CaseStepRequest request;
  request.set_name(Name(in.words[2], "cases"));
  request.set_note(in.Get("note"));
  request.set_etag(in.Get("etag"));
  const std::string& step = in.words[1];
  return CallAndPrint(session, io,
                      step == "to-trial" ? &Stub::TransferToTrial
                      : step == "return" ? &Stub::ReturnForInvestigation
                                         : &Stub::ArchiveCase,
                      request, Changed(in, io));
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
  return CallAndPrint(session, io, &Stub::DecideCase, request, Changed(in, io));
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
