// paizhu assess run create|show|recompute|finalise|export and assess adjust|sheet|explain:
// an assessment run (考核) of a scheme version over a period, its ranking and score sheets.

#include <fstream>
#include <sstream>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "common/status/grpc_status.h"
#include "common/status/status.h"
#include "paizhu/assess/v1/assess.grpc.pb.h"
#include "tools/cli/commands.h"
#include "tools/cli/csv.h"
#include "tools/cli/progress.h"
#include "tools/cli/subcommands.h"
#include "tools/cli/table.h"

namespace paizhu::cli {
namespace {

using assess::v1::AssessService;

int PrintRun(const Invocation& in, const assess::v1::Run& run, Io io) {
  if (in.Has("json")) {
    PrintJson(io.out, ToJson(run));
    return kExitOk;
  }
  io.out << run.name() << ": " << Code(run.scheme(), "schemes") << " over " << run.period() << " ("
         << run.from() << ".." << run.to() << "), " << run.state() << "\n";
  Table table({"RANK", "TARGET", "TOTAL", "GRADE", "COMPLETE"});
  for (const auto& t : run.ranking()) {
    table.AddRow({absl::StrCat(t.rank()), Code(t.target(), "units"), t.total(), t.grade(),
                  t.complete() ? "yes" : "awaiting assessor"});
  }
  io.out << table.Render();
  return kExitOk;
}

int RunCreate(const Invocation& in, const Session& session, Io io) {
  if (!in.Has("scheme") || !in.Has("period")) {
    return UsageError(io.err, "assess run create: --scheme KEY-vN and --period P are required");
  }
  assess::v1::CreateRunRequest request;
  request.set_scheme(Name(in.Get("scheme"), "schemes"));
  request.set_period(in.Get("period"));
  for (absl::string_view target : absl::StrSplit(in.Get("targets"), ';', absl::SkipWhitespace())) {
    request.add_targets(Name(std::string(absl::StripAsciiWhitespace(target)), "units"));
  }
  request.set_request_id(NewRequestId());
  assess::v1::Run run;
  grpc::Status status = AssessService::NewStub(session.channel)
                            ->CreateRun(NewCall(session, kBulkCallTimeout).get(), request, &run);
  if (!status.ok()) return Fail(io.err, FromGrpcStatus(status));
  return PrintRun(in, run, io);
}

// show, recompute and finalise name the run alone.
int RunStep(const Invocation& in, const Session& session, Io io) {
  assess::v1::GetRunRequest request;
  request.set_name(Name(in.words[3], "runs"));
  auto stub = AssessService::NewStub(session.channel);
  auto ctx = NewCall(session, kBulkCallTimeout);
  const std::string& step = in.words[2];
  assess::v1::Run run;
  grpc::Status status = step == "recompute"  ? stub->RecomputeRun(ctx.get(), request, &run)
                        : step == "finalise" ? stub->FinaliseRun(ctx.get(), request, &run)
                                             : stub->GetRun(ctx.get(), request, &run);
  if (!status.ok()) return Fail(io.err, FromGrpcStatus(status));
  return PrintRun(in, run, io);
}

int RunExport(const Invocation& in, const Session& session, Io io) {
  if (in.Has("xlsx") == in.Has("csv")) {
    return UsageError(io.err, "assess run export: one of --xlsx FILE or --csv FILE");
  }
  std::string path = in.Has("xlsx") ? in.Get("xlsx") : in.Get("csv");
  assess::v1::ExportRunRequest request;
  request.set_name(Name(in.words[3], "runs"));
  request.set_format(in.Has("xlsx") ? "xlsx" : "csv");
  assess::v1::ExportedFile file;
  grpc::Status status = AssessService::NewStub(session.channel)
                            ->ExportRun(NewCall(session, kBulkCallTimeout).get(), request, &file);
  if (!status.ok()) return Fail(io.err, FromGrpcStatus(status));
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(file.content().data(), static_cast<std::streamsize>(file.content().size()));
  out.close();
  if (!out) {
    return Fail(io.err,
                FailedPrecondition("FILE_NOT_WRITTEN", absl::StrCat("cannot write ", path)));
  }
  io.out << "wrote " << path << " (" << file.content().size() << " bytes, " << file.content_type()
         << ")\n";
  return kExitOk;
}

int PrintSheet(const Invocation& in, const assess::v1::ScoreSheet& sheet, Io io) {
  if (in.Has("json")) {
    PrintJson(io.out, ToJson(sheet));
    return kExitOk;
  }
  io.out << Code(sheet.target(), "units") << " in " << sheet.run() << " (" << sheet.state()
         << "): total " << sheet.total() << " = base " << sheet.base() << " + bonus "
         << sheet.bonus() << ", grade " << sheet.grade() << ", rank " << sheet.rank()
         << (sheet.complete() ? "" : ", awaiting the assessor") << "\n";
  Table table({"TASK", "NAME", "FULL", "VALUE", "POINTS", "WORKING"});
  for (const auto& line : sheet.lines()) {
    std::string working = line.awaiting_assessor() ? "awaiting assessor" : line.working();
    if (!line.adjusted_by().empty()) {
      absl::StrAppend(&working, " [adjusted by ", Code(line.adjusted_by(), "people"), ": ",
                      line.justification(), "]");
    }
    table.AddRow({line.task(), line.task_name(), line.full_points(),
                  line.has_value() ? absl::StrCat(line.value()) : "", line.points(), working});
  }
  io.out << table.Render();
  return kExitOk;
}

int AssessSheet(const Invocation& in, const Session& session, Io io) {
  assess::v1::GetScoreSheetRequest request;
  request.set_run(Name(in.words[2], "runs"));
  request.set_target(Name(in.words[3], "units"));
  assess::v1::ScoreSheet sheet;
  grpc::Status status = AssessService::NewStub(session.channel)
                            ->GetScoreSheet(NewCall(session).get(), request, &sheet);
  if (!status.ok()) return Fail(io.err, FromGrpcStatus(status));
  return PrintSheet(in, sheet, io);
}

int AssessAdjust(const Invocation& in, const Session& session, Io io) {
  if (!in.Has("points") || !in.Has("justification")) {
    return UsageError(io.err, "assess adjust: --points P and --justification TEXT are required");
  }
  assess::v1::AdjustTaskRequest request;
  request.set_run(Name(in.words[2], "runs"));
  request.set_target(Name(in.words[3], "units"));
  request.set_task(in.words[4]);
  request.set_points(in.Get("points"));
  request.set_justification(in.Get("justification"));
  assess::v1::ScoreSheet sheet;
  grpc::Status status =
      AssessService::NewStub(session.channel)->AdjustTask(NewCall(session).get(), request, &sheet);
  if (!status.ok()) return Fail(io.err, FromGrpcStatus(status));
  if (in.Has("json")) return PrintSheet(in, sheet, io);
  for (const auto& line : sheet.lines()) {
    if (line.task() == request.task()) {
      io.out << Code(sheet.target(), "units") << " " << line.task() << ": " << line.points()
             << " of " << line.full_points() << "; total " << sheet.total() << "\n";
    }
  }
  return kExitOk;
}

// The assessor's sheet `target,task,points,justification` (UTF-8 CSV): one adjustment per
// row, each audited on its own; a refused row is printed with its line and the others go on.
int AssessScore(const Invocation& in, const Session& session, Io io) {
  const std::string& path = in.words[3];
  std::ifstream file(path, std::ios::binary);
  if (!file) {
    return Fail(io.err,
                FailedPrecondition("FILE_NOT_READABLE", absl::StrCat("cannot read ", path)));
  }
  std::stringstream text;
  text << file.rdbuf();
  absl::StatusOr<CsvFile> csv = ParseCsv(text.str());
  if (!csv.ok()) return Fail(io.err, csv.status());
  const std::vector<std::string> columns = {"target", "task", "points", "justification"};
  if (csv->header.cells != columns) {
    return Fail(io.err, InvalidArgument(
                            "header", "BAD_HEADER",
                            absl::StrCat("line 1: the header is ", absl::StrJoin(columns, ","))));
  }
  auto stub = AssessService::NewStub(session.channel);
  Progress progress(io.err, StderrIsTerminal(), "scoring");
  int scored = 0, refused = 0;
  for (const CsvRecord& record : csv->records) {
    progress.Update(scored + refused, csv->records.size());
    if (record.cells.size() != columns.size()) {
      io.out << path << ":" << record.line << ": WRONG_COLUMN_COUNT\n";
      ++refused;
      continue;
    }
    assess::v1::AdjustTaskRequest request;
    request.set_run(Name(in.words[2], "runs"));
    request.set_target(Name(record.cells[0], "units"));
    request.set_task(record.cells[1]);
    request.set_points(record.cells[2]);
    request.set_justification(record.cells[3]);
    assess::v1::ScoreSheet sheet;
    grpc::Status status = stub->AdjustTask(NewCall(session).get(), request, &sheet);
    if (status.ok()) {
      ++scored;
      continue;
    }
    absl::Status failed = FromGrpcStatus(status);
    io.out << path << ":" << record.line << ": " << ErrorField(failed) << ": "
           << ErrorReason(failed) << ": " << failed.message() << "\n";
    ++refused;
  }
  progress.Done();
  io.out << "scores: " << scored << " of " << csv->records.size() << " rows adjusted\n";
  return refused == 0 ? kExitOk : kExitFailed;
}

int AssessExplain(const Invocation& in, const Session& session, Io io) {
  assess::v1::GetScoreSheetRequest request;
  request.set_run(Name(in.words[2], "runs"));
  request.set_target(Name(in.words[3], "units"));
  assess::v1::Explanation explanation;
  grpc::Status status = AssessService::NewStub(session.channel)
                            ->ExplainScore(NewCall(session).get(), request, &explanation);
  if (!status.ok()) return Fail(io.err, FromGrpcStatus(status));
  if (in.Has("json")) {
    PrintJson(io.out, ToJson(explanation));
    return kExitOk;
  }
  Table table({"POINTS", "WHY"});
  for (const auto& line : explanation.lines()) table.AddRow({line.points(), line.label()});
  table.AddRow({explanation.total(), "total"});
  io.out << table.Render();
  return kExitOk;
}

}  // namespace

CommandGroup AssessCommands() {
  return {{
              {{"assess", "run", "create"},
               0,
               {"json"},
               true,
               RunCreate,
               {"scheme", "period", "targets"}},
              {{"assess", "run", "show"}, 1, {"json"}, true, RunStep},
              {{"assess", "run", "recompute"}, 1, {"json"}, true, RunStep},
              {{"assess", "run", "finalise"}, 1, {"json"}, true, RunStep},
              {{"assess", "run", "export"}, 1, {}, true, RunExport, {"xlsx", "csv"}},
              {{"assess", "adjust"}, 3, {"json"}, true, AssessAdjust, {"points", "justification"}},
              {{"assess", "score"}, 2, {}, true, AssessScore},
              {{"assess", "sheet"}, 2, {"json"}, true, AssessSheet},
              {{"assess", "explain"}, 2, {"json"}, true, AssessExplain},
          },
          "  assess run create --scheme KEY-vN --period 2021|2021-H1|2021-Q3|2021-03\n"
          "                    [--targets G01;G02] [--json]   a draft run and its ranking\n"
          "  assess run show|recompute|finalise RUN [--json]\n"
          "  assess run export RUN --xlsx FILE | --csv FILE\n"
          "  assess adjust RUN TARGET TASK --points P --justification TEXT\n"
          "  assess score RUN FILE.csv              the sheet target,task,points,justification\n"
          "  assess sheet RUN TARGET [--json]        every task's value, points and working\n"
          "  assess explain RUN TARGET [--json]      the lines that add up to the total\n"};
}

}  // namespace paizhu::cli
