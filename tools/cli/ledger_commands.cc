// paizhu import / export: ledger files (CONTRACTS.md formats) to and from their owners'
// Import<Kind> and Export<Kind> RPCs. The CSV is read and checked here (ledger_format.h);
// the rows go out as the row messages, whose fields are named like the columns, so one
// reflective copy serves every kind.

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <functional>
#include <map>
#include <sstream>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "common/status/grpc_status.h"
#include "common/status/status.h"
#include "google/protobuf/descriptor.h"
#include "paizhu/assess/v1/assess.grpc.pb.h"
#include "paizhu/clue/v1/clue.grpc.pb.h"
#include "paizhu/common/v1/import.pb.h"
#include "paizhu/org/v1/org.grpc.pb.h"
#include "tools/cli/commands.h"
#include "tools/cli/ledger_format.h"
#include "tools/cli/progress.h"
#include "tools/cli/subcommands.h"
#include "tools/cli/table.h"
#include "tools/cli/xlsx_sheet.h"

namespace paizhu::cli {
namespace {

using google::protobuf::FieldDescriptor;
using google::protobuf::Message;
using paizhu::common::v1::ImportResult;

using Rows = std::vector<std::vector<std::string>>;

// Sends a filled Import<Kind>Request.
using ImportCall = std::function<grpc::Status(const Session&, grpc::ClientContext*, const Message&,
                                              ImportResult*)>;
// One page of an export: rows (cells in the format's order) after `page_token`.
using ExportCall = std::function<grpc::Status(const LedgerFormat&, const Session&,
                                              grpc::ClientContext*, const std::string& page_token,
                                              Rows* rows, std::string* next_page_token)>;

struct KindRpcs {
  std::function<std::unique_ptr<Message>()> new_request;
  ImportCall import;
  ExportCall export_page;
};

// A row message's fields named like the format's columns, as text.
std::vector<std::string> CellsOf(const LedgerFormat& format, const Message& row) {
  std::vector<std::string> cells;
  const auto* descriptor = row.GetDescriptor();
  const auto* reflection = row.GetReflection();
  for (const auto& column : format.columns) {
    const FieldDescriptor* field = descriptor->FindFieldByName(column.name);
    if (field == nullptr) {
      cells.emplace_back();
    } else if (field->cpp_type() == FieldDescriptor::CPPTYPE_STRING) {
      cells.push_back(reflection->GetString(row, field));
    } else if (field->cpp_type() == FieldDescriptor::CPPTYPE_INT32) {
      cells.push_back(absl::StrCat(reflection->GetInt32(row, field)));
    } else {
      cells.emplace_back();
    }
  }
  return cells;
}

template <typename Service, typename Request>
KindRpcs Rpcs(grpc::Status (Service::Stub::*import)(grpc::ClientContext*, const Request&,
                                                    ImportResult*)) {
  KindRpcs rpcs;
  rpcs.new_request = [] { return std::make_unique<Request>(); };
  rpcs.import = [import](const Session& session, grpc::ClientContext* ctx, const Message& request,
                         ImportResult* result) {
    auto stub = Service::NewStub(session.channel);
    return ((*stub).*import)(ctx, static_cast<const Request&>(request), result);
  };
  return rpcs;
}

template <typename Service, typename Request, typename ExportRequest, typename Response>
KindRpcs Rpcs(grpc::Status (Service::Stub::*import)(grpc::ClientContext*, const Request&,
                                                    ImportResult*),
              grpc::Status (Service::Stub::*export_rows)(grpc::ClientContext*, const ExportRequest&,
                                                         Response*)) {
  KindRpcs rpcs = Rpcs<Service, Request>(import);
  rpcs.export_page = [export_rows](const LedgerFormat& format, const Session& session,
                                   grpc::ClientContext* ctx, const std::string& page_token,
                                   Rows* rows, std::string* next) {
    auto stub = Service::NewStub(session.channel);
    ExportRequest request;
    request.set_page_token(page_token);
    Response response;
    grpc::Status status = ((*stub).*export_rows)(ctx, request, &response);
    if (!status.ok()) return status;
    for (const auto& row : response.rows()) rows->push_back(CellsOf(format, row));
    *next = response.next_page_token();
    return status;
  };
  return rpcs;
}

// The supervision ledger has no export of its own: ListActivities gives the same columns.
grpc::Status ExportActivitiesPage(const LedgerFormat&, const Session& session,
                                  grpc::ClientContext* ctx, const std::string& page_token,
                                  Rows* rows, std::string* next) {
  auto stub = assess::v1::AssessService::NewStub(session.channel);
  assess::v1::ListActivitiesRequest request;
  request.set_page_size(1000);
  request.set_page_token(page_token);
  assess::v1::ListActivitiesResponse response;
  grpc::Status status = stub->ListActivities(ctx, request, &response);
  if (!status.ok()) return status;
  for (const auto& a : response.activities()) {
    rows->push_back({Code(a.group(), "units"), Code(a.unit(), "units"), a.date(), a.kind(),
                     a.subkind(), absl::StrCat(a.count()), a.note()});
  }
  *next = response.next_page_token();
  return status;
}

// Work-meeting attendance back as rows: one per meeting and group (ListWorkMeetings).
grpc::Status ExportAttendancePage(const LedgerFormat&, const Session& session,
                                  grpc::ClientContext* ctx, const std::string&, Rows* rows,
                                  std::string* next) {
  auto stub = assess::v1::AssessService::NewStub(session.channel);
  assess::v1::ListWorkMeetingsRequest request;
  request.set_from_date("2000-01-01");
  request.set_to_date("2099-12-31");
  assess::v1::ListWorkMeetingsResponse response;
  grpc::Status status = stub->ListWorkMeetings(ctx, request, &response);
  if (!status.ok()) return status;
  for (const auto& m : response.meetings()) {
    for (const auto& a : m.attendance()) {
      rows->push_back({m.kind(), m.held_on(), m.title(), Code(a.group(), "units"),
                       a.attended() ? "yes" : "no", a.note()});
    }
  }
  next->clear();
  return status;
}

const KindRpcs* FindRpcs(const std::string& kind) {
  using Org = org::v1::OrgService;
  using Clue = clue::v1::ClueService;
  using Assess = assess::v1::AssessService;
  static const auto* rpcs = new std::map<std::string, KindRpcs>{
      {"zones", Rpcs<Org>(&Org::Stub::ImportZones, &Org::Stub::ExportZones)},
      {"units", Rpcs<Org>(&Org::Stub::ImportUnits, &Org::Stub::ExportUnits)},
      {"supervision", Rpcs<Org>(&Org::Stub::ImportSupervision, &Org::Stub::ExportSupervision)},
      {"people", Rpcs<Org>(&Org::Stub::ImportPeople, &Org::Stub::ExportPeople)},
      {"assignments", Rpcs<Org>(&Org::Stub::ImportAssignments, &Org::Stub::ExportAssignments)},
      {"roles", Rpcs<Org>(&Org::Stub::ImportRoles, &Org::Stub::ExportRoles)},
      {"trainings", Rpcs<Org>(&Org::Stub::ImportTrainings, &Org::Stub::ExportTrainings)},
      {"vettings", Rpcs<Org>(&Org::Stub::ImportVettings, &Org::Stub::ExportVettings)},
      {"transfer_talks",
       Rpcs<Org>(&Org::Stub::ImportTransferTalks, &Org::Stub::ExportTransferTalks)},
      {"mentoring", Rpcs<Org>(&Org::Stub::ImportMentoring, &Org::Stub::ExportMentoring)},
      {"accountability",
       Rpcs<Org>(&Org::Stub::ImportAccountability, &Org::Stub::ExportAccountability)},
      {"integrity_files",
       Rpcs<Org>(&Org::Stub::ImportIntegrityFiles, &Org::Stub::ExportIntegrityFiles)},
      {"integrity_entries",
       Rpcs<Org>(&Org::Stub::ImportIntegrityEntries, &Org::Stub::ExportIntegrityEntries)},
      {"liaisons", Rpcs<Org>(&Org::Stub::ImportLiaisons, &Org::Stub::ExportLiaisons)},
      {"activities",
       [] {
         KindRpcs r = Rpcs<Assess>(&Assess::Stub::ImportActivities);
         r.export_page = ExportActivitiesPage;
         return r;
       }()},
      {"attendance",
       [] {
         KindRpcs r = Rpcs<Assess>(&Assess::Stub::ImportAttendance);
         r.export_page = ExportAttendancePage;
         return r;
       }()},
      {"letters", Rpcs<Clue>(&Clue::Stub::ImportLetters, &Clue::Stub::ExportLetters)},
      {"problems", Rpcs<Clue>(&Clue::Stub::ImportProblems, &Clue::Stub::ExportProblems)},
      {"clues", Rpcs<Clue>(&Clue::Stub::ImportClues, &Clue::Stub::ExportClues)},
      {"outcomes", Rpcs<Clue>(&Clue::Stub::ImportOutcomes, &Clue::Stub::ExportOutcomes)},
  };
  auto it = rpcs->find(kind);
  return it == rpcs->end() ? nullptr : &it->second;
}

// The rows into the request's `rows` field, each cell into the field of its column's name.
void FillRows(const LedgerFormat& format, const std::vector<LedgerRow>& rows, Message& request) {
  const auto* rows_field = request.GetDescriptor()->FindFieldByName("rows");
  for (const LedgerRow& row : rows) {
    Message* out = request.GetReflection()->AddMessage(&request, rows_field);
    const auto* descriptor = out->GetDescriptor();
    const auto* reflection = out->GetReflection();
    reflection->SetInt32(out, descriptor->FindFieldByName("line"), row.line);
    for (size_t c = 0; c < format.columns.size(); ++c) {
      const FieldDescriptor* field = descriptor->FindFieldByName(format.columns[c].name);
      if (field != nullptr) reflection->SetString(out, field, row.cells[c]);
    }
  }
}

absl::StatusOr<std::string> ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return FailedPrecondition("FILE_NOT_READABLE",
                              absl::StrCat("cannot read ", path, ": ", strerror(errno)));
  }
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

std::string Problems(size_t count) {
  return absl::StrCat(count, count == 1 ? " problem" : " problems");
}

std::string KindList() {
  std::vector<std::string> kinds;
  for (const auto& format : LedgerFormats()) kinds.push_back(format.kind);
  return absl::StrJoin(kinds, ", ");
}

}  // namespace

int ImportLedger(const Invocation& in, const Session& session, Io io) {
  const std::string& kind = in.words[1];
  const std::string& path = in.words[2];
  const LedgerFormat* format = FindLedgerFormat(kind);
  if (format == nullptr) {
    return UsageError(io.err, absl::StrCat("import: unknown kind '", kind, "' (", KindList(), ")"));
  }
  absl::StatusOr<std::string> text = ReadFile(path);
  if (!text.ok()) return Fail(io.err, text.status());
  absl::StatusOr<Ledger> ledger = ReadLedger(*format, *text);
  if (!ledger.ok()) {
    io.err << path << ": ";
    return Fail(io.err, ledger.status());
  }
  if (ledger->rows_read > kMaxImportRows) {
    return Fail(io.err, InvalidArgument("rows", "TOO_MANY_ROWS",
                                        absl::StrCat(path, ": ", ledger->rows_read,
                                                     " rows; at most 20,000 rows per call "
                                                     "(split the file)")));
  }

  bool partial = in.Has("partial");
  bool check = in.Has("check");
  // A file with bad rows changes nothing unless --partial: the good rows are still checked
  // by the owner, so one run lists every problem.
  bool validate_only = check || (!partial && !ledger->errors.empty());
  std::vector<LedgerError> errors = ledger->errors;
  ImportResult result;
  if (!ledger->rows.empty()) {
    const KindRpcs* rpcs = FindRpcs(kind);
    std::unique_ptr<Message> request = rpcs->new_request();
    FillRows(*format, ledger->rows, *request);
    auto* options =
        static_cast<paizhu::common::v1::ImportOptions*>(request->GetReflection()->MutableMessage(
            request.get(), request->GetDescriptor()->FindFieldByName("options")));
    options->set_mode(partial ? paizhu::common::v1::GOOD_ROWS_ONLY
                              : paizhu::common::v1::ALL_OR_NOTHING);
    options->set_validate_only(validate_only);
    options->set_request_id(NewRequestId());
    Progress progress(io.err, StderrIsTerminal(),
                      absl::StrCat(check ? "checking " : "importing ", kind));
    progress.Update(0, static_cast<long>(ledger->rows.size()));
    grpc::Status status =
        rpcs->import(session, NewCall(session, kBulkCallTimeout).get(), *request, &result);
    progress.Done();
    if (!status.ok()) {
      // The file's own problems still stand: print them, and why the rest went unchecked.
      if (ledger->errors.empty()) return Fail(io.err, FromGrpcStatus(status));
      io.err << "note: the owner did not check the other rows: ";
      Fail(io.err, FromGrpcStatus(status));
    }
    for (const auto& e : result.errors()) {
      errors.push_back({e.line(), e.field(), e.reason(), e.message()});
    }
  }
  std::stable_sort(errors.begin(), errors.end(),
                   [](const LedgerError& a, const LedgerError& b) { return a.line < b.line; });
  int imported = validate_only ? 0 : result.imported();

  if (in.Has("json")) {
    nlohmann::json bad = nlohmann::json::array();
    for (const auto& e : errors) {
      bad.push_back(
          {{"line", e.line}, {"field", e.field}, {"reason", e.reason}, {"message", e.message}});
    }
    PrintJson(io.out, {{"kind", kind},
                       {"file", path},
                       {"rows", ledger->rows_read},
                       {"imported", imported},
                       {"checked_only", check},
                       {"errors", bad}});
  } else {
    if (!errors.empty()) {
      Table table({"LINE", "FIELD", "REASON", "MESSAGE"});
      for (const auto& e : errors) {
        table.AddRow({absl::StrCat(e.line), e.field, e.reason, e.message});
      }
      io.out << table.Render();
    }
    if (check) {
      io.out << kind << ": " << ledger->rows_read << " rows checked, " << Problems(errors.size())
             << "; nothing imported (--check)\n";
    } else {
      if (errors.empty()) {
        io.out << kind << ": all " << ledger->rows_read << " rows imported";
        // The service counts records: where rows group into one (a clue's subjects), fewer.
        if (imported != ledger->rows_read) io.out << " as " << imported << " records";
      } else {
        io.out << kind << ": " << imported << " of " << ledger->rows_read << " rows imported, "
               << Problems(errors.size())
               << (partial ? " (the good rows were imported: --partial)"
                           : "; nothing changed (fix them, or use --partial)");
      }
      io.out << "\n";
    }
  }
  return errors.empty() ? kExitOk : kExitFailed;
}

namespace {

// `text` as the whole of the file at `path`.
absl::Status WriteWholeFile(const std::string& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << text;
  out.close();
  if (!out) return FailedPrecondition("FILE_NOT_WRITTEN", absl::StrCat("cannot write ", path));
  return absl::OkStatus();
}

}  // namespace

int ExportLedger(const Invocation& in, const Session& session, Io io) {
  const std::string& kind = in.words[1];
  const LedgerFormat* format = FindLedgerFormat(kind);
  if (format == nullptr) {
    return UsageError(io.err, absl::StrCat("export: unknown kind '", kind, "' (", KindList(), ")"));
  }
  const KindRpcs* rpcs = FindRpcs(kind);
  if (!rpcs->export_page) {
    return UsageError(io.err, absl::StrCat("export: kind '", kind, "' has no export"));
  }
  if (in.Has("xlsx") + in.Has("csv") + in.Has("output") > 1) {
    return UsageError(io.err, "export: one of --csv FILE, --xlsx FILE or -o FILE");
  }
  if (in.Has("xlsx") && in.Get("xlsx").empty()) {
    return UsageError(io.err, "export: --xlsx takes the workbook's file name");
  }
  Rows rows;
  std::string token;
  Progress progress(io.err, StderrIsTerminal(), absl::StrCat("exporting ", kind));
  do {
    std::string next;
    grpc::Status status = rpcs->export_page(
        *format, session, NewCall(session, kBulkCallTimeout).get(), token, &rows, &next);
    if (!status.ok()) return Fail(io.err, FromGrpcStatus(status));
    token = next;
    progress.Update(static_cast<long>(rows.size()), 0);
  } while (!token.empty());
  progress.Done();

  // --xlsx FILE: a workbook; --csv FILE or -o FILE: the import format; neither: CSV on stdout.
  bool xlsx = in.Has("xlsx");
  std::string path = xlsx ? in.Get("xlsx") : in.Has("csv") ? in.Get("csv") : in.Get("output");
  if (!xlsx && (path.empty() || path == "-")) {
    io.out << WriteLedger(*format, rows);
    return kExitOk;
  }
  // Written whole under a temporary name, then renamed: no half file on failure.
  std::string temporary = path + ".tmp";
  absl::Status written = xlsx ? WriteXlsxSheet(temporary, kind, format->ColumnNames(), rows)
                              : WriteWholeFile(temporary, WriteLedger(*format, rows));
  if (written.ok() && std::rename(temporary.c_str(), path.c_str()) != 0) {
    written = FailedPrecondition("FILE_NOT_WRITTEN",
                                 absl::StrCat("cannot write ", path, ": ", strerror(errno)));
  }
  if (!written.ok()) {
    std::remove(temporary.c_str());
    return Fail(io.err, written);
  }
  io.err << kind << ": " << rows.size() << " rows written to " << path << "\n";
  return kExitOk;
}

}  // namespace paizhu::cli
