#include "services/assess/api/run_export.h"

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_replace.h"
#include "common/status/status.h"
#include "common/time/civil_date.h"
#include "xlsxwriter.h"

namespace paizhu::assess {
namespace {

const std::vector<std::string>& LineHeaders() {
  static const auto* headers =
      new std::vector<std::string>{"方面", "任务编号", "任务名称", "满分",   "指标",    "指标值",
                                   "得分", "计分过程", "依据",     "调整人", "调整理由"};
  return *headers;
}

double Points(Centipoints p) { return static_cast<double>(p) / 100; }

std::string Metric(const Scheme& scheme, const std::string& task) {
  const Task* t = scheme.FindTask(task);
  return t == nullptr ? "" : t->rule.metric;
}

// The latest adjustment of a target's task, if any.
const Adjustment* LastAdjustment(const Run& run, const std::string& target,
                                 const std::string& task) {
  const Adjustment* last = nullptr;
  for (const Adjustment& a : run.adjustments) {
    if (a.target == target && a.task_code == task) last = &a;
  }
  return last;
}

std::string Field(const std::string& text) {
  if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
  return absl::StrCat("\"", absl::StrReplaceAll(text, {{"\"", "\"\""}}), "\"");
}

std::string Number(double v) {
  std::ostringstream out;
  out << v;
  return out.str();
}

// A worksheet name: the unit code (codes hold no character Excel forbids), at most 31.
std::string SheetName(const std::string& target) {
  std::string code = target.substr(target.find('/') + 1);
  return code.substr(0, 31);
}

}  // namespace

absl::StatusOr<std::string> ExportXlsx(const RunExport& data) {
  char path[] = "/tmp/paizhu-run-XXXXXX.xlsx";
  int fd = mkstemps(path, 5);
  if (fd < 0) return Internal("EXPORT_FAILED", "cannot make a temporary file");
  close(fd);
  lxw_workbook* book = workbook_new(path);
  if (book == nullptr) {
    std::remove(path);
    return Internal("EXPORT_FAILED", "cannot start the workbook");
  }
  lxw_format* bold = workbook_add_format(book);
  format_set_bold(bold);

  lxw_worksheet* ranking = workbook_add_worksheet(book, "排名");
  int row = 0;
  worksheet_write_string(ranking, row, 0, "考核方案", bold);
  worksheet_write_string(ranking, row++, 1, data.scheme->title.c_str(), nullptr);
  worksheet_write_string(ranking, row, 0, "考核期间", bold);
  std::string span = absl::StrCat(data.run->period.label, "（", FormatDate(data.run->period.from),
                                  "至", FormatDate(data.run->period.to), "）");
  worksheet_write_string(ranking, row++, 1, span.c_str(), nullptr);
  worksheet_write_string(ranking, row, 0, "状态", bold);
  worksheet_write_string(ranking, row++, 1, data.run->state == RunState::kFinal ? "已定稿" : "草稿",
                         nullptr);
  ++row;
  int col = 0;
  for (const char* h : {"排名", "考核对象", "总分", "等次"}) {
    worksheet_write_string(ranking, row, col++, h, bold);
  }
  ++row;
  for (const Ranked& r : data.ranking) {
    worksheet_write_number(ranking, row, 0, r.rank, nullptr);
    worksheet_write_string(ranking, row, 1, r.target.c_str(), nullptr);
    worksheet_write_number(ranking, row, 2, Points(r.total), nullptr);
    worksheet_write_string(ranking, row, 3, r.grade.c_str(), nullptr);
    ++row;
  }

  for (const Sheet& sheet : data.sheets) {
    lxw_worksheet* ws = workbook_add_worksheet(book, SheetName(sheet.target).c_str());
    int r = 0;
    worksheet_write_string(ws, r, 0, "考核对象", bold);
    worksheet_write_string(ws, r++, 1, sheet.target.c_str(), nullptr);
    worksheet_write_string(ws, r, 0, "基础分", bold);
    worksheet_write_number(ws, r++, 1, Points(sheet.base), nullptr);
    worksheet_write_string(ws, r, 0, "加分（封顶后）", bold);
    worksheet_write_number(ws, r++, 1, Points(sheet.bonus), nullptr);
    worksheet_write_string(ws, r, 0, "总分", bold);
    worksheet_write_number(ws, r++, 1, Points(sheet.total), nullptr);
    ++r;
    int c = 0;
    for (const std::string& h : LineHeaders()) worksheet_write_string(ws, r, c++, h.c_str(), bold);
    ++r;
    for (const SheetLine& line : sheet.lines) {
      const Adjustment* adjusted = LastAdjustment(*data.run, sheet.target, line.task_code);
      worksheet_write_string(ws, r, 0, line.aspect_code.empty() ? "加分" : line.aspect_code.c_str(),
                             nullptr);
      worksheet_write_string(ws, r, 1, line.task_code.c_str(), nullptr);
      worksheet_write_string(ws, r, 2, line.task_name.c_str(), nullptr);
      worksheet_write_number(ws, r, 3, Points(line.full), nullptr);
      worksheet_write_string(ws, r, 4, Metric(*data.scheme, line.task_code).c_str(), nullptr);
      if (line.value) worksheet_write_number(ws, r, 5, *line.value, nullptr);
      worksheet_write_number(ws, r, 6, Points(line.outcome.points), nullptr);
      worksheet_write_string(ws, r, 7, line.outcome.working.c_str(), nullptr);
      worksheet_write_string(ws, r, 8, line.evidence.c_str(), nullptr);
      if (adjusted != nullptr) {
        worksheet_write_string(ws, r, 9, adjusted->adjusted_by.c_str(), nullptr);
        worksheet_write_string(ws, r, 10, adjusted->score.justification.c_str(), nullptr);
      }
      ++r;
    }
  }
  lxw_error closed = workbook_close(book);
  if (closed != LXW_NO_ERROR) {
    std::remove(path);
    return Internal("EXPORT_FAILED", absl::StrCat("the workbook: ", lxw_strerror(closed)));
  }
  std::ifstream in(path, std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  std::remove(path);
  return bytes;
}

std::string ExportCsv(const RunExport& data) {
  std::string out = "\xEF\xBB\xBF";
  std::vector<std::string> header = {"考核对象", "排名", "等次", "总分"};
  header.insert(header.end(), LineHeaders().begin(), LineHeaders().end());
  absl::StrAppend(&out, absl::StrJoin(header, ","), "\r\n");
  for (const Sheet& sheet : data.sheets) {
    const Ranked* ranked = nullptr;
    for (const Ranked& r : data.ranking) {
      if (r.target == sheet.target) ranked = &r;
    }
    for (const SheetLine& line : sheet.lines) {
      const Adjustment* adjusted = LastAdjustment(*data.run, sheet.target, line.task_code);
      std::vector<std::string> cells = {sheet.target,
                                        ranked ? absl::StrCat(ranked->rank) : "",
                                        ranked ? ranked->grade : "",
                                        FormatPoints(sheet.total),
                                        line.aspect_code.empty() ? "加分" : line.aspect_code,
                                        line.task_code,
                                        line.task_name,
                                        FormatPoints(line.full),
                                        Metric(*data.scheme, line.task_code),
                                        line.value ? Number(*line.value) : "",
                                        FormatPoints(line.outcome.points),
                                        line.outcome.working,
                                        line.evidence,
                                        adjusted ? adjusted->adjusted_by : "",
                                        adjusted ? adjusted->score.justification : ""};
      for (std::string& cell : cells) cell = Field(cell);
      absl::StrAppend(&out, absl::StrJoin(cells, ","), "\r\n");
    }
  }
  return out;
}

}  // namespace paizhu::assess
