#include "services/assess/storage/mysql_run_repository.h"

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "common/sql/transaction.h"
#include "common/status/macros.h"
#include "common/status/status.h"
#include "common/time/civil_date.h"
#include "nlohmann/json.hpp"

namespace paizhu::assess {
namespace {

using Json = nlohmann::json;

std::string MetricsJson(const std::map<std::string, MetricValue>& metrics) {
  Json j = Json::object();
  for (const auto& [name, m] : metrics) j[name] = Json::array({m.value, m.evidence});
  return j.dump(-1, ' ', false, Json::error_handler_t::replace);
}

std::map<std::string, MetricValue> MetricsFromJson(const std::string& text) {
  std::map<std::string, MetricValue> out;
  Json j = Json::parse(text, nullptr, false);
  if (!j.is_object()) return out;
  for (const auto& [name, v] : j.items()) {
    if (v.is_array() && v.size() == 2 && v[0].is_number() && v[1].is_string()) {
      out[name] = {v[0].get<double>(), v[1].get<std::string>()};
    }
  }
  return out;
}

std::string GradesJson(const std::vector<GradeThreshold>& grades) {
  Json j = Json::array();
  for (const GradeThreshold& g : grades) j.push_back(Json::array({g.grade, g.min_points}));
  return j.dump();
}

std::vector<GradeThreshold> GradesFromJson(const std::string& text) {
  std::vector<GradeThreshold> out;
  Json j = Json::parse(text, nullptr, false);
  if (!j.is_array()) return out;
  for (const Json& g : j) {
    if (g.is_array() && g.size() == 2 && g[0].is_string() && g[1].is_number_integer()) {
      out.push_back({g[0].get<std::string>(), g[1].get<Centipoints>()});
    }
  }
  return out;
}

absl::CivilDay DayOf(const std::string& text) {
  absl::StatusOr<absl::CivilDay> d = ParseDate(text, "day");
  return d.ok() ? *d : absl::CivilDay();
}

// The run's row, locked for a change: NOT_FOUND, or RUN_FINAL when it is final.
absl::Status LockDraft(sql::Transaction& tx, int64_t id) {
  ASSIGN_OR_RETURN(sql::Rows rows,
                   tx.Query("SELECT state FROM runs WHERE id = ? FOR UPDATE", {id}));
  if (rows.empty()) return NotFound("RUN_NOT_FOUND", absl::StrCat("runs/", id, " does not exist"));
  if (rows.Str(0, 0) != "draft") {
    return FailedPrecondition("RUN_FINAL",
                              absl::StrCat("runs/", id, " is final: its sheets never change"));
  }
  return absl::OkStatus();
}

absl::StatusOr<std::optional<Run>> Read(sql::Transaction& tx, int64_t id) {
  ASSIGN_OR_RETURN(sql::Rows rows,
                   tx.Query("SELECT scheme_key, scheme_version, period, from_day, to_day, state, "
                            "grades, created_by, finalised_by FROM runs WHERE id = ?",
                            {id}));
  if (rows.empty()) return std::optional<Run>();
  Run run;
  run.id = id;
  run.scheme_key = rows.Str(0, 0);
  run.scheme_version = static_cast<int>(rows.Int(0, 1));
  run.period = {rows.Str(0, 2), DayOf(rows.Str(0, 3)), DayOf(rows.Str(0, 4))};
  run.state = rows.Str(0, 5) == "final" ? RunState::kFinal : RunState::kDraft;
  run.grades = GradesFromJson(rows.Str(0, 6));
  run.created_by = rows.Str(0, 7);
  run.finalised_by = rows.Str(0, 8);
  ASSIGN_OR_RETURN(sql::Rows targets,
                   tx.Query("SELECT target, metrics FROM run_targets WHERE run_id = ? ORDER BY "
                            "seq",
                            {id}));
  for (size_t r = 0; r < targets.size(); ++r) {
    run.targets.push_back(targets.Str(r, 0));
    run.snapshots[targets.Str(r, 0)] = MetricsFromJson(targets.Str(r, 1));
  }
  ASSIGN_OR_RETURN(sql::Rows adjustments,
                   tx.Query("SELECT target, task_code, points, justification, adjusted_by, "
                            "UNIX_TIMESTAMP(adjusted_at) FROM run_adjustments WHERE run_id = ? "
                            "ORDER BY id",
                            {id}));
  for (size_t r = 0; r < adjustments.size(); ++r) {
    Adjustment a;
    a.target = adjustments.Str(r, 0);
    a.task_code = adjustments.Str(r, 1);
    a.score = {adjustments.Int(r, 2), adjustments.Str(r, 3)};
    a.adjusted_by = adjustments.Str(r, 4);
    double seconds = 0;
    if (absl::SimpleAtod(adjustments.Str(r, 5), &seconds)) {
      a.adjusted_at = absl::FromUnixMicros(static_cast<int64_t>(seconds * 1e6));
    }
    run.adjustments.push_back(std::move(a));
  }
  return std::optional<Run>(std::move(run));
}

absl::Status WriteSnapshots(sql::Transaction& tx, int64_t id, const std::vector<std::string>& order,
                            const Snapshots& snapshots) {
  RETURN_IF_ERROR(tx.Exec("DELETE FROM run_targets WHERE run_id = ?", {id}).status());
  int64_t seq = 0;
  for (const std::string& target : order) {
    auto it = snapshots.find(target);
    std::string metrics =
        MetricsJson(it == snapshots.end() ? std::map<std::string, MetricValue>{} : it->second);
    RETURN_IF_ERROR(tx.Exec("INSERT INTO run_targets (run_id, seq, target, metrics) VALUES "
                            "(?, ?, ?, ?)",
                            {id, ++seq, target, metrics})
                        .status());
  }
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<Run> MysqlRunRepository::Create(const Run& run, const sql::RequestKey& key,
                                               absl::Time deadline) {
  Run stored;
  RETURN_IF_ERROR(
      sql::RunInTransaction(*pool_, deadline, [&](sql::Transaction& tx) -> absl::Status {
        ASSIGN_OR_RETURN(std::optional<std::string> earlier, key.Claim(tx));
        int64_t id = 0;
        if (earlier) {
          if (!absl::SimpleAtoi(*earlier, &id)) {
            return Internal("IDEMPOTENCY_RESULT_MISSING", "bad result");
          }
        } else {
          RETURN_IF_ERROR(tx.Exec("INSERT INTO runs (scheme_key, scheme_version, period, "
                                  "from_day, to_day, state, grades, created_by) VALUES "
                                  "(?, ?, ?, ?, ?, 'draft', ?, ?)",
                                  {run.scheme_key, int64_t{run.scheme_version}, run.period.label,
                                   FormatDate(run.period.from), FormatDate(run.period.to),
                                   GradesJson(run.grades), run.created_by})
                              .status());
          ASSIGN_OR_RETURN(sql::Rows last, tx.Query("SELECT LAST_INSERT_ID()"));
          id = last.Int(0, 0);
          RETURN_IF_ERROR(WriteSnapshots(tx, id, run.targets, run.snapshots));
          RETURN_IF_ERROR(key.Complete(tx, absl::StrCat(id)));
        }
        ASSIGN_OR_RETURN(std::optional<Run> read, Read(tx, id));
        if (!read) return Internal("RUN_MISSING", "a stored run is missing");
        stored = *std::move(read);
        return absl::OkStatus();
      }));
  return stored;
}

absl::StatusOr<std::optional<Run>> MysqlRunRepository::Get(int64_t id, absl::Time deadline) {
  std::optional<Run> out;
  RETURN_IF_ERROR(
      sql::RunInTransaction(*pool_, deadline, [&](sql::Transaction& tx) -> absl::Status {
        ASSIGN_OR_RETURN(out, Read(tx, id));
        return absl::OkStatus();
      }));
  return out;
}

absl::Status MysqlRunRepository::ReplaceSnapshots(int64_t id, const Snapshots& snapshots,
                                                  absl::Time deadline) {
  return sql::RunInTransaction(*pool_, deadline, [&](sql::Transaction& tx) -> absl::Status {
    RETURN_IF_ERROR(LockDraft(tx, id));
    ASSIGN_OR_RETURN(std::optional<Run> run, Read(tx, id));
    return WriteSnapshots(tx, id, run->targets, snapshots);
  });
}

absl::Status MysqlRunRepository::AddAdjustment(int64_t id, const Adjustment& a,
                                               absl::Time deadline) {
  return sql::RunInTransaction(*pool_, deadline, [&](sql::Transaction& tx) -> absl::Status {
    RETURN_IF_ERROR(LockDraft(tx, id));
    return tx
        .Exec(
            "INSERT INTO run_adjustments (run_id, target, task_code, points, "
            "justification, adjusted_by) VALUES (?, ?, ?, ?, ?, ?)",
            {id, a.target, a.task_code, a.score.points, a.score.justification, a.adjusted_by})
        .status();
  });
}

absl::Status MysqlRunRepository::Finalise(int64_t id, const std::string& by, absl::Time deadline) {
  return sql::RunInTransaction(*pool_, deadline, [&](sql::Transaction& tx) -> absl::Status {
    RETURN_IF_ERROR(LockDraft(tx, id));
    return tx
        .Exec(
            "UPDATE runs SET state = 'final', finalised_by = ?, finalised_at = "
            "CURRENT_TIMESTAMP(6) WHERE id = ?",
            {by, id})
        .status();
  });
}

absl::StatusOr<std::vector<Run>> MysqlRunRepository::List(const RunFilter& filter,
                                                          int64_t before_id, int limit,
                                                          absl::Time deadline) {
  std::string sql =
      "SELECT id, scheme_key, scheme_version, period, from_day, to_day, state, grades, "
      "created_by, finalised_by FROM runs WHERE TRUE";
  sql::Params params;
  if (before_id > 0) {
    sql += " AND id < ?";
    params.push_back(before_id);
  }
  if (!filter.scheme_key.empty()) {
    sql += " AND scheme_key = ?";
    params.push_back(filter.scheme_key);
  }
  if (filter.scheme_version > 0) {
    sql += " AND scheme_version = ?";
    params.push_back(int64_t{filter.scheme_version});
  }
  if (filter.year > 0) {
    sql += " AND from_day BETWEEN ? AND ?";
    params.push_back(absl::StrCat(filter.year, "-01-01"));
    params.push_back(absl::StrCat(filter.year, "-12-31"));
  }
  if (!filter.state.empty()) {
    sql += " AND state = ?";
    params.push_back(filter.state);
  }
  sql += " ORDER BY id DESC LIMIT ?";
  params.push_back(int64_t{limit});
  std::vector<Run> out;
  RETURN_IF_ERROR(
      sql::RunInTransaction(*pool_, deadline, [&](sql::Transaction& tx) -> absl::Status {
        ASSIGN_OR_RETURN(sql::Rows rows, tx.Query(sql, params));
        out.clear();
        for (size_t r = 0; r < rows.size(); ++r) {
          Run run;
          run.id = rows.Int(r, 0);
          run.scheme_key = rows.Str(r, 1);
          run.scheme_version = static_cast<int>(rows.Int(r, 2));
          run.period = {rows.Str(r, 3), DayOf(rows.Str(r, 4)), DayOf(rows.Str(r, 5))};
          run.state = rows.Str(r, 6) == "final" ? RunState::kFinal : RunState::kDraft;
          run.grades = GradesFromJson(rows.Str(r, 7));
          run.created_by = rows.Str(r, 8);
          run.finalised_by = rows.Str(r, 9);
          out.push_back(std::move(run));
        }
        return absl::OkStatus();
      }));
  return out;
}

}  // namespace paizhu::assess
