#pragma once
// The report's table (CONTRACTS.md, the work report) computed from dated facts as of a
// date: a pure function over a snapshot the repository loads, so an earlier date gives
// the figures as they were then.

#include <map>
#include <set>
#include <string>
#include <vector>

#include "absl/time/civil_time.h"
#include "common/time/date_range.h"
#include "services/org/domain/person.h"
#include "services/org/domain/unit.h"

namespace paizhu::org {

struct QuotaFact {
  std::string unit_code;
  std::string post;
  int count = 0;
  DateRange when;
};

struct SupervisionFact {
  std::string unit_code;
  std::string group_code;
  DateRange when;
};

struct TrainingFact {
  std::string person_code;
  absl::CivilDay day;
};

// A collaboration zone (协作区) and its dated membership.
struct ZoneFact {
  std::string code;
  std::string display_name;
  std::string office_code;
  DateRange when;  // established_on .. dissolved_on
};

struct ZoneMemberFact {
  std::string zone_code;
  std::string unit_code;
  DateRange when;
};

struct OrgSnapshot {
  std::vector<Unit> units;
  std::vector<QuotaFact> quotas;
  std::vector<SupervisionFact> supervisions;
  std::vector<PostAssignment> assignments;
  std::map<std::string, Person> people;  // by code
  std::vector<TrainingFact> trainings;
  std::vector<ZoneFact> zones;
  std::vector<ZoneMemberFact> zone_members;
};

struct StatisticsQuery {
  absl::CivilDay as_of;
  std::set<std::string> groups;  // empty: every group
  absl::CivilDay training_from;
  absl::CivilDay training_to;
  double specialist_target_share = 0.3;
};

struct VacancyFigure {
  std::string group_code;
  std::string post;
  int authorized = 0;
  int filled = 0;
};

// A zone on the as-of date: its office, and its member groups and townships then.
struct ZoneComposition {
  std::string zone_code;
  std::string display_name;
  std::string office_code;
  std::vector<std::string> group_codes;     // sorted
  std::vector<std::string> township_codes;  // sorted
};

struct OrgStatistics {
  int groups = 0;
  int authorized_posts = 0;
  int staff = 0;
  std::vector<VacancyFigure> vacancies;
  int age_under_30 = 0, age_30_39 = 0, age_40_49 = 0, age_50_plus = 0;
  int bachelor_or_above = 0;
  std::map<std::string, int> education;
  int experience_under_3 = 0, experience_3_to_5 = 0, experience_5_plus = 0;
  std::map<std::string, int> specialties;
  int specialists = 0;
  double specialist_share = 0;
  bool specialist_share_below_target = false;
  int units_supervised = 0;
  int units_uncovered = 0;
  std::vector<std::string> coverage_gaps;  // unit codes
  int training_person_times = 0;
  std::vector<ZoneComposition> zones;  // by code; with a group filter, zones holding one
};

bool ExistsOn(const Unit& unit, absl::CivilDay day);

OrgStatistics ComputeStatistics(const OrgSnapshot& snapshot, const StatisticsQuery& query);

}  // namespace paizhu::org
