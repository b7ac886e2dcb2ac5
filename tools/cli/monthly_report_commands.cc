// paizhu monthly-reports submit|import|status: a group's monthly report (一报告), a ledger
// of past reports, and which months were on time, late or missing.

#include <fstream>
#include <sstream>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "common/status/grpc_status.h"
#include "common/status/status.h"
#include "paizhu/assess/v1/assess.grpc.pb.h"
#include "tools/cli/commands.h"
#include "tools/cli/csv.h"
#include "tools/cli/subcommands.h"
#include "tools/cli/table.h"

namespace paizhu::cli {
namespace {

using assess::v1::AssessService;

int MonthlySubmit(const Invocation& in, const Session& session, Io io) {
  if (!in.Has("group") || !in.Has("month")) {
    return UsageError(io.err, "monthly-reports submit: --group G and --month YYYY-MM are required");
  }
  assess::v1::SubmitMonthlyReportRequest request;
  assess::v1::MonthlyReport* report = request.mutable_report();
  report->set_group(Name(in.Get("group"), "units"));
  report->set_month(in.Get("month"));
  report->set_submitted_on(in.Get("submitted-on"));
  report->set_summary(in.Get("summary"));
  request.set_request_id(NewRequestId());
  assess::v1::MonthlyReport stored;
  grpc::Status status = AssessService::NewStub(session.channel)
                            ->SubmitMonthlyReport(NewCall(session).get(), request, &stored);
  if (!status.ok()) return Fail(io.err, FromGrpcStatus(status));
  if (in.Has("json")) {
    PrintJson(io.out, ToJson(stored));
    return kExitOk;
  }
  io.out << Code(stored.group(), "units") << " " << stored.month() << ": submitted on "
         << stored.submitted_on() << "\n";
  return kExitOk;
}

// A file `group,month,submitted_on,summary` (UTF-8 CSV) in one ImportMonthlyReports call:
// every bad row with its line; nothing changes unless all rows are good.
int MonthlyImport(const Invocation& in, const Session& session, Io io) {
  const std::string& path = in.words[2];
  std::ifstream file(path, std::ios::binary);
  if (!file) {
    return Fail(io.err,
                FailedPrecondition("FILE_NOT_READABLE", absl::StrCat("cannot read ", path)));
  }
  std::stringstream text;
  text << file.rdbuf();
  absl::StatusOr<CsvFile> csv = ParseCsv(text.str());
  if (!csv.ok()) return Fail(io.err, csv.status());
  const std::vector<std::string> columns = {"group", "month", "submitted_on", "summary"};
  if (csv->header.cells != columns) {
    return Fail(io.err, InvalidArgument(
                            "header", "BAD_HEADER",
                            absl::StrCat("line 1: the header is ", absl::StrJoin(columns, ","))));
  }
  assess::v1::ImportMonthlyReportsRequest request;
  for (const CsvRecord& record : csv->records) {
    if (record.cells.size() != columns.size()) {
      return Fail(io.err, InvalidArgument("file", "WRONG_COLUMN_COUNT",
                                          absl::StrCat("line ", record.line, ": ", columns.size(),
                                                       " columns expected")));
    }
    assess::v1::MonthlyReportRow* row = request.add_rows();
    row->set_line(record.line);
    row->set_group(record.cells[0]);
    row->set_month(record.cells[1]);
    row->set_submitted_on(record.cells[2]);
    row->set_summary(record.cells[3]);
  }
  request.mutable_options()->set_validate_only(in.Has("check"));
  request.mutable_options()->set_request_id(NewRequestId());
  paizhu::common::v1::ImportResult result;
  grpc::Status status =
      AssessService::NewStub(session.channel)
          ->ImportMonthlyReports(NewCall(session, kBulkCallTimeout).get(), request, &result);
  if (!status.ok()) return Fail(io.err, FromGrpcStatus(status));
  if (in.Has("json")) {
    PrintJson(io.out, ToJson(result));
  } else {
    for (const auto& e : result.errors()) {
      io.out << path << ":" << e.line() << ": " << e.field() << ": " << e.reason() << ": "
             << e.message() << "\n";
    }
    io.out << "monthly reports: " << result.imported() << " of " << result.rows()
           << " rows imported\n";
  }
  return result.errors().empty() ? kExitOk : kExitFailed;
}

int MonthlyStatus(const Invocation& in, const Session& session, Io io) {
  if (!in.Has("group") || !in.Has("from") || !in.Has("to")) {
    return UsageError(io.err,
                      "monthly-reports status: --group G --from YYYY-MM --to YYYY-MM are required");
  }
  assess::v1::GetMonthlyReportStatesRequest request;
  request.set_group(Name(in.Get("group"), "units"));
  request.set_from_month(in.Get("from"));
  request.set_to_month(in.Get("to"));
  request.set_as_of(in.Get("as-of"));
  assess::v1::MonthlyReportStates states;
  grpc::Status status = AssessService::NewStub(session.channel)
                            ->GetMonthlyReportStates(NewCall(session).get(), request, &states);
  if (!status.ok()) return Fail(io.err, FromGrpcStatus(status));
  if (in.Has("json")) {
    PrintJson(io.out, ToJson(states));
    return kExitOk;
  }
  Table table({"MONTH", "DUE", "STATE", "SUBMITTED"});
  for (const auto& m : states.months()) {
    table.AddRow({m.month(), m.due_on(), m.state(), m.submitted_on()});
  }
  io.out << table.Render() << Code(states.group(), "units") << ": " << states.on_time()
         << " on time, " << states.late() << " late, " << states.missing() << " missing\n";
  return kExitOk;
}

}  // namespace

CommandGroup MonthlyReportCommands() {
  return {{
              {{"monthly-reports", "submit"},
               0,
               {"json"},
               true,
               MonthlySubmit,
               {"group", "month", "submitted-on", "summary"}},
              {{"monthly-reports", "import"}, 1, {"check", "json"}, true, MonthlyImport},
              {{"monthly-reports", "status"},
               0,
               {"json"},
               true,
               MonthlyStatus,
               {"group", "from", "to", "as-of"}},
          },
          "  monthly-reports submit --group G --month YYYY-MM [--submitted-on D] [--summary T]\n"
          "  monthly-reports import FILE.csv [--check] [--json]\n"
          "                      past reports: group,month,submitted_on,summary\n"
          "  monthly-reports status --group G --from YYYY-MM --to YYYY-MM [--as-of D] [--json]\n"};
}

}  // namespace paizhu::cli
