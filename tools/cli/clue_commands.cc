// paizhu clues register|list|show: the central registry (全程登记备查) through the gateway,
// and the clue's steps: assign, review, propose, approve/reject, conclude, report, reopen,
// outcomes.

#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "common/status/grpc_status.h"
#include "common/status/status.h"
#include "paizhu/clue/v1/clue.grpc.pb.h"
#include "tools/cli/clue_outcomes.h"
#include "tools/cli/commands.h"
#include "tools/cli/subcommands.h"
#include "tools/cli/table.h"

namespace paizhu::cli {
namespace {

std::vector<std::string> ListOf(const std::string& text) {
  std::vector<std::string> values;
  for (absl::string_view part : absl::StrSplit(text, ';', absl::SkipWhitespace())) {
    values.emplace_back(absl::StripAsciiWhitespace(part));
  }
  return values;
}

std::string SubjectsText(const clue::v1::Clue& clue) {
  std::vector<std::string> subjects;
  for (const auto& subject : clue.subjects()) {
    std::string text = subject.name();
    if (!subject.unit().empty()) absl::StrAppend(&text, " (", Code(subject.unit(), "units"), ")");
    subjects.push_back(text);
  }
  return absl::StrJoin(subjects, "; ");
}

std::string ProposalText(const clue::v1::Proposal& p) {
  std::string text = absl::StrCat("#", p.id(), " ", p.kind(), " ", p.value());
  if (!p.approver().empty()) absl::StrAppend(&text, ", for ", p.approver());
  return text;
}

// After a state change: the clue's number, its state and what awaits a decision.
int PrintChanged(const Invocation& in, const clue::v1::Clue& clue, Io io) {
  if (in.Has("json")) {
    PrintJson(io.out, ToJson(clue));
    return kExitOk;
  }
  io.out << Code(clue.name(), "clues") << ": " << clue.state();
  if (clue.has_proposal() && clue.proposal().id() != 0) {
    io.out << " (proposal " << ProposalText(clue.proposal()) << ")";
  }
  io.out << "\n";
  return kExitOk;
}

using ClueStub = clue::v1::ClueService::Stub;

// A workflow step's printer for CallAndPrint: the changed clue.
auto Changed(const Invocation& in, Io io) {
  return [&in, io](const clue::v1::Clue& clue) { return PrintChanged(in, clue, io); };
}

std::vector<std::string> Names(const std::string& list, absl::string_view collection) {
  std::vector<std::string> names;
  for (const auto& code : ListOf(list)) names.push_back(Name(code, collection));
  return names;
}

}  // namespace

int CluesRegister(const Invocation& in, const Session& session, Io io) {
  for (const char* flag :
       {"received-on", "source", "handling-unit", "subject", "violations", "allegation"}) {
    if (!in.Has(flag))
      return UsageError(io.err, absl::StrCat("clues register: --", flag, " is required"));
  }
  clue::v1::RegisterClueRequest request;
  clue::v1::Clue* clue = request.mutable_clue();
  clue->set_received_on(in.Get("received-on"));
  clue->set_source(in.Get("source"));
  clue->set_handling_unit(Name(in.Get("handling-unit"), "units"));
  if (in.Has("registering-unit")) {
    clue->set_registering_unit(Name(in.Get("registering-unit"), "units"));
  }
  clue->set_allegation(in.Get("allegation"));
  for (const auto& violation : ListOf(in.Get("violations"))) clue->add_violations(violation);
  for (const auto& handler : ListOf(in.Get("handlers")))
    clue->add_handlers(Name(handler, "people"));
  clue::v1::Subject* subject = clue->add_subjects();
  subject->set_name(in.Get("subject"));
  if (in.Has("subject-unit")) subject->set_unit(Name(in.Get("subject-unit"), "units"));
  subject->set_position(in.Get("subject-position"));
  subject->set_level(in.Get("subject-level"));
  subject->set_party_member(in.Has("party-member"));
  clue->mutable_reporter()->set_name(in.Get("reporter"));
  clue->mutable_reporter()->set_contact(in.Get("reporter-contact"));
  clue->mutable_reporter()->set_anonymous(in.Has("anonymous"));
  // One id for this command: a retry of the call cannot number the clue twice.
  request.set_request_id(NewRequestId());

  auto stub = clue::v1::ClueService::NewStub(session.channel);
  clue::v1::Clue registered;
  grpc::Status status = stub->RegisterClue(NewCall(session).get(), request, &registered);
  if (!status.ok()) return Fail(io.err, FromGrpcStatus(status));
  if (in.Has("json")) {
    PrintJson(io.out, ToJson(registered));
  } else {
    io.out << "registered " << Code(registered.name(), "clues") << " (" << registered.state()
           << ")\n";
  }
  return kExitOk;
}

int CluesList(const Invocation& in, const Session& session, Io io) {
  auto stub = clue::v1::ClueService::NewStub(session.channel);
  clue::v1::ListCluesRequest request;
  request.set_page_size(500);
  if (in.Has("handling-unit")) request.set_handling_unit(Name(in.Get("handling-unit"), "units"));
  request.set_state(in.Get("state-filter"));
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
  Table table({"NUMBER", "RECEIVED", "SOURCE", "HANDLING UNIT", "STATE"});
  for (const auto& clue : clues) {
    table.AddRow({Code(clue.name(), "clues"), clue.received_on(), clue.source(),
                  Code(clue.handling_unit(), "units"), clue.state()});
  }
  io.out << table.Render();
  return kExitOk;
}

int CluesShow(const Invocation& in, const Session& session, Io io) {
  auto stub = clue::v1::ClueService::NewStub(session.channel);
  clue::v1::GetClueRequest request;
  request.set_name(Name(in.words[2], "clues"));
  clue::v1::Clue clue;
  grpc::Status status = stub->GetClue(NewCall(session).get(), request, &clue);
  if (!status.ok()) return Fail(io.err, FromGrpcStatus(status));
  if (in.Has("json")) {
    PrintJson(io.out, ToJson(clue));
    return kExitOk;
  }
  Table table({"FIELD", "VALUE"});
  table.AddRow({"number", Code(clue.name(), "clues")});
  table.AddRow({"received_on", clue.received_on()});
  table.AddRow({"source", clue.source()});
  table.AddRow({"state", clue.state()});
  table.AddRow({"handling_unit", Code(clue.handling_unit(), "units")});
  table.AddRow({"registering_unit", Code(clue.registering_unit(), "units")});
  table.AddRow({"subjects", SubjectsText(clue)});
  table.AddRow({"violations", absl::StrJoin(clue.violations(), ", ")});
  table.AddRow({"allegation", clue.allegation()});
  std::vector<std::string> handlers;
  for (const auto& handler : clue.handlers()) handlers.push_back(Code(handler, "people"));
  table.AddRow({"handlers", absl::StrJoin(handlers, ", ")});
  const auto& reporter = clue.reporter();
  table.AddRow({"reporter", reporter.masked()      ? "(withheld)"
                            : reporter.anonymous() ? "(anonymous)"
                                                   : reporter.name()});
  table.AddRow({"registered_by", Code(clue.registered_by(), "people")});
  if (clue.has_proposal() && clue.proposal().id() != 0) {
    table.AddRow({"proposal", ProposalText(clue.proposal())});
  }
  io.out << table.Render();
  return kExitOk;
}

// ---- the workflow: each command one state change (clue.proto) ----

int CluesAssign(const Invocation& in, const Session& session, Io io) {
  if (!in.Has("handlers")) return UsageError(io.err, "clues assign: --handlers P1;P2 is required");
  clue::v1::AssignClueRequest request;
  request.set_name(Name(in.words[2], "clues"));
  for (const auto& handler : Names(in.Get("handlers"), "people")) request.add_handlers(handler);
  request.set_etag(in.Get("etag"));
  return CallAndPrint(session, io, &ClueStub::AssignClue, request, Changed(in, io));
}

int CluesReview(const Invocation& in, const Session& session, Io io) {
  if (!in.Has("attendees")) {
    return UsageError(io.err, "clues review: --attendees P1;P2;P3 is required");
  }
  clue::v1::ReviewClueRequest request;
  request.set_name(Name(in.words[2], "clues"));
  request.set_held_on(in.Get("held-on"));
  for (const auto& person : Names(in.Get("attendees"), "people")) request.add_attendees(person);
  request.set_summary(in.Get("summary"));
  request.set_etag(in.Get("etag"));
  return CallAndPrint(session, io, &ClueStub::ReviewClue, request, Changed(in, io));
}

int CluesPropose(const Invocation& in, const Session& session, Io io) {
  if (!in.Has("disposal")) {
    return UsageError(io.err, "clues propose: --disposal inquiry|verification|pending|closed");
  }
  clue::v1::ProposeDisposalRequest request;
  request.set_name(Name(in.words[2], "clues"));
  request.set_disposal(in.Get("disposal"));
  request.set_note(in.Get("note"));
  request.set_etag(in.Get("etag"));
  return CallAndPrint(session, io, &ClueStub::ProposeDisposal, request, Changed(in, io));
}

// approve / reject: the proposal named by --proposal, else the clue's pending one.
int CluesDecide(const Invocation& in, const Session& session, Io io) {
  bool approve = in.words[1] == "approve";
  auto stub = clue::v1::ClueService::NewStub(session.channel);
  clue::v1::DecideProposalRequest request;
  request.set_name(Name(in.words[2], "clues"));
  request.set_note(in.Get("note"));
  if (in.Has("proposal")) {
    int64_t id = 0;
    if (!absl::SimpleAtoi(in.Get("proposal"), &id) || id <= 0) {
      return UsageError(io.err, "--proposal: the proposal's number, as clues show prints it");
    }
    request.set_proposal_id(id);
  } else {
    clue::v1::GetClueRequest get;
    get.set_name(request.name());
    clue::v1::Clue current;
    grpc::Status status = stub->GetClue(NewCall(session).get(), get, &current);
    if (!status.ok()) return Fail(io.err, FromGrpcStatus(status));
    if (!current.has_proposal() || current.proposal().id() == 0) {
      return Fail(io.err, FailedPrecondition("NO_PENDING_PROPOSAL",
                                             absl::StrCat(in.words[2], " awaits no decision")));
    }
    request.set_proposal_id(current.proposal().id());
  }
  clue::v1::Clue clue;
  grpc::Status status = approve ? stub->ApproveProposal(NewCall(session).get(), request, &clue)
                                : stub->RejectProposal(NewCall(session).get(), request, &clue);
  if (!status.ok()) return Fail(io.err, FromGrpcStatus(status));
  return PrintChanged(in, clue, io);
}

// ---- the steps after the disposal (clue.proto), and outcomes ----

absl::Status ParseOutcomes(const std::string& text, const std::string& decided_on,
                           google::protobuf::RepeatedPtrField<clue::v1::Outcome>* out) {
  for (const auto& entry : ListOf(text)) {
    std::pair<std::string, std::string> name_rest = absl::StrSplit(entry, absl::MaxSplits('=', 1));
    std::vector<std::string> parts = absl::StrSplit(name_rest.second, absl::MaxSplits(':', 2));
    std::string name(absl::StripAsciiWhitespace(name_rest.first));
    if (name.empty() || parts.empty() || parts[0].empty()) {
      return InvalidArgument("outcomes", "INVALID_OUTCOME",
                             absl::StrCat("'", entry, "': write NAME=OUTCOME[:MONTHS[:DETAIL]]"));
    }
    clue::v1::Outcome* outcome = out->Add();
    outcome->set_subject_name(name);
    outcome->set_outcome(parts[0]);
    outcome->set_decided_on(decided_on);
    if (parts.size() > 1 && !parts[1].empty()) {
      int months = 0;
      if (!absl::SimpleAtoi(parts[1], &months)) {
        return InvalidArgument("outcomes", "INVALID_OUTCOME",
                               absl::StrCat("'", entry, "': MONTHS is a number (12 or 24)"));
      }
      outcome->set_months(months);
    }
    if (parts.size() > 2) outcome->set_detail(parts[2]);
  }
  if (out->empty()) {
    return InvalidArgument("outcomes", "OUTCOMES_REQUIRED", "at least one NAME=OUTCOME");
  }
  return absl::OkStatus();
}

std::string OutcomesText(const google::protobuf::RepeatedPtrField<clue::v1::Outcome>& outcomes) {
  std::vector<std::string> texts;
  for (const auto& o : outcomes) {
    std::string text = absl::StrCat(o.subject_name(), " ", o.outcome());
    if (o.months() > 0) absl::StrAppend(&text, " ", o.months(), " months");
    if (!o.detail().empty()) absl::StrAppend(&text, " (", o.detail(), ")");
    if (!o.decided_on().empty()) absl::StrAppend(&text, " on ", o.decided_on());
    if (!o.effect_until().empty()) absl::StrAppend(&text, ", in effect until ", o.effect_until());
    texts.push_back(text);
  }
  return absl::StrJoin(texts, "; ");
}

namespace {

int CluesConclude(const Invocation& in, const Session& session, Io io) {
  if (!in.Has("result")) {
    return UsageError(io.err, "clues conclude: --result cleared|first_form|closed|escalate");
  }
  clue::v1::ConcludeInquiryRequest request;
  request.set_name(Name(in.words[2], "clues"));
  request.set_result(in.Get("result"));
  request.set_note(in.Get("note"));
  request.set_etag(in.Get("etag"));
  return CallAndPrint(session, io, &ClueStub::ConcludeInquiry, request, Changed(in, io));
}

int CluesReport(const Invocation& in, const Session& session, Io io) {
  if (!in.Has("result")) {
    return UsageError(io.err, "clues report: --result file_case|first_form|closed|transfer");
  }
  clue::v1::ReportVerificationRequest request;
  request.set_name(Name(in.words[2], "clues"));
  request.set_result(in.Get("result"));
  request.set_note(in.Get("note"));
  request.set_etag(in.Get("etag"));
  return CallAndPrint(session, io, &ClueStub::ReportVerification, request, Changed(in, io));
}

int CluesReopen(const Invocation& in, const Session& session, Io io) {
  clue::v1::ReopenClueRequest request;
  request.set_name(Name(in.words[2], "clues"));
  request.set_note(in.Get("note"));
  request.set_etag(in.Get("etag"));
  return CallAndPrint(session, io, &ClueStub::ReopenClue, request, Changed(in, io));
}

int CluesOutcomes(const Invocation& in, const Session& session, Io io) {
  if (!in.Has("outcomes")) {
    return UsageError(io.err, "clues outcomes: --outcomes NAME=OUTCOME[:MONTHS[:DETAIL]][;...]");
  }
  clue::v1::RecordOutcomesRequest request;
  request.set_name(Name(in.words[2], "clues"));
  if (absl::Status parsed =
          ParseOutcomes(in.Get("outcomes"), in.Get("decided-on"), request.mutable_outcomes());
      !parsed.ok()) {
    return UsageError(io.err, absl::StrCat("clues outcomes: ", parsed.message()));
  }
  clue::v1::Clue clue;
  grpc::Status status = clue::v1::ClueService::NewStub(session.channel)
                            ->RecordOutcomes(NewCall(session).get(), request, &clue);
  if (!status.ok()) return Fail(io.err, FromGrpcStatus(status));
  if (in.Has("json")) {
    PrintJson(io.out, ToJson(clue));
    return kExitOk;
  }
  io.out << Code(clue.name(), "clues") << ": " << clue.state() << ", "
         << OutcomesText(clue.outcomes()) << "\n";
  return kExitOk;
}

}  // namespace

CommandGroup ClueStepCommands() {
  return {{
              {{"clues", "conclude"}, 1, {"json"}, true, CluesConclude, {"result", "note", "etag"}},
              {{"clues", "report"}, 1, {"json"}, true, CluesReport, {"result", "note", "etag"}},
              {{"clues", "reopen"}, 1, {"json"}, true, CluesReopen, {"note", "etag"}},
              {{"clues", "outcomes"}, 1, {"json"}, true, CluesOutcomes, {"outcomes", "decided-on"}},
          },
          "  clues conclude NUMBER --result cleared|first_form|closed|escalate [--note T]\n"
          "                                           an inquiry's end, for approval\n"
          "  clues report NUMBER --result file_case|first_form|closed|transfer [--note T]\n"
          "                                           a verification report, for approval\n"
          "  clues reopen NUMBER [--note T]             a held clue taken up again\n"
          "  clues outcomes NUMBER --outcomes NAME=OUTCOME[:MONTHS[:DETAIL]][;...]\n"
          "                 [--decided-on D]           first-form handling per person\n"};
}

}  // namespace paizhu::cli
