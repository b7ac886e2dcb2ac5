#include "services/org/domain/statistics.h"

#include <algorithm>

#include "services/org/domain/posts.h"
#include "services/org/domain/unit.h"

namespace paizhu::org {

bool ExistsOn(const Unit& unit, absl::CivilDay day) {
  return unit.established_on <= day && (!unit.dissolved_on || day <= *unit.dissolved_on);
}

OrgStatistics ComputeStatistics(const OrgSnapshot& s, const StatisticsQuery& q) {
  OrgStatistics out;
  const absl::CivilDay d = q.as_of;
  auto selected = [&](const std::string& group) {
    return q.groups.empty() || q.groups.count(group) > 0;
  };

  // Groups existing on D (and selected).
  std::set<std::string> groups;
  for (const Unit& u : s.units) {
    if (u.kind == "group" && ExistsOn(u, d) && selected(u.code)) groups.insert(u.code);
  }
  out.groups = static_cast<int>(groups.size());

  // Quotas in force on D, per (group, post).
  std::map<std::pair<std::string, std::string>, int> authorized;
  for (const QuotaFact& f : s.quotas) {
    if (groups.count(f.unit_code) && f.when.Contains(d))
      authorized[{f.unit_code, f.post}] += f.count;
  }
  for (const auto& [key, count] : authorized) out.authorized_posts += count;

  // Staff: distinct people holding a group post in those groups on D.
  std::map<std::pair<std::string, std::string>, std::set<std::string>> holders;
  std::set<std::string> staff;
  for (const PostAssignment& a : s.assignments) {
    if (groups.count(a.unit_code) && IsGroupPost(a.post) && a.when.Contains(d)) {
      holders[{a.unit_code, a.post}].insert(a.person_code);
      staff.insert(a.person_code);
    }
  }
  out.staff = static_cast<int>(staff.size());
  for (const auto& [key, count] : authorized) {
    int filled = static_cast<int>(holders[key].size());
    if (filled < count) out.vacancies.push_back({key.first, key.second, count, filled});
  }

  for (const std::string& code : staff) {
    auto it = s.people.find(code);
    if (it == s.people.end()) continue;
    const Person& p = it->second;
    if (p.birth_date) {
      int age = CompletedYears(*p.birth_date, d);
      (age < 30   ? out.age_under_30
       : age < 40 ? out.age_30_39
       : age < 50 ? out.age_40_49
                  : out.age_50_plus)++;
    }
    if (!p.education.empty()) ++out.education[p.education];
    if (IsBachelorOrAbove(p.education)) ++out.bachelor_or_above;
    if (p.work_start) {
      int years = CompletedYears(*p.work_start, d);
      (years < 3   ? out.experience_under_3
       : years < 5 ? out.experience_3_to_5
                   : out.experience_5_plus)++;
    }
    bool specialist = false;
    for (const std::string& sp : p.specialties) {
      ++out.specialties[sp];
      specialist |= IsScarceSpecialty(sp);
    }
    out.specialists += specialist;
  }
  out.specialist_share = out.staff == 0 ? 0 : static_cast<double>(out.specialists) / out.staff;
  out.specialist_share_below_target =
      out.staff > 0 && out.specialist_share < q.specialist_target_share;

  // Coverage: supervised units existing on D with, and without, a group on D. With a
  // group filter, only the units those groups supervise count (gaps belong to nobody).
  std::map<std::string, std::string> supervisor;
  for (const SupervisionFact& f : s.supervisions) {
    if (f.when.Contains(d)) supervisor[f.unit_code] = f.group_code;
  }
  for (const Unit& u : s.units) {
    if (u.kind != "supervised_unit" || !ExistsOn(u, d)) continue;
    auto it = supervisor.find(u.code);
    if (it != supervisor.end() && selected(it->second)) {
      ++out.units_supervised;
    } else if (it == supervisor.end() && q.groups.empty()) {
      ++out.units_uncovered;
      out.coverage_gaps.push_back(u.code);
    }
  }

  // Training person-times: records in the period of people in a group post that day.
  for (const TrainingFact& t : s.trainings) {
    if (t.day < q.training_from || q.training_to < t.day) continue;
    for (const PostAssignment& a : s.assignments) {
      if (a.person_code == t.person_code && IsGroupPost(a.post) && a.when.Contains(t.day) &&
          selected(a.unit_code)) {
        ++out.training_person_times;
        break;
      }
    }
  }
  // Zone composition (室组地): zones existing on D, their members on D by kind.
  std::map<std::string, std::string> kind_of;
  for (const Unit& u : s.units) kind_of[u.code] = u.kind;
  std::map<std::string, ZoneComposition> zones;
  for (const ZoneFact& z : s.zones) {
    if (z.when.Contains(d)) zones[z.code] = {z.code, z.display_name, z.office_code, {}, {}};
  }
  for (const ZoneMemberFact& m : s.zone_members) {
    auto zone = zones.find(m.zone_code);
    if (zone == zones.end() || !m.when.Contains(d)) continue;
    const std::string& kind = kind_of[m.unit_code];
    if (IsOfficeKind(kind)) zone->second.office_code = m.unit_code;  // the one in force on D
    if (kind == "group") zone->second.group_codes.push_back(m.unit_code);
    if (kind == "township") zone->second.township_codes.push_back(m.unit_code);
  }
  for (auto& [code, zone] : zones) {
    std::sort(zone.group_codes.begin(), zone.group_codes.end());
    std::sort(zone.township_codes.begin(), zone.township_codes.end());
    bool holds_selected = q.groups.empty();
    for (const std::string& g : zone.group_codes) holds_selected |= q.groups.count(g) > 0;
    if (holds_selected) out.zones.push_back(std::move(zone));
  }
  return out;
}

}  // namespace paizhu::org
