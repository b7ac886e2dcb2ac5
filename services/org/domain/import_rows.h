#pragma once
// Bulk-import rows (CONTRACTS.md, "CSV import formats" 1, 2 and 4): one row's text
// columns -> domain values, with every problem of the row as (line, field, reason). The
// field is the CSV column. Pure: what needs the database (codes free, parents existing,
// quotas, vetting) is checked by the store when the row is applied.

#include <optional>
#include <string>
#include <vector>

#include "absl/time/civil_time.h"
#include "services/org/domain/person.h"
#include "services/org/domain/unit.h"

namespace paizhu::org {

// Reasons (besides those the single creates use: INVALID_CODE, INVALID_DATE,
// INVALID_UNIT_KIND, INVALID_DISPLAY_NAME, INVALID_GENDER, INVALID_EDUCATION,
// INVALID_SPECIALTY, DUPLICATE_SPECIALTY, INVALID_POST, INVALID_COUNT, DATE_IN_FUTURE,
// WORK_START_TOO_EARLY, UNIT_OWN_PARENT, COMMISSION_HAS_NO_PARENT; and for columns of the
// wrong kind NOT_A_GROUP (posts, guiding_office) and NOT_A_SUPERVISED_UNIT
// (supervising_group, supervised_since)):

// A required column is empty.
inline constexpr char kReasonRequired[] = "REQUIRED";
// The row's code was already used by an earlier row of the same file.
inline constexpr char kReasonDuplicateInFile[] = "DUPLICATE_IN_FILE";
// `zone` on a unit of a kind that is in no zone (commission, supervised unit).
inline constexpr char kReasonNotApplicable[] = "NOT_APPLICABLE";
// `posts` is not like leader=1;deputy=1;staff=1.
inline constexpr char kReasonInvalidPosts[] = "INVALID_POSTS";
// Columns that go together (supervising_group and supervised_since; unit, post and
// post_since) are given only in part.
inline constexpr char kReasonIncomplete[] = "INCOMPLETE";
// A group's quota per post is 0..20 (SetPostQuota's rule); DUPLICATE_POST: a post twice.
inline constexpr int kMaxQuota = 20;

struct RowError {
  int line = 0;
  std::string field;   // the CSV column
  std::string reason;  // stable, e.g. INVALID_DATE
  std::string message;
  bool operator==(const RowError&) const = default;
};

// ---- the CSV columns, as text ----

struct ZoneColumns {
  int line = 0;
  std::string code, name, office, established_on;
};

struct UnitColumns {
  int line = 0;
  std::string code, kind, name, parent, established_on, posts, guiding_office, supervising_group,
      supervised_since, zone;
};

struct PersonColumns {
  int line = 0;
  std::string code, name, gender, birth_date, education, specialties, work_start, unit, post,
      post_since, vetted_on;
};

// ---- the parsed rows ----

struct ZoneRecord {
  int line = 0;
  std::string code;
  std::string display_name;
  std::string office_code;
  absl::CivilDay established_on;
};

struct PostCount {
  std::string post;  // leader, deputy, staff
  int count = 0;
  bool operator==(const PostCount&) const = default;
};

struct UnitRecord {
  int line = 0;
  Unit unit;                     // code, kind, display_name, parent, established_on, guiding office
  std::vector<PostCount> posts;  // groups: quotas from established_on, in the file's order
  // Supervised units: the group from supervised_since (both or neither).
  std::string supervising_group_code;
  std::optional<absl::CivilDay> supervised_since;
  std::string zone_code;  // offices, groups, townships: member from established_on
};

struct PersonRecord {
  int line = 0;
  Person person;
  // One open assignment: all three or none.
  std::string unit_code;
  std::string post;
  std::optional<absl::CivilDay> post_since;
  std::optional<absl::CivilDay> vetted_on;  // a passed vetting on that day
};

// Every row of a file, parsed: `records` holds the good rows in file order, `errors` every
// problem of the bad ones (in file order). A row is in exactly one of the two.
template <typename Record>
struct ParsedRows {
  std::vector<Record> records;
  std::vector<RowError> errors;
};

// One row. Returns the record, or nullopt after appending the row's problems to `errors`.
std::optional<ZoneRecord> ParseZoneRow(const ZoneColumns& row, std::vector<RowError>& errors);
std::optional<UnitRecord> ParseUnitRow(const UnitColumns& row, std::vector<RowError>& errors);
// `today` bounds birth_date, work_start and vetted_on (ValidatePerson's rules).
std::optional<PersonRecord> ParsePersonRow(const PersonColumns& row, absl::CivilDay today,
                                           std::vector<RowError>& errors);

// A whole file: each row as above, plus codes repeated within the file (the second and
// later occurrences are the bad rows: DUPLICATE_IN_FILE on `code`).
ParsedRows<ZoneRecord> ParseZoneRows(const std::vector<ZoneColumns>& rows);
ParsedRows<UnitRecord> ParseUnitRows(const std::vector<UnitColumns>& rows);
ParsedRows<PersonRecord> ParsePersonRows(const std::vector<PersonColumns>& rows,
                                         absl::CivilDay today);

// `posts` of a group: "leader=1;deputy=1;staff=2" (spaces around parts allowed, an empty
// text = no quotas). Appends problems on column `posts` to `errors`.
std::optional<std::vector<PostCount>> ParsePosts(const std::string& text, int line,
                                                 std::vector<RowError>& errors);

// The order to insert units in: indexes into `units`, so that a unit's parent, guiding
// office and supervising group come before it when they are rows of the same file; otherwise
// the file's order. A cycle is left as it is (its rows then fail on the missing reference).
std::vector<size_t> InsertionOrder(const std::vector<UnitRecord>& units);

}  // namespace paizhu::org
