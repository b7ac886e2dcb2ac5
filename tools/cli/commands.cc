#include "tools/cli/commands.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <memory>
#include <random>
#include <set>
#include <sstream>

#include "absl/status/status.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "absl/strings/strip.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "common/auth/jwt.h"
#include "common/status/grpc_status.h"
#include "common/status/status.h"
#include "common/time/civil_date.h"
#include "google/protobuf/descriptor.h"
#include "google/protobuf/message.h"
#include "google/protobuf/util/json_util.h"
#include "grpc/health/v1/health.grpc.pb.h"
#include "grpcpp/client_context.h"
#include "grpcpp/create_channel.h"
#include "nlohmann/json.hpp"
#include "paizhu/org/v1/org.grpc.pb.h"
#include "tools/cli/command_support.h"
#include "tools/cli/state.h"
#include "tools/cli/subcommands.h"
#include "tools/cli/table.h"

namespace paizhu::cli {

int UsageError(std::ostream& err, const std::string& message) {
  err << "paizhu: " << message << "\n" << Usage();
  return kExitUsage;
}

int Fail(std::ostream& err, const absl::Status& status) {
  err << "error: " << absl::StatusCodeToString(status.code()) << ": " << status.message()
      << " [reason " << ErrorReason(status);
  if (std::string field = ErrorField(status); !field.empty()) err << ", field " << field;
  err << "]\n";
  return kExitFailed;
}

std::string NewRequestId() {
  std::random_device seed;
  std::mt19937_64 random(static_cast<uint64_t>(seed()) << 32 | seed());
  return absl::StrFormat("cli-%016x", random());
}

std::unique_ptr<grpc::ClientContext> NewCall(const Session& session, absl::Duration timeout) {
  auto ctx = std::make_unique<grpc::ClientContext>();
  ctx->set_deadline(absl::ToChronoTime(absl::Now() + timeout));
  if (!session.token.empty()) ctx->AddMetadata("authorization", "Bearer " + session.token);
  ctx->AddMetadata("x-request-id", NewRequestId());
  return ctx;
}

nlohmann::json ToJson(const google::protobuf::Message& message) {
  google::protobuf::util::JsonPrintOptions options;
  options.preserve_proto_field_names = true;
  options.always_print_primitive_fields = true;
  std::string text;
  if (!google::protobuf::util::MessageToJsonString(message, &text, options).ok()) return nullptr;
  return nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
}

void PrintJson(std::ostream& out, const nlohmann::json& json) { out << json.dump(2) << "\n"; }

// "units/G01" -> "G01"; other text unchanged.
std::string Code(absl::string_view name, absl::string_view collection) {
  absl::ConsumePrefix(&name, absl::StrCat(collection, "/"));
  return std::string(name);
}

int RequireFlags(const Invocation& in, Io io, const std::string& command,
                 std::initializer_list<const char*> flags) {
  for (const char* flag : flags) {
    if (!in.Has(flag)) {
      return UsageError(io.err, absl::StrCat(command, ": --", flag, " is required"));
    }
  }
  return kExitOk;
}

int PageSizeFlag(const Invocation& in, Io io, const std::string& command, int32_t* size) {
  if (!in.Has("page-size")) return kExitOk;
  if (!absl::SimpleAtoi(in.Get("page-size"), size) || *size < 1) {
    return UsageError(io.err,
                      absl::StrCat(command, ": --page-size takes a whole number from 1, e.g. 50"));
  }
  return kExitOk;
}

void PrintNextPage(std::ostream& out, const std::string& next_page_token) {
  if (!next_page_token.empty()) out << "next page: --page-token " << next_page_token << "\n";
}

std::pair<std::string, std::string> PeriodOrThisYear(const Invocation& in) {
  std::string year = Today().substr(0, 4);
  return {in.Has("from") ? in.Get("from") : year + "-01-01",
          in.Has("to") ? in.Get("to") : year + "-12-31"};
}

std::string Today() { return FormatDate(TodayInChina()); }

std::string DateOrToday(const Invocation& in, const std::string& flag) {
  return in.Has(flag) ? in.Get(flag) : Today();
}

// "G01" or "units/G01" -> "units/G01".
std::string Name(const std::string& code, absl::string_view collection) {
  std::string prefix = absl::StrCat(collection, "/");
  return absl::StartsWith(code, prefix) ? code : prefix + code;
}

namespace {

constexpr absl::Duration kTokenValidity = absl::Hours(12);
constexpr char kGatewayHealthName[] = "paizhu.gateway";

// Flags every command accepts, and those that take a value.
const std::set<std::string> kGlobalFlags = {"state", "addr", "token-file", "help"};
// clang-format off
const std::set<std::string> kValueFlags = {
    "state", "addr", "token-file", "as", "kind", "as-of", "output", "from", "to",
    "received-on", "source", "handling-unit", "subject", "subject-unit", "subject-position",
    "subject-level", "allegation", "violations", "handlers", "reporter", "reporter-contact",
    "registering-unit", "state-filter", "etag", "attendees", "held-on", "summary", "disposal",
    "note", "proposal"};
// clang-format on
const std::set<std::string> kBoolFlags = {"help",  "dev",          "json",     "partial",
                                          "check", "party-member", "anonymous"};
// Short spellings.
const std::map<std::string, std::string> kShortFlags = {{"-h", "help"}, {"-o", "output"}};

// Whether a flag takes a value or is a switch, over every command (the dispatch below).
bool TakesValue(const std::string& flag);
bool IsBool(const std::string& flag);

absl::StatusOr<Invocation> Parse(const std::vector<std::string>& args) {
  Invocation invocation;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (arg == "--") {
      invocation.words.insert(invocation.words.end(), args.begin() + i + 1, args.end());
      break;
    }
    auto short_flag = kShortFlags.find(arg);
    if (!absl::StartsWith(arg, "--") && short_flag == kShortFlags.end()) {
      invocation.words.push_back(arg);
      continue;
    }
    std::string name = short_flag != kShortFlags.end() ? short_flag->second : arg.substr(2);
    std::string value;
    bool has_value = false;
    if (size_t eq = name.find('='); eq != std::string::npos) {
      value = name.substr(eq + 1);
      name = name.substr(0, eq);
      has_value = true;
    }
    if (TakesValue(name)) {
      if (!has_value) {
        if (i + 1 >= args.size()) {
          return absl::InvalidArgumentError(absl::StrCat("--", name, " needs a value"));
        }
        value = args[++i];
      }
    } else if (IsBool(name)) {
      if (!has_value) value = "true";
      if (value != "true" && value != "false") {
        return absl::InvalidArgumentError(absl::StrCat("--", name, " takes true or false"));
      }
      if (value == "false") continue;
    } else {
      return absl::InvalidArgumentError(absl::StrCat("unknown flag --", name));
    }
    invocation.flags[name] = value;
  }
  return invocation;
}

// ---- login ----

int Login(const Invocation& in, Io io) {
  if (!in.Has("dev")) return UsageError(io.err, "login: only --dev login is supported");
  std::string person = in.Get("as");
  if (person.empty()) return UsageError(io.err, "login: --as CODE is required");
  person = Code(person, "people");
  std::string state = FindStateDir(in.Get("state"));
  if (state.empty()) {
    return Fail(io.err, FailedPrecondition("NO_STATE_FOLDER",
                                           "no state folder: give --state, set PAIZHU_STATE or "
                                           "run inside the git checkout"));
  }
  std::string key_path = state + "/keys/dev-jwt.pem";
  std::ifstream key_file(key_path, std::ios::binary);
  if (!key_file) {
    return Fail(io.err,
                FailedPrecondition("NO_DEV_KEY", absl::StrCat("no dev signing key in ", state,
                                                              "/keys: run scripts/dev-up first")));
  }
  std::stringstream pem;
  pem << key_file.rdbuf();

  auth::JwtClaims claims;
  claims.subject = person;
  claims.issuer = EnvSetting(state, "PAIZHU_JWT_ISSUER", "paizhu-dev");
  claims.audience = EnvSetting(state, "PAIZHU_JWT_AUDIENCE", "paizhu");
  claims.issued_at = claims.not_before = absl::Now();
  claims.expires_at = claims.issued_at + kTokenValidity;
  absl::StatusOr<std::string> token = auth::MintEs256(pem.str(), claims);
  if (!token.ok()) return Fail(io.err, token.status());

  std::string token_path = state + "/token";
  int fd = ::open(token_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (fd < 0) {
    return Fail(io.err, Internal("TOKEN_NOT_WRITTEN",
                                 absl::StrCat("cannot write ", token_path, ": ", strerror(errno))));
  }
  std::string text = *token + "\n";
  bool written = ::fchmod(fd, 0600) == 0 &&
                 ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size());
  written = ::close(fd) == 0 && written;
  if (!written) {
    return Fail(io.err, Internal("TOKEN_NOT_WRITTEN", absl::StrCat("cannot write ", token_path)));
  }
  io.out << "export PAIZHU_TOKEN=" << *token << "\n";
  return kExitOk;
}

// ---- health ----

int Health(const Invocation& in, const Session& session, Io io) {
  auto stub = grpc::health::v1::Health::NewStub(session.channel);
  grpc::health::v1::HealthCheckRequest request;
  request.set_service(kGatewayHealthName);
  grpc::health::v1::HealthCheckResponse response;
  grpc::Status status = stub->Check(NewCall(session).get(), request, &response);
  if (!status.ok()) return Fail(io.err, FromGrpcStatus(status));
  io.out << grpc::health::v1::HealthCheckResponse::ServingStatus_Name(response.status()) << "\n";
  return response.status() == grpc::health::v1::HealthCheckResponse::SERVING ? kExitOk
                                                                             : kExitFailed;
}

// ---- units ----

int UnitsList(const Invocation& in, const Session& session, Io io) {
  auto stub = org::v1::OrgService::NewStub(session.channel);
  org::v1::ListUnitsRequest request;
  request.set_kind(in.Get("kind"));
  request.set_page_size(1000);
  std::vector<org::v1::Unit> units;
  do {
    org::v1::ListUnitsResponse response;
    grpc::Status status = stub->ListUnits(NewCall(session).get(), request, &response);
    if (!status.ok()) return Fail(io.err, FromGrpcStatus(status));
    units.insert(units.end(), response.units().begin(), response.units().end());
    request.set_page_token(response.next_page_token());
  } while (!request.page_token().empty());

  if (in.Has("json")) {
    nlohmann::json list = nlohmann::json::array();
    for (const auto& unit : units) list.push_back(ToJson(unit));
    PrintJson(io.out, {{"units", list}});
    return kExitOk;
  }
  Table table({"CODE", "KIND", "NAME", "PARENT", "ESTABLISHED", "DISSOLVED"});
  for (const auto& unit : units) {
    table.AddRow({Code(unit.name(), "units"), unit.kind(), unit.display_name(),
                  Code(unit.parent(), "units"), unit.established_on(), unit.dissolved_on()});
  }
  io.out << table.Render();
  return kExitOk;
}

int UnitsShow(const Invocation& in, const Session& session, Io io) {
  auto stub = org::v1::OrgService::NewStub(session.channel);
  org::v1::GetUnitRequest request;
  request.set_name(Name(in.words[2], "units"));
  request.set_as_of(in.Get("as-of"));
  org::v1::Unit unit;
  grpc::Status status = stub->GetUnit(NewCall(session).get(), request, &unit);
  if (!status.ok()) return Fail(io.err, FromGrpcStatus(status));
  if (in.Has("json")) {
    PrintJson(io.out, ToJson(unit));
    return kExitOk;
  }
  Table table({"FIELD", "VALUE"});
  table.AddRow({"code", Code(unit.name(), "units")});
  table.AddRow({"kind", unit.kind()});
  table.AddRow({"display_name", unit.display_name()});
  table.AddRow({"parent", Code(unit.parent(), "units")});
  table.AddRow({"established_on", unit.established_on()});
  table.AddRow({"dissolved_on", unit.dissolved_on()});
  if (!unit.guiding_office().empty()) {
    table.AddRow({"guiding_office", Code(unit.guiding_office(), "units")});
  }
  if (!unit.supervising_group().empty()) {
    table.AddRow({"supervising_group", Code(unit.supervising_group(), "units")});
  }
  if (!unit.zone().empty()) table.AddRow({"zone", unit.zone()});
  for (const auto& quota : unit.quotas()) {
    std::string text = absl::StrCat(quota.post(), " ", quota.count());
    if (!quota.rank_note().empty()) absl::StrAppend(&text, " (", quota.rank_note(), ")");
    absl::StrAppend(&text, " from ", quota.from_date());
    if (!quota.to_date().empty()) absl::StrAppend(&text, " to ", quota.to_date());
    table.AddRow({"quota", text});
  }
  for (const auto& liaison : unit.liaisons()) {  // groups: the leaders liaising on the date
    std::string text = absl::StrCat(Code(liaison.leader(), "people"), " ",
                                    liaison.leader_display_name(), " from ", liaison.from_date());
    if (!liaison.to_date().empty()) absl::StrAppend(&text, " to ", liaison.to_date());
    table.AddRow({"liaison", text});
  }
  io.out << table.Render();
  return kExitOk;
}

// ---- people ----

int PeopleShow(const Invocation& in, const Session& session, Io io) {
  auto stub = org::v1::OrgService::NewStub(session.channel);
  org::v1::GetPersonRequest request;
  request.set_name(Name(in.words[2], "people"));
  org::v1::Person person;
  grpc::Status status = stub->GetPerson(NewCall(session).get(), request, &person);
  if (!status.ok()) return Fail(io.err, FromGrpcStatus(status));
  if (in.Has("json")) {
    PrintJson(io.out, ToJson(person));
    return kExitOk;
  }
  Table table({"FIELD", "VALUE"});
  table.AddRow({"code", Code(person.name(), "people")});
  table.AddRow({"display_name", person.display_name()});
  table.AddRow({"gender", person.gender()});
  table.AddRow({"birth_date", person.birth_date()});
  table.AddRow({"education", person.education()});
  table.AddRow({"specialties", absl::StrJoin(person.specialties(), ", ")});
  table.AddRow({"work_start", person.work_start()});
  table.AddRow({"roles", absl::StrJoin(person.roles(), ", ")});
  io.out << table.Render();
  if (person.assignments_size() > 0) {
    Table posts({"UNIT", "POST", "FROM", "TO", "REASON"});
    for (const auto& post : person.assignments()) {
      posts.AddRow({Code(post.unit(), "units"), post.post(), post.from_date(), post.to_date(),
                    post.reason()});
    }
    io.out << "\n" << posts.Render();
  }
  return kExitOk;
}

// ---- stats ----

std::string FieldText(const google::protobuf::Message& message,
                      const google::protobuf::FieldDescriptor* field, int index) {
  using FD = google::protobuf::FieldDescriptor;
  const auto* reflection = message.GetReflection();
  bool repeated = field->is_repeated();
  switch (field->cpp_type()) {
    case FD::CPPTYPE_INT32:
      return absl::StrCat(repeated ? reflection->GetRepeatedInt32(message, field, index)
                                   : reflection->GetInt32(message, field));
    case FD::CPPTYPE_INT64:
      return absl::StrCat(repeated ? reflection->GetRepeatedInt64(message, field, index)
                                   : reflection->GetInt64(message, field));
    case FD::CPPTYPE_UINT32:
      return absl::StrCat(repeated ? reflection->GetRepeatedUInt32(message, field, index)
                                   : reflection->GetUInt32(message, field));
    case FD::CPPTYPE_UINT64:
      return absl::StrCat(repeated ? reflection->GetRepeatedUInt64(message, field, index)
                                   : reflection->GetUInt64(message, field));
    case FD::CPPTYPE_DOUBLE:
      return absl::StrCat(repeated ? reflection->GetRepeatedDouble(message, field, index)
                                   : reflection->GetDouble(message, field));
    case FD::CPPTYPE_FLOAT:
      return absl::StrCat(repeated ? reflection->GetRepeatedFloat(message, field, index)
                                   : reflection->GetFloat(message, field));
    case FD::CPPTYPE_BOOL:
      return (repeated ? reflection->GetRepeatedBool(message, field, index)
                       : reflection->GetBool(message, field))
                 ? "true"
                 : "false";
    case FD::CPPTYPE_ENUM:
      return repeated ? reflection->GetRepeatedEnum(message, field, index)->name()
                      : reflection->GetEnum(message, field)->name();
    case FD::CPPTYPE_STRING:
      return repeated ? reflection->GetRepeatedString(message, field, index)
                      : reflection->GetString(message, field);
    case FD::CPPTYPE_MESSAGE: {
      const auto& sub = repeated ? reflection->GetRepeatedMessage(message, field, index)
                                 : reflection->GetMessage(message, field);
      std::vector<std::string> parts;
      for (int i = 0; i < sub.GetDescriptor()->field_count(); ++i) {
        const auto* sub_field = sub.GetDescriptor()->field(i);
        if (sub_field->is_repeated()) continue;
        parts.push_back(absl::StrCat(sub_field->name(), "=", FieldText(sub, sub_field, -1)));
      }
      return absl::StrJoin(parts, " ");
    }
  }
  return "";
}

// Each figure of a message as (figure, value) rows: maps as figure.key, repeated fields
// one row each (or "-" when empty).
void AddFigures(const google::protobuf::Message& message, Table& table) {
  const auto* descriptor = message.GetDescriptor();
  const auto* reflection = message.GetReflection();
  for (int i = 0; i < descriptor->field_count(); ++i) {
    const auto* field = descriptor->field(i);
    if (field->is_map()) {
      std::vector<std::pair<std::string, std::string>> entries;
      for (int k = 0; k < reflection->FieldSize(message, field); ++k) {
        const auto& entry = reflection->GetRepeatedMessage(message, field, k);
        const auto* entry_descriptor = entry.GetDescriptor();
        entries.emplace_back(FieldText(entry, entry_descriptor->map_key(), -1),
                             FieldText(entry, entry_descriptor->map_value(), -1));
      }
      std::sort(entries.begin(), entries.end());
      if (entries.empty()) table.AddRow({field->name(), "-"});
      for (const auto& [key, value] : entries) table.AddRow({field->name() + "." + key, value});
    } else if (field->is_repeated()) {
      int size = reflection->FieldSize(message, field);
      if (size == 0) table.AddRow({field->name(), "-"});
      for (int k = 0; k < size; ++k) table.AddRow({field->name(), FieldText(message, field, k)});
    } else {
      table.AddRow({field->name(), FieldText(message, field, -1)});
    }
  }
}

int Stats(const Invocation& in, const Session& session, Io io) {
  auto stub = org::v1::OrgService::NewStub(session.channel);
  org::v1::GetStatisticsRequest request;
  request.set_as_of(in.Get("as-of"));
  request.set_training_from(in.Get("from"));
  request.set_training_to(in.Get("to"));
  org::v1::Statistics statistics;
  grpc::Status status = stub->GetStatistics(NewCall(session).get(), request, &statistics);
  if (!status.ok()) return Fail(io.err, FromGrpcStatus(status));
  if (in.Has("json")) {
    PrintJson(io.out, ToJson(statistics));
    return kExitOk;
  }
  Table table({"FIGURE", "VALUE"});
  AddFigures(statistics, table);
  io.out << table.Render();
  return kExitOk;
}

// ---- dispatch ----

const std::vector<Command>& Commands() {
  static const auto* commands = new std::vector<Command>{
      {{"login"},
       0,
       {"dev", "as"},
       false,
       [](const Invocation& in, const Session&, Io io) { return Login(in, io); }},
      {{"health"}, 0, {}, true, Health},
      {{"units", "list"}, 0, {"kind", "json"}, true, UnitsList},
      {{"units", "show"}, 1, {"as-of", "json"}, true, UnitsShow},
      {{"people", "show"}, 1, {"json"}, true, PeopleShow},
      {{"stats"}, 0, {"as-of", "from", "to", "json"}, true, Stats},
      {{"import"}, 2, {"partial", "check", "json"}, true, ImportLedger},
      {{"export"}, 1, {"output", "csv", "xlsx"}, true, ExportLedger, {"csv", "xlsx"}},
      {{"clues", "register"},
       0,
       {"received-on", "source", "handling-unit", "registering-unit", "subject", "subject-unit",
        "subject-position", "subject-level", "party-member", "allegation", "violations", "handlers",
        "reporter", "reporter-contact", "anonymous", "json"},
       true,
       CluesRegister},
      {{"clues", "list"}, 0, {"handling-unit", "state-filter", "json"}, true, CluesList},
      {{"clues", "show"}, 1, {"json"}, true, CluesShow},
      {{"clues", "assign"}, 1, {"handlers", "etag", "json"}, true, CluesAssign},
      {{"clues", "review"},
       1,
       {"attendees", "held-on", "summary", "etag", "json"},
       true,
       CluesReview},
      {{"clues", "propose"}, 1, {"disposal", "note", "etag", "json"}, true, CluesPropose},
      {{"clues", "approve"}, 1, {"proposal", "note", "json"}, true, CluesDecide},
      {{"clues", "reject"}, 1, {"proposal", "note", "json"}, true, CluesDecide},
      {{"report", "work"}, 0, {"from", "to", "as-of", "json"}, true, ReportWork},
  };
  return *commands;
}

// Command groups that live in files of their own (subcommands.h): one line each.
const std::vector<CommandGroup>& Groups() {
  static const auto* groups = new std::vector<CommandGroup>{
      ClueStepCommands(),  CaseCommands(),          DeadlineCommands(), LetterCommands(),
      AssessCommands(),    MonthlyReportCommands(), JointCommands(),    AssessRecordCommands(),
      IntegrityCommands(), OrgCommands(),           ZoneCommands(),     ClueAdminCommands(),
      OrgAdminCommands(),  SchemeCommands(),
  };
  return *groups;
}

bool TakesValue(const std::string& flag) {
  if (kValueFlags.count(flag) > 0) return true;
  for (const auto& group : Groups()) {
    for (const auto& command : group.commands) {
      if (command.value_flags.count(flag) > 0) return true;
    }
  }
  return false;
}

bool IsBool(const std::string& flag) {
  if (kBoolFlags.count(flag) > 0) return true;
  for (const auto& group : Groups()) {
    for (const auto& command : group.commands) {
      if (command.flags.count(flag) > 0 && command.value_flags.count(flag) == 0) return true;
    }
  }
  return false;
}

}  // namespace

std::string Usage() {
  return "usage: paizhu [--state DIR] [--addr HOST:PORT] [--token-file FILE] COMMAND ...\n"
         "commands:\n"
         "  login --dev --as CODE                    mint a dev token into STATE/token\n"
         "  health                                   is the gateway serving?\n"
         "  units list [--kind K] [--json]\n"
         "  units show CODE [--as-of YYYY-MM-DD] [--json]\n"
         "  people show CODE [--json]\n"
         "  stats [--as-of D] [--from D --to D] [--json]\n"
         "                                           the organisation's figures (trainings\n"
         "                                           counted from..to)\n"
         "  import KIND FILE.csv [--partial] [--check] [--json]\n"
         "                                           a ledger file (CONTRACTS.md formats)\n"
         "  export KIND [--csv FILE | --xlsx FILE]   the same columns back (-o FILE: --csv)\n"
         "      kinds, in import order: zones units supervision people assignments roles\n"
         "      trainings activities letters problems clues outcomes; org's records\n"
         "      vettings transfer_talks mentoring accountability integrity_files\n"
         "      integrity_entries liaisons; attendance (README.md)\n"
         "  clues register --received-on D --source S --handling-unit U --subject NAME\n"
         "                 --violations V[;V] --allegation TEXT [--subject-unit U]\n"
         "                 [--subject-position P] [--subject-level L] [--party-member]\n"
         "                 [--handlers P1;P2] [--reporter NAME] [--reporter-contact C]\n"
         "                 [--anonymous] [--registering-unit U] [--json]\n"
         "  clues list [--handling-unit U] [--state-filter S] [--json]\n"
         "  clues show NUMBER [--json]\n"
         "  clues assign NUMBER --handlers P1;P2        registered -> assigned\n"
         "  clues review NUMBER --attendees P1;P2;P3 [--held-on D] [--summary T]\n"
         "  clues propose NUMBER --disposal inquiry|verification|pending|closed [--note T]\n"
         "  clues approve|reject NUMBER [--proposal ID] [--note T]   (default: the pending one)\n"
         "      (each takes --etag E to refuse a clue changed meanwhile, and --json)\n"
         "  report work --from D --to D --as-of D [--json]   the work report (工作报告)\n" +
         [] {
           std::string more;
           for (const auto& group : Groups()) more += group.usage;
           return more;
         }();
}

int Run(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  absl::StatusOr<Invocation> parsed = Parse(args);
  if (!parsed.ok()) return UsageError(err, std::string(parsed.status().message()));
  const Invocation& in = *parsed;
  if (in.Has("help")) {
    out << Usage();
    return kExitOk;
  }
  if (in.words.empty()) return UsageError(err, "no command");

  const Command* command = nullptr;
  auto matches = [&](const Command& candidate) {
    return in.words.size() >= candidate.path.size() &&
           std::equal(candidate.path.begin(), candidate.path.end(), in.words.begin());
  };
  for (const auto& candidate : Commands()) {
    if (matches(candidate)) command = &candidate;
    if (command != nullptr) break;
  }
  for (const auto& group : Groups()) {
    for (const auto& candidate : group.commands) {
      if (command == nullptr && matches(candidate)) command = &candidate;
    }
  }
  if (command == nullptr) {
    return UsageError(err, absl::StrCat("unknown command '", absl::StrJoin(in.words, " "), "'"));
  }
  std::string name = absl::StrJoin(command->path, " ");
  size_t given = in.words.size() - command->path.size();
  if (given < static_cast<size_t>(command->arguments)) {
    return UsageError(err, absl::StrCat(name, ": missing argument"));
  }
  if (given > static_cast<size_t>(command->arguments)) {
    return UsageError(err, absl::StrCat(name, ": unexpected argument '",
                                        in.words[command->path.size() + command->arguments], "'"));
  }
  for (const auto& [flag, value] : in.flags) {
    if (kGlobalFlags.count(flag) == 0 && command->flags.count(flag) == 0 &&
        command->value_flags.count(flag) == 0) {
      return UsageError(err, absl::StrCat(name, ": unknown flag --", flag));
    }
  }

  Io io{out, err};
  Session session;
  if (command->calls_gateway) {
    session.state_dir = FindStateDir(in.Get("state"));
    absl::StatusOr<std::string> address = FindAddress(in.Get("addr"), session.state_dir);
    if (!address.ok()) return Fail(err, address.status());
    session.address = *address;
    session.token = FindToken(in.Get("token-file"), session.state_dir);
    session.channel = grpc::CreateChannel(session.address, grpc::InsecureChannelCredentials());
  }
  return command->run(in, session, io);
}

}  // namespace paizhu::cli
