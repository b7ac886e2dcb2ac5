// paizhu people assign-post|end-post|training, units assign-supervision: org's day-to-day
// single changes, which otherwise need a one-row CSV import.

#include <cmath>
#include <string>
#include <vector>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "paizhu/org/v1/org.grpc.pb.h"
#include "tools/cli/commands.h"
#include "tools/cli/subcommands.h"
#include "tools/cli/table.h"

namespace paizhu::cli {
namespace {

using Stub = org::v1::OrgService::Stub;

// The person's posts after a change: the history `people show` ends with.
auto PostsChanged(const Invocation& in, Io io) {
  return [&in, io](const org::v1::Person& person) {
    if (in.Has("json")) {
      PrintJson(io.out, ToJson(person));
      return kExitOk;
    }
    io.out << Code(person.name(), "people") << " " << person.display_name() << "\n";
    Table posts({"UNIT", "POST", "FROM", "TO", "REASON"});
    for (const auto& post : person.assignments()) {
      posts.AddRow({Code(post.unit(), "units"), post.post(), post.from_date(), post.to_date(),
                    post.reason()});
    }
    io.out << posts.Render();
    return kExitOk;
  };
}

int AssignPost(const Invocation& in, const Session& session, Io io) {
  if (int usage = RequireFlags(in, io, "people assign-post", {"unit", "post", "from"})) {
    return usage;
  }
  org::v1::AssignPostRequest request;
  request.set_person(Name(in.words[2], "people"));
  request.set_unit(Name(in.Get("unit"), "units"));
  request.set_post(in.Get("post"));
  request.set_from_date(in.Get("from"));
  request.set_reason(in.Get("reason"));
  request.set_over_quota_reason(in.Get("over-quota-reason"));
  request.set_talk_override_reason(in.Get("talk-override-reason"));
  return CallAndPrint(session, io, &Stub::AssignPost, request, PostsChanged(in, io));
}

int EndPost(const Invocation& in, const Session& session, Io io) {
  if (int usage = RequireFlags(in, io, "people end-post", {"unit", "post", "on"})) return usage;
  org::v1::EndPostRequest request;
  request.set_person(Name(in.words[2], "people"));
  request.set_unit(Name(in.Get("unit"), "units"));
  request.set_post(in.Get("post"));
  request.set_to_date(in.Get("on"));
  request.set_reason(in.Get("reason"));
  return CallAndPrint(session, io, &Stub::EndPost, request, PostsChanged(in, io));
}

int RecordTraining(const Invocation& in, const Session& session, Io io) {
  if (int usage = RequireFlags(in, io, "people training", {"course", "hours"})) return usage;
  double hours = 0;
  if (!absl::SimpleAtod(in.Get("hours"), &hours) || !std::isfinite(hours)) {
    return UsageError(io.err, "people training: --hours takes a number, e.g. 4 or 2.5");
  }
  org::v1::RecordTrainingRequest request;
  request.set_person(Name(in.words[2], "people"));
  request.set_course(in.Get("course"));
  request.set_organizer(in.Get("organiser"));
  request.set_date(DateOrToday(in, "on"));
  request.set_hours(hours);
  return CallAndPrint(
      session, io, &Stub::RecordTraining, request, [&](const org::v1::Person& person) {
        // The answer is the person; the training is what was sent.
        if (in.Has("json")) {
          nlohmann::json training = ToJson(request);
          training["person"] = person.name();
          PrintJson(io.out, training);
          return kExitOk;
        }
        io.out << "recorded training for " << Code(person.name(), "people") << " "
               << person.display_name() << ": " << request.course();
        if (!request.organizer().empty()) io.out << " (" << request.organizer() << ")";
        io.out << " on " << request.date() << ", " << request.hours() << " hour(s)\n";
        return kExitOk;
      });
}

int AssignSupervision(const Invocation& in, const Session& session, Io io) {
  if (int usage = RequireFlags(in, io, "units assign-supervision", {"group", "from"})) {
    return usage;
  }
  org::v1::AssignSupervisionRequest request;
  request.set_unit(Name(in.words[2], "units"));
  request.set_group(Name(in.Get("group"), "units"));
  request.set_from_date(in.Get("from"));
  return CallAndPrint(
      session, io, &Stub::AssignSupervision, request, [&](const org::v1::Unit& unit) {
        if (in.Has("json")) {
          PrintJson(io.out, ToJson(unit));
          return kExitOk;
        }
        io.out << Code(unit.name(), "units") << " " << unit.display_name() << " supervised by "
               << Code(request.group(), "units") << " from " << request.from_date() << "\n";
        return kExitOk;
      });
}

}  // namespace

CommandGroup OrgCommands() {
  return {
      {
          {{"people", "assign-post"},
           1,
           {"json"},
           true,
           AssignPost,
           {"unit", "post", "from", "reason", "over-quota-reason", "talk-override-reason"}},
          {{"people", "end-post"}, 1, {"json"}, true, EndPost, {"unit", "post", "on", "reason"}},
          {{"people", "training"},
           1,
           {"json"},
           true,
           RecordTraining,
           {"course", "organiser", "on", "hours"}},
          {{"units", "assign-supervision"},
           1,
           {"json"},
           true,
           AssignSupervision,
           {"group", "from"}},
      },
      "  people assign-post CODE --unit U --post leader|deputy|staff|member --from D\n"
      "                     [--reason T] [--over-quota-reason T] [--talk-override-reason T]\n"
      "  people end-post CODE --unit U --post P --on D [--reason T]   D: the last day held\n"
      "  people training CODE --course T --hours N [--organiser T] [--on D]\n"
      "  units assign-supervision U --group G --from D   the group supervising U from D\n"};
}

}  // namespace paizhu::cli
