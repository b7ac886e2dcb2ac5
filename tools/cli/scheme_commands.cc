// paizhu metrics list, schemes validate|create|show|list, assess run list and
// monthly-reports due-day: the assessment's rules as data (考核评分细则, the metrics they
// read), the runs made with them, and when monthly reports fall due.

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "common/status/grpc_status.h"
#include "common/status/status.h"
#include "paizhu/assess/v1/assess.grpc.pb.h"
#include "tools/cli/commands.h"
#include "tools/cli/subcommands.h"
#include "tools/cli/table.h"

namespace paizhu::cli {
namespace {

using Stub = assess::v1::AssessService::Stub;
using nlohmann::json;

// The object's member, or null.
const json& Member(const json& object, const char* key) {
  static const json* const kNull = new json();
  return object.is_object() && object.contains(key) ? object.at(key) : *kNull;
}

// The object's text member; empty when it has none.
std::string Text(const json& object, const char* key) {
  const json& value = Member(object, key);
  return value.is_string() ? value.get<std::string>() : "";
}

// A figure of the object as people write it: 3, 0.5; empty when it has none.
std::string Number(const json& object, const char* key) {
  const json& value = Member(object, key);
  return value.is_number() ? absl::StrCat(value.get<double>()) : "";
}

int ListMetrics(const Invocation& in, const Session& session, Io io) {
  return CallAndPrint(session, io, &Stub::ListMetrics, assess::v1::ListMetricsRequest(),
                      [&](const assess::v1::ListMetricsResponse& response) {
                        return PrintList(in, io, "metrics", response.metrics(),
                                         {"METRIC", "SOURCE", "TARGET", "VALUE", "MEANING"},
                                         [](const assess::v1::Metric& m) {
                                           return std::vector<std::string>{
                                               m.name(), m.source(), m.target_kind(),
                                               m.percent() ? "share %" : "count", m.definition()};
                                         });
                      });
}

// The file's text, or FAILED_PRECONDITION FILE_NOT_READABLE.
absl::StatusOr<std::string> FileText(const std::string& path) {
  std::ifstream file(path, std::ios::binary);
  std::stringstream text;
  if (file) text << file.rdbuf();
  if (!file) return FailedPrecondition("FILE_NOT_READABLE", absl::StrCat("cannot read ", path));
  return text.str();
}

// "1 task", "39 tasks".
std::string Count(int n, absl::string_view what) {
  return absl::StrCat(n, " ", what, n == 1 ? "" : "s");
}

// A scheme's size in a few words: "5 aspects, 39 tasks, 3 bonus items; total 100, bonus
// cap 5".
std::string Summary(const assess::v1::Scheme& s) {
  return absl::StrCat(Count(s.aspects(), "aspect"), ", ", Count(s.tasks(), "task"), ", ",
                      Count(s.bonus_items(), "bonus item"), "; total ", s.total(), ", bonus cap ",
                      s.bonus_cap());
}

// What a problem's field (a JSON path such as "aspects[1].tasks[0].rule.metric") points at
// in the document, by the code and name of the innermost aspect or task on the path;
// empty when the path does not lead into the document.
std::string Place(const json& document, const std::string& path) {
  const json* at = &document;
  std::string place;
  for (absl::string_view step : absl::StrSplit(path, '.', absl::SkipEmpty())) {
    std::vector<absl::string_view> parts = absl::StrSplit(step, '[');
    for (size_t i = 0; i < parts.size() && at != nullptr; ++i) {
      if (i == 0) {
        const json& member = Member(*at, std::string(parts[0]).c_str());
        at = member.is_null() ? nullptr : &member;
        continue;
      }
      size_t index = 0;
      absl::string_view digits = absl::StripSuffix(parts[i], "]");
      at = at->is_array() && absl::SimpleAtoi(digits, &index) && index < at->size() ? &at->at(index)
                                                                                    : nullptr;
      if (at != nullptr && at->is_object() && at->contains("code")) {
        place = absl::StrCat(Text(*at, "code"), " ", Text(*at, "name"));
      }
    }
    if (at == nullptr) break;
  }
  return place;
}

// A refused document: where in the file (the JSON path, and the task or aspect it lies in)
// and why, then the status as every command prints it.
int SchemeRefused(const std::string& path, const std::string& text, const absl::Status& status,
                  Io io) {
  std::string field = ErrorField(status);
  if (status.code() == absl::StatusCode::kInvalidArgument) {
    std::string place = Place(json::parse(text, nullptr, /*allow_exceptions=*/false), field);
    std::string why(absl::StripPrefix(status.message(), absl::StrCat(field, ": ")));
    std::string where = place.empty() ? field : absl::StrCat(field, " (", place, ")");
    io.out << path << ": " << (where.empty() ? "" : where + ": ") << ErrorReason(status) << ": "
           << why << "\n";
  }
  return Fail(io.err, status);
}

// validate and create: the file is the scheme's document (data/schemes/'s JSON format).
int SchemeFromFile(const Invocation& in, const Session& session, Io io) {
  const std::string& path = in.words[2];
  absl::StatusOr<std::string> text = FileText(path);
  if (!text.ok()) return Fail(io.err, text.status());
  const bool create = in.words[1] == "create";
  auto stub = assess::v1::AssessService::NewStub(session.channel);
  assess::v1::Scheme scheme;
  grpc::Status status;
  if (create) {
    assess::v1::CreateSchemeRequest request;
    request.set_document(*text);
    status = stub->CreateScheme(NewCall(session).get(), request, &scheme);
  } else {
    assess::v1::ValidateSchemeRequest request;
    request.set_document(*text);
    status = stub->ValidateScheme(NewCall(session).get(), request, &scheme);
  }
  if (!status.ok()) return SchemeRefused(path, *text, FromGrpcStatus(status), io);
  if (in.Has("json")) {
    PrintJson(io.out, ToJson(scheme));
    return kExitOk;
  }
  io.out << (create ? "created " : absl::StrCat(path, ": valid: "))
         << Code(scheme.name(), "schemes") << " " << scheme.title() << " (" << Summary(scheme)
         << ")\n";
  return kExitOk;
}

// How a rule turns its evidence into points, in a line.
std::string RuleText(const json& rule) {
  std::string kind = Text(rule, "kind");
  std::string metric = Text(rule, "metric");
  if (kind == "manual") {
    return absl::StrCat("manual: the assessor gives ", Number(rule, "min"), " to ",
                        Number(rule, "max"));
  }
  if (kind == "target") {
    std::string text = absl::StrCat("target: full at ", metric, " = ", Number(rule, "target"),
                                    ", proportional below");
    if (const json& floor = Member(rule, "floor"); floor.is_number() && floor.get<double>() > 0) {
      absl::StrAppend(&text, ", 0 below ", floor.get<double>() * 100, "% of it");
    }
    return text;
  }
  if (kind == "per_event") {
    return absl::StrCat("per_event: ", Number(rule, "per_event"), " off per ", metric,
                        ", down to 0");
  }
  if (kind == "yes_no") return absl::StrCat("yes_no: full when ", metric, " > 0, else 0");
  if (kind == "bonus") {
    return absl::StrCat("bonus: ", Number(rule, "per_event"), " per ", metric,
                        ", up to the item's points");
  }
  return kind;
}

void AddTasks(Table& table, const std::string& aspect, const json& tasks) {
  if (!tasks.is_array()) return;
  for (const json& task : tasks) {
    table.AddRow({aspect, Text(task, "code"), Text(task, "name"), Number(task, "points"),
                  RuleText(Member(task, "rule"))});
  }
}

int PrintScheme(const Invocation& in, const assess::v1::Scheme& scheme, Io io) {
  if (in.Has("json")) {
    PrintJson(io.out, ToJson(scheme));
    return kExitOk;
  }
  json document = json::parse(scheme.document(), nullptr, /*allow_exceptions=*/false);
  io.out << Code(scheme.name(), "schemes") << " " << scheme.title() << ", for each "
         << scheme.target_kind() << ": " << Summary(scheme) << "\n";
  Table table({"ASPECT", "TASK", "NAME", "POINTS", "RULE"});
  if (Member(document, "aspects").is_array()) {
    for (const json& aspect : Member(document, "aspects")) {
      std::string code = Text(aspect, "code");
      table.AddRow(
          {code, "", Text(aspect, "name"), Number(aspect, "points"), "the sum of its tasks"});
      AddTasks(table, code, Member(aspect, "tasks"));
    }
    if (scheme.bonus_items() > 0) {
      table.AddRow({"bonus", "", "加分项", scheme.bonus_cap(), "the items together, at most"});
      AddTasks(table, "bonus", Member(document, "bonus"));
    }
  }
  io.out << table.Render();
  return kExitOk;
}

// CODE is KEY-vN (or schemes/KEY-vN), or KEY with --version N, or KEY alone for its newest
// version (from ListSchemes).
int ShowScheme(const Invocation& in, const Session& session, Io io) {
  std::string code = Code(in.words[2], "schemes");
  std::string name;
  if (in.Has("version")) {
    int version = 0;
    if (!absl::SimpleAtoi(in.Get("version"), &version) || version < 1) {
      return UsageError(io.err, "schemes show: --version takes a number, e.g. 2");
    }
    name = absl::StrCat("schemes/", code, "-v", version);
  } else if (int version = 0; code.rfind("-v") != std::string::npos &&
                              absl::SimpleAtoi(code.substr(code.rfind("-v") + 2), &version)) {
    name = Name(code, "schemes");
  } else {
    assess::v1::ListSchemesResponse all;
    grpc::Status status =
        assess::v1::AssessService::NewStub(session.channel)
            ->ListSchemes(NewCall(session).get(), assess::v1::ListSchemesRequest(), &all);
    if (!status.ok()) return Fail(io.err, FromGrpcStatus(status));
    int newest = 0;
    for (const auto& s : all.schemes()) {
      if (s.key() == code && s.version() > newest) newest = s.version();
    }
    if (newest == 0) {
      return Fail(io.err, NotFound("SCHEME_NOT_FOUND", absl::StrCat("no scheme has the key '", code,
                                                                    "' (schemes list)")));
    }
    name = absl::StrCat("schemes/", code, "-v", newest);
  }
  assess::v1::GetSchemeRequest request;
  request.set_name(name);
  return CallAndPrint(
      session, io, &Stub::GetScheme, request,
      [&](const assess::v1::Scheme& scheme) { return PrintScheme(in, scheme, io); });
}

int ListSchemes(const Invocation& in, const Session& session, Io io) {
  return CallAndPrint(
      session, io, &Stub::ListSchemes, assess::v1::ListSchemesRequest(),
      [&](const assess::v1::ListSchemesResponse& response) {
        return PrintList(
            in, io, "schemes", response.schemes(),
            {"SCHEME", "TITLE", "TARGET", "TOTAL", "BONUS CAP", "ASPECTS", "TASKS", "BONUS ITEMS"},
            [](const assess::v1::Scheme& s) {
              return std::vector<std::string>{Code(s.name(), "schemes"),
                                              s.title(),
                                              s.target_kind(),
                                              s.total(),
                                              s.bonus_cap(),
                                              absl::StrCat(s.aspects()),
                                              absl::StrCat(s.tasks()),
                                              absl::StrCat(s.bonus_items())};
            });
      });
}

// One page of runs, newest first; the next page's token follows the table.
int ListRuns(const Invocation& in, const Session& session, Io io) {
  assess::v1::ListRunsRequest request;
  int number = 0;
  if (in.Has("year")) {
    if (!absl::SimpleAtoi(in.Get("year"), &number)) {
      return UsageError(io.err, "assess run list: --year takes a year, e.g. 2021");
    }
    request.set_year(number);
  }
  int32_t page_size = 0;  // the service's default
  if (int usage = PageSizeFlag(in, io, "assess run list", &page_size)) return usage;
  request.set_page_size(page_size);
  if (in.Has("scheme")) request.set_scheme(Name(in.Get("scheme"), "schemes"));
  request.set_state(in.Get("state-filter"));  // --state is the state folder
  request.set_page_token(in.Get("page-token"));
  return CallAndPrint(session, io, &Stub::ListRuns, request,
                      [&](const assess::v1::ListRunsResponse& response) {
                        if (in.Has("json")) {
                          PrintJson(io.out, ToJson(response));
                          return kExitOk;
                        }
                        Table table({"RUN", "SCHEME", "PERIOD", "FROM", "TO", "STATE"});
                        for (const auto& run : response.runs()) {
                          table.AddRow({Code(run.name(), "runs"), Code(run.scheme(), "schemes"),
                                        run.period(), run.from(), run.to(), run.state()});
                        }
                        io.out << table.Render();
                        PrintNextPage(io.out, response.next_page_token());
                        return kExitOk;
                      });
}

// --from is a day, or a month (its first day); by default today.
int SetDueDay(const Invocation& in, const Session& session, Io io) {
  if (int usage = RequireFlags(in, io, "monthly-reports due-day", {"day"})) return usage;
  assess::v1::SetMonthlyReportDueDayRequest request;
  int day = 0;
  if (!absl::SimpleAtoi(in.Get("day"), &day)) {
    return UsageError(io.err, "monthly-reports due-day: --day takes a day of the month, 1 to 28");
  }
  std::string from = DateOrToday(in, "from");
  if (from.size() == 7) absl::StrAppend(&from, "-01");  // YYYY-MM
  request.mutable_rule()->set_due_day(day);
  request.mutable_rule()->set_effective_from(from);
  return CallAndPrint(
      session, io, &Stub::SetMonthlyReportDueDay, request, [&](const assess::v1::DueDayRule& rule) {
        if (in.Has("json")) {
          PrintJson(io.out, ToJson(rule));
          return kExitOk;
        }
        io.out << "monthly reports are due on day " << rule.due_day()
               << " of their month for months from " << rule.effective_from() << " on\n";
        return kExitOk;
      });
}

}  // namespace

CommandGroup SchemeCommands() {
  return {
      {
          {{"metrics", "list"}, 0, {"json"}, true, ListMetrics},
          {{"schemes", "validate"}, 1, {"json"}, true, SchemeFromFile},
          {{"schemes", "create"}, 1, {"json"}, true, SchemeFromFile},
          {{"schemes", "show"}, 1, {"json"}, true, ShowScheme, {"version"}},
          {{"schemes", "list"}, 0, {"json"}, true, ListSchemes},
          {{"assess", "run", "list"},
           0,
           {"json"},
           true,
           ListRuns,
           {"scheme", "year", "state-filter", "page-size", "page-token"}},
          {{"monthly-reports", "due-day"}, 0, {"json"}, true, SetDueDay, {"day", "from"}},
      },
      "  metrics list [--json]                  what a scheme's rules may read, and its meaning\n"
      "  schemes validate|create FILE.json [--json]\n"
      "                      a scheme in data/schemes/'s format: checked, or stored as its "
      "version\n"
      "  schemes show KEY[-vN] [--version N] [--json]   aspects, tasks, points and rules\n"
      "                      (KEY alone: its newest version)\n"
      "  schemes list [--json]\n"
      "  assess run list [--scheme KEY[-vN]] [--year Y] [--state-filter draft|final]\n"
      "                  [--page-size N] [--page-token T] [--json]   newest first\n"
      "  monthly-reports due-day --day N [--from YYYY-MM[-DD]] [--json]\n"
      "                      a new due-day rule for months from then on (default: today)\n"};
}

}  // namespace paizhu::cli
