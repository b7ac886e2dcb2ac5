// paizhu risks|campaigns|files|activities|meetings: the records a group keeps: the risk
// register of its units (廉政风险点), special campaigns and their follow-ups (专项整治 /
// 专项监督), its internal files against the standard catalogue (内业管理), its supervision
// activities (the ledger), and the work meetings (三例会) it attends.

#include <tuple>

#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "paizhu/assess/v1/assess.grpc.pb.h"
#include "tools/cli/commands.h"
#include "tools/cli/subcommands.h"
#include "tools/cli/table.h"

namespace paizhu::cli {
namespace {

using Stub = assess::v1::AssessService::Stub;

// A count flag (0 when not given); false when it is not a whole number 0 or more.
bool CountFlag(const Invocation& in, const std::string& flag, int32_t* count) {
  *count = 0;
  return !in.Has(flag) || (absl::SimpleAtoi(in.Get(flag), count) && *count >= 0);
}

// ---- risks ----

std::string RiskId(const assess::v1::RiskPoint& p) { return Code(p.name(), "risk-points"); }

int PrintRiskPoint(const Invocation& in, const assess::v1::RiskPoint& p, Io io) {
  if (in.Has("json")) {
    PrintJson(io.out, ToJson(p));
    return kExitOk;
  }
  io.out << "risk point " << RiskId(p) << " (" << Code(p.unit(), "units") << ", "
         << Code(p.group(), "units") << "): " << p.state();
  if (!p.reviewed_on().empty()) io.out << ", reviewed " << p.reviewed_on();
  io.out << ", etag " << p.etag() << "\n";
  return kExitOk;
}

auto RiskChanged(const Invocation& in, Io io) {
  return [&in, io](const assess::v1::RiskPoint& p) { return PrintRiskPoint(in, p, io); };
}

int RisksRecord(const Invocation& in, const Session& session, Io io) {
  if (int usage =
          RequireFlags(in, io, "risks record", {"group", "unit", "category", "description"})) {
    return usage;
  }
  assess::v1::RecordRiskPointRequest request;
  assess::v1::RiskPoint* point = request.mutable_risk_point();
  point->set_group(Name(in.Get("group"), "units"));
  point->set_unit(Name(in.Get("unit"), "units"));
  point->set_category(in.Get("category"));
  point->set_description(in.Get("description"));
  point->set_measures(in.Get("measures"));
  point->set_identified_on(DateOrToday(in, "identified-on"));
  request.set_request_id(NewRequestId());  // a retry cannot record it twice
  return CallAndPrint(session, io, &Stub::RecordRiskPoint, request, RiskChanged(in, io));
}

int RisksReview(const Invocation& in, const Session& session, Io io) {
  if (!in.Has("etag")) {
    return UsageError(io.err, "risks review: --etag E (as risks list shows it) is required");
  }
  assess::v1::ReviewRiskPointRequest request;
  request.set_name(Name(in.words[2], "risk-points"));
  request.set_state(in.words[3]);
  request.set_reviewed_on(DateOrToday(in, "on"));
  request.set_measures(in.Get("measures"));
  request.set_etag(in.Get("etag"));
  return CallAndPrint(session, io, &Stub::ReviewRiskPoint, request, RiskChanged(in, io));
}

int RisksList(const Invocation& in, const Session& session, Io io) {
  assess::v1::ListRiskPointsRequest request;
  if (in.Has("group")) request.set_group(Name(in.Get("group"), "units"));
  if (in.Has("unit")) request.set_unit(Name(in.Get("unit"), "units"));
  return CallAndPrint(session, io, &Stub::ListRiskPoints, request,
                      [&](const assess::v1::ListRiskPointsResponse& list) {
                        return PrintList(
                            in, io, "risk_points", list.risk_points(),
                            {"ID", "GROUP", "UNIT", "CATEGORY", "STATE", "IDENTIFIED", "REVIEWED",
                             "ETAG", "DESCRIPTION", "MEASURES"},
                            [](const assess::v1::RiskPoint& p) -> std::vector<std::string> {
                              return {RiskId(p),
                                      Code(p.group(), "units"),
                                      Code(p.unit(), "units"),
                                      p.category(),
                                      p.state(),
                                      p.identified_on(),
                                      p.reviewed_on(),
                                      p.etag(),
                                      p.description(),
                                      p.measures()};
                            });
                      });
}

// ---- campaigns ----

int PrintCampaign(const Invocation& in, const assess::v1::Campaign& c, Io io) {
  if (in.Has("json")) {
    PrintJson(io.out, ToJson(c));
    return kExitOk;
  }
  io.out << "campaign " << Code(c.name(), "campaigns") << " " << c.kind() << " " << c.title() << " "
         << c.from() << ".." << c.to() << "\n";
  Table table({"UNIT", "GROUP", "FOLLOWED UP", "FOUND", "RECTIFIED", "FINDINGS"});
  for (const auto& u : c.units()) {
    table.AddRow({Code(u.unit(), "units"), Code(u.group(), "units"), u.followed_up_on(),
                  absl::StrCat(u.problems_found()), absl::StrCat(u.problems_rectified()),
                  u.findings()});
  }
  io.out << table.Render();
  return kExitOk;
}

auto CampaignChanged(const Invocation& in, Io io) {
  return [&in, io](const assess::v1::Campaign& c) { return PrintCampaign(in, c, io); };
}

int CampaignsCreate(const Invocation& in, const Session& session, Io io) {
  if (int usage =
          RequireFlags(in, io, "campaigns create", {"kind", "title", "from", "to", "units"})) {
    return usage;
  }
  assess::v1::CreateCampaignRequest request;
  assess::v1::Campaign* campaign = request.mutable_campaign();
  campaign->set_kind(in.Get("kind"));
  campaign->set_title(in.Get("title"));
  campaign->set_from(in.Get("from"));
  campaign->set_to(in.Get("to"));
  for (absl::string_view unit : absl::StrSplit(in.Get("units"), ';', absl::SkipWhitespace())) {
    campaign->add_units()->set_unit(Name(std::string(absl::StripAsciiWhitespace(unit)), "units"));
  }
  request.set_request_id(NewRequestId());
  return CallAndPrint(session, io, &Stub::CreateCampaign, request, CampaignChanged(in, io));
}

int CampaignsFollowUp(const Invocation& in, const Session& session, Io io) {
  if (int usage = RequireFlags(in, io, "campaigns follow-up", {"unit"})) return usage;
  assess::v1::RecordCampaignFollowUpRequest request;
  int32_t found = 0, rectified = 0;
  if (!CountFlag(in, "found", &found) || !CountFlag(in, "rectified", &rectified)) {
    return UsageError(io.err, "campaigns follow-up: --found and --rectified take a count");
  }
  request.set_campaign(Name(in.words[2], "campaigns"));
  request.set_unit(Name(in.Get("unit"), "units"));
  request.set_followed_up_on(DateOrToday(in, "on"));
  request.set_problems_found(found);
  request.set_problems_rectified(rectified);
  request.set_findings(in.Get("findings"));
  return CallAndPrint(session, io, &Stub::RecordCampaignFollowUp, request, CampaignChanged(in, io));
}

int CampaignsShow(const Invocation& in, const Session& session, Io io) {
  assess::v1::GetCampaignRequest request;
  request.set_name(Name(in.words[2], "campaigns"));
  return CallAndPrint(session, io, &Stub::GetCampaign, request, CampaignChanged(in, io));
}

int CampaignsList(const Invocation& in, const Session& session, Io io) {
  assess::v1::ListCampaignsRequest request;
  std::tie(*request.mutable_from_date(), *request.mutable_to_date()) = PeriodOrThisYear(in);
  return CallAndPrint(session, io, &Stub::ListCampaigns, request,
                      [&](const assess::v1::ListCampaignsResponse& list) {
                        return PrintList(
                            in, io, "campaigns", list.campaigns(),
                            {"ID", "KIND", "TITLE", "FROM", "TO", "UNITS", "FOLLOWED UP"},
                            [](const assess::v1::Campaign& c) -> std::vector<std::string> {
                              int followed = 0;
                              for (const auto& u : c.units())
                                followed += !u.followed_up_on().empty();
                              return {Code(c.name(), "campaigns"),
                                      c.kind(),
                                      c.title(),
                                      c.from(),
                                      c.to(),
                                      absl::StrCat(c.units_size()),
                                      absl::StrCat(followed)};
                            });
                      });
}

// ---- files ----

// --year Y, or this year; false when it is not a year.
bool YearFlag(const Invocation& in, int32_t* year) {
  std::string text = in.Has("year") ? in.Get("year") : Today().substr(0, 4);
  return absl::SimpleAtoi(text, year) && *year >= 1900 && *year <= 9999;
}

int FilesRecord(const Invocation& in, const Session& session, Io io) {
  if (int usage = RequireFlags(in, io, "files record", {"group", "item"})) return usage;
  assess::v1::RecordGroupFileRequest request;
  assess::v1::GroupFile* file = request.mutable_file();
  int32_t year = 0;
  if (!YearFlag(in, &year)) return UsageError(io.err, "files record: --year YYYY");
  file->set_group(Name(in.Get("group"), "units"));
  file->set_year(year);
  file->set_item(in.Get("item"));
  file->set_kept_on(DateOrToday(in, "kept-on"));
  file->set_location(in.Get("location"));
  return CallAndPrint(session, io, &Stub::RecordGroupFile, request,
                      [&](const assess::v1::GroupFile& f) {
                        if (in.Has("json")) {
                          PrintJson(io.out, ToJson(f));
                          return kExitOk;
                        }
                        io.out << Code(f.group(), "units") << " " << f.year() << " " << f.item()
                               << ": kept on " << f.kept_on();
                        if (!f.location().empty()) io.out << " (" << f.location() << ")";
                        io.out << "\n";
                        return kExitOk;
                      });
}

int FilesChecklist(const Invocation& in, const Session& session, Io io) {
  if (int usage = RequireFlags(in, io, "files checklist", {"group"})) return usage;
  assess::v1::GetFileChecklistRequest request;
  int32_t year = 0;
  if (!YearFlag(in, &year)) return UsageError(io.err, "files checklist: --year YYYY");
  request.set_group(Name(in.Get("group"), "units"));
  request.set_year(year);
  return CallAndPrint(
      session, io, &Stub::GetFileChecklist, request, [&](const assess::v1::FileChecklist& list) {
        if (in.Has("json")) {
          PrintJson(io.out, ToJson(list));
          return kExitOk;
        }
        Table table({"ITEM", "TITLE", "KEPT", "KEPT ON", "LOCATION"});
        for (const auto& l : list.lines()) {
          table.AddRow(
              {l.item(), l.title(), l.kept() ? "yes" : "MISSING", l.kept_on(), l.location()});
        }
        io.out << table.Render() << Code(list.group(), "units") << " " << list.year() << ": "
               << list.kept() << " of " << list.items() << " kept\n";
        return kExitOk;
      });
}

// ---- activities and work meetings ----

int ActivitiesRecord(const Invocation& in, const Session& session, Io io) {
  if (int usage = RequireFlags(in, io, "activities record", {"group", "unit", "kind"}))
    return usage;
  int32_t count = 1;
  if (in.Has("count") && !CountFlag(in, "count", &count)) {
    return UsageError(io.err, "activities record: --count takes a count");
  }
  assess::v1::RecordActivityRequest request;
  assess::v1::Activity* activity = request.mutable_activity();
  activity->set_group(Name(in.Get("group"), "units"));
  activity->set_unit(Name(in.Get("unit"), "units"));
  activity->set_date(DateOrToday(in, "on"));
  activity->set_kind(in.Get("kind"));
  activity->set_subkind(in.Get("subkind"));
  activity->set_count(count);
  activity->set_note(in.Get("note"));
  request.set_request_id(NewRequestId());
  return CallAndPrint(session, io, &Stub::RecordActivity, request,
                      [&](const assess::v1::Activity& a) {
                        if (in.Has("json")) {
                          PrintJson(io.out, ToJson(a));
                          return kExitOk;
                        }
                        io.out << "recorded " << a.name() << ": " << Code(a.group(), "units") << " "
                               << a.kind() << " ×" << a.count() << " at " << Code(a.unit(), "units")
                               << " on " << a.date() << "\n";
                        return kExitOk;
                      });
}

int ActivitiesList(const Invocation& in, const Session& session, Io io) {
  Stub stub(session.channel);
  assess::v1::ListActivitiesRequest request;
  request.set_page_size(1000);
  if (in.Has("group")) request.set_group(Name(in.Get("group"), "units"));
  request.set_from_date(in.Get("from"));
  request.set_to_date(in.Get("to"));
  std::vector<assess::v1::Activity> activities;
  do {
    assess::v1::ListActivitiesResponse response;
    grpc::Status status = stub.ListActivities(NewCall(session).get(), request, &response);
    if (!status.ok()) return Fail(io.err, FromGrpcStatus(status));
    activities.insert(activities.end(), response.activities().begin(), response.activities().end());
    request.set_page_token(response.next_page_token());
  } while (!request.page_token().empty());
  return PrintList(in, io, "activities", activities,
                   {"DATE", "GROUP", "UNIT", "KIND", "SUBKIND", "COUNT", "NOTE"},
                   [](const assess::v1::Activity& a) -> std::vector<std::string> {
                     return {a.date(),
                             Code(a.group(), "units"),
                             Code(a.unit(), "units"),
                             a.kind(),
                             a.subkind(),
                             absl::StrCat(a.count()),
                             a.note()};
                   });
}

// A meeting's row: who attended, who did not (and why).
std::vector<std::string> MeetingRow(const assess::v1::WorkMeeting& m) {
  std::vector<std::string> attended, absent;
  for (const auto& a : m.attendance()) {
    std::string group = Code(a.group(), "units");
    if (a.attended()) {
      attended.push_back(group);
    } else {
      absent.push_back(a.note().empty() ? group : absl::StrCat(group, " (", a.note(), ")"));
    }
  }
  return {Code(m.name(), "work-meetings"),
          m.kind(),
          m.held_on(),
          m.title(),
          absl::StrJoin(attended, " "),
          absl::StrJoin(absent, "; ")};
}

const std::vector<std::string> kMeetingColumns = {"ID",    "KIND",     "HELD ON",
                                                  "TITLE", "ATTENDED", "ABSENT"};

// --attended G01;G02 and --absent G03=病假;G04: each group's attendance.
int MeetingsRecord(const Invocation& in, const Session& session, Io io) {
  if (int usage = RequireFlags(in, io, "meetings record", {"kind", "title"})) return usage;
  assess::v1::RecordWorkMeetingRequest request;
  assess::v1::WorkMeeting* meeting = request.mutable_meeting();
  meeting->set_kind(in.Get("kind"));
  meeting->set_title(in.Get("title"));
  meeting->set_held_on(DateOrToday(in, "held-on"));
  for (absl::string_view g : absl::StrSplit(in.Get("attended"), ';', absl::SkipWhitespace())) {
    assess::v1::Attendance* a = meeting->add_attendance();
    a->set_group(Name(std::string(absl::StripAsciiWhitespace(g)), "units"));
    a->set_attended(true);
  }
  for (absl::string_view g : absl::StrSplit(in.Get("absent"), ';', absl::SkipWhitespace())) {
    std::pair<std::string, std::string> group_note = absl::StrSplit(g, absl::MaxSplits('=', 1));
    assess::v1::Attendance* a = meeting->add_attendance();
    a->set_group(Name(std::string(absl::StripAsciiWhitespace(group_note.first)), "units"));
    a->set_note(group_note.second);
  }
  request.set_request_id(NewRequestId());
  return CallAndPrint(session, io, &Stub::RecordWorkMeeting, request,
                      [&](const assess::v1::WorkMeeting& m) {
                        if (in.Has("json")) {
                          PrintJson(io.out, ToJson(m));
                          return kExitOk;
                        }
                        Table table(kMeetingColumns);
                        table.AddRow(MeetingRow(m));
                        io.out << table.Render();
                        return kExitOk;
                      });
}

int MeetingsList(const Invocation& in, const Session& session, Io io) {
  assess::v1::ListWorkMeetingsRequest request;
  std::tie(*request.mutable_from_date(), *request.mutable_to_date()) = PeriodOrThisYear(in);
  return CallAndPrint(session, io, &Stub::ListWorkMeetings, request,
                      [&](const assess::v1::ListWorkMeetingsResponse& list) {
                        return PrintList(in, io, "meetings", list.meetings(), kMeetingColumns,
                                         MeetingRow);
                      });
}

}  // namespace

CommandGroup AssessRecordCommands() {
  return {
      {
          {{"risks", "record"},
           0,
           {"json"},
           true,
           RisksRecord,
           {"group", "unit", "category", "description", "measures", "identified-on"}},
          {{"risks", "review"}, 2, {"json"}, true, RisksReview, {"on", "measures", "etag"}},
          {{"risks", "list"}, 0, {"json"}, true, RisksList, {"group", "unit"}},
          {{"campaigns", "create"},
           0,
           {"json"},
           true,
           CampaignsCreate,
           {"kind", "title", "from", "to", "units"}},
          {{"campaigns", "follow-up"},
           1,
           {"json"},
           true,
           CampaignsFollowUp,
           {"unit", "on", "found", "rectified", "findings"}},
          {{"campaigns", "show"}, 1, {"json"}, true, CampaignsShow},
          {{"campaigns", "list"}, 0, {"json"}, true, CampaignsList, {"from", "to"}},
          {{"files", "record"},
           0,
           {"json"},
           true,
           FilesRecord,
           {"group", "year", "item", "kept-on", "location"}},
          {{"files", "checklist"}, 0, {"json"}, true, FilesChecklist, {"group", "year"}},
          {{"activities", "record"},
           0,
           {"json"},
           true,
           ActivitiesRecord,
           {"group", "unit", "kind", "subkind", "count", "on", "note"}},
          {{"activities", "list"}, 0, {"json"}, true, ActivitiesList, {"group", "from", "to"}},
          {{"meetings", "record"},
           0,
           {"json"},
           true,
           MeetingsRecord,
           {"kind", "title", "held-on", "attended", "absent"}},
          {{"meetings", "list"}, 0, {"json"}, true, MeetingsList, {"from", "to"}},
      },
      "  risks record --group G --unit U --category key_power|weak_management|problem_prone\n"
      "               --description T [--measures T] [--identified-on D]   廉政风险点\n"
      "  risks review ID open|controlled|closed --etag E [--on D] [--measures T]\n"
      "  risks list [--group G] [--unit U] [--json]\n"
      "  campaigns create --kind special_rectification|special_supervision --title T\n"
      "                   --from D --to D --units U1;U2      专项整治 / 专项监督\n"
      "  campaigns follow-up ID --unit U [--on D] [--found N] [--rectified N] [--findings T]\n"
      "  campaigns show ID [--json]\n"
      "  campaigns list [--from D] [--to D] [--json]          (default: this year)\n"
      "  files record --group G --item F03 [--year Y] [--kept-on D] [--location T]\n"
      "  files checklist --group G [--year Y] [--json]       the catalogue, kept or missing\n"
      "  activities record --group G --unit U --kind K [--subkind S] [--count N] [--on D]\n"
      "                    [--note T]   a supervision activity; kinds as in the activities ledger\n"
      "  activities list [--group G] [--from D] [--to D] [--json]\n"
      "  meetings record --kind quarterly|half_year|yearly --title T [--held-on D]\n"
      "                  --attended G1;G2 [--absent G3=WHY;G4]   三例会 and its attendance\n"
      "  meetings list [--from D] [--to D] [--json]          (default: this year)\n"
      "      (dates default to today, years to this year; every command takes --json)\n"};
}

}  // namespace paizhu::cli
