// paizhu zones create|show|list|update|add-member|end-member|change-office: collaboration
// zones (协作区) and their dated members and leading office; paizhu liaisons assign|end: the
// commission leaders who liaise with a group (联系派驻机构). Each otherwise needs a one-row
// CSV import.

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "paizhu/org/v1/org.grpc.pb.h"
#include "tools/cli/commands.h"
#include "tools/cli/subcommands.h"
#include "tools/cli/table.h"

namespace paizhu::cli {
namespace {

using Stub = org::v1::OrgService::Stub;

// Every membership of the zone, oldest first: the offices that led it and the groups and
// townships in it, each with its dates.
void PrintMemberships(const org::v1::Zone& zone, Io io) {
  Table table({"UNIT", "FROM", "TO"});
  for (const auto& m : zone.memberships()) {
    table.AddRow({Code(m.unit(), "units"), m.from_date(), m.to_date()});
  }
  io.out << table.Render();
}

std::string Members(const org::v1::Zone& zone) {
  std::vector<std::string> codes;
  for (const auto& member : zone.members()) codes.push_back(Code(member, "units"));
  return absl::StrJoin(codes, " ");
}

// After a change: the answer with --json, else `said` (what was done) and the memberships.
template <typename Said>
auto ZoneChanged(const Invocation& in, Io io, Said said) {
  return [&in, io, said](const org::v1::Zone& zone) {
    if (in.Has("json")) {
      PrintJson(io.out, ToJson(zone));
      return kExitOk;
    }
    io.out << said(zone) << "\n";
    PrintMemberships(zone, io);
    return kExitOk;
  };
}

int ZonesCreate(const Invocation& in, const Session& session, Io io) {
  if (int usage = RequireFlags(in, io, "zones create", {"name", "office"})) return usage;
  org::v1::CreateZoneRequest request;
  request.set_zone_id(in.words[2]);
  request.mutable_zone()->set_display_name(in.Get("name"));
  request.mutable_zone()->set_office(Name(in.Get("office"), "units"));
  request.mutable_zone()->set_established_on(DateOrToday(in, "from"));
  request.set_request_id(NewRequestId());
  return CallAndPrint(
      session, io, &Stub::CreateZone, request, ZoneChanged(in, io, [&](const org::v1::Zone& zone) {
        return absl::StrCat("created zone ", Code(zone.name(), "zones"), " ", zone.display_name(),
                            ", led by ", Code(request.zone().office(), "units"), " from ",
                            zone.established_on(), " (etag ", zone.etag(), ")");
      }));
}

int ZonesShow(const Invocation& in, const Session& session, Io io) {
  org::v1::GetZoneRequest request;
  request.set_name(Name(in.words[2], "zones"));
  request.set_as_of(DateOrToday(in, "as-of"));
  return CallAndPrint(session, io, &Stub::GetZone, request, [&](const org::v1::Zone& zone) {
    if (in.Has("json")) {
      PrintJson(io.out, ToJson(zone));
      return kExitOk;
    }
    Table table({"FIELD", "VALUE"});
    table.AddRow({"code", Code(zone.name(), "zones")});
    table.AddRow({"display_name", zone.display_name()});
    table.AddRow({"as_of", request.as_of()});
    table.AddRow({"office", Code(zone.office(), "units")});
    table.AddRow({"members", Members(zone)});
    table.AddRow({"established_on", zone.established_on()});
    table.AddRow({"dissolved_on", zone.dissolved_on()});
    table.AddRow({"etag", zone.etag()});
    io.out << table.Render() << "\n";
    PrintMemberships(zone, io);
    return kExitOk;
  });
}

// One page, as the user pages through it: --page-size N (default the service's), then
// --page-token T from the line the page ends with.
int ZonesList(const Invocation& in, const Session& session, Io io) {
  org::v1::ListZonesRequest request;
  int32_t size = 0;  // the service's default
  if (int usage = PageSizeFlag(in, io, "zones list", &size)) return usage;
  request.set_page_size(size);
  request.set_page_token(in.Get("page-token"));
  request.set_as_of(DateOrToday(in, "as-of"));
  return CallAndPrint(
      session, io, &Stub::ListZones, request, [&](const org::v1::ListZonesResponse& response) {
        if (in.Has("json")) {
          PrintJson(io.out, ToJson(response));
          return kExitOk;
        }
        Table table({"CODE", "NAME", "OFFICE", "ESTABLISHED", "DISSOLVED", "MEMBERS"});
        for (const auto& zone : response.zones()) {
          table.AddRow({Code(zone.name(), "zones"), zone.display_name(),
                        Code(zone.office(), "units"), zone.established_on(), zone.dissolved_on(),
                        Members(zone)});
        }
        io.out << table.Render();
        PrintNextPage(io.out, response.next_page_token());
        return kExitOk;
      });
}

int ZonesUpdate(const Invocation& in, const Session& session, Io io) {
  if (!in.Has("name") && !in.Has("dissolved-on")) {
    return UsageError(io.err, "zones update: give --name N and/or --dissolved-on D");
  }
  org::v1::UpdateZoneRequest request;
  org::v1::Zone* zone = request.mutable_zone();
  zone->set_name(Name(in.words[2], "zones"));
  if (in.Has("name")) {
    zone->set_display_name(in.Get("name"));
    request.mutable_update_mask()->add_paths("display_name");
  }
  if (in.Has("dissolved-on")) {
    zone->set_dissolved_on(in.Get("dissolved-on"));
    request.mutable_update_mask()->add_paths("dissolved_on");
  }
  if (int failed =
          EtagOrCurrent(in, session, io, &Stub::GetZone, zone->name(), zone->mutable_etag())) {
    return failed;
  }
  return CallAndPrint(session, io, &Stub::UpdateZone, request,
                      ZoneChanged(in, io, [](const org::v1::Zone& updated) {
                        std::string said =
                            absl::StrCat("updated zone ", Code(updated.name(), "zones"), " ",
                                         updated.display_name());
                        if (!updated.dissolved_on().empty()) {
                          absl::StrAppend(&said, ", dissolved on ", updated.dissolved_on());
                        }
                        return absl::StrCat(said, " (etag ", updated.etag(), ")");
                      }));
}

// A member is a township (--township) or a stationed group (--group): exactly one.
int MemberFlag(const Invocation& in, Io io, const std::string& command, std::string* unit) {
  if (in.Has("township") == in.Has("group")) {
    return UsageError(io.err, absl::StrCat(command, ": give one of --township T or --group G"));
  }
  *unit = Name(in.Get(in.Has("township") ? "township" : "group"), "units");
  return kExitOk;
}

int ZonesAddMember(const Invocation& in, const Session& session, Io io) {
  std::string unit;
  if (int usage = MemberFlag(in, io, "zones add-member", &unit)) return usage;
  if (int usage = RequireFlags(in, io, "zones add-member", {"from"})) return usage;
  org::v1::AddZoneMemberRequest request;
  request.set_zone(Name(in.words[2], "zones"));
  request.set_unit(unit);
  request.set_from_date(in.Get("from"));
  return CallAndPrint(session, io, &Stub::AddZoneMember, request,
                      ZoneChanged(in, io, [&](const org::v1::Zone& zone) {
                        return absl::StrCat(Code(request.unit(), "units"), " joins zone ",
                                            Code(zone.name(), "zones"), " ", zone.display_name(),
                                            " from ", request.from_date());
                      }));
}

int ZonesEndMember(const Invocation& in, const Session& session, Io io) {
  std::string unit;
  if (int usage = MemberFlag(in, io, "zones end-member", &unit)) return usage;
  if (int usage = RequireFlags(in, io, "zones end-member", {"on"})) return usage;
  org::v1::EndZoneMemberRequest request;
  request.set_zone(Name(in.words[2], "zones"));
  request.set_unit(unit);
  request.set_to_date(in.Get("on"));
  return CallAndPrint(session, io, &Stub::EndZoneMember, request,
                      ZoneChanged(in, io, [&](const org::v1::Zone& zone) {
                        return absl::StrCat(Code(request.unit(), "units"), " leaves zone ",
                                            Code(zone.name(), "zones"), " ", zone.display_name(),
                                            " after ", request.to_date());
                      }));
}

int ZonesChangeOffice(const Invocation& in, const Session& session, Io io) {
  if (int usage = RequireFlags(in, io, "zones change-office", {"office", "from"})) return usage;
  org::v1::ChangeZoneOfficeRequest request;
  request.set_zone(Name(in.words[2], "zones"));
  request.set_office(Name(in.Get("office"), "units"));
  request.set_from_date(in.Get("from"));
  if (int failed =
          EtagOrCurrent(in, session, io, &Stub::GetZone, request.zone(), request.mutable_etag())) {
    return failed;
  }
  return CallAndPrint(session, io, &Stub::ChangeZoneOffice, request,
                      ZoneChanged(in, io, [&](const org::v1::Zone& zone) {
                        return absl::StrCat("zone ", Code(zone.name(), "zones"), " ",
                                            zone.display_name(), " led by ",
                                            Code(request.office(), "units"), " from ",
                                            request.from_date(), " (etag ", zone.etag(), ")");
                      }));
}

// The answer to a liaison change is the group (as of today): with --json that, else what
// was done; `units show GROUP --as-of D` lists the liaisons in force on D.
auto LiaisonChanged(const Invocation& in, Io io, std::string said) {
  return [&in, io, said](const org::v1::Unit& group) {
    if (in.Has("json")) {
      PrintJson(io.out, ToJson(group));
      return kExitOk;
    }
    io.out << Code(group.name(), "units") << " " << group.display_name() << ": " << said << "\n";
    return kExitOk;
  };
}

int LiaisonsAssign(const Invocation& in, const Session& session, Io io) {
  if (int usage = RequireFlags(in, io, "liaisons assign", {"leader", "from"})) return usage;
  org::v1::AssignLiaisonRequest request;
  request.set_group(Name(in.words[2], "units"));
  request.set_leader(Name(in.Get("leader"), "people"));
  request.set_from_date(in.Get("from"));
  request.set_to_date(in.Get("to"));
  request.set_request_id(NewRequestId());
  std::string said =
      absl::StrCat("liaison of ", Code(request.leader(), "people"), " from ", request.from_date());
  absl::StrAppend(
      &said, request.to_date().empty() ? ", open-ended" : absl::StrCat(" to ", request.to_date()));
  return CallAndPrint(session, io, &Stub::AssignLiaison, request, LiaisonChanged(in, io, said));
}

int LiaisonsEnd(const Invocation& in, const Session& session, Io io) {
  if (int usage = RequireFlags(in, io, "liaisons end", {"leader", "on"})) return usage;
  org::v1::EndLiaisonRequest request;
  request.set_group(Name(in.words[2], "units"));
  request.set_leader(Name(in.Get("leader"), "people"));
  request.set_to_date(in.Get("on"));
  std::string said =
      absl::StrCat("liaison of ", Code(request.leader(), "people"), " ends on ", request.to_date());
  return CallAndPrint(session, io, &Stub::EndLiaison, request, LiaisonChanged(in, io, said));
}

}  // namespace

CommandGroup ZoneCommands() {
  return {
      {
          {{"zones", "create"}, 1, {"json"}, true, ZonesCreate, {"name", "office", "from"}},
          {{"zones", "show"}, 1, {"json"}, true, ZonesShow, {"as-of"}},
          {{"zones", "list"}, 0, {"json"}, true, ZonesList, {"as-of", "page-size", "page-token"}},
          {{"zones", "update"}, 1, {"json"}, true, ZonesUpdate, {"name", "dissolved-on", "etag"}},
          {{"zones", "add-member"},
           1,
           {"json"},
           true,
           ZonesAddMember,
           {"township", "group", "from"}},
          {{"zones", "end-member"}, 1, {"json"}, true, ZonesEndMember, {"township", "group", "on"}},
          {{"zones", "change-office"},
           1,
           {"json"},
           true,
           ZonesChangeOffice,
           {"office", "from", "etag"}},
          {{"liaisons", "assign"}, 1, {"json"}, true, LiaisonsAssign, {"leader", "from", "to"}},
          {{"liaisons", "end"}, 1, {"json"}, true, LiaisonsEnd, {"leader", "on"}},
      },
      "  zones create CODE --name N --office O [--from D]   a collaboration zone (协作区)\n"
      "  zones show CODE [--as-of D]          its office and members on D, every membership\n"
      "  zones list [--as-of D] [--page-size N] [--page-token T]\n"
      "  zones update CODE [--name N] [--dissolved-on D] [--etag E]\n"
      "  zones add-member ZONE --township T|--group G --from D\n"
      "  zones end-member ZONE --township T|--group G --on D   D: the last day in the zone\n"
      "  zones change-office ZONE --office O --from D [--etag E]   O leads the zone from D\n"
      "      (without --etag, update and change-office read the zone's current etag first)\n"
      "  liaisons assign GROUP --leader PERSON --from D [--to D]   a commission leader\n"
      "                                       liaising with a group (联系派驻机构)\n"
      "  liaisons end GROUP --leader PERSON --on D   D: the liaison's last day\n"};
}

}  // namespace paizhu::cli
