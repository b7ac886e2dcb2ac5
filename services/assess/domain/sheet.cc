#include "services/assess/domain/sheet.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "common/status/status.h"

namespace paizhu::assess {
namespace {

absl::StatusOr<SheetLine> ScoreLine(const Task& task, const std::string& aspect_code,
                                    const std::map<std::string, MetricValue>& metrics,
                                    const std::map<std::string, ManualScore>& manual) {
  SheetLine line;
  line.aspect_code = aspect_code;
  line.task_code = task.code;
  line.task_name = task.name;
  line.full = task.points;
  if (task.rule.kind != RuleKind::kManual) {
    auto it = metrics.find(task.rule.metric);
    if (it == metrics.end()) {
      return FailedPrecondition(
          "METRIC_MISSING",
          absl::StrCat("task ", task.code, " reads ", task.rule.metric, ", which was not counted"));
    }
    line.value = it->second.value;
    line.evidence = it->second.evidence;
  }
  auto score = manual.find(task.code);
  std::optional<ManualScore> given;
  if (score != manual.end()) given = score->second;
  line.outcome = ScoreTask(task, line.value, given);
  return line;
}

}  // namespace

absl::StatusOr<Sheet> ComputeSheet(const Scheme& scheme, const std::string& target,
                                   const std::map<std::string, MetricValue>& metrics,
                                   const std::map<std::string, ManualScore>& manual) {
  Sheet sheet;
  sheet.target = target;
  for (const Aspect& aspect : scheme.aspects) {
    for (const Task& task : aspect.tasks) {
      absl::StatusOr<SheetLine> line = ScoreLine(task, aspect.code, metrics, manual);
      if (!line.ok()) return line.status();
      sheet.base += line->outcome.points;
      sheet.complete = sheet.complete && !line->outcome.awaiting_assessor;
      sheet.lines.push_back(*std::move(line));
    }
  }
  for (const Task& task : scheme.bonus) {
    absl::StatusOr<SheetLine> line = ScoreLine(task, "", metrics, manual);
    if (!line.ok()) return line.status();
    sheet.bonus_sum += line->outcome.points;
    sheet.lines.push_back(*std::move(line));
  }
  sheet.bonus = CapBonus(scheme, sheet.bonus_sum);
  sheet.total = sheet.base + sheet.bonus;
  return sheet;
}

std::vector<ExplainLine> Explain(const Sheet& sheet, const Scheme& scheme) {
  std::vector<ExplainLine> out;
  for (const SheetLine& line : sheet.lines) {
    std::string label =
        absl::StrCat(line.task_code, " ", line.task_name, ": ", line.outcome.working);
    if (!line.evidence.empty()) absl::StrAppend(&label, " [", line.evidence, "]");
    out.push_back({std::move(label), line.outcome.points});
  }
  if (sheet.bonus < sheet.bonus_sum) {
    out.push_back({absl::StrCat("bonus capped at ", FormatPoints(scheme.bonus_cap), " (",
                                FormatPoints(sheet.bonus_sum), " earned)"),
                   sheet.bonus - sheet.bonus_sum});
  }
  return out;
}

std::vector<GradeThreshold> DefaultGradeThresholds() {
  return {
      {"excellent", 9000}, {"competent", 7500}, {"basically_competent", 6000}, {"incompetent", 0}};
}

absl::Status ValidateGradeThresholds(const std::vector<GradeThreshold>& thresholds) {
  if (thresholds.empty() || thresholds.back().min_points != 0) {
    return InvalidArgument("grades", "INVALID_GRADES", "grades: the last one starts at 0");
  }
  for (size_t i = 0; i < thresholds.size(); ++i) {
    if (thresholds[i].grade.empty()) {
      return InvalidArgument("grades", "INVALID_GRADES", "grades: every grade has a name");
    }
    if (i > 0 && thresholds[i].min_points >= thresholds[i - 1].min_points) {
      return InvalidArgument("grades", "INVALID_GRADES",
                             "grades: from the highest minimum to the lowest");
    }
  }
  return absl::OkStatus();
}

std::string Grade(Centipoints total, const std::vector<GradeThreshold>& thresholds) {
  for (const GradeThreshold& t : thresholds) {
    if (total >= t.min_points) return t.grade;
  }
  return thresholds.empty() ? "" : thresholds.back().grade;
}

std::vector<Ranked> Rank(const std::vector<Sheet>& sheets,
                         const std::vector<GradeThreshold>& thresholds) {
  std::vector<Ranked> out;
  for (const Sheet& s : sheets) out.push_back({s.target, s.total, 0, Grade(s.total, thresholds)});
  std::stable_sort(out.begin(), out.end(), [](const Ranked& a, const Ranked& b) {
    return a.total != b.total ? a.total > b.total : a.target < b.target;
  });
  for (size_t i = 0; i < out.size(); ++i) {
    out[i].rank =
        (i > 0 && out[i].total == out[i - 1].total) ? out[i - 1].rank : static_cast<int>(i) + 1;
  }
  return out;
}

}  // namespace paizhu::assess
