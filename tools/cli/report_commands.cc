// paizhu report work: ReportService.GetWorkReport, as the report's own Chinese sentences or
// as JSON with exactly CONTRACTS.md's keys. The CLI counts nothing itself.

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "common/status/grpc_status.h"
#include "paizhu/assess/v1/assess.grpc.pb.h"
#include "tools/cli/commands.h"
#include "tools/cli/progress.h"
#include "tools/cli/subcommands.h"

namespace paizhu::cli {
namespace {

// "2018-01-01" -> "2018年1月1日"; other text unchanged.
std::string ChineseDate(const std::string& date) {
  std::vector<std::string> parts = absl::StrSplit(date, '-');
  int year = 0, month = 0, day = 0;
  if (parts.size() != 3 || !absl::SimpleAtoi(parts[0], &year) ||
      !absl::SimpleAtoi(parts[1], &month) || !absl::SimpleAtoi(parts[2], &day)) {
    return date;
  }
  return absl::StrCat(year, "年", month, "月", day, "日");
}

// The report's sentences (seed/work-report.zh.txt, 一(一) (三) (四)) with the figures.
std::string Prose(const assess::v1::WorkReport& r) {
  std::string text = absl::StrCat("截至", ChineseDate(r.as_of()), "，派驻机构共设置纪检监察组",
                                  r.groups(), "个，共配备行政编制", r.authorized_posts(),
                                  "个，监督覆盖市直单位", r.units_supervised(), "个");
  if (r.units_uncovered() == 0) {
    absl::StrAppend(&text, "，实现了监督全覆盖。");
  } else {
    absl::StrAppend(&text, "，尚有", r.units_uncovered(), "个单位未落实派驻监督。");
  }
  absl::StrAppend(&text, "实有人员共", r.staff(), "人，从年龄结构上看，50岁以上", r.age_50_plus(),
                  "人，40岁以上", r.age_40_49(), "人，30岁以上", r.age_30_39(), "人");
  if (r.age_under_30() > 0) absl::StrAppend(&text, "，30岁以下", r.age_under_30(), "人");
  absl::StrAppend(&text, "；从学历上看，本科及以上", r.bachelor_or_above(),
                  "人；从工作经历上看，具有五年以上纪检监察工作经验", r.experience_5_plus(),
                  "人，三年以上", r.experience_3_to_5(), "人");
  if (r.experience_under_3() > 0)
    absl::StrAppend(&text, "，不满三年", r.experience_under_3(), "人");
  absl::StrAppend(&text, "。\n");
  std::string period = absl::StrCat(ChineseDate(r.from()), "至", ChineseDate(r.to()));
  absl::StrAppend(&text, period, "，共参加驻在单位各类会议", r.meetings_attended(),
                  "次，与各单位班子成员及重点岗位人员谈心谈话", r.talks_person_times(),
                  "人次；共制发纪检监察建议书", r.letters_issued(), "份，跟踪整改问题",
                  r.problems_tracked(), "个；共处置问题线索", r.clues_disposed(),
                  "件，给予党纪政务处分", r.people_sanctioned(), "人，批评教育帮助",
                  r.people_criticised(), "人；组织参加各类培训", r.training_person_times(),
                  "人次。\n");
  return text;
}

}  // namespace

int ReportWork(const Invocation& in, const Session& session, Io io) {
  for (const char* flag : {"from", "to", "as-of"}) {
    if (!in.Has(flag))
      return UsageError(io.err, absl::StrCat("report work: --", flag, " is required"));
  }
  assess::v1::GetWorkReportRequest request;
  request.set_from(in.Get("from"));
  request.set_to(in.Get("to"));
  request.set_as_of(in.Get("as-of"));
  auto stub = assess::v1::ReportService::NewStub(session.channel);
  assess::v1::WorkReport report;
  Progress progress(io.err, StderrIsTerminal(), "counting");
  progress.Update(0, 0);
  grpc::Status status =
      stub->GetWorkReport(NewCall(session, kBulkCallTimeout).get(), request, &report);
  progress.Done();
  if (!status.ok()) return Fail(io.err, FromGrpcStatus(status));
  if (in.Has("json")) {
    // Exactly CONTRACTS.md's keys: the proto's field names, integers as numbers.
    PrintJson(io.out, ToJson(report));
    return kExitOk;
  }
  io.out << Prose(report);
  return kExitOk;
}

}  // namespace paizhu::cli
