// paizhu integrity files|entries|opinion: the integrity files (廉政档案) of supervised units'
// cadres (listed by unit), their dated entries, and the integrity opinion (党风廉政意见回复) on a
// file's cadre; paizhu rules list|set: the versioned rules (逢进必审, 逢调必谈, specialist share).

#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "paizhu/org/v1/org.grpc.pb.h"
#include "tools/cli/commands.h"
#include "tools/cli/subcommands.h"
#include "tools/cli/table.h"

namespace paizhu::cli {
namespace {

using Stub = org::v1::OrgService::Stub;

void PrintEntries(const google::protobuf::RepeatedPtrField<org::v1::IntegrityEntry>& entries,
                  Io io) {
  Table table({"DATE", "KIND", "SUMMARY", "RECORDED BY"});
  for (const auto& e : entries) {
    table.AddRow({e.date(), e.kind(), e.summary(), Code(e.recorded_by(), "people")});
  }
  io.out << table.Render();
}

int PrintFile(const Invocation& in, const org::v1::IntegrityFile& f, Io io) {
  if (in.Has("json")) {
    PrintJson(io.out, ToJson(f));
    return kExitOk;
  }
  Table table({"FIELD", "VALUE"});
  table.AddRow({"code", Code(f.name(), "integrity-files")});
  table.AddRow({"cadre_name", f.cadre_name()});
  table.AddRow({"unit", Code(f.unit(), "units")});
  table.AddRow({"position", f.position()});
  table.AddRow({"level", f.level()});
  table.AddRow({"key_minority", f.key_minority()});
  table.AddRow({"focus_tags", absl::StrJoin(f.focus_tags(), ", ")});
  table.AddRow({"etag", f.etag()});
  io.out << table.Render();
  if (f.entries_size() > 0) {
    io.out << "\n";
    PrintEntries(f.entries(), io);
  }
  return kExitOk;
}

auto FileChanged(const Invocation& in, Io io) {
  return [&in, io](const org::v1::IntegrityFile& f) { return PrintFile(in, f, io); };
}

int FilesCreate(const Invocation& in, const Session& session, Io io) {
  if (int usage = RequireFlags(in, io, "integrity files create", {"cadre", "unit"})) return usage;
  org::v1::CreateIntegrityFileRequest request;
  request.set_file_id(in.words[3]);
  org::v1::IntegrityFile* file = request.mutable_file();
  file->set_cadre_name(in.Get("cadre"));
  file->set_unit(Name(in.Get("unit"), "units"));
  file->set_position(in.Get("position"));
  file->set_level(in.Get("level"));
  file->set_key_minority(in.Get("key-minority"));
  for (absl::string_view tag : absl::StrSplit(in.Get("focus-tags"), ';', absl::SkipWhitespace())) {
    file->add_focus_tags(std::string(absl::StripAsciiWhitespace(tag)));
  }
  request.set_request_id(NewRequestId());
  return CallAndPrint(session, io, &Stub::CreateIntegrityFile, request, FileChanged(in, io));
}

int FilesShow(const Invocation& in, const Session& session, Io io) {
  org::v1::GetIntegrityFileRequest request;
  request.set_name(Name(in.words[3], "integrity-files"));
  return CallAndPrint(session, io, &Stub::GetIntegrityFile, request, FileChanged(in, io));
}

int FilesList(const Invocation& in, const Session& session, Io io) {
  Stub stub(session.channel);
  org::v1::ListIntegrityFilesRequest request;
  request.set_page_size(1000);
  if (in.Has("unit")) request.set_unit(Name(in.Get("unit"), "units"));
  std::vector<org::v1::IntegrityFile> files;
  do {
    org::v1::ListIntegrityFilesResponse response;
    grpc::Status status = stub.ListIntegrityFiles(NewCall(session).get(), request, &response);
    if (!status.ok()) return Fail(io.err, FromGrpcStatus(status));
    files.insert(files.end(), response.files().begin(), response.files().end());
    request.set_page_token(response.next_page_token());
  } while (!request.page_token().empty());
  return PrintList(in, io, "files", files,
                   {"CODE", "CADRE", "UNIT", "POSITION", "LEVEL", "KEY MINORITY", "FOCUS TAGS"},
                   [](const org::v1::IntegrityFile& f) -> std::vector<std::string> {
                     return {Code(f.name(), "integrity-files"),
                             f.cadre_name(),
                             Code(f.unit(), "units"),
                             f.position(),
                             f.level(),
                             f.key_minority(),
                             absl::StrJoin(f.focus_tags(), ", ")};
                   });
}

int EntriesAdd(const Invocation& in, const Session& session, Io io) {
  if (int usage = RequireFlags(in, io, "integrity entries add", {"kind", "summary"})) {
    return usage;
  }
  org::v1::AddIntegrityEntryRequest request;
  request.set_file(Name(in.words[3], "integrity-files"));
  request.mutable_entry()->set_kind(in.Get("kind"));
  request.mutable_entry()->set_date(DateOrToday(in, "on"));
  request.mutable_entry()->set_summary(in.Get("summary"));
  return CallAndPrint(session, io, &Stub::AddIntegrityEntry, request, FileChanged(in, io));
}

int Opinion(const Invocation& in, const Session& session, Io io) {
  org::v1::GetIntegrityOpinionRequest request;
  request.set_file(Name(in.words[2], "integrity-files"));
  request.set_as_of(in.Get("as-of"));
  return CallAndPrint(
      session, io, &Stub::GetIntegrityOpinion, request, [&](const org::v1::IntegrityOpinion& o) {
        if (in.Has("json")) {
          PrintJson(io.out, ToJson(o));
          return kExitOk;
        }
        io.out << o.cadre_name() << " (" << Code(o.unit(), "units");
        if (!o.position().empty()) io.out << ", " << o.position();
        io.out << ") as of " << o.as_of() << ": " << o.finding() << "\n";
        Table table({"CLUE", "WHAT", "DECIDED", "EFFECT UNTIL"});
        for (const auto& c : o.open_clues()) table.AddRow({Code(c, "clues"), "open"});
        for (const auto& s : o.sanctions()) {
          table.AddRow({Code(s.clue(), "clues"), s.outcome(), s.decided_on(), s.effect_until()});
        }
        if (o.open_clues_size() + o.sanctions_size() > 0) io.out << table.Render();
        io.out << o.closed_clues() << " closed clue(s) without a sanction in effect\n";
        if (o.entries_size() > 0) {
          io.out << "\n";
          PrintEntries(o.entries(), io);
        }
        return kExitOk;
      });
}

// ---- rules ----

int RulesList(const Invocation& in, const Session& session, Io io) {
  org::v1::ListRuleVersionsRequest request;
  request.set_rule(in.Get("rule"));
  return CallAndPrint(
      session, io, &Stub::ListRuleVersions, request,
      [&](const org::v1::ListRuleVersionsResponse& list) {
        return PrintList(in, io, "versions", list.versions(),
                         {"RULE", "FROM", "VALUE", "SET BY", "SET AT", "NOTE"},
                         [](const org::v1::RuleVersion& v) -> std::vector<std::string> {
                           return {v.rule(),   v.from_date(), v.value(), Code(v.set_by(), "people"),
                                   v.set_at(), v.note()};
                         });
      });
}

int RulesSet(const Invocation& in, const Session& session, Io io) {
  if (!in.Has("from")) return UsageError(io.err, "rules set: --from D is required");
  org::v1::SetRuleVersionRequest request;
  request.mutable_version()->set_rule(in.words[2]);
  request.mutable_version()->set_value(in.words[3]);
  request.mutable_version()->set_from_date(in.Get("from"));
  request.mutable_version()->set_note(in.Get("note"));
  return CallAndPrint(session, io, &Stub::SetRuleVersion, request,
                      [&](const org::v1::RuleVersion& v) {
                        if (in.Has("json")) {
                          PrintJson(io.out, ToJson(v));
                          return kExitOk;
                        }
                        io.out << v.rule() << " = " << v.value() << " from " << v.from_date()
                               << " (set by " << Code(v.set_by(), "people") << ")\n";
                        return kExitOk;
                      });
}

}  // namespace

CommandGroup IntegrityCommands() {
  return {
      {
          {{"integrity", "files", "create"},
           1,
           {"json"},
           true,
           FilesCreate,
           {"cadre", "unit", "position", "level", "key-minority", "focus-tags"}},
          {{"integrity", "files", "show"}, 1, {"json"}, true, FilesShow},
          {{"integrity", "files", "list"}, 0, {"json"}, true, FilesList, {"unit"}},
          {{"integrity", "entries", "add"},
           1,
           {"json"},
           true,
           EntriesAdd,
           {"kind", "on", "summary"}},
          {{"integrity", "opinion"}, 1, {"json"}, true, Opinion, {"as-of"}},
          {{"rules", "list"}, 0, {"json"}, true, RulesList, {"rule"}},
          {{"rules", "set"}, 2, {"json"}, true, RulesSet, {"from", "note"}},
      },
      "  integrity files create CODE --cadre NAME --unit U [--position P] [--level L]\n"
      "                         [--key-minority top_leader|leadership_member|key_post]\n"
      "                         [--focus-tags long_posting_away;young_cadre;other]  廉政档案\n"
      "  integrity files show CODE [--json]\n"
      "  integrity files list [--unit U] [--json]\n"
      "  integrity entries add CODE --kind declaration|talk|reminder|note --summary T [--on D]\n"
      "  integrity opinion CODE [--as-of D] [--json]   党风廉政意见回复 on the file's cadre\n"
      "  rules list [--rule R] [--json]\n"
      "  rules set RULE VALUE --from D [--note T]\n"
      "      rules: vetting_required true|false, transfer_talk_required true|false,\n"
      "      specialist_target_share 0..1\n"};
}

}  // namespace paizhu::cli
