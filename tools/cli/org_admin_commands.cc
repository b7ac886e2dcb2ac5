// paizhu units create|update|delete|set-quota|end-supervision|accountability, people
// create|update|list|grant-role|vetting|transfer-talk|mentoring|accountability, accountability
// list: org's administration, which otherwise needs a CSV import or has no way at all.

#include <string>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
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

// A flag whose value goes into a field of the same meaning; an update sends only those given.
struct FieldFlag {
  const char* flag;
  const char* field;
};

// The flags of `fields` given on the command line: an update's mask. An empty value clears.
std::vector<FieldFlag> GivenFields(const Invocation& in, const std::vector<FieldFlag>& fields) {
  std::vector<FieldFlag> given;
  for (const FieldFlag& f : fields) {
    if (in.Has(f.flag)) given.push_back(f);
  }
  return given;
}

// "field=value ..." of what was sent, for the line saying what was done.
std::string Described(const Invocation& in, const std::vector<FieldFlag>& fields) {
  std::vector<std::string> parts;
  for (const FieldFlag& f : fields) {
    if (in.Has(f.flag)) parts.push_back(absl::StrCat(f.field, "=", in.Get(f.flag)));
  }
  return absl::StrJoin(parts, " ");
}

void AddList(const std::string& text, google::protobuf::RepeatedPtrField<std::string>* out) {
  for (absl::string_view item : absl::StrSplit(text, ';', absl::SkipWhitespace())) {
    out->Add(std::string(absl::StripAsciiWhitespace(item)));
  }
}

// --page-size and --page-token: one page when either is given, else every page.
struct Paging {
  bool one_page = false;
  int32_t size = 1000;
  std::string token;
};

int ParsePaging(const Invocation& in, Io io, const std::string& command, Paging* paging) {
  paging->one_page = in.Has("page-size") || in.Has("page-token");
  paging->token = in.Get("page-token");
  if (paging->one_page) paging->size = 0;  // the service's default unless --page-size
  return PageSizeFlag(in, io, command, &paging->size);
}

// A paged list answer: {key: [...], next_page_token} or the table and the token to go on with.
template <typename Items, typename Row>
int PrintPage(const Invocation& in, Io io, const std::string& key, const Items& items,
              const std::string& next_page_token, std::vector<std::string> header, Row row) {
  if (in.Has("json")) {
    nlohmann::json list = nlohmann::json::array();
    for (const auto& item : items) list.push_back(ToJson(item));
    PrintJson(io.out, {{key, list}, {"next_page_token", next_page_token}});
    return kExitOk;
  }
  Table table(std::move(header));
  for (const auto& item : items) table.AddRow(row(item));
  io.out << table.Render();
  PrintNextPage(io.out, next_page_token);
  return kExitOk;
}

// ---- units ----

const std::vector<FieldFlag> kUnitFields = {{"name", "display_name"},
                                            {"dissolved-on", "dissolved_on"},
                                            {"guiding-office", "guiding_office"}};

int UnitsCreate(const Invocation& in, const Session& session, Io io) {
  if (int usage = RequireFlags(in, io, "units create", {"name", "kind"})) return usage;
  org::v1::CreateUnitRequest request;
  request.set_unit_id(in.words[2]);
  org::v1::Unit* unit = request.mutable_unit();
  unit->set_kind(in.Get("kind"));
  unit->set_display_name(in.Get("name"));
  if (in.Has("parent")) unit->set_parent(Name(in.Get("parent"), "units"));
  unit->set_established_on(DateOrToday(in, "established-on"));
  unit->set_dissolved_on(in.Get("dissolved-on"));
  if (in.Has("guiding-office")) unit->set_guiding_office(Name(in.Get("guiding-office"), "units"));
  request.set_request_id(NewRequestId());
  return CallAndPrint(session, io, &Stub::CreateUnit, request, [&](const org::v1::Unit& created) {
    if (in.Has("json")) {
      PrintJson(io.out, ToJson(created));
      return kExitOk;
    }
    io.out << "created unit " << Code(created.name(), "units") << " " << created.display_name()
           << " (" << created.kind();
    if (!created.parent().empty()) io.out << " under " << Code(created.parent(), "units");
    io.out << "), established on " << created.established_on() << ", etag " << created.etag()
           << "\n";
    return kExitOk;
  });
}

int UnitsUpdate(const Invocation& in, const Session& session, Io io) {
  std::vector<FieldFlag> given = GivenFields(in, kUnitFields);
  if (given.empty()) {
    return UsageError(io.err, "units update: give --name, --dissolved-on or --guiding-office");
  }
  org::v1::UpdateUnitRequest request;
  org::v1::Unit* unit = request.mutable_unit();
  unit->set_name(Name(in.words[2], "units"));
  unit->set_display_name(in.Get("name"));
  unit->set_dissolved_on(in.Get("dissolved-on"));
  if (!in.Get("guiding-office").empty()) {
    unit->set_guiding_office(Name(in.Get("guiding-office"), "units"));
  }
  for (const FieldFlag& f : given) request.mutable_update_mask()->add_paths(f.field);
  if (int failed =
          EtagOrCurrent(in, session, io, &Stub::GetUnit, unit->name(), unit->mutable_etag())) {
    return failed;
  }
  return CallAndPrint(session, io, &Stub::UpdateUnit, request, [&](const org::v1::Unit& updated) {
    if (in.Has("json")) {
      PrintJson(io.out, ToJson(updated));
      return kExitOk;
    }
    io.out << "updated unit " << Code(updated.name(), "units") << ": " << Described(in, kUnitFields)
           << ", etag " << updated.etag() << "\n";
    return kExitOk;
  });
}

int UnitsDelete(const Invocation& in, const Session& session, Io io) {
  org::v1::DeleteUnitRequest request;
  request.set_name(Name(in.words[2], "units"));
  if (int failed =
          EtagOrCurrent(in, session, io, &Stub::GetUnit, request.name(), request.mutable_etag())) {
    return failed;
  }
  return CallAndPrint(session, io, &Stub::DeleteUnit, request, [&](const google::protobuf::Empty&) {
    if (in.Has("json")) {
      PrintJson(io.out, {{"deleted", request.name()}});
    } else {
      io.out << "deleted unit " << Code(request.name(), "units") << "\n";
    }
    return kExitOk;
  });
}

int UnitsSetQuota(const Invocation& in, const Session& session, Io io) {
  if (int usage = RequireFlags(in, io, "units set-quota", {"post", "count"})) return usage;
  int32_t count = 0;
  if (!absl::SimpleAtoi(in.Get("count"), &count) || count < 0) {
    return UsageError(io.err, "units set-quota: --count takes a count, e.g. 3");
  }
  org::v1::SetPostQuotaRequest request;
  request.set_unit(Name(in.words[2], "units"));
  request.set_post(in.Get("post"));
  request.set_count(count);
  request.set_rank_note(in.Get("rank-note"));
  request.set_from_date(DateOrToday(in, "from"));
  return CallAndPrint(session, io, &Stub::SetPostQuota, request, [&](const org::v1::Unit& group) {
    if (in.Has("json")) {
      PrintJson(io.out, ToJson(group));
      return kExitOk;
    }
    io.out << Code(group.name(), "units") << " " << group.display_name() << ": " << request.post()
           << " quota " << request.count() << " from " << request.from_date() << "\n";
    // The quotas in force today, with how many hold each post.
    Table quotas({"POST", "COUNT", "FILLED", "RANK NOTE", "FROM", "TO"});
    for (const auto& q : group.quotas()) {
      quotas.AddRow({q.post(), absl::StrCat(q.count()), absl::StrCat(q.filled()), q.rank_note(),
                     q.from_date(), q.to_date()});
    }
    io.out << quotas.Render();
    return kExitOk;
  });
}

int UnitsEndSupervision(const Invocation& in, const Session& session, Io io) {
  org::v1::AssignSupervisionRequest request;
  request.set_unit(Name(in.words[2], "units"));
  request.set_from_date(DateOrToday(in, "from"));  // no group: a coverage gap from then on
  return CallAndPrint(session, io, &Stub::AssignSupervision, request,
                      [&](const org::v1::Unit& unit) {
                        if (in.Has("json")) {
                          PrintJson(io.out, ToJson(unit));
                          return kExitOk;
                        }
                        io.out << Code(unit.name(), "units") << " " << unit.display_name()
                               << " is without a supervising group from " << request.from_date()
                               << " (a coverage gap)\n";
                        return kExitOk;
                      });
}

// ---- accountability (问责) of a person or a group ----

std::vector<std::string> AccountabilityRow(const org::v1::Accountability& a) {
  std::string subject = a.subject().rfind("people/", 0) == 0 ? Code(a.subject(), "people")
                                                             : Code(a.subject(), "units");
  return {Code(a.name(), "accountability"), a.decided_on(), subject, a.measure(), a.reason()};
}

int RecordAccountability(const Invocation& in, const Session& session, Io io,
                         const std::string& command, const std::string& subject) {
  if (int usage = RequireFlags(in, io, command, {"measure", "reason"})) return usage;
  org::v1::RecordAccountabilityRequest request;
  org::v1::Accountability* record = request.mutable_accountability();
  record->set_subject(subject);
  record->set_decided_on(DateOrToday(in, "decided-on"));
  record->set_measure(in.Get("measure"));
  record->set_reason(in.Get("reason"));
  return CallAndPrint(session, io, &Stub::RecordAccountability, request,
                      [&](const org::v1::Accountability& stored) {
                        if (in.Has("json")) {
                          PrintJson(io.out, ToJson(stored));
                          return kExitOk;
                        }
                        std::vector<std::string> row = AccountabilityRow(stored);
                        io.out << "recorded accountability " << row[0] << ": " << row[2] << " "
                               << stored.measure() << " on " << stored.decided_on() << " ("
                               << stored.reason() << ")\n";
                        return kExitOk;
                      });
}

int PersonAccountability(const Invocation& in, const Session& session, Io io) {
  return RecordAccountability(in, session, io, "people accountability",
                              Name(in.words[2], "people"));
}

int GroupAccountability(const Invocation& in, const Session& session, Io io) {
  return RecordAccountability(in, session, io, "units accountability", Name(in.words[2], "units"));
}

int AccountabilityList(const Invocation& in, const Session& session, Io io) {
  if (in.Has("person") == in.Has("group")) {
    return UsageError(io.err, "accountability list: give --person P or --group G");
  }
  Paging paging;
  if (int usage = ParsePaging(in, io, "accountability list", &paging)) return usage;
  Stub stub(session.channel);
  org::v1::ListAccountabilityRequest request;
  request.set_subject(in.Has("person") ? Name(in.Get("person"), "people")
                                       : Name(in.Get("group"), "units"));
  request.set_page_size(paging.size);
  request.set_page_token(paging.token);
  std::vector<org::v1::Accountability> records;
  org::v1::ListAccountabilityResponse response;
  do {
    response.Clear();
    grpc::Status status = stub.ListAccountability(NewCall(session).get(), request, &response);
    if (!status.ok()) return Fail(io.err, FromGrpcStatus(status));
    records.insert(records.end(), response.records().begin(), response.records().end());
    request.set_page_token(response.next_page_token());
  } while (!paging.one_page && !request.page_token().empty());
  return PrintPage(in, io, "records", records, response.next_page_token(),
                   {"ID", "DECIDED ON", "SUBJECT", "MEASURE", "REASON"}, AccountabilityRow);
}

// ---- people ----

const std::vector<FieldFlag> kPersonFields = {
    {"name", "display_name"},   {"gender", "gender"},           {"birth-date", "birth_date"},
    {"education", "education"}, {"specialties", "specialties"}, {"work-start", "work_start"}};

void SetPersonFields(const Invocation& in, org::v1::Person* person) {
  person->set_display_name(in.Get("name"));
  person->set_gender(in.Get("gender"));
  person->set_birth_date(in.Get("birth-date"));
  person->set_education(in.Get("education"));
  AddList(in.Get("specialties"), person->mutable_specialties());
  person->set_work_start(in.Get("work-start"));
}

auto PersonChanged(const Invocation& in, Io io, const std::string& done) {
  return [&in, io, done](const org::v1::Person& person) {
    if (in.Has("json")) {
      PrintJson(io.out, ToJson(person));
      return kExitOk;
    }
    io.out << done << " person " << Code(person.name(), "people") << " " << person.display_name()
           << ": " << Described(in, kPersonFields) << ", etag " << person.etag() << "\n";
    return kExitOk;
  };
}

int PeopleCreate(const Invocation& in, const Session& session, Io io) {
  if (int usage = RequireFlags(in, io, "people create", {"name"})) return usage;
  org::v1::CreatePersonRequest request;
  request.set_person_id(in.words[2]);
  SetPersonFields(in, request.mutable_person());
  request.set_request_id(NewRequestId());
  return CallAndPrint(session, io, &Stub::CreatePerson, request, PersonChanged(in, io, "created"));
}

int PeopleUpdate(const Invocation& in, const Session& session, Io io) {
  std::vector<FieldFlag> given = GivenFields(in, kPersonFields);
  if (given.empty()) {
    return UsageError(io.err,
                      "people update: give at least one of --name, --gender, --birth-date, "
                      "--education, --specialties, --work-start");
  }
  org::v1::UpdatePersonRequest request;
  org::v1::Person* person = request.mutable_person();
  person->set_name(Name(in.words[2], "people"));
  SetPersonFields(in, person);
  for (const FieldFlag& f : given) request.mutable_update_mask()->add_paths(f.field);
  if (int failed = EtagOrCurrent(in, session, io, &Stub::GetPerson, person->name(),
                                 person->mutable_etag())) {
    return failed;
  }
  return CallAndPrint(session, io, &Stub::UpdatePerson, request, PersonChanged(in, io, "updated"));
}

int PeopleList(const Invocation& in, const Session& session, Io io) {
  Paging paging;
  if (int usage = ParsePaging(in, io, "people list", &paging)) return usage;
  Stub stub(session.channel);
  org::v1::ListPeopleRequest request;
  if (in.Has("unit")) request.set_unit(Name(in.Get("unit"), "units"));
  request.set_post(in.Get("post"));
  request.set_active(in.Has("active"));
  std::string as_of = DateOrToday(in, "as-of");
  request.set_as_of(as_of);
  request.set_page_size(paging.size);
  request.set_page_token(paging.token);
  std::vector<org::v1::Person> people;
  org::v1::ListPeopleResponse response;
  do {
    response.Clear();
    grpc::Status status = stub.ListPeople(NewCall(session).get(), request, &response);
    if (!status.ok()) return Fail(io.err, FromGrpcStatus(status));
    people.insert(people.end(), response.people().begin(), response.people().end());
    request.set_page_token(response.next_page_token());
  } while (!paging.one_page && !request.page_token().empty());
  return PrintPage(
      in, io, "people", people, response.next_page_token(),
      {"CODE", "NAME", "GENDER", "BIRTH DATE", "EDUCATION", "POSTS"},
      [&as_of](const org::v1::Person& p) -> std::vector<std::string> {
        // The posts held on the list's date (dates compare as text).
        std::vector<std::string> posts;
        for (const auto& a : p.assignments()) {
          if (a.from_date() <= as_of && (a.to_date().empty() || as_of <= a.to_date())) {
            posts.push_back(absl::StrCat(Code(a.unit(), "units"), " ", a.post()));
          }
        }
        return {Code(p.name(), "people"), p.display_name(), p.gender(),
                p.birth_date(),           p.education(),    absl::StrJoin(posts, ", ")};
      });
}

int PeopleGrantRole(const Invocation& in, const Session& session, Io io) {
  if (int usage = RequireFlags(in, io, "people grant-role", {"role"})) return usage;
  org::v1::GrantRoleRequest request;
  request.set_person(Name(in.words[2], "people"));
  request.set_role(in.Get("role"));
  if (in.Has("unit")) request.set_unit(Name(in.Get("unit"), "units"));
  request.set_from_date(DateOrToday(in, "from"));
  return CallAndPrint(session, io, &Stub::GrantRole, request, [&](const org::v1::Person& person) {
    // The answer is the person; the grant is what was sent.
    if (in.Has("json")) {
      PrintJson(io.out, ToJson(request));
      return kExitOk;
    }
    io.out << "granted " << request.role();
    if (!request.unit().empty()) io.out << "@" << Code(request.unit(), "units");
    io.out << " to " << Code(person.name(), "people") << " " << person.display_name() << " from "
           << request.from_date() << "\n";
    return kExitOk;
  });
}

// ---- a person's records ----

// The record as sent (the answer is the person it belongs to), or `line` about the person.
template <typename Request, typename Line>
auto Recorded(const Invocation& in, Io io, const Request& request, Line line) {
  return [&in, io, &request, line](const org::v1::Person& person) {
    if (in.Has("json")) {
      PrintJson(io.out, ToJson(request));
      return kExitOk;
    }
    io.out << line(absl::StrCat(Code(person.name(), "people"), " ", person.display_name())) << "\n";
    return kExitOk;
  };
}

std::string Note(const std::string& note) { return note.empty() ? "" : " (" + note + ")"; }

int PeopleVetting(const Invocation& in, const Session& session, Io io) {
  if (in.Has("passed") == in.Has("failed")) {
    return UsageError(io.err, "people vetting: give --passed or --failed");
  }
  org::v1::RecordVettingRequest request;
  request.set_person(Name(in.words[2], "people"));
  request.set_vetted_on(DateOrToday(in, "vetted-on"));
  request.set_passed(in.Has("passed"));
  request.set_note(in.Get("note"));
  return CallAndPrint(session, io, &Stub::RecordVetting, request,
                      Recorded(in, io, request, [&](const std::string& who) {
                        return absl::StrCat(
                            "recorded vetting of ", who, " on ", request.vetted_on(), ": ",
                            request.passed() ? "passed" : "failed", Note(request.note()));
                      }));
}

int PeopleTransferTalk(const Invocation& in, const Session& session, Io io) {
  org::v1::RecordTransferTalkRequest request;
  request.set_person(Name(in.words[2], "people"));
  request.set_talked_on(DateOrToday(in, "talked-on"));
  if (in.Has("talked-by")) request.set_talked_by(Name(in.Get("talked-by"), "people"));
  request.set_note(in.Get("note"));
  return CallAndPrint(session, io, &Stub::RecordTransferTalk, request,
                      Recorded(in, io, request, [&](const std::string& who) {
                        std::string by = request.talked_by().empty()
                                             ? ""
                                             : " by " + Code(request.talked_by(), "people");
                        return absl::StrCat("recorded transfer talk with ", who, " on ",
                                            request.talked_on(), by, Note(request.note()));
                      }));
}

int PeopleMentoring(const Invocation& in, const Session& session, Io io) {
  if (int usage = RequireFlags(in, io, "people mentoring", {"mentor"})) return usage;
  org::v1::RecordMentoringRequest request;
  request.set_mentee(Name(in.words[2], "people"));
  request.set_mentor(Name(in.Get("mentor"), "people"));
  request.set_from_date(DateOrToday(in, "from"));
  request.set_to_date(in.Get("to"));
  return CallAndPrint(
      session, io, &Stub::RecordMentoring, request,
      Recorded(in, io, request, [&](const std::string& who) {
        std::string to = request.to_date().empty() ? "" : " to " + request.to_date();
        return absl::StrCat(who, " is mentored by ", Code(request.mentor(), "people"), " from ",
                            request.from_date(), to);
      }));
}

}  // namespace

CommandGroup OrgAdminCommands() {
  return {
      {
          {{"units", "create"},
           1,
           {"json"},
           true,
           UnitsCreate,
           {"name", "kind", "parent", "established-on", "dissolved-on", "guiding-office"}},
          {{"units", "update"},
           1,
           {"json"},
           true,
           UnitsUpdate,
           {"name", "dissolved-on", "guiding-office", "etag"}},
          {{"units", "delete"}, 1, {"json"}, true, UnitsDelete, {"etag"}},
          {{"units", "set-quota"},
           1,
           {"json"},
           true,
           UnitsSetQuota,
           {"post", "count", "rank-note", "from"}},
          {{"units", "end-supervision"}, 1, {"json"}, true, UnitsEndSupervision, {"from"}},
          {{"units", "accountability"},
           1,
           {"json"},
           true,
           GroupAccountability,
           {"measure", "reason", "decided-on"}},
          {{"people", "create"},
           1,
           {"json"},
           true,
           PeopleCreate,
           {"name", "gender", "birth-date", "education", "specialties", "work-start"}},
          {{"people", "update"},
           1,
           {"json"},
           true,
           PeopleUpdate,
           {"name", "gender", "birth-date", "education", "specialties", "work-start", "etag"}},
          {{"people", "list"},
           0,
           {"json", "active"},
           true,
           PeopleList,
           {"unit", "post", "as-of", "page-size", "page-token"}},
          {{"people", "grant-role"}, 1, {"json"}, true, PeopleGrantRole, {"role", "unit", "from"}},
          {{"people", "vetting"},
           1,
           {"json", "passed", "failed"},
           true,
           PeopleVetting,
           {"vetted-on", "note"}},
          {{"people", "transfer-talk"},
           1,
           {"json"},
           true,
           PeopleTransferTalk,
           {"talked-on", "talked-by", "note"}},
          {{"people", "mentoring"}, 1, {"json"}, true, PeopleMentoring, {"mentor", "from", "to"}},
          {{"people", "accountability"},
           1,
           {"json"},
           true,
           PersonAccountability,
           {"measure", "reason", "decided-on"}},
          {{"accountability", "list"},
           0,
           {"json"},
           true,
           AccountabilityList,
           {"person", "group", "page-size", "page-token"}},
      },
      "  units create CODE --name N --kind K [--parent U] [--established-on D]\n"
      "               [--dissolved-on D] [--guiding-office O]\n"
      "  units update CODE [--name N] [--dissolved-on D] [--guiding-office O] [--etag E]\n"
      "                                           only the fields given (an empty value\n"
      "                                           clears); without --etag the current one\n"
      "  units delete CODE [--etag E]             a unit nothing refers to (else dissolve it)\n"
      "  units set-quota GROUP --post leader|deputy|staff --count N [--rank-note T] [--from D]\n"
      "  units end-supervision U [--from D]       no group supervises U from D (a coverage gap)\n"
      "  units accountability GROUP --measure M --reason T [--decided-on D]\n"
      "  people create CODE --name N [--gender male|female] [--birth-date D] [--education E]\n"
      "                [--specialties S1;S2] [--work-start D]\n"
      "  people update CODE [the flags of create] [--etag E]   as units update\n"
      "  people list [--unit U] [--post P] [--active] [--as-of D] [--page-size N]\n"
      "              [--page-token T]             posts held on D; one page when paged\n"
      "  people grant-role CODE --role R [--unit U] [--from D]   (--unit for all but admin)\n"
      "  people vetting CODE --passed|--failed [--vetted-on D] [--note T]\n"
      "  people transfer-talk CODE [--talked-on D] [--talked-by P] [--note T]   逢调必谈\n"
      "  people mentoring MENTEE --mentor P [--from D] [--to D]                 一帮一\n"
      "  people accountability CODE --measure M --reason T [--decided-on D]    问责\n"
      "  accountability list --person P|--group G [--page-size N] [--page-token T]\n"};
}

}  // namespace paizhu::cli
