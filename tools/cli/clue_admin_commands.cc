// paizhu clues timeline|stats, deadlines compute, calendar load, audit
// verify|checkpoint|verify-checkpoints: the clue service's reading, counting and upkeep
// RPCs that are not a step of a clue.

#include <algorithm>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_replace.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "absl/time/time.h"
#include "common/status/grpc_status.h"
#include "common/status/status.h"
#include "common/time/civil_date.h"
#include "paizhu/clue/v1/clue.grpc.pb.h"
#include "tools/cli/commands.h"
#include "tools/cli/csv.h"
#include "tools/cli/subcommands.h"
#include "tools/cli/table.h"

namespace paizhu::cli {
namespace {

using Stub = clue::v1::ClueService::Stub;

// Unit and people names in facts ("units/G01;units/G02") read as their codes.
std::string Codes(absl::string_view text) {
  return absl::StrReplaceAll(text, {{"units/", ""}, {"people/", ""}, {"clues/", ""}});
}

// "people/P015" -> "P015"; services keep their "service:assess".
std::string ActorCode(const std::string& actor) { return Code(actor, "people"); }

// An audit time (RFC 3339, UTC) as China's wall clock, the time its users keep.
std::string ChinaTime(const std::string& rfc3339) {
  absl::Time time;
  std::string error;
  if (!absl::ParseTime(absl::RFC3339_full, rfc3339, &time, &error)) return rfc3339;
  return absl::FormatTime("%Y-%m-%d %H:%M:%S", time, absl::FixedTimeZone(8 * 3600));
}

// ---- clues timeline ----

// One row per fact a step changed; the step's own cells on its first row only.
void AddEvent(const clue::v1::ClueEvent& e, Table& table) {
  std::vector<std::string> step = {absl::StrCat(e.seq()), ChinaTime(e.time()), ActorCode(e.actor()),
                                   Code(e.acting_unit(), "units"), e.action()};
  std::vector<std::pair<std::string, std::string>> changes;
  for (const auto& f : e.facts()) {
    std::string change = Codes(f.value());
    if (!f.previous().empty()) change = absl::StrCat(Codes(f.previous()), " → ", change);
    changes.emplace_back(f.field(), change);
  }
  if (e.reporter_masked()) changes.emplace_back("reporter", "(withheld)");
  if (changes.empty()) changes.emplace_back("", "");
  for (size_t i = 0; i < changes.size(); ++i) {
    std::vector<std::string> row = i == 0 ? step : std::vector<std::string>(step.size());
    row.push_back(changes[i].first);
    row.push_back(changes[i].second);
    table.AddRow(row);
  }
}

int Timeline(const Invocation& in, const Session& session, Io io) {
  clue::v1::ListClueEventsRequest request;
  request.set_clue(Name(in.words[2], "clues"));
  int32_t page_size = 0;  // the service's default
  if (int usage = PageSizeFlag(in, io, "clues timeline", &page_size)) return usage;
  request.set_page_size(page_size);
  request.set_page_token(in.Get("page-token"));
  request.set_include_reads(in.Has("reads"));
  return CallAndPrint(
      session, io, &Stub::ListClueEvents, request,
      [&](const clue::v1::ListClueEventsResponse& page) {
        if (in.Has("json")) {
          PrintJson(io.out, ToJson(page));
          return kExitOk;
        }
        Table table({"SEQ", "TIME (UTC+8)", "ACTOR", "FOR", "ACTION", "FACT", "OLD → NEW"});
        for (const auto& e : page.events()) AddEvent(e, table);
        io.out << table.Render();
        PrintNextPage(io.out, page.next_page_token());
        return kExitOk;
      });
}

// ---- clues stats ----

// Every figure of ClueFigures as (label, value): maps as label.key.
std::map<std::string, int64_t> FigureValues(const clue::v1::ClueFigures& figures) {
  std::map<std::string, int64_t> values;
  const auto* descriptor = figures.GetDescriptor();
  const auto* reflection = figures.GetReflection();
  for (int i = 0; i < descriptor->field_count(); ++i) {
    const auto* field = descriptor->field(i);
    if (!field->is_map()) {
      values[field->name()] = reflection->GetInt64(figures, field);
      continue;
    }
    for (int k = 0; k < reflection->FieldSize(figures, field); ++k) {
      const auto& entry = reflection->GetRepeatedMessage(figures, field, k);
      const auto* key = entry.GetDescriptor()->map_key();
      const auto* value = entry.GetDescriptor()->map_value();
      values[absl::StrCat(field->name(), ".", entry.GetReflection()->GetString(entry, key))] =
          entry.GetReflection()->GetInt64(entry, value);
    }
  }
  return values;
}

// The figures' labels in the proto's order, each map's keys (over every column) after it.
std::vector<std::string> FigureLabels(const std::vector<std::map<std::string, int64_t>>& columns) {
  std::vector<std::string> labels;
  const auto* descriptor = clue::v1::ClueFigures::descriptor();
  for (int i = 0; i < descriptor->field_count(); ++i) {
    const auto* field = descriptor->field(i);
    if (!field->is_map()) {
      labels.push_back(field->name());
      continue;
    }
    std::set<std::string> keys;
    std::string prefix = absl::StrCat(field->name(), ".");
    for (const auto& column : columns) {
      for (const auto& [label, value] : column) {
        if (absl::StartsWith(label, prefix)) keys.insert(label);
      }
    }
    labels.insert(labels.end(), keys.begin(), keys.end());
  }
  return labels;
}

int Stats(const Invocation& in, const Session& session, Io io) {
  clue::v1::GetClueStatisticsRequest request;
  auto [from, to] = PeriodOrThisYear(in);
  request.set_from(from);
  request.set_to(to);
  for (absl::string_view unit : absl::StrSplit(in.Get("units"), ';', absl::SkipWhitespace())) {
    request.add_units(Name(std::string(absl::StripAsciiWhitespace(unit)), "units"));
  }
  return CallAndPrint(
      session, io, &Stub::GetClueStatistics, request, [&](const clue::v1::ClueStatistics& s) {
        if (in.Has("json")) {
          PrintJson(io.out, ToJson(s));
          return kExitOk;
        }
        std::vector<std::string> header = {"FIGURE", "TOTAL"};
        std::vector<std::map<std::string, int64_t>> columns = {FigureValues(s.totals())};
        for (const auto& unit : s.units()) {
          header.push_back(Code(unit.unit(), "units"));
          columns.push_back(FigureValues(unit.figures()));
        }
        Table table(header);
        for (const std::string& label : FigureLabels(columns)) {
          std::vector<std::string> row = {label};
          for (const auto& column : columns) {
            auto it = column.find(label);
            row.push_back(absl::StrCat(it == column.end() ? 0 : it->second));
          }
          table.AddRow(row);
        }
        io.out << "clues " << s.from() << ".." << s.to() << " (what you may see)\n"
               << table.Render();
        return kExitOk;
      });
}

// ---- deadlines compute ----

struct DurationFlag {
  const char* flag;
  clue::v1::DurationUnit unit;
  const char* words;
};
constexpr DurationFlag kDurationFlags[] = {
    {"working-days", clue::v1::WORKING_DAYS, "working days"},
    {"calendar-days", clue::v1::CALENDAR_DAYS, "calendar days"},
    {"months", clue::v1::MONTHS, "months"},
};

int Compute(const Invocation& in, const Session& session, Io io) {
  const DurationFlag* duration = nullptr;
  for (const DurationFlag& d : kDurationFlags) {
    if (!in.Has(d.flag)) continue;
    if (duration != nullptr) {
      return UsageError(io.err,
                        "deadlines compute: one of --working-days, --calendar-days, "
                        "--months");
    }
    duration = &d;
  }
  if (duration == nullptr) {
    return UsageError(io.err,
                      "deadlines compute: --working-days N, --calendar-days N or --months N");
  }
  int amount = 0;
  if (!absl::SimpleAtoi(in.Get(duration->flag), &amount)) {
    return UsageError(
        io.err, absl::StrCat("deadlines compute: --", duration->flag, " takes a whole number"));
  }
  clue::v1::ComputeDeadlineRequest request;
  request.set_start_date(DateOrToday(in, "from"));
  request.set_amount(amount);
  request.set_unit(duration->unit);
  return CallAndPrint(
      session, io, &Stub::ComputeDeadline, request, [&](const clue::v1::Deadline& d) {
        if (in.Has("json")) {
          PrintJson(io.out, ToJson(d));
          return kExitOk;
        }
        io.out << request.start_date() << " + " << amount << " " << duration->words << ": due "
               << d.due_date() << "\n  days off skipped: " << d.days_off_skipped()
               << ", make-up workdays counted: " << d.makeup_workdays_counted() << "\n";
        for (const auto& step : d.explanation()) io.out << "  " << step << "\n";
        return kExitOk;
      });
}

// ---- calendar load ----

// A calendar file as data/calendars/cn-calendar.csv keeps it: `date,kind,name`, kind
// holiday or workday. Only the rows of `year` are sent (the shipped file holds several
// years); the lines they came from, for the service's refusals of days[i].
struct CalendarFile {
  clue::v1::LoadCalendarYearRequest request;
  std::vector<int> lines;
  int other_years = 0;
};

absl::StatusOr<CalendarFile> ReadCalendar(const std::string& path, int year) {
  std::ifstream file(path, std::ios::binary);
  if (!file) return FailedPrecondition("FILE_NOT_READABLE", absl::StrCat("cannot read ", path));
  std::stringstream text;
  text << file.rdbuf();
  absl::StatusOr<CsvFile> csv = ParseCsv(text.str());
  if (!csv.ok()) return csv.status();
  const std::vector<std::string> columns = {"date", "kind", "name"};
  if (csv->header.cells != columns) {
    return InvalidArgument("header", "BAD_HEADER",
                           absl::StrCat("line 1: the header is ", absl::StrJoin(columns, ",")));
  }
  CalendarFile calendar;
  calendar.request.set_year(year);
  for (const CsvRecord& record : csv->records) {
    if (record.cells.size() != columns.size()) {
      return InvalidArgument(
          "file", "WRONG_COLUMN_COUNT",
          absl::StrCat("line ", record.line, ": ", columns.size(), " columns expected"));
    }
    absl::StatusOr<absl::CivilDay> day = ParseDate(record.cells[0], "date");
    if (!day.ok()) {
      return InvalidArgument(
          "date", "INVALID_DATE",
          absl::StrCat("line ", record.line, ": date is YYYY-MM-DD, not '", record.cells[0], "'"));
    }
    if (day->year() != year) {
      ++calendar.other_years;
      continue;
    }
    clue::v1::CalendarDay* d = calendar.request.add_days();
    d->set_date(record.cells[0]);
    d->set_kind(record.cells[1]);
    d->set_name(record.cells[2]);
    calendar.lines.push_back(record.line);
  }
  if (calendar.request.days_size() == 0) {
    // Loading nothing would replace the year with weekends only: a wrong year, surely.
    return InvalidArgument("file", "NO_DAYS_IN_YEAR", absl::StrCat(path, " has no days of ", year));
  }
  return calendar;
}

int CalendarLoad(const Invocation& in, const Session& session, Io io) {
  int year = 0;
  if (!absl::SimpleAtoi(in.words[2], &year)) {
    return UsageError(io.err, "calendar load: YEAR is a year, e.g. 2027");
  }
  const std::string& path = in.words[3];
  absl::StatusOr<CalendarFile> calendar = ReadCalendar(path, year);
  if (!calendar.ok()) return Fail(io.err, calendar.status());
  clue::v1::LoadCalendarYearResponse loaded;
  grpc::Status status = clue::v1::ClueService::NewStub(session.channel)
                            ->LoadCalendarYear(NewCall(session).get(), calendar->request, &loaded);
  if (!status.ok()) {
    absl::Status refused = FromGrpcStatus(status);
    int exit = Fail(io.err, refused);
    // days[i].kind -> the file's line of that day.
    size_t index = 0;
    std::string error_field = ErrorField(refused);
    absl::string_view field = error_field;
    if (absl::ConsumePrefix(&field, "days[") &&
        absl::SimpleAtoi(field.substr(0, field.find(']')), &index) &&
        index < calendar->lines.size()) {
      io.err << "  (" << path << " line " << calendar->lines[index] << ")\n";
    }
    return exit;
  }
  if (in.Has("json")) {
    PrintJson(io.out, ToJson(loaded));
    return kExitOk;
  }
  int workdays = 0;
  for (const auto& d : calendar->request.days()) workdays += d.kind() == "workday";
  io.out << "calendar " << loaded.year() << " loaded: " << loaded.days() << " days ("
         << loaded.days() - workdays << " holidays, " << workdays << " make-up workdays); "
         << loaded.due_dates_recomputed() << " provisional due dates recomputed\n";
  if (calendar->other_years > 0) {
    io.out << "  " << calendar->other_years << " row(s) of other years in " << path
           << " left out\n";
  }
  return kExitOk;
}

// ---- audit ----

// A verification: intact, or where it breaks. Exit 1 when it does not verify, so a
// script notices.
auto PrintVerification(const Invocation& in, Io io, const std::string& what) {
  return [&in, io, what](const clue::v1::AuditVerification& v) {
    if (in.Has("json")) {
      PrintJson(io.out, ToJson(v));
    } else if (v.intact()) {
      io.out << what << ": intact, " << v.entries() << " entries checked\n";
    } else {
      io.out << what << ": BROKEN at entry " << v.first_broken_seq() << " (" << v.entries()
             << " entries checked): " << v.problem() << "\n";
    }
    return v.intact() ? kExitOk : kExitFailed;
  };
}

int AuditVerify(const Invocation& in, const Session& session, Io io) {
  clue::v1::VerifyAuditChainRequest request;
  request.set_clue(Name(in.words[2], "clues"));
  return CallAndPrint(
      session, io, &Stub::VerifyAuditChain, request,
      PrintVerification(in, io, absl::StrCat(Code(request.clue(), "clues"), "'s audit chain")));
}

int AuditCheckpoint(const Invocation& in, const Session& session, Io io) {
  return CallAndPrint(
      session, io, &Stub::CheckpointAuditHeads, clue::v1::CheckpointAuditHeadsRequest(),
      [&](const clue::v1::AuditCheckpoint& c) {
        if (in.Has("json")) {
          PrintJson(io.out, ToJson(c));
          return kExitOk;
        }
        io.out << "checkpoint " << c.id() << " taken " << ChinaTime(c.taken_at())
               << " (UTC+8): " << c.heads() << " audit heads, digest " << c.digest() << "\n";
        return kExitOk;
      });
}

int AuditVerifyCheckpoints(const Invocation& in, const Session& session, Io io) {
  return CallAndPrint(session, io, &Stub::VerifyAuditCheckpoints,
                      clue::v1::VerifyAuditCheckpointsRequest(),
                      PrintVerification(in, io, "the audit checkpoints"));
}

}  // namespace

CommandGroup ClueAdminCommands() {
  return {{
              {{"clues", "timeline"},
               1,
               {"reads", "json"},
               true,
               Timeline,
               {"page-size", "page-token"}},
              {{"clues", "stats"}, 0, {"json"}, true, Stats, {"from", "to", "units"}},
              {{"deadlines", "compute"},
               0,
               {"json"},
               true,
               Compute,
               {"from", "working-days", "calendar-days", "months"}},
              {{"calendar", "load"}, 2, {"json"}, true, CalendarLoad},
              {{"audit", "verify"}, 1, {"json"}, true, AuditVerify},
              {{"audit", "checkpoint"}, 0, {"json"}, true, AuditCheckpoint},
              {{"audit", "verify-checkpoints"}, 0, {"json"}, true, AuditVerifyCheckpoints},
          },
          "  clues timeline NUMBER [--page-size N] [--page-token T] [--reads] [--json]\n"
          "                                           who did what when, oldest first\n"
          "  clues stats [--from D] [--to D] [--units U1;U2] [--json]\n"
          "                                           the clue figures (default: this year)\n"
          "  deadlines compute [--from D] --working-days N | --calendar-days N | --months N\n"
          "                                           a time limit on the working-day calendar\n"
          "  calendar load YEAR FILE.csv [--json]     a year's holidays and make-up workdays\n"
          "                                           (date,kind,name as data/calendars/)\n"
          "  audit verify NUMBER [--json]             a clue's audit chain (exit 1: broken)\n"
          "  audit checkpoint [--json]                sign every clue's audit head now\n"
          "  audit verify-checkpoints [--json]        the checkpoints still hold (exit 1: not)\n"};
}

}  // namespace paizhu::cli
