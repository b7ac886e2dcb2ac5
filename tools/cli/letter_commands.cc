// paizhu letters issue|show|list|reply|problem: recommendation letters (纪检监察建议书)
// and the rectification of their problems.

#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "common/status/grpc_status.h"
#include "paizhu/clue/v1/clue.grpc.pb.h"
#include "tools/cli/commands.h"
#include "tools/cli/subcommands.h"
#include "tools/cli/table.h"

namespace paizhu::cli {
namespace {

using clue::v1::ClueService;

// "3/5 rectified": problems rectified or verified, of all.
std::string ProgressText(const clue::v1::Letter& letter) {
  int done = 0;
  for (const auto& p : letter.problems()) {
    if (p.state() == "rectified" || p.state() == "verified") ++done;
  }
  return absl::StrCat(done, "/", letter.problems_size(), " rectified");
}

int PrintLetter(const Invocation& in, const clue::v1::Letter& letter, Io io) {
  if (in.Has("json")) {
    PrintJson(io.out, ToJson(letter));
    return kExitOk;
  }
  Table table({"FIELD", "VALUE"});
  table.AddRow({"code", Code(letter.name(), "letters")});
  table.AddRow({"kind", letter.kind()});
  table.AddRow({"issuer", Code(letter.issuer(), "units")});
  table.AddRow({"unit", Code(letter.unit(), "units")});
  table.AddRow({"issued_on", letter.issued_on()});
  table.AddRow({"reply_due", letter.reply_due()});
  table.AddRow({"replied_on", letter.replied_on()});
  table.AddRow({"reply", letter.reply()});
  table.AddRow({"overdue", letter.overdue() ? "OVERDUE" : "no"});
  io.out << table.Render() << "\n";
  Table problems({"SEQ", "STATE", "RECTIFIED", "VERIFIED", "OVERDUE", "DESCRIPTION", "EVIDENCE"});
  for (const auto& p : letter.problems()) {
    problems.AddRow({absl::StrCat(p.seq()), p.state(), p.rectified_on(), p.verified_on(),
                     p.overdue() ? "OVERDUE" : "", p.description(), p.evidence()});
  }
  io.out << problems.Render();
  return kExitOk;
}

int LettersIssue(const Invocation& in, const Session& session, Io io) {
  for (const char* flag : {"kind", "issuer", "unit", "reply-due", "problems"}) {
    if (!in.Has(flag)) {
      return UsageError(io.err, absl::StrCat("letters issue: --", flag, " is required"));
    }
  }
  clue::v1::IssueLetterRequest request;
  clue::v1::Letter* letter = request.mutable_letter();
  letter->set_name(Name(in.words[2], "letters"));
  letter->set_kind(in.Get("kind"));
  letter->set_issuer(Name(in.Get("issuer"), "units"));
  letter->set_unit(Name(in.Get("unit"), "units"));
  letter->set_issued_on(in.Get("issued-on"));
  letter->set_reply_due(in.Get("reply-due"));
  int seq = 0;
  for (absl::string_view text : absl::StrSplit(in.Get("problems"), ';', absl::SkipWhitespace())) {
    clue::v1::Problem* problem = letter->add_problems();
    problem->set_seq(++seq);
    problem->set_description(std::string(absl::StripAsciiWhitespace(text)));
  }
  clue::v1::Letter issued;
  grpc::Status status =
      ClueService::NewStub(session.channel)->IssueLetter(NewCall(session).get(), request, &issued);
  if (!status.ok()) return Fail(io.err, FromGrpcStatus(status));
  if (in.Has("json")) return PrintLetter(in, issued, io);
  io.out << "issued " << Code(issued.name(), "letters") << " to " << Code(issued.unit(), "units")
         << " with " << issued.problems_size() << " problems, reply due " << issued.reply_due()
         << "\n";
  return kExitOk;
}

int LettersShow(const Invocation& in, const Session& session, Io io) {
  clue::v1::GetLetterRequest request;
  request.set_name(Name(in.words[2], "letters"));
  clue::v1::Letter letter;
  grpc::Status status =
      ClueService::NewStub(session.channel)->GetLetter(NewCall(session).get(), request, &letter);
  if (!status.ok()) return Fail(io.err, FromGrpcStatus(status));
  return PrintLetter(in, letter, io);
}

// Overdue letters first, then the newest (the service's order).
int LettersList(const Invocation& in, const Session& session, Io io) {
  auto stub = ClueService::NewStub(session.channel);
  clue::v1::ListLettersRequest request;
  request.set_page_size(500);
  if (in.Has("unit")) request.set_unit(Name(in.Get("unit"), "units"));
  if (in.Has("issuer")) request.set_issuer(Name(in.Get("issuer"), "units"));
  request.set_overdue_only(in.Has("overdue"));
  std::vector<clue::v1::Letter> letters;
  do {
    clue::v1::ListLettersResponse response;
    grpc::Status status = stub->ListLetters(NewCall(session).get(), request, &response);
    if (!status.ok()) return Fail(io.err, FromGrpcStatus(status));
    letters.insert(letters.end(), response.letters().begin(), response.letters().end());
    request.set_page_token(response.next_page_token());
  } while (!request.page_token().empty());
  if (in.Has("json")) {
    nlohmann::json list = nlohmann::json::array();
    for (const auto& letter : letters) list.push_back(ToJson(letter));
    PrintJson(io.out, {{"letters", list}});
    return kExitOk;
  }
  Table table(
      {"CODE", "KIND", "ISSUER", "UNIT", "ISSUED", "REPLY DUE", "REPLIED", "PROBLEMS", "OVERDUE"});
  for (const auto& l : letters) {
    table.AddRow({Code(l.name(), "letters"), l.kind(), Code(l.issuer(), "units"),
                  Code(l.unit(), "units"), l.issued_on(), l.reply_due(), l.replied_on(),
                  ProgressText(l), l.overdue() ? "OVERDUE" : ""});
  }
  io.out << table.Render();
  return kExitOk;
}

int LettersReply(const Invocation& in, const Session& session, Io io) {
  if (!in.Has("reply")) return UsageError(io.err, "letters reply: --reply TEXT is required");
  clue::v1::RecordLetterReplyRequest request;
  request.set_name(Name(in.words[2], "letters"));
  request.set_replied_on(in.Get("replied-on"));
  request.set_reply(in.Get("reply"));
  request.set_etag(in.Get("etag"));
  clue::v1::Letter letter;
  grpc::Status status = ClueService::NewStub(session.channel)
                            ->RecordLetterReply(NewCall(session).get(), request, &letter);
  if (!status.ok()) return Fail(io.err, FromGrpcStatus(status));
  if (in.Has("json")) return PrintLetter(in, letter, io);
  io.out << Code(letter.name(), "letters") << ": replied on " << letter.replied_on() << ", "
         << ProgressText(letter) << "\n";
  return kExitOk;
}

int LettersProblem(const Invocation& in, const Session& session, Io io) {
  int seq = 0;
  if (!absl::SimpleAtoi(in.words[3], &seq) || seq <= 0) {
    return UsageError(io.err, "letters problem: SEQ is the problem's number (1, 2, ...)");
  }
  clue::v1::UpdateProblemRequest request;
  request.set_name(Name(in.words[2], "letters"));
  request.set_seq(seq);
  request.set_state(in.words[4]);
  request.set_on(in.Get("on"));
  request.set_evidence(in.Get("evidence"));
  request.set_etag(in.Get("etag"));
  clue::v1::Letter letter;
  grpc::Status status = ClueService::NewStub(session.channel)
                            ->UpdateProblem(NewCall(session).get(), request, &letter);
  if (!status.ok()) return Fail(io.err, FromGrpcStatus(status));
  if (in.Has("json")) return PrintLetter(in, letter, io);
  for (const auto& p : letter.problems()) {
    if (p.seq() == seq) {
      io.out << Code(letter.name(), "letters") << " problem " << seq << ": " << p.state() << " ("
             << ProgressText(letter) << ")\n";
    }
  }
  return kExitOk;
}

}  // namespace

CommandGroup LetterCommands() {
  return {
      {
          {{"letters", "issue"},
           1,
           {"json"},
           true,
           LettersIssue,
           {"kind", "issuer", "unit", "issued-on", "reply-due", "problems"}},
          {{"letters", "show"}, 1, {"json"}, true, LettersShow},
          {{"letters", "list"}, 0, {"overdue", "json"}, true, LettersList, {"unit", "issuer"}},
          {{"letters", "reply"}, 1, {"json"}, true, LettersReply, {"reply", "replied-on", "etag"}},
          {{"letters", "problem"}, 3, {"json"}, true, LettersProblem, {"on", "evidence", "etag"}},
      },
      "  letters issue CODE --kind discipline|supervision|combined --issuer G --unit U\n"
      "                --reply-due D --problems 'P1;P2' [--issued-on D]\n"
      "  letters show CODE [--json]\n"
      "  letters list [--unit U] [--issuer G] [--overdue] [--json]   overdue first\n"
      "  letters reply CODE --reply TEXT [--replied-on D]\n"
      "  letters problem CODE SEQ in_progress|rectified|verified [--on D]\n"
      "                  [--evidence T]            a problem's rectification\n"};
}

}  // namespace paizhu::cli
