#include "services/org/domain/person.h"

#include <algorithm>
#include <set>

#include "absl/strings/str_cat.h"
#include "common/names/resource_name.h"
#include "common/status/status.h"

namespace paizhu::org {
namespace {

bool OneOf(const std::string& value, std::initializer_list<const char*> allowed) {
  return std::any_of(allowed.begin(), allowed.end(), [&](const char* a) { return value == a; });
}

// CONTRACTS.md: work_start is at least 16 years after birth.
constexpr int kMinimumWorkingAge = 16;

}  // namespace

bool IsGender(const std::string& v) { return OneOf(v, {"male", "female"}); }
bool IsEducation(const std::string& v) {
  return OneOf(v, {"below_college", "college", "bachelor", "master", "doctorate"});
}
bool IsSpecialty(const std::string& v) {
  return OneOf(v, {"law", "finance", "accounting", "audit", "it", "other"});
}
bool IsBachelorOrAbove(const std::string& e) {
  return OneOf(e, {"bachelor", "master", "doctorate"});
}
bool IsScarceSpecialty(const std::string& s) {
  return OneOf(s, {"law", "finance", "accounting", "audit"});
}

absl::Status ValidatePerson(const Person& p, absl::CivilDay today, const std::string& prefix) {
  auto bad = [&](const char* field, const char* reason, const std::string& message) {
    return InvalidArgument(absl::StrCat(prefix, field), reason,
                           absl::StrCat(prefix, field, ": ", message));
  };
  if (!names::IsValidCode(p.code)) {
    return InvalidArgument(prefix.empty() ? "code" : "person_id", "INVALID_CODE",
                           "person code: 1-32 letters, digits, '-' or '_'");
  }
  if (p.display_name.empty() || p.display_name.size() > 300) {
    return bad(prefix.empty() ? "name" : "display_name", "INVALID_DISPLAY_NAME",
               "required, at most 100 characters");
  }
  if (!p.gender.empty() && !IsGender(p.gender))
    return bad("gender", "INVALID_GENDER", "male or female");
  if (!p.education.empty() && !IsEducation(p.education)) {
    return bad("education", "INVALID_EDUCATION",
               "one of below_college, college, bachelor, master, doctorate");
  }
  std::set<std::string> seen;
  for (const std::string& s : p.specialties) {
    if (!IsSpecialty(s)) {
      return bad(
          "specialties", "INVALID_SPECIALTY",
          absl::StrCat("'", s, "' is not one of law, finance, accounting, audit, it, other"));
    }
    if (!seen.insert(s).second)
      return bad("specialties", "DUPLICATE_SPECIALTY", absl::StrCat("'", s, "' twice"));
  }
  if (p.birth_date) {
    if (*p.birth_date > today) return bad("birth_date", "DATE_IN_FUTURE", "after today");
    if (CompletedYears(*p.birth_date, today) > 100)
      return bad("birth_date", "IMPLAUSIBLE_DATE", "over 100 years ago");
  }
  if (p.work_start) {
    if (*p.work_start > today) return bad("work_start", "DATE_IN_FUTURE", "after today");
    if (p.birth_date && CompletedYears(*p.birth_date, *p.work_start) < kMinimumWorkingAge) {
      return bad("work_start", "WORK_START_TOO_EARLY", "less than 16 years after the birth date");
    }
  }
  return absl::OkStatus();
}

}  // namespace paizhu::org
