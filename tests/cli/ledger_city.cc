#include "tests/cli/ledger_city.h"

#include <algorithm>
#include <set>
#include <tuple>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "common/time/civil_date.h"
#include "tools/cli/ledger_format.h"

namespace paizhu::cli {
namespace {

bool IsSanction(const std::string& outcome) {
  return outcome.rfind("party_", 0) == 0 || outcome.rfind("gov_", 0) == 0;
}

bool IsGroupPost(const std::string& post) {
  return post == "leader" || post == "deputy" || post == "staff";
}

}  // namespace

absl::CivilDay Day(const std::string& text) {
  auto day = ParseDate(text, "date");
  return day.ok() ? *day : absl::CivilDay();
}

int CompletedYears(absl::CivilDay from, absl::CivilDay on) {
  int years = static_cast<int>(on.year() - from.year());
  if (on.month() < from.month() || (on.month() == from.month() && on.day() < from.day())) --years;
  return years;
}

LedgerCity::LedgerCity(const std::map<std::string, std::string>& files) {
  std::vector<LedgerFormat> formats = LedgerFormats();
  formats.insert(formats.end(), RecordFormats().begin(), RecordFormats().end());
  for (const auto& format : formats) {
    auto& rows = files_[format.kind];
    auto text = files.find(format.kind);
    if (text == files.end()) continue;
    auto ledger = ReadLedger(format, text->second);
    if (!ledger.ok()) {
      problems_.push_back(absl::StrCat(format.kind, ".csv: ", ledger.status().message()));
      continue;
    }
    for (const auto& e : ledger->errors) {
      problems_.push_back(
          absl::StrCat(format.kind, ".csv line ", e.line, " ", e.field, ": ", e.message));
    }
    for (const auto& row : ledger->rows) {
      Row named;
      for (size_t c = 0; c < format.columns.size(); ++c) {
        named[format.columns[c].name] = row.cells[c];
      }
      rows.push_back(std::move(named));
    }
  }
  for (const auto& unit : files_["units"]) units_[unit.at("code")] = unit;
  for (const auto& person : files_["people"]) {
    people_[person.at("code")] = person;
    if (!person.at("unit").empty()) {
      posts_.push_back(
          {person.at("code"), person.at("unit"), person.at("post"), person.at("post_since"), ""});
    }
  }
  for (const auto& a : files_["assignments"]) {
    posts_.push_back({a.at("person"), a.at("unit"), a.at("post"), a.at("from"), a.at("to")});
  }
  for (const auto& post : posts_) {
    if (units_.count(post.unit) == 0) problems_.push_back("a post in unknown unit " + post.unit);
  }
}

const std::vector<LedgerCity::Row>& LedgerCity::rows(const std::string& kind) const {
  return files_.at(kind);
}

std::string LedgerCity::GroupPostOn(const std::string& person, absl::CivilDay day) const {
  for (const auto& post : posts_) {
    if (post.person != person || !IsGroupPost(post.post)) continue;
    auto unit = units_.find(post.unit);
    if (unit == units_.end() || unit->second.at("kind") != "group") continue;
    if (Day(post.from) <= day && (post.to.empty() || day <= Day(post.to))) return post.unit;
  }
  return "";
}

std::string LedgerCity::SupervisorOn(const std::string& unit, absl::CivilDay day) const {
  // units.csv's first supervision, then supervision.csv's changes, in date order; a `to`
  // leaves the unit without a group from the day after.
  std::vector<std::tuple<absl::CivilDay, std::string, std::string>> changes;
  const Row& row = units_.at(unit);
  if (!row.at("supervising_group").empty()) {
    changes.emplace_back(Day(row.at("supervised_since")), row.at("supervising_group"), "");
  }
  for (const auto& s : files_.at("supervision")) {
    if (s.at("unit") == unit) changes.emplace_back(Day(s.at("from")), s.at("group"), s.at("to"));
  }
  std::sort(changes.begin(), changes.end());
  std::string group;
  for (const auto& [since, g, until] : changes) {
    if (since > day) break;
    group = (until.empty() || day <= Day(until)) ? g : "";
  }
  return group;
}

std::map<std::string, int> LedgerCity::WorkReport(absl::CivilDay from, absl::CivilDay to,
                                                  absl::CivilDay as_of) const {
  auto in_period = [&](const std::string& day) { return Day(day) >= from && Day(day) <= to; };
  std::map<std::string, int> r;
  for (const char* key : {"groups",
                          "authorized_posts",
                          "staff",
                          "units_supervised",
                          "units_uncovered",
                          "age_under_30",
                          "age_30_39",
                          "age_40_49",
                          "age_50_plus",
                          "bachelor_or_above",
                          "experience_under_3",
                          "experience_3_to_5",
                          "experience_5_plus",
                          "meetings_attended",
                          "talks_person_times",
                          "letters_issued",
                          "problems_tracked",
                          "clues_disposed",
                          "people_sanctioned",
                          "people_criticised",
                          "training_person_times"}) {
    r[key] = 0;
  }
  for (const auto& [code, unit] : units_) {
    if (Day(unit.at("established_on")) > as_of) continue;
    if (unit.at("kind") == "group") {
      ++r["groups"];
      for (absl::string_view part : absl::StrSplit(unit.at("posts"), ';', absl::SkipEmpty())) {
        int count = 0;
        if (absl::SimpleAtoi(part.substr(part.find('=') + 1), &count))
          r["authorized_posts"] += count;
      }
    }
    if (unit.at("kind") == "supervised_unit") {
      ++r[SupervisorOn(code, as_of).empty() ? "units_uncovered" : "units_supervised"];
    }
  }
  for (const auto& [code, person] : people_) {
    if (GroupPostOn(code, as_of).empty()) continue;
    ++r["staff"];
    int age = CompletedYears(Day(person.at("birth_date")), as_of);
    ++r[age < 30   ? "age_under_30"
        : age < 40 ? "age_30_39"
        : age < 50 ? "age_40_49"
                   : "age_50_plus"];
    const std::string& education = person.at("education");
    if (education == "bachelor" || education == "master" || education == "doctorate") {
      ++r["bachelor_or_above"];
    }
    int service = CompletedYears(Day(person.at("work_start")), as_of);
    ++r[service < 3   ? "experience_under_3"
        : service < 5 ? "experience_3_to_5"
                      : "experience_5_plus"];
  }
  for (const auto& a : files_.at("activities")) {
    if (!in_period(a.at("date"))) continue;
    int count = 1;  // an empty cell: the format's default
    if (!a.at("count").empty() && !absl::SimpleAtoi(a.at("count"), &count)) count = 0;
    if (a.at("kind") == "meeting") r["meetings_attended"] += count;
    if (a.at("kind") == "talk") r["talks_person_times"] += count;
  }
  std::set<std::string> letters;
  for (const auto& letter : files_.at("letters")) {
    if (in_period(letter.at("issued_on"))) letters.insert(letter.at("code"));
  }
  r["letters_issued"] = static_cast<int>(letters.size());
  for (const auto& problem : files_.at("problems")) {
    r["problems_tracked"] += static_cast<int>(letters.count(problem.at("letter")));
  }
  std::map<std::string, absl::CivilDay> first_disposal;
  for (const auto& clue : files_.at("clues")) {
    absl::CivilDay day = Day(clue.at("disposed_on"));
    auto [it, added] = first_disposal.emplace(clue.at("number"), day);
    if (!added && day < it->second) it->second = day;
  }
  for (const auto& [number, day] : first_disposal) r["clues_disposed"] += day >= from && day <= to;
  std::set<std::pair<std::string, std::string>> sanctioned, criticised;
  for (const auto& outcome : files_.at("outcomes")) {
    if (!in_period(outcome.at("decided_on"))) continue;
    std::pair<std::string, std::string> who = {outcome.at("clue"), outcome.at("subject_name")};
    if (IsSanction(outcome.at("outcome"))) sanctioned.insert(who);
    if (outcome.at("outcome") == "criticism_education") criticised.insert(who);
  }
  r["people_sanctioned"] = static_cast<int>(sanctioned.size());
  r["people_criticised"] = static_cast<int>(criticised.size());
  for (const auto& t : files_.at("trainings")) {
    if (in_period(t.at("date")) && !GroupPostOn(t.at("person"), Day(t.at("date"))).empty()) {
      ++r["training_person_times"];
    }
  }
  return r;
}

}  // namespace paizhu::cli
