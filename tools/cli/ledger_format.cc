#include "tools/cli/ledger_format.h"

#include <map>
#include <set>

#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "common/status/status.h"
#include "common/time/civil_date.h"
#include "tools/cli/csv.h"

namespace paizhu::cli {
namespace {

using S = CellSyntax;

constexpr int kMaxCount = 1000000;
constexpr double kMaxHours = 1000;

LedgerColumn Required(std::string name, S syntax = S::kText,
                      std::vector<std::string> choices = {}) {
  return {std::move(name), true, syntax, std::move(choices)};
}
LedgerColumn Optional(std::string name, S syntax = S::kText,
                      std::vector<std::string> choices = {}) {
  return {std::move(name), false, syntax, std::move(choices)};
}

// CONTRACTS.md's value lists.
const std::vector<std::string> kUnitKinds = {
    "commission",   "supervision_office", "case_management_office",
    "trial_office", "petition_office",    "office",
    "group",        "supervised_unit",    "township"};
const std::vector<std::string> kGroupPosts = {"leader", "deputy", "staff"};
const std::vector<std::string> kPosts = {"leader", "deputy", "staff", "member"};
const std::vector<std::string> kRoles = {
    "admin", "commission_leader", "case_manager", "office", "group", "township",
    "trial", "petition",          "assessor",     "auditor"};
const std::vector<std::string> kActivityKinds = {
    "meeting",       "talk",      "written_report",   "holiday_reminder",
    "holiday_check", "interview", "ecology_analysis", "campaign",
    "study_check",   "other"};
const std::vector<std::string> kOutcomes = {"party_warning",   "party_serious_warning",
                                            "party_removal",   "party_probation",
                                            "party_expulsion", "gov_warning",
                                            "gov_demerit",     "gov_major_demerit",
                                            "gov_demotion",    "gov_dismissal",
                                            "gov_expulsion",   "criticism_education",
                                            "organisational",  "referral",
                                            "cleared"};

std::vector<LedgerFormat> MakeFormats() {
  return {
      {"zones",
       "org",
       {Required("code"), Required("name"), Required("office"),
        Required("established_on", S::kDate)}},
      {"units",
       "org",
       {Required("code"), Required("kind", S::kChoice, kUnitKinds), Required("name"),
        Optional("parent"), Required("established_on", S::kDate),
        Optional("posts", S::kPosts, kGroupPosts), Optional("guiding_office"),
        Optional("supervising_group"), Optional("supervised_since", S::kDate), Optional("zone")}},
      {"supervision",
       "org",
       {Required("unit"), Required("group"), Required("from", S::kDate), Optional("to", S::kDate)}},
      {"people",
       "org",
       {Required("code"), Required("name"), Optional("gender", S::kChoice, {"male", "female"}),
        Optional("birth_date", S::kDate),
        Optional("education", S::kChoice,
                 {"below_college", "college", "bachelor", "master", "doctorate"}),
        Optional("specialties", S::kChoiceList,
                 {"law", "finance", "accounting", "audit", "it", "other"}),
        Optional("work_start", S::kDate), Optional("unit"), Optional("post", S::kChoice, kPosts),
        Optional("post_since", S::kDate), Optional("vetted_on", S::kDate)}},
      {"assignments",
       "org",
       {Required("person"), Required("unit"), Required("post", S::kChoice, kPosts),
        Required("from", S::kDate), Optional("to", S::kDate), Optional("reason")}},
      {"roles",
       "org",
       {Required("person"), Required("role", S::kChoice, kRoles), Optional("unit")}},
      {"trainings",
       "org",
       {Required("person"), Required("course"), Optional("organizer"), Required("date", S::kDate),
        Optional("hours", S::kHours)}},
      {"activities",
       "assess",
       {Required("group"), Required("unit"), Required("date", S::kDate),
        Required("kind", S::kChoice, kActivityKinds), Optional("subkind"),
        Optional("count", S::kCount), Optional("note")}},
      {"letters",
       "clue",
       {Required("code"), Required("kind", S::kChoice, {"discipline", "supervision", "combined"}),
        Required("issuer"), Required("unit"), Required("issued_on", S::kDate),
        Optional("reply_due", S::kDate), Optional("replied_on", S::kDate)}},
      {"problems",
       "clue",
       {Required("letter"), Required("seq", S::kCount), Required("description"),
        Required("state", S::kChoice, {"open", "in_progress", "rectified", "verified"}),
        Optional("rectified_on", S::kDate), Optional("verified_on", S::kDate)}},
      {"clues",
       "clue",
       {Required("number"), Required("received_on", S::kDate),
        Required("source", S::kChoice,
                 {"petition", "supervision", "investigation", "inspection", "audit", "transfer",
                  "media", "big_data", "other"}),
        Required("handling_unit"), Required("subject_name"), Optional("subject_unit"),
        Optional("subject_level"),
        Required("disposal", S::kChoice, {"inquiry", "verification", "pending", "closed"}),
        Required("disposed_on", S::kDate), Optional("filed_on", S::kDate)}},
      {"outcomes",
       "clue",
       {Required("clue"), Required("subject_name"), Required("outcome", S::kChoice, kOutcomes),
        Optional("detail"), Optional("months", S::kCount), Required("decided_on", S::kDate)}},
  };
}

// org's record kinds without a CONTRACTS.md format (README.md, "org record imports").
std::vector<LedgerFormat> MakeRecordFormats() {
  return {
      {"vettings",
       "org",
       {Required("person"), Required("vetted_on", S::kDate),
        Optional("passed", S::kChoice, {"true", "false"}), Optional("note")}},
      {"transfer_talks",
       "org",
       {Required("person"), Required("talked_on", S::kDate), Optional("talked_by"),
        Optional("note")}},
      {"mentoring",
       "org",
       {Required("mentor"), Required("mentee"), Required("from", S::kDate),
        Optional("to", S::kDate)}},
      {"accountability",
       "org",
       {Optional("person"), Optional("group"), Required("decided_on", S::kDate),
        Required("measure"), Required("reason")}},
      {"integrity_files",
       "org",
       {Required("code"), Required("name"), Required("unit"), Optional("position"),
        Optional("level"),
        Optional("key_minority", S::kChoice, {"top_leader", "leadership_member", "key_post"}),
        Optional("focus_tags", S::kChoiceList, {"long_posting_away", "young_cadre", "other"})}},
      {"integrity_entries",
       "org",
       {Required("file"), Required("kind", S::kChoice, {"declaration", "talk", "reminder", "note"}),
        Required("date", S::kDate), Required("summary")}},
      {"liaisons",
       "org",
       {Required("group"), Required("leader"), Required("from", S::kDate),
        Optional("to", S::kDate)}},
      // assess's work-meeting attendance (README.md, "Attendance rows").
      {"attendance",
       "assess",
       {Required("kind", S::kChoice, {"quarterly", "half_year", "yearly"}),
        Required("held_on", S::kDate), Optional("title"), Required("group"),
        Required("attended", S::kChoice, {"yes", "no"}), Optional("note")}},
  };
}

std::string Quoted(const std::vector<std::string>& values) { return absl::StrJoin(values, ", "); }

// Checks one non-empty cell; appends its problem.
void CheckCell(const LedgerColumn& column, const std::string& cell, int line,
               std::vector<LedgerError>& errors) {
  auto fail = [&](absl::string_view reason, std::string message) {
    errors.push_back(
        {line, column.name, std::string(reason), absl::StrCat(column.name, ": ", message)});
  };
  auto is_choice = [&](absl::string_view value) {
    for (const auto& choice : column.choices) {
      if (choice == value) return true;
    }
    return false;
  };
  switch (column.syntax) {
    case S::kText:
      return;
    case S::kDate:
      if (!ParseDate(cell, column.name).ok()) {
        fail(kReasonInvalidDate, absl::StrCat("'", cell, "' is not a date like 2021-03-31"));
      }
      return;
    case S::kChoice:
      if (!is_choice(cell)) {
        fail(kReasonInvalidValue,
             absl::StrCat("'", cell, "' is not one of ", Quoted(column.choices)));
      }
      return;
    case S::kChoiceList: {
      std::set<std::string> seen;
      for (absl::string_view part : absl::StrSplit(cell, ';')) {
        std::string value(absl::StripAsciiWhitespace(part));
        if (!is_choice(value)) {
          fail(kReasonInvalidValue, absl::StrCat("'", value, "' is not one of ",
                                                 Quoted(column.choices), " (separate them by ;)"));
          return;
        }
        if (!seen.insert(value).second) {
          fail(kReasonDuplicateValue, absl::StrCat("'", value, "' is listed twice"));
          return;
        }
      }
      return;
    }
    case S::kCount: {
      int value = 0;
      bool digits = !cell.empty() && cell.find_first_not_of("0123456789") == std::string::npos;
      if (!digits || !absl::SimpleAtoi(cell, &value) || value > kMaxCount) {
        fail(kReasonInvalidNumber,
             absl::StrCat("'", cell, "' is not a whole number 0..", kMaxCount));
      }
      return;
    }
    case S::kHours: {
      double value = 0;
      size_t dot = cell.find('.');
      bool shape = !cell.empty() && cell.find_first_not_of("0123456789.") == std::string::npos &&
                   cell.front() != '.' && cell.back() != '.' &&
                   (dot == std::string::npos ||
                    (cell.find('.', dot + 1) == std::string::npos && cell.size() - dot - 1 <= 1));
      if (!shape || !absl::SimpleAtod(cell, &value) || value > kMaxHours) {
        fail(kReasonInvalidNumber,
             absl::StrCat("'", cell, "' is not a number of hours 0..1000 like 2.5"));
      }
      return;
    }
    case S::kPosts: {
      std::set<std::string> seen;
      for (absl::string_view part : absl::StrSplit(cell, ';')) {
        std::pair<std::string, std::string> kv = absl::StrSplit(part, absl::MaxSplits('=', 1));
        std::string post(absl::StripAsciiWhitespace(kv.first));
        std::string count(absl::StripAsciiWhitespace(kv.second));
        int value = 0;
        if (!is_choice(post) || count.empty() ||
            count.find_first_not_of("0123456789") != std::string::npos ||
            !absl::SimpleAtoi(count, &value) || value > 20 || !seen.insert(post).second) {
          fail(kReasonInvalidPosts,
               absl::StrCat("'", cell, "' is not like leader=1;deputy=1;staff=1 (posts ",
                            Quoted(column.choices), ", each once, 0..20)"));
          return;
        }
      }
      return;
    }
  }
}

}  // namespace

std::vector<std::string> LedgerFormat::ColumnNames() const {
  std::vector<std::string> names;
  for (const auto& column : columns) names.push_back(column.name);
  return names;
}

const std::vector<LedgerFormat>& LedgerFormats() {
  static const auto* formats = new std::vector<LedgerFormat>(MakeFormats());
  return *formats;
}

const std::vector<LedgerFormat>& RecordFormats() {
  static const auto* formats = new std::vector<LedgerFormat>(MakeRecordFormats());
  return *formats;
}

const LedgerFormat* FindLedgerFormat(absl::string_view kind) {
  for (const auto* formats : {&LedgerFormats(), &RecordFormats()}) {
    for (const auto& format : *formats) {
      if (format.kind == kind) return &format;
    }
  }
  return nullptr;
}

bool CheckRow(const LedgerFormat& format, const LedgerRow& row, std::vector<LedgerError>& errors) {
  size_t before = errors.size();
  for (size_t c = 0; c < format.columns.size(); ++c) {
    const LedgerColumn& column = format.columns[c];
    const std::string& cell = row.cells[c];
    if (cell.empty()) {
      if (column.required) {
        errors.push_back({row.line, column.name, kReasonRequired,
                          absl::StrCat(column.name, ": required, but empty")});
      }
      continue;
    }
    CheckCell(column, cell, row.line, errors);
  }
  return errors.size() == before;
}

absl::StatusOr<Ledger> ReadLedger(const LedgerFormat& format, absl::string_view text) {
  absl::StatusOr<CsvFile> csv = ParseCsv(text);
  if (!csv.ok()) return csv.status();

  // The header: where each of the format's columns is in the file (-1: absent).
  std::map<std::string, size_t> position;
  std::vector<std::string> unknown, repeated, missing;
  for (size_t k = 0; k < csv->header.cells.size(); ++k) {
    std::string name(absl::StripAsciiWhitespace(csv->header.cells[k]));
    bool known = false;
    for (const auto& column : format.columns) known = known || column.name == name;
    if (!known) {
      unknown.push_back(name.empty() ? "(an empty header cell)" : "'" + name + "'");
    } else if (!position.emplace(name, k).second) {
      repeated.push_back(name);
    }
  }
  for (const auto& column : format.columns) {
    if (column.required && position.count(column.name) == 0) missing.push_back(column.name);
  }
  std::string expected = absl::StrCat(" (the ", format.kind,
                                      " columns: ", absl::StrJoin(format.ColumnNames(), ","), ")");
  if (!unknown.empty()) {
    return InvalidArgument("header", kReasonUnknownColumn,
                           absl::StrCat("line 1: unknown column", unknown.size() > 1 ? "s " : " ",
                                        absl::StrJoin(unknown, ", "), expected));
  }
  if (!repeated.empty()) {
    return InvalidArgument(
        "header", kReasonDuplicateColumn,
        absl::StrCat("line 1: column named twice: ", absl::StrJoin(repeated, ", ")));
  }
  if (!missing.empty()) {
    return InvalidArgument(
        "header", kReasonMissingColumn,
        absl::StrCat("line 1: missing required column", missing.size() > 1 ? "s " : " ",
                     absl::StrJoin(missing, ", "), expected));
  }

  Ledger ledger;
  ledger.rows_read = static_cast<int>(csv->records.size());
  size_t width = csv->header.cells.size();
  for (const CsvRecord& record : csv->records) {
    if (record.cells.size() != width) {
      ledger.errors.push_back(
          {record.line, "", kReasonCellCount,
           absl::StrCat("the row has ", record.cells.size(), " cells; the header has ", width)});
      continue;
    }
    LedgerRow row;
    row.line = record.line;
    for (const auto& column : format.columns) {
      auto it = position.find(column.name);
      row.cells.push_back(it == position.end()
                              ? ""
                              : std::string(absl::StripAsciiWhitespace(record.cells[it->second])));
    }
    if (CheckRow(format, row, ledger.errors)) ledger.rows.push_back(std::move(row));
  }
  return ledger;
}

std::string WriteLedger(const LedgerFormat& format,
                        const std::vector<std::vector<std::string>>& rows) {
  std::string out = CsvLine(format.ColumnNames());
  for (const auto& row : rows) out += CsvLine(row);
  return out;
}

}  // namespace paizhu::cli
