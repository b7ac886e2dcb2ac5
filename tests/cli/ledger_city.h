#pragma once
// A city's ledger files (CONTRACTS.md formats, and the record kinds README.md gives
// formats: org's records and attendance) read with the CLI's reader, and the work
// report counted from them by CONTRACTS.md's rules, independently of the services: the
// tests' own count to hold the suite's answers against.

#include <map>
#include <string>
#include <vector>

#include "absl/time/civil_time.h"

namespace paizhu::cli {

class LedgerCity {
 public:
  using Row = std::map<std::string, std::string>;  // column -> cell

  // `files`: kind -> the file's text; kinds left out are empty.
  explicit LedgerCity(const std::map<std::string, std::string>& files);

  // What the CLI's reader refused or found wrong, one line each ("units.csv line 3 ...").
  const std::vector<std::string>& problems() const { return problems_; }
  const std::vector<Row>& rows(const std::string& kind) const;
  const std::map<std::string, Row>& units() const { return units_; }
  const std::map<std::string, Row>& people() const { return people_; }

  struct Post {
    std::string person, unit, post, from, to;
  };
  // people.csv's open posts and assignments.csv's history.
  const std::vector<Post>& posts() const { return posts_; }

  // The group whose leader, deputy or staff post `person` holds on `day` ("" when none).
  std::string GroupPostOn(const std::string& person, absl::CivilDay day) const;
  // The group supervising `unit` on `day` ("" when none).
  std::string SupervisorOn(const std::string& unit, absl::CivilDay day) const;

  // Every figure of the work report except from, to and as_of, by CONTRACTS.md's keys.
  std::map<std::string, int> WorkReport(absl::CivilDay from, absl::CivilDay to,
                                        absl::CivilDay as_of) const;

 private:
  std::vector<std::string> problems_;
  std::map<std::string, std::vector<Row>> files_;
  std::map<std::string, Row> units_;
  std::map<std::string, Row> people_;
  std::vector<Post> posts_;
};

// "2022-05-31" as a day (a default day for bad text).
absl::CivilDay Day(const std::string& text);
int CompletedYears(absl::CivilDay from, absl::CivilDay on);

}  // namespace paizhu::cli
