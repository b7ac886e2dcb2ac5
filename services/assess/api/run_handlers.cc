// Runs and score sheets: gathered, computed, adjusted with an audit trail, frozen,
// ranked and explained (domain/sheet.h does the scoring; storage keeps the snapshots).

#include <algorithm>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "common/names/page_token.h"
#include "common/names/resource_name.h"
#include "common/status/macros.h"
#include "common/status/status.h"
#include "common/time/civil_date.h"
#include "services/assess/api/assess_api.h"
#include "services/assess/api/run_export.h"

namespace paizhu::assess {
namespace {

using server::CallContext;

std::string Method(const char* name) {
  return absl::StrCat("/paizhu.assess.v1.AssessService/", name);
}

absl::StatusOr<Centipoints> ParsePoints(const std::string& text, const std::string& field) {
  double value = 0;
  std::optional<Centipoints> points;
  if (absl::SimpleAtod(text, &value)) points = PointsFromDecimal(value);
  if (!points) {
    return InvalidArgument(field, "INVALID_POINTS",
                           absl::StrCat(field, ": '", text, "' is not points like 2.5"));
  }
  return *points;
}

absl::StatusOr<int64_t> RunId(const std::string& name, const std::string& field) {
  ASSIGN_OR_RETURN(std::string id, names::ParseName(name, "runs", field));
  int64_t out = 0;
  if (!absl::SimpleAtoi(id, &out) || out <= 0) {
    return InvalidArgument(field, "INVALID_NAME", absl::StrCat(field, ": not runs/{id}"));
  }
  return out;
}

void GradesToProto(const std::vector<GradeThreshold>& grades, v1::Run* out) {
  for (const GradeThreshold& g : grades) {
    v1::GradeThreshold* o = out->add_grades();
    o->set_grade(g.grade);
    o->set_min_points(FormatPoints(g.min_points));
  }
}

}  // namespace

absl::StatusOr<Scheme> AssessApi::SchemeOf(const std::string& key, int version,
                                           absl::Time deadline) const {
  ASSIGN_OR_RETURN(std::optional<StoredScheme> stored, schemes_->Get(key, version, deadline));
  if (!stored) {
    return NotFound("SCHEME_NOT_FOUND",
                    absl::StrCat("schemes/", key, "-v", version, " does not exist"));
  }
  return stored->scheme;
}

absl::StatusOr<std::vector<Sheet>> AssessApi::SheetsOf(const Run& run, const Scheme& scheme) const {
  std::vector<Sheet> sheets;
  for (const std::string& target : run.targets) {
    auto snapshot = run.snapshots.find(target);
    ASSIGN_OR_RETURN(Sheet sheet, ComputeSheet(scheme, target,
                                               snapshot == run.snapshots.end()
                                                   ? std::map<std::string, MetricValue>{}
                                                   : snapshot->second,
                                               ManualScoresOf(run, target)));
    sheets.push_back(std::move(sheet));
  }
  return sheets;
}

absl::Status AssessApi::RunToProto(const Run& run, const Scheme& scheme, v1::Run* out) const {
  ASSIGN_OR_RETURN(std::vector<Sheet> sheets, SheetsOf(run, scheme));
  out->set_name(absl::StrCat("runs/", run.id));
  out->set_scheme(scheme.ResourceName());
  out->set_period(run.period.label);
  out->set_from(FormatDate(run.period.from));
  out->set_to(FormatDate(run.period.to));
  out->set_state(std::string(RunStateName(run.state)));
  GradesToProto(run.grades, out);
  std::map<std::string, bool> complete;
  for (const Sheet& s : sheets) complete[s.target] = s.complete;
  for (const Ranked& r : Rank(sheets, run.grades)) {
    v1::RankedTarget* o = out->add_ranking();
    o->set_target(r.target);
    o->set_total(FormatPoints(r.total));
    o->set_rank(r.rank);
    o->set_grade(r.grade);
    o->set_complete(complete[r.target]);
  }
  return absl::OkStatus();
}

absl::StatusOr<std::pair<Run, Scheme>> AssessApi::LoadRun(const std::string& name,
                                                          const std::string& field,
                                                          absl::Time deadline) const {
  ASSIGN_OR_RETURN(int64_t id, RunId(name, field));
  ASSIGN_OR_RETURN(std::optional<Run> run, runs_->Get(id, deadline));
  if (!run) return NotFound("RUN_NOT_FOUND", absl::StrCat(name, " does not exist"));
  ASSIGN_OR_RETURN(Scheme scheme, SchemeOf(run->scheme_key, run->scheme_version, deadline));
  return std::make_pair(*std::move(run), std::move(scheme));
}

grpc::Status AssessApi::CreateRun(grpc::ServerContext* ctx, const v1::CreateRunRequest* request,
                                  v1::Run* response) {
  return gate_->Serve(ctx, Method("CreateRun"), [&](const CallContext& call) -> absl::Status {
    Run run;
    ASSIGN_OR_RETURN(std::string scheme_id,
                     names::ParseName(request->scheme(), "schemes", "scheme"));
    RETURN_IF_ERROR(ParseSchemeId(scheme_id, &run.scheme_key, &run.scheme_version));
    ASSIGN_OR_RETURN(Scheme scheme, SchemeOf(run.scheme_key, run.scheme_version, call.deadline));
    ASSIGN_OR_RETURN(run.period, ParsePeriod(request->period(), "period"));
    run.grades = DefaultGradeThresholds();
    if (request->grades_size() > 0) {
      run.grades.clear();
      for (const v1::GradeThreshold& g : request->grades()) {
        ASSIGN_OR_RETURN(Centipoints min, ParsePoints(g.min_points(), "grades"));
        run.grades.push_back({g.grade(), min});
      }
      RETURN_IF_ERROR(ValidateGradeThresholds(run.grades));
    }
    std::vector<std::string> codes;
    for (const std::string& name : request->targets()) {
      ASSIGN_OR_RETURN(std::string code, names::ParseName(name, "units", "targets"));
      ASSIGN_OR_RETURN(std::optional<std::string> kind, units_->UnitKind(code, call));
      if (!kind || *kind != scheme.target_kind) {
        return InvalidArgument("targets", "INVALID_TARGET",
                               absl::StrCat("targets: ", name, " is not a ", scheme.target_kind));
      }
      if (std::find(codes.begin(), codes.end(), code) != codes.end()) {
        return InvalidArgument("targets", "DUPLICATE_TARGET",
                               absl::StrCat("targets: ", name, " twice"));
      }
      codes.push_back(code);
    }
    if (codes.empty()) {
      ASSIGN_OR_RETURN(codes, gatherer_->UnitsOfKind(scheme.target_kind, run.period.to, call));
    }
    if (codes.empty()) {
      return FailedPrecondition(
          "NO_TARGETS", absl::StrCat("no ", scheme.target_kind, " exists at the period's end"));
    }
    for (const std::string& code : codes) run.targets.push_back(names::MakeName("units", code));
    ASSIGN_OR_RETURN(run.snapshots,
                     gatherer_->Gather(scheme, codes, run.period, TodayInChina(), call));
    RETURN_IF_ERROR(SheetsOf(run, scheme).status());  // every metric counted, before storing
    run.created_by = call.principal.subject();
    v1::CreateRunRequest canonical = *request;
    canonical.clear_request_id();
    sql::RequestKey key(request->request_id(), "CreateRun", canonical.SerializeAsString());
    ASSIGN_OR_RETURN(Run stored, runs_->Create(run, key, call.deadline));
    return RunToProto(stored, scheme, response);
  });
}

grpc::Status AssessApi::GetRun(grpc::ServerContext* ctx, const v1::GetRunRequest* request,
                               v1::Run* response) {
  return gate_->Serve(ctx, Method("GetRun"), [&](const CallContext& call) -> absl::Status {
    ASSIGN_OR_RETURN(auto loaded, LoadRun(request->name(), "name", call.deadline));
    return RunToProto(loaded.first, loaded.second, response);
  });
}

grpc::Status AssessApi::ListRuns(grpc::ServerContext* ctx, const v1::ListRunsRequest* request,
                                 v1::ListRunsResponse* response) {
  return gate_->Serve(ctx, Method("ListRuns"), [&](const CallContext& call) -> absl::Status {
    RunFilter filter;
    if (!request->scheme().empty()) {
      ASSIGN_OR_RETURN(std::string id, names::ParseName(request->scheme(), "schemes", "scheme"));
      // schemes/{key} names every version; schemes/{key}-v{version} one.
      if (!ParseSchemeId(id, &filter.scheme_key, &filter.scheme_version).ok()) {
        filter.scheme_key = id;
        filter.scheme_version = 0;
      }
    }
    if (request->year() != 0 && (request->year() < 2000 || request->year() > 2100)) {
      return InvalidArgument("year", "INVALID_YEAR", "year: a year from 2000 to 2100");
    }
    filter.year = request->year();
    filter.state = request->state();
    if (!filter.state.empty() && filter.state != "draft" && filter.state != "final") {
      return InvalidArgument("state", "INVALID_STATE", "state: draft or final");
    }
    std::string fingerprint =
        absl::StrCat("scheme=", filter.scheme_key, "-v", filter.scheme_version,
                     ";year=", filter.year, ";state=", filter.state);
    ASSIGN_OR_RETURN(
        names::PageRequest page,
        names::ParsePage(request->page_size(), request->page_token(), fingerprint, 50, 200));
    int64_t before = 0;
    if (!page.after_key.empty() && !absl::SimpleAtoi(page.after_key, &before)) {
      return InvalidArgument("page_token", "INVALID_PAGE_TOKEN", "page_token: damaged");
    }
    ASSIGN_OR_RETURN(std::vector<Run> runs,
                     runs_->List(filter, before, page.limit + 1, call.deadline));
    bool more = static_cast<int>(runs.size()) > page.limit;
    if (more) runs.resize(page.limit);
    for (const Run& run : runs) {
      v1::Run* out = response->add_runs();
      out->set_name(absl::StrCat("runs/", run.id));
      out->set_scheme(absl::StrCat("schemes/", run.scheme_key, "-v", run.scheme_version));
      out->set_period(run.period.label);
      out->set_from(FormatDate(run.period.from));
      out->set_to(FormatDate(run.period.to));
      out->set_state(std::string(RunStateName(run.state)));
      GradesToProto(run.grades, out);
    }
    if (more) {
      response->set_next_page_token(
          names::MakePageToken(absl::StrCat(runs.back().id), fingerprint));
    }
    return absl::OkStatus();
  });
}

grpc::Status AssessApi::RecomputeRun(grpc::ServerContext* ctx, const v1::GetRunRequest* request,
                                     v1::Run* response) {
  return gate_->Serve(ctx, Method("RecomputeRun"), [&](const CallContext& call) -> absl::Status {
    ASSIGN_OR_RETURN(auto loaded, LoadRun(request->name(), "name", call.deadline));
    Run& run = loaded.first;
    if (run.state == RunState::kFinal) {
      return FailedPrecondition(
          "RUN_FINAL", absl::StrCat(request->name(), " is final: its sheets never change"));
    }
    std::vector<std::string> codes;
    for (const std::string& t : run.targets) {
      ASSIGN_OR_RETURN(std::string code, names::ParseName(t, "units", "target"));
      codes.push_back(code);
    }
    ASSIGN_OR_RETURN(run.snapshots,
                     gatherer_->Gather(loaded.second, codes, run.period, TodayInChina(), call));
    RETURN_IF_ERROR(SheetsOf(run, loaded.second).status());
    RETURN_IF_ERROR(runs_->ReplaceSnapshots(run.id, run.snapshots, call.deadline));
    return RunToProto(run, loaded.second, response);
  });
}

grpc::Status AssessApi::AdjustTask(grpc::ServerContext* ctx, const v1::AdjustTaskRequest* request,
                                   v1::ScoreSheet* response) {
  return gate_->Serve(ctx, Method("AdjustTask"), [&](const CallContext& call) -> absl::Status {
    ASSIGN_OR_RETURN(auto loaded, LoadRun(request->run(), "run", call.deadline));
    const Run& run = loaded.first;
    const Scheme& scheme = loaded.second;
    if (std::find(run.targets.begin(), run.targets.end(), request->target()) == run.targets.end()) {
      return NotFound("TARGET_NOT_IN_RUN",
                      absl::StrCat(request->target(), " is not a target of ", request->run()));
    }
    const Task* task = scheme.FindTask(request->task());
    if (task == nullptr) {
      return InvalidArgument(
          "task", "UNKNOWN_TASK",
          absl::StrCat("task: ", scheme.ResourceName(), " has no task '", request->task(), "'"));
    }
    Adjustment a;
    a.target = request->target();
    a.task_code = task->code;
    ASSIGN_OR_RETURN(a.score.points, ParsePoints(request->points(), "points"));
    a.score.justification = request->justification();
    a.adjusted_by = call.principal.subject();
    RETURN_IF_ERROR(CheckManualScore(*task, a.score));
    RETURN_IF_ERROR(runs_->AddAdjustment(run.id, a, call.deadline));
    return SheetToProto(request->run(), request->target(), call.deadline, response);
  });
}

grpc::Status AssessApi::FinaliseRun(grpc::ServerContext* ctx, const v1::GetRunRequest* request,
                                    v1::Run* response) {
  return gate_->Serve(ctx, Method("FinaliseRun"), [&](const CallContext& call) -> absl::Status {
    ASSIGN_OR_RETURN(auto loaded, LoadRun(request->name(), "name", call.deadline));
    ASSIGN_OR_RETURN(std::vector<Sheet> sheets, SheetsOf(loaded.first, loaded.second));
    std::vector<std::string> incomplete;
    for (const Sheet& s : sheets) {
      if (!s.complete) incomplete.push_back(s.target);
    }
    if (!incomplete.empty()) {
      return FailedPrecondition(
          "SHEET_INCOMPLETE",
          absl::StrCat("manual tasks await the assessor on ", absl::StrJoin(incomplete, ", ")));
    }
    RETURN_IF_ERROR(runs_->Finalise(loaded.first.id, call.principal.subject(), call.deadline));
    loaded.first.state = RunState::kFinal;
    return RunToProto(loaded.first, loaded.second, response);
  });
}

absl::Status AssessApi::SheetToProto(const std::string& run_name, const std::string& target,
                                     absl::Time deadline, v1::ScoreSheet* out) const {
  ASSIGN_OR_RETURN(auto loaded, LoadRun(run_name, "run", deadline));
  const Run& run = loaded.first;
  const Scheme& scheme = loaded.second;
  ASSIGN_OR_RETURN(std::vector<Sheet> sheets, SheetsOf(run, scheme));
  const Sheet* sheet = nullptr;
  for (const Sheet& s : sheets) {
    if (s.target == target) sheet = &s;
  }
  if (sheet == nullptr) {
    return NotFound("TARGET_NOT_IN_RUN", absl::StrCat(target, " is not a target of ", run_name));
  }
  std::map<std::string, const Adjustment*> last;
  for (const Adjustment& a : run.adjustments) {
    if (a.target == target) last[a.task_code] = &a;
  }
  out->set_run(run_name);
  out->set_target(target);
  out->set_scheme(scheme.ResourceName());
  out->set_state(std::string(RunStateName(run.state)));
  out->set_base(FormatPoints(sheet->base));
  out->set_bonus(FormatPoints(sheet->bonus));
  out->set_total(FormatPoints(sheet->total));
  out->set_complete(sheet->complete);
  for (const Ranked& r : Rank(sheets, run.grades)) {
    if (r.target != target) continue;
    out->set_rank(r.rank);
    out->set_grade(r.grade);
  }
  for (const SheetLine& line : sheet->lines) {
    v1::SheetLine* o = out->add_lines();
    o->set_aspect(line.aspect_code);
    o->set_task(line.task_code);
    o->set_task_name(line.task_name);
    o->set_full_points(FormatPoints(line.full));
    if (line.value) {
      o->set_has_value(true);
      o->set_value(*line.value);
    }
    if (const Task* t = scheme.FindTask(line.task_code)) o->set_metric(t->rule.metric);
    o->set_evidence(line.evidence);
    o->set_points(FormatPoints(line.outcome.points));
    o->set_working(line.outcome.working);
    o->set_awaiting_assessor(line.outcome.awaiting_assessor);
    if (auto it = last.find(line.task_code); it != last.end()) {
      o->set_adjusted_by(it->second->adjusted_by);
      o->set_justification(it->second->score.justification);
    }
  }
  return absl::OkStatus();
}

grpc::Status AssessApi::GetScoreSheet(grpc::ServerContext* ctx,
                                      const v1::GetScoreSheetRequest* request,
                                      v1::ScoreSheet* response) {
  return gate_->Serve(ctx, Method("GetScoreSheet"), [&](const CallContext& call) -> absl::Status {
    return SheetToProto(request->run(), request->target(), call.deadline, response);
  });
}

grpc::Status AssessApi::ExplainScore(grpc::ServerContext* ctx,
                                     const v1::GetScoreSheetRequest* request,
                                     v1::Explanation* response) {
  return gate_->Serve(ctx, Method("ExplainScore"), [&](const CallContext& call) -> absl::Status {
    ASSIGN_OR_RETURN(auto loaded, LoadRun(request->run(), "run", call.deadline));
    ASSIGN_OR_RETURN(std::vector<Sheet> sheets, SheetsOf(loaded.first, loaded.second));
    for (const Sheet& s : sheets) {
      if (s.target != request->target()) continue;
      response->set_run(request->run());
      response->set_target(s.target);
      response->set_total(FormatPoints(s.total));
      response->set_total_centipoints(s.total);
      for (const ExplainLine& line : Explain(s, loaded.second)) {
        v1::ExplanationLine* o = response->add_lines();
        o->set_label(line.label);
        o->set_points(FormatPoints(line.points));
        o->set_centipoints(line.points);
      }
      return absl::OkStatus();
    }
    return NotFound("TARGET_NOT_IN_RUN",
                    absl::StrCat(request->target(), " is not a target of ", request->run()));
  });
}

grpc::Status AssessApi::ExportRun(grpc::ServerContext* ctx, const v1::ExportRunRequest* request,
                                  v1::ExportedFile* response) {
  return gate_->Serve(ctx, Method("ExportRun"), [&](const CallContext& call) -> absl::Status {
    const std::string format = request->format().empty() ? "xlsx" : request->format();
    if (format != "xlsx" && format != "csv") {
      return InvalidArgument("format", "INVALID_FORMAT", "format: xlsx or csv");
    }
    ASSIGN_OR_RETURN(auto loaded, LoadRun(request->name(), "name", call.deadline));
    RunExport data{&loaded.first, &loaded.second, {}, {}};
    ASSIGN_OR_RETURN(data.sheets, SheetsOf(loaded.first, loaded.second));
    data.ranking = Rank(data.sheets, loaded.first.grades);
    const std::string base = absl::StrCat("run-", loaded.first.id);
    if (format == "csv") {
      response->set_file_name(base + ".csv");
      response->set_content_type("text/csv; charset=utf-8");
      response->set_content(ExportCsv(data));
      return absl::OkStatus();
    }
    ASSIGN_OR_RETURN(std::string bytes, ExportXlsx(data));
    response->set_file_name(base + ".xlsx");
    response->set_content_type("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    response->set_content(std::move(bytes));
    return absl::OkStatus();
  });
}

}  // namespace paizhu::assess
