#pragma once
// Bulk-import rows (CONTRACTS.md, "CSV import formats" 1 to 7): one row's text columns ->
// domain values, with every problem of the row as (line, field, reason). The field is the
// CSV column. Pure: what needs the database (codes free, parents existing, quotas,
// vetting, people and units existing) is checked by the store when the row is applied.

#include <optional>
#include <string>
#include <vector>

#include "absl/time/civil_time.h"
#include "common/import/import_rows.h"
#include "common/time/date_range.h"
#include "services/org/domain/integrity.h"
#include "services/org/domain/person.h"
#include "services/org/domain/posts.h"
#include "services/org/domain/principal_resolution.h"
#include "services/org/domain/unit.h"

namespace paizhu::org {

// Reasons (besides those the single creates use: INVALID_CODE, INVALID_DATE,
// INVALID_UNIT_KIND, INVALID_DISPLAY_NAME, INVALID_GENDER, INVALID_EDUCATION,
// INVALID_SPECIALTY, DUPLICATE_SPECIALTY, INVALID_POST, INVALID_COUNT, DATE_IN_FUTURE,
// WORK_START_TOO_EARLY, UNIT_OWN_PARENT, COMMISSION_HAS_NO_PARENT; and for columns of the
// wrong kind NOT_A_GROUP (posts, guiding_office) and NOT_A_SUPERVISED_UNIT
// (supervising_group, supervised_since); for the history kinds INVALID_ROLE, ROLE_UNIT_MISMATCH,
// INVALID_COURSE, INVALID_ORGANIZER, INVALID_REASON (too long) and INVALID_HOURS):

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
// `to` (the last day) is before `from`.
inline constexpr char kReasonEndBeforeStart[] = "END_BEFORE_START";
// A group's quota per post is 0..20 (SetPostQuota's rule); DUPLICATE_POST: a post twice.
inline constexpr int kMaxQuota = 20;
// Free texts (an assignment's reason, a training's course and organizer): at most this many
// characters (their columns' size).
inline constexpr size_t kMaxTextCharacters = 200;
// A training's hours: 0..1000 (RecordTraining's rule), at most one decimal.
inline constexpr double kMaxTrainingHours = 1000;

// The shared shapes of a parsed import (common/import/import_rows.h).
using imports::ParsedRows;
using imports::RowError;

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

struct SupervisionColumns {
  int line = 0;
  std::string unit, group, from, to;
};

struct AssignmentColumns {
  int line = 0;
  std::string person, unit, post, from, to, reason;
};

struct RoleColumns {
  int line = 0;
  std::string person, role, unit;
};

struct TrainingColumns {
  int line = 0;
  std::string person, course, organizer, date, hours;
};

// The kinds without a CONTRACTS.md format (README.md, "org record imports").
struct VettingColumns {
  int line = 0;
  std::string person, vetted_on, passed, note;
};

struct TransferTalkColumns {
  int line = 0;
  std::string person, talked_on, talked_by, note;
};

struct MentoringColumns {
  int line = 0;
  std::string mentor, mentee, from, to;
};

struct AccountabilityColumns {
  int line = 0;
  std::string person, group, decided_on, measure, reason;
};

struct IntegrityFileColumns {
  int line = 0;
  std::string code, name, unit, position, level, key_minority, focus_tags;
};

struct IntegrityEntryColumns {
  int line = 0;
  std::string file, kind, date, summary;
};

struct LiaisonColumns {
  int line = 0;
  std::string group, leader, from, to;
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

// The group supervises the unit over `when` (to: the last day; empty: still).
struct SupervisionRecord {
  int line = 0;
  std::string unit_code;
  std::string group_code;
  DateRange when;
};

// person_code, unit_code, post, when (to: the last day held; empty: still held), reason.
struct AssignmentRecord {
  int line = 0;
  PostAssignment assignment;
};

struct RoleRecord {
  int line = 0;
  std::string person_code;
  RoleGrant grant;      // unit_code empty only for admin
  absl::CivilDay from;  // the day of the import: the format has no date
};

struct TrainingRecord {
  int line = 0;
  std::string person_code;
  std::string course;
  std::string organizer;  // may be empty
  absl::CivilDay day;
  double hours = 0;  // an empty cell: 0
};

struct VettingRecord {
  int line = 0;
  std::string person_code;
  Vetting vetting;  // passed: an empty cell is true
  std::string note;
};

struct TransferTalkRecord {
  int line = 0;
  std::string person_code;
  absl::CivilDay talked_on;
  std::string talked_by_code;  // may be empty
  std::string note;
};

struct MentoringRecord {
  int line = 0;
  std::string mentor_code;
  std::string mentee_code;
  DateRange when;
};

struct AccountabilityRecord {
  int line = 0;
  Accountability record;  // subject: the person, or the group
};

struct IntegrityFileRecord {
  int line = 0;
  IntegrityFile file;
};

struct IntegrityEntryRecord {
  int line = 0;
  std::string file_code;
  IntegrityEntry entry;  // recorded_by empty: imported
};

struct LiaisonRecord {
  int line = 0;
  std::string group_code;
  std::string leader_code;
  DateRange when;
};

// Notes (vettings, transfer talks) and an accountability's reason: at most this many
// characters; an accountability's measure at most kMaxTextCharacters / 2.
inline constexpr size_t kMaxNoteCharacters = 500;
inline constexpr size_t kMaxReasonCharacters = 1000;

// One row. Returns the record, or nullopt after appending the row's problems to `errors`.
std::optional<ZoneRecord> ParseZoneRow(const ZoneColumns& row, std::vector<RowError>& errors);
std::optional<UnitRecord> ParseUnitRow(const UnitColumns& row, std::vector<RowError>& errors);
// `today` bounds birth_date, work_start and vetted_on (ValidatePerson's rules).
std::optional<PersonRecord> ParsePersonRow(const PersonColumns& row, absl::CivilDay today,
                                           std::vector<RowError>& errors);
std::optional<SupervisionRecord> ParseSupervisionRow(const SupervisionColumns& row,
                                                     std::vector<RowError>& errors);
std::optional<AssignmentRecord> ParseAssignmentRow(const AssignmentColumns& row,
                                                   std::vector<RowError>& errors);
// `today` is the day the grant is in force from.
std::optional<RoleRecord> ParseRoleRow(const RoleColumns& row, absl::CivilDay today,
                                       std::vector<RowError>& errors);
// `today` bounds the date (a training is recorded after it happened).
std::optional<TrainingRecord> ParseTrainingRow(const TrainingColumns& row, absl::CivilDay today,
                                               std::vector<RowError>& errors);

// `today` bounds every date of these kinds (records of what happened).
std::optional<VettingRecord> ParseVettingRow(const VettingColumns& row, absl::CivilDay today,
                                             std::vector<RowError>& errors);
std::optional<TransferTalkRecord> ParseTransferTalkRow(const TransferTalkColumns& row,
                                                       absl::CivilDay today,
                                                       std::vector<RowError>& errors);
std::optional<MentoringRecord> ParseMentoringRow(const MentoringColumns& row,
                                                 std::vector<RowError>& errors);
std::optional<AccountabilityRecord> ParseAccountabilityRow(const AccountabilityColumns& row,
                                                           absl::CivilDay today,
                                                           std::vector<RowError>& errors);
std::optional<IntegrityFileRecord> ParseIntegrityFileRow(const IntegrityFileColumns& row,
                                                         std::vector<RowError>& errors);
std::optional<IntegrityEntryRecord> ParseIntegrityEntryRow(const IntegrityEntryColumns& row,
                                                           absl::CivilDay today,
                                                           std::vector<RowError>& errors);

// A whole file: each row as above, plus codes repeated within the file (the second and
// later occurrences are the bad rows: DUPLICATE_IN_FILE on `code`).
ParsedRows<ZoneRecord> ParseZoneRows(const std::vector<ZoneColumns>& rows);
ParsedRows<UnitRecord> ParseUnitRows(const std::vector<UnitColumns>& rows);
ParsedRows<PersonRecord> ParsePersonRows(const std::vector<PersonColumns>& rows,
                                         absl::CivilDay today);
// The history kinds have no code of their own: each row as above. A row repeating or
// overlapping another is found by the store, the earlier rows being applied first.
ParsedRows<SupervisionRecord> ParseSupervisionRows(const std::vector<SupervisionColumns>& rows);
ParsedRows<AssignmentRecord> ParseAssignmentRows(const std::vector<AssignmentColumns>& rows);
ParsedRows<RoleRecord> ParseRoleRows(const std::vector<RoleColumns>& rows, absl::CivilDay today);
ParsedRows<TrainingRecord> ParseTrainingRows(const std::vector<TrainingColumns>& rows,
                                             absl::CivilDay today);

ParsedRows<VettingRecord> ParseVettingRows(const std::vector<VettingColumns>& rows,
                                           absl::CivilDay today);
ParsedRows<TransferTalkRecord> ParseTransferTalkRows(const std::vector<TransferTalkColumns>& rows,
                                                     absl::CivilDay today);
ParsedRows<MentoringRecord> ParseMentoringRows(const std::vector<MentoringColumns>& rows);
ParsedRows<AccountabilityRecord> ParseAccountabilityRows(
    const std::vector<AccountabilityColumns>& rows, absl::CivilDay today);
// Integrity files have a code: repeated ones are DUPLICATE_IN_FILE.
ParsedRows<IntegrityFileRecord> ParseIntegrityFileRows(
    const std::vector<IntegrityFileColumns>& rows);
ParsedRows<IntegrityEntryRecord> ParseIntegrityEntryRows(
    const std::vector<IntegrityEntryColumns>& rows, absl::CivilDay today);
// Liaisons are planned as well as past: `to` may be empty (ongoing) or in the future.
std::optional<LiaisonRecord> ParseLiaisonRow(const LiaisonColumns& row,
                                             std::vector<RowError>& errors);
ParsedRows<LiaisonRecord> ParseLiaisonRows(const std::vector<LiaisonColumns>& rows);

// `posts` of a group: "leader=1;deputy=1;staff=2" (spaces around parts allowed, an empty
// text = no quotas). Appends problems on column `posts` to `errors`.
std::optional<std::vector<PostCount>> ParsePosts(const std::string& text, int line,
                                                 std::vector<RowError>& errors);

// The order to insert units in: indexes into `units`, so that a unit's parent, guiding
// office and supervising group come before it when they are rows of the same file; otherwise
// the file's order. A cycle is left as it is (its rows then fail on the missing reference).
std::vector<size_t> InsertionOrder(const std::vector<UnitRecord>& units);

// The order to apply dated history in: indexes sorted by (unit, from) for supervision and
// (person, from) for assignments, the file's order among equals, so that each change
// closes the one before it and a transfer sees the post it comes from.
std::vector<size_t> DateOrder(const std::vector<SupervisionRecord>& rows);
std::vector<size_t> DateOrder(const std::vector<AssignmentRecord>& rows);

}  // namespace paizhu::org
