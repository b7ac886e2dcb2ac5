#include "services/assess/api/metric_gatherer.h"

#include <set>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "common/names/resource_name.h"
#include "common/status/macros.h"
#include "common/time/civil_date.h"
#include "services/assess/api/source_error.h"
#include "services/assess/domain/campaign.h"
#include "services/assess/domain/file_catalogue.h"
#include "services/assess/domain/metric_catalogue.h"
#include "services/assess/domain/monthly_report.h"
#include "services/assess/domain/risk_point.h"
#include "services/assess/domain/work_meeting.h"

namespace paizhu::assess {
namespace {

// Records read whole for a period's metrics: a city's registers hold far fewer.
constexpr int kMaxRecords = 100000;

// A share in percent; 100 when nothing was due.
double Percent(int64_t part, int64_t whole) {
  return whole == 0 ? 100.0 : 100.0 * static_cast<double>(part) / static_cast<double>(whole);
}

// Ledger metrics: the kind (or kind/subkind) whose counts they sum.
const std::map<std::string, std::string>& LedgerKinds() {
  static const auto* kinds = new std::map<std::string, std::string>{
      {"meetings_attended", "meeting"},
      {"democratic_life_meetings", "meeting/民主生活会"},
      {"talks_person_times", "talk"},
      {"written_reports", "written_report"},
      {"holiday_reminders", "holiday_reminder"},
      {"holiday_checks", "holiday_check"},
      {"interviews", "interview"},
      {"ecology_analyses", "ecology_analysis"},
      {"campaigns", "campaign"},
      {"study_checks", "study_check"},
      {"unit_interviews", "interview"},
  };
  return *kinds;
}

}  // namespace

MetricGatherer::MetricGatherer(ActivityRepository* activities, RegimeRepository* regime,
                               RecordsRepository* records, const client::Downstream* org,
                               const client::Downstream* clue)
    : activities_(activities),
      regime_(regime),
      records_(records),
      org_(org),
      clue_(clue),
      org_stub_(org::v1::OrgService::NewStub(org->channel())),
      clue_stub_(clue::v1::ClueService::NewStub(clue->channel())) {}

absl::StatusOr<Snapshots> MetricGatherer::Gather(const Scheme& scheme,
                                                 const std::vector<std::string>& targets,
                                                 const Period& period, absl::CivilDay as_of,
                                                 const server::CallContext& call) const {
  std::set<std::string> wanted;
  std::set<MetricSource> sources;
  auto want = [&](const Task& t) {
    if (t.rule.kind == RuleKind::kManual) return;
    wanted.insert(t.rule.metric);
    if (const MetricDefinition* m = FindMetric(t.rule.metric)) sources.insert(m->source);
  };
  for (const Aspect& a : scheme.aspects) {
    for (const Task& t : a.tasks) want(t);
  }
  for (const Task& t : scheme.bonus) want(t);

  const std::string from = FormatDate(period.from);
  const std::string to = FormatDate(period.to);
  const std::string span = absl::StrCat(from, "..", to);
  Snapshots out;
  for (const std::string& code : targets) out[names::MakeName("units", code)];
  auto put = [&](const std::string& code, const std::string& metric, double value,
                 std::string evidence) {
    if (wanted.count(metric)) {
      out[names::MakeName("units", code)][metric] = {value, std::move(evidence)};
    }
  };

  if (sources.count(MetricSource::kLedger)) {
    bool by_unit = scheme.target_kind == kTargetSupervisedUnit;
    ASSIGN_OR_RETURN(auto sums,
                     activities_->SumCountsFor(targets, by_unit, from, to, call.deadline));
    for (const std::string& code : targets) {
      for (const auto& [metric, kind] : LedgerKinds()) {
        auto it = sums[code].find(kind);
        put(code, metric, it == sums[code].end() ? 0 : static_cast<double>(it->second),
            absl::StrCat("activities of units/", code, " kind ", kind, " ", span));
      }
    }
    if (wanted.count("monthly_reports_late") || wanted.count("monthly_reports_missing")) {
      ASSIGN_OR_RETURN(std::vector<DueDayRule> rules, regime_->DueDayRules(call.deadline));
      absl::CivilMonth first(period.from);
      absl::CivilMonth last(period.to);
      for (const std::string& code : targets) {
        ASSIGN_OR_RETURN(auto reports, regime_->MonthlyReports(code, first, last, call.deadline));
        std::vector<std::string> late, missing;
        for (const MonthState& m : MonthStates(first, last, reports, rules, as_of)) {
          if (m.state == ReportState::kLate) late.push_back(FormatMonth(m.month));
          if (m.state == ReportState::kMissing) missing.push_back(FormatMonth(m.month));
        }
        put(code, "monthly_reports_late", static_cast<double>(late.size()),
            absl::StrCat("monthly reports of units/", code, " late: ", absl::StrJoin(late, ","),
                         " (as of ", FormatDate(as_of), ")"));
        put(code, "monthly_reports_missing", static_cast<double>(missing.size()),
            absl::StrCat("monthly reports of units/", code, " missing: ",
                         absl::StrJoin(missing, ","), " (as of ", FormatDate(as_of), ")"));
      }
    }
    if (wanted.count("work_meetings_missed")) {
      ASSIGN_OR_RETURN(std::vector<WorkMeeting> meetings,
                       regime_->WorkMeetings(period.from, period.to, 1000, call.deadline));
      for (const std::string& code : targets) {
        std::vector<std::string> missed;
        for (const WorkMeeting& m : meetings) {
          for (const MeetingAttendance& a : m.attendance) {
            if (a.group_code == code && !a.attended) {
              missed.push_back(absl::StrCat("work-meetings/", m.id));
            }
          }
        }
        put(code, "work_meetings_missed", static_cast<double>(missed.size()),
            missed.empty() ? absl::StrCat("no work meeting missed ", span)
                           : absl::StrJoin(missed, ","));
      }
    }
    RETURN_IF_ERROR(GatherRecords(targets, period, wanted, put, call));
  }

  if (sources.count(MetricSource::kOrg)) {
    for (const std::string& code : targets) {
      if (wanted.count("training_person_times") || wanted.count("post_vacancies")) {
        org::v1::GetStatisticsRequest request;
        request.set_as_of(to);
        request.add_groups(names::MakeName("units", code));
        request.set_training_from(from);
        request.set_training_to(to);
        org::v1::Statistics stats;
        auto ctx = org_->NewCall("/paizhu.org.v1.OrgService/GetStatistics", &call);
        if (grpc::Status s = org_stub_->GetStatistics(ctx.get(), request, &stats); !s.ok()) {
          return SourceError("org", "GetStatistics", s);
        }
        int vacancies = 0;
        for (const auto& v : stats.vacancies()) vacancies += v.authorized() - v.filled();
        std::string evidence = absl::StrCat("org statistics of units/", code, " ", span);
        put(code, "training_person_times", stats.training_person_times(), evidence);
        put(code, "post_vacancies", vacancies, evidence);
      }
      if (wanted.count("accountability_records")) {
        org::v1::ListAccountabilityRequest request;
        request.set_subject(names::MakeName("units", code));
        request.set_page_size(1000);
        std::vector<std::string> in_period;
        do {  // every page: the list is paged (newest first)
          org::v1::ListAccountabilityResponse records;
          auto ctx = org_->NewCall("/paizhu.org.v1.OrgService/ListAccountability", &call);
          if (grpc::Status s = org_stub_->ListAccountability(ctx.get(), request, &records);
              !s.ok()) {
            return SourceError("org", "ListAccountability", s);
          }
          for (const auto& r : records.records()) {
            if (r.decided_on() >= from && r.decided_on() <= to) in_period.push_back(r.name());
          }
          request.set_page_token(records.next_page_token());
        } while (!request.page_token().empty());
        put(code, "accountability_records", static_cast<double>(in_period.size()),
            in_period.empty() ? absl::StrCat("no accountability of units/", code, " ", span)
                              : absl::StrJoin(in_period, ","));
      }
    }
  }

  if (sources.count(MetricSource::kClue)) {
    clue::v1::GetClueStatisticsRequest request;
    request.set_from(from);
    request.set_to(to);
    for (const std::string& code : targets) request.add_units(names::MakeName("units", code));
    clue::v1::ClueStatistics stats;
    auto ctx = clue_->NewCall("/paizhu.clue.v1.ClueService/GetClueStatistics", &call);
    if (grpc::Status s = clue_stub_->GetClueStatistics(ctx.get(), request, &stats); !s.ok()) {
      return SourceError("clue", "GetClueStatistics", s);
    }
    for (const auto& unit : stats.units()) {
      absl::StatusOr<std::string> code = names::ParseName(unit.unit(), "units", "unit");
      if (!code.ok()) continue;
      const clue::v1::ClueFigures& f = unit.figures();
      std::string evidence = absl::StrCat("clue figures of ", unit.unit(), " ", span);
      put(*code, "clues_disposed", f.clues_disposed(), evidence);
      put(*code, "disposed_on_time_percent", Percent(f.disposed_on_time(), f.clues_disposed()),
          evidence);
      put(*code, "cases_filed", f.cases_filed(), evidence);
      put(*code, "joint_cases", f.joint_cases(), evidence);
      put(*code, "people_criticised", f.people_criticised(), evidence);
      put(*code, "letters_issued", f.letters_issued(), evidence);
      put(*code, "problems_tracked", f.problems_tracked(), evidence);
      put(*code, "problems_rectified_percent",
          Percent(f.problems_rectified(), f.problems_tracked()), evidence);
      put(*code, "letters_received", f.letters_received(), evidence);
      put(*code, "letters_replied_on_time_percent",
          Percent(f.letters_replied_on_time(), f.letters_received()), evidence);
      put(*code, "problems_received_rectified_percent",
          Percent(f.problems_received_rectified(), f.problems_received()), evidence);
    }
  }
  return out;
}

absl::Status MetricGatherer::GatherRecords(const std::vector<std::string>& targets,
                                           const Period& period,
                                           const std::set<std::string>& wanted, const Put& put,
                                           const server::CallContext& call) const {
  const std::string span = absl::StrCat(FormatDate(period.from), "..", FormatDate(period.to));
  if (wanted.count("risk_points_reviewed")) {
    // A register is small: every point once, each target's counted here.
    ASSIGN_OR_RETURN(std::vector<RiskPoint> points,
                     records_->RiskPoints("", "", kMaxRecords, call.deadline));
    for (const std::string& code : targets) {
      std::vector<std::string> ids;
      for (int64_t id : PointsWorkedOn(points, code, period.from, period.to)) {
        ids.push_back(absl::StrCat("risk-points/", id));
      }
      put(code, "risk_points_reviewed", static_cast<double>(ids.size()),
          ids.empty()
              ? absl::StrCat("no risk point of units/", code, " identified or reviewed ", span)
              : absl::StrJoin(ids, ","));
    }
  }
  if (wanted.count("campaign_followup_percent") || wanted.count("campaign_problems_found")) {
    ASSIGN_OR_RETURN(std::vector<Campaign> campaigns,
                     records_->Campaigns(period.from, period.to, kMaxRecords, call.deadline));
    for (const std::string& code : targets) {
      CampaignTally t = TallyCampaigns(campaigns, code, period.from, period.to);
      std::string evidence = absl::StrCat(
          t.followed_up, " of ", t.assigned, " campaign units of units/", code, " followed up ",
          span, t.evidence.empty() ? "" : absl::StrCat(": ", absl::StrJoin(t.evidence, ",")));
      put(code, "campaign_followup_percent",
          t.assigned == 0 ? 100.0 : 100.0 * t.followed_up / static_cast<double>(t.assigned),
          evidence);
      put(code, "campaign_problems_found", static_cast<double>(t.problems_found), evidence);
    }
  }
  if (wanted.count("file_catalogue_percent")) {
    ASSIGN_OR_RETURN(std::vector<FileItem> catalogue, records_->FileCatalogue(call.deadline));
    const int year = static_cast<int>(period.to.year());
    for (const std::string& code : targets) {
      ASSIGN_OR_RETURN(auto kept, records_->GroupFiles(code, year, call.deadline));
      put(code, "file_catalogue_percent", KeptPercent(catalogue, kept),
          absl::StrCat(kept.size(), " of ", catalogue.size(), " catalogue files kept by units/",
                       code, " for ", year));
    }
  }
  return absl::OkStatus();
}

absl::StatusOr<std::vector<std::string>> MetricGatherer::UnitsOfKind(
    const std::string& kind, absl::CivilDay day, const server::CallContext& call) const {
  std::vector<std::string> out;
  const std::string on = FormatDate(day);
  org::v1::ListUnitsRequest request;
  request.set_kind(kind);
  request.set_page_size(1000);
  do {
    org::v1::ListUnitsResponse page;
    auto ctx = org_->NewCall("/paizhu.org.v1.OrgService/ListUnits", &call);
    if (grpc::Status s = org_stub_->ListUnits(ctx.get(), request, &page); !s.ok()) {
      return SourceError("org", "ListUnits", s);
    }
    for (const org::v1::Unit& u : page.units()) {
      bool exists = u.established_on() <= on && (u.dissolved_on().empty() || u.dissolved_on() > on);
      absl::StatusOr<std::string> code = names::ParseName(u.name(), "units", "unit");
      if (exists && code.ok()) out.push_back(*code);
    }
    request.set_page_token(page.next_page_token());
  } while (!request.page_token().empty());
  return out;
}

}  // namespace paizhu::assess
