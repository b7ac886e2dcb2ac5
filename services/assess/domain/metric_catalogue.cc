#include "services/assess/domain/metric_catalogue.h"

namespace paizhu::assess {
namespace {

std::vector<MetricDefinition> Build() {
  constexpr MetricSource kLedger = MetricSource::kLedger;
  constexpr MetricSource kOrg = MetricSource::kOrg;
  constexpr MetricSource kClue = MetricSource::kClue;
  const std::string g = kTargetGroup;
  const std::string u = kTargetSupervisedUnit;
  // Periods are the run's; "the group's" means rows the group recorded.
  return {
      // The group's supervision ledger (activities, CONTRACTS.md kind list).
      {"meetings_attended", kLedger, g, false, "sum of count of the group's meeting activities"},
      {"democratic_life_meetings", kLedger, g, false,
       "the group's meeting activities with subkind 民主生活会"},
      {"talks_person_times", kLedger, g, false, "sum of count of the group's talk activities"},
      {"written_reports", kLedger, g, false,
       "sum of count of the group's written_report activities"},
      {"holiday_reminders", kLedger, g, false,
       "sum of count of the group's holiday_reminder activities"},
      {"holiday_checks", kLedger, g, false, "sum of count of the group's holiday_check activities"},
      {"interviews", kLedger, g, false, "sum of count of the group's interview (约谈) activities"},
      {"ecology_analyses", kLedger, g, false,
       "sum of count of the group's ecology_analysis activities"},
      {"campaigns", kLedger, g, false, "sum of count of the group's campaign activities"},
      {"study_checks", kLedger, g, false, "sum of count of the group's study_check activities"},
      {"monthly_reports_late", kLedger, g, false,
       "months of the period whose monthly report came after the due day"},
      {"monthly_reports_missing", kLedger, g, false,
       "months of the period, due by the run, with no monthly report"},
      {"work_meetings_missed", kLedger, g, false,
       "work meetings (quarterly, half-year seminar, 述责述廉) in the period the group missed"},
      // The risk register, special campaigns and the file catalogue kept here.
      {"risk_points_reviewed", kLedger, g, false,
       "risk points (廉政风险点) in the group's register identified or reviewed in the period"},
      {"campaign_followup_percent", kLedger, g, true,
       "of the units the group follows up in special campaigns overlapping the period, the "
       "share followed up by the period's end"},
      {"campaign_problems_found", kLedger, g, false, "problems found in those follow-ups"},
      {"file_catalogue_percent", kLedger, g, true,
       "of the standard file catalogue's items, the share the group keeps for the year of the "
       "period's end"},
      // The organisation service (GetStatistics for the group; ListAccountability).
      {"training_person_times", kOrg, g, false,
       "training records in the period of people holding a post of the group that day"},
      {"post_vacancies", kOrg, g, false,
       "authorised posts of the group not filled at the period's end"},
      {"accountability_records", kOrg, g, false,
       "accountability records (问责) of the group itself decided in the period"},
      // The clue service (GetClueStatistics per unit).
      {"clues_disposed", kClue, g, false,
       "distinct clues the group handles whose first disposal falls in the period"},
      {"disposed_on_time_percent", kClue, g, true,
       "of those, the share disposed by the disposal-opinion due date"},
      {"cases_filed", kClue, g, false, "cases the group handles filed in the period"},
      {"joint_cases", kClue, g, false,
       "clues received in the period the group handles with more than one party"},
      {"people_criticised", kClue, g, false,
       "distinct (clue, person) of the group's clues given criticism-education in the period"},
      {"letters_issued", kClue, g, false, "recommendation letters the group issued in the period"},
      {"problems_tracked", kClue, g, false, "problems of the letters the group issued"},
      {"problems_rectified_percent", kClue, g, true,
       "of those problems, the share rectified or verified by the period's end"},
      {"letters_received", kClue, u, false, "recommendation letters issued to the unit"},
      {"letters_replied_on_time_percent", kClue, u, true,
       "of those letters, the share the unit replied to by their reply_due"},
      {"problems_received_rectified_percent", kClue, u, true,
       "of the problems of those letters, the share rectified or verified by the period's end"},
      {"unit_interviews", kLedger, u, false,
       "sum of count of interview (约谈) activities about the unit"},
  };
}

}  // namespace

const std::vector<MetricDefinition>& MetricCatalogue() {
  static const std::vector<MetricDefinition>* catalogue =
      new std::vector<MetricDefinition>(Build());
  return *catalogue;
}

const MetricDefinition* FindMetric(absl::string_view name) {
  for (const MetricDefinition& m : MetricCatalogue()) {
    if (m.name == name) return &m;
  }
  return nullptr;
}

absl::string_view SourceName(MetricSource source) {
  switch (source) {
    case MetricSource::kLedger:
      return "ledger";
    case MetricSource::kOrg:
      return "org";
    case MetricSource::kClue:
      return "clue";
  }
  return "";
}

}  // namespace paizhu::assess
