// paizhu deadlines list|explain: what runs late or soon, and how a due date was counted
// on the working-day calendar.

#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "common/status/grpc_status.h"
#include "paizhu/clue/v1/clue.grpc.pb.h"
#include "tools/cli/commands.h"
#include "tools/cli/subcommands.h"
#include "tools/cli/table.h"

namespace paizhu::cli {
namespace {

// "XS2026-0001" -> clues/..., "LA2026-0001" -> cases/...; full names unchanged.
std::string ClueOrCaseName(const std::string& text) {
  if (absl::StartsWith(text, "clues/") || absl::StartsWith(text, "cases/")) return text;
  return absl::StartsWith(text, "LA") ? Name(text, "cases") : Name(text, "clues");
}

std::string ShortName(const std::string& name) { return Code(Code(name, "clues"), "cases"); }

int DeadlinesList(const Invocation& in, const Session& session, Io io) {
  clue::v1::ListDeadlinesRequest request;
  if (in.Has("unit")) request.set_unit(Name(in.Get("unit"), "units"));
  request.set_overdue(in.Has("overdue"));
  if (in.Has("within")) {
    int days = 0;
    if (!absl::SimpleAtoi(in.Get("within"), &days) || days <= 0) {
      return UsageError(io.err, "deadlines list: --within N calendar days");
    }
    request.set_within_days(days);
  }
  request.set_page_size(500);
  clue::v1::ListDeadlinesResponse response;
  grpc::Status status = clue::v1::ClueService::NewStub(session.channel)
                            ->ListDeadlines(NewCall(session).get(), request, &response);
  if (!status.ok()) return Fail(io.err, FromGrpcStatus(status));
  if (in.Has("json")) {
    PrintJson(io.out, ToJson(response));
    return kExitOk;
  }
  Table table({"NAME", "STATE", "HANDLING UNIT", "DUE", "OVERDUE"});
  for (const auto& item : response.items()) {
    table.AddRow({ShortName(item.name()), item.state(), Code(item.handling_unit(), "units"),
                  item.provisional() ? item.due_date() + " (provisional)" : item.due_date(),
                  item.days_overdue() > 0 ? absl::StrCat(item.days_overdue(), " days") : ""});
  }
  io.out << table.Render();
  return kExitOk;
}

int DeadlinesExplain(const Invocation& in, const Session& session, Io io) {
  clue::v1::ExplainDeadlineRequest request;
  request.set_name(ClueOrCaseName(in.words[2]));
  clue::v1::Deadline deadline;
  grpc::Status status = clue::v1::ClueService::NewStub(session.channel)
                            ->ExplainDeadline(NewCall(session).get(), request, &deadline);
  if (!status.ok()) return Fail(io.err, FromGrpcStatus(status));
  if (in.Has("json")) {
    PrintJson(io.out, ToJson(deadline));
    return kExitOk;
  }
  io.out << ShortName(request.name()) << " is due " << deadline.due_date()
         << (deadline.provisional() ? " (provisional: its year's calendar is not loaded)" : "")
         << "\n  rule: " << deadline.rule() << ", counted from " << deadline.start_date()
         << "\n  days off skipped: " << deadline.days_off_skipped()
         << ", make-up workdays counted: " << deadline.makeup_workdays_counted() << "\n";
  for (const auto& step : deadline.explanation()) io.out << "  " << step << "\n";
  return kExitOk;
}

}  // namespace

CommandGroup DeadlineCommands() {
  return {
      {
          {{"deadlines", "list"}, 0, {"overdue", "json"}, true, DeadlinesList, {"unit", "within"}},
          {{"deadlines", "explain"}, 1, {"json"}, true, DeadlinesExplain},
      },
      "  deadlines list [--unit U] [--overdue | --within DAYS] [--json]\n"
      "                                           past due, or due soon; soonest first\n"
      "  deadlines explain NUMBER                  how a clue's or case's due date was "
      "counted\n"};
}

}  // namespace paizhu::cli
