#pragma once
// A person (派驻干部 and everyone else the commission records) and the rules on their
// records: codes, plausible dates, the contracts' enumerations.

#include <optional>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/time/civil_time.h"
#include "common/time/date_range.h"

namespace paizhu::org {

struct PostAssignment {
  int64_t id = 0;
  std::string person_code;
  std::string unit_code;
  std::string post;
  DateRange when;
  std::string reason;
  std::string over_quota_reason;
  std::string talk_override_reason;
};

struct Person {
  std::string code;
  std::string display_name;
  std::string gender;  // male, female; empty = not recorded
  std::optional<absl::CivilDay> birth_date;
  std::string education;  // below_college, college, bachelor, master, doctorate
  std::vector<std::string> specialties;
  std::optional<absl::CivilDay> work_start;
  std::vector<PostAssignment> assignments;  // read side: the whole history
  std::vector<std::string> mentor_codes;    // read side: pairs in force today (一帮一)
  std::vector<std::string> mentee_codes;
  int64_t version = 0;
};

// 问责 of a person or of a unit (a group).
struct Accountability {
  int64_t id = 0;
  std::string subject_kind;  // person, unit
  std::string subject_code;
  absl::CivilDay decided_on;
  std::string measure;
  std::string reason;
};

// People holding, on as_of, a post matching what is set (nothing set: everyone).
struct PeopleFilter {
  absl::CivilDay as_of;
  std::string unit_code;  // empty: any unit
  std::string post;       // empty: any post
  bool active = false;    // any post at all
  bool Filters() const { return active || !unit_code.empty() || !post.empty(); }
};

// Where a page of accountability records (newest first) ended.
struct AccountabilityCursor {
  absl::CivilDay decided_on;
  int64_t id = 0;
};

bool IsGender(const std::string& value);
bool IsEducation(const std::string& value);
bool IsSpecialty(const std::string& value);
// bachelor, master, doctorate ("本科及以上").
bool IsBachelorOrAbove(const std::string& education);
// law, finance, accounting, audit: the skills the report wants more of.
bool IsScarceSpecialty(const std::string& specialty);

// `field_prefix` is "person." for the API and "" for import rows (CSV column names).
absl::Status ValidatePerson(const Person& person, absl::CivilDay today,
                            const std::string& field_prefix = "person.");

}  // namespace paizhu::org
