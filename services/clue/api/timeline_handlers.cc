// A clue's timeline: its audit entries, oldest first, with what each step changed.

#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/time/time.h"
#include "common/names/page_token.h"
#include "common/names/resource_name.h"
#include "common/status/macros.h"
#include "common/status/status.h"
#include "services/clue/api/clue_api.h"
#include "services/clue/api/clue_convert.h"

namespace paizhu::clue {
namespace {

// "person:P0001" -> people/P0001; services and systems keep their audit form.
std::string ActorName(const std::string& actor) {
  if (absl::StartsWith(actor, "person:")) return names::MakeName("people", actor.substr(7));
  return actor;
}

void ToProto(const TimelineEntry& e, bool sees_reporter, v1::ClueEvent* out) {
  out->set_seq(e.seq);
  out->set_time(
      absl::FormatTime(absl::RFC3339_full, absl::FromUnixMicros(e.at_micros), absl::UTCTimeZone()));
  out->set_actor(ActorName(e.actor));
  if (!e.note.acting_unit.empty()) {
    out->set_acting_unit(names::MakeName("units", e.note.acting_unit));
  }
  out->set_action(e.action);
  for (const Fact& f : e.note.facts) {
    // Reporters' identities are for the letters-and-visits office alone (as GetClue).
    if (IsReporterFact(f) && !sees_reporter) {
      out->set_reporter_masked(true);
      continue;
    }
    v1::ClueFact* fact = out->add_facts();
    fact->set_field(f.field);
    fact->set_value(f.value);
    fact->set_previous(f.previous);
  }
}

}  // namespace

grpc::Status ClueApi::ListClueEvents(grpc::ServerContext* ctx,
                                     const v1::ListClueEventsRequest* request,
                                     v1::ListClueEventsResponse* response) {
  return gate_->Serve(
      ctx, ClueMethod("ListClueEvents"), [&](const server::CallContext& call) -> absl::Status {
        ASSIGN_OR_RETURN(std::string number, names::ParseName(request->clue(), "clues", "clue"));
        std::string fingerprint =
            absl::StrCat("clue=", number, ";reads=", request->include_reads() ? 1 : 0);
        ASSIGN_OR_RETURN(
            names::PageRequest page,
            names::ParsePage(request->page_size(), request->page_token(), fingerprint, 50, 500));
        int64_t after = 0;
        if (!page.after_key.empty() && !absl::SimpleAtoi(page.after_key, &after)) {
          return InvalidArgument("page_token", "INVALID_PAGE_TOKEN", "page_token: damaged");
        }
        Viewer viewer = ViewerOf(call.principal);
        ASSIGN_OR_RETURN(std::optional<std::vector<TimelineEntry>> entries,
                         clues_->ListEvents(number, viewer, after, page.limit + 1,
                                            request->include_reads(), call.deadline));
        if (!entries) return ClueNotFound(request->clue());
        bool more = static_cast<int>(entries->size()) > page.limit;
        if (more) entries->resize(page.limit);
        for (const TimelineEntry& e : *entries) {
          ToProto(e, viewer.sees_reporter, response->add_events());
        }
        if (more) {
          response->set_next_page_token(
              names::MakePageToken(absl::StrCat(entries->back().seq), fingerprint));
        }
        return absl::OkStatus();
      });
}

}  // namespace paizhu::clue
