#include "services/clue/domain/import_rows.h"

#include <map>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "common/status/status.h"
#include "common/time/civil_date.h"

namespace paizhu::clue {
namespace {

using imports::ParsedRows;
using imports::RowError;

// Collects a row's problems: every bad column is reported, not just the first.
class RowCheck {
 public:
  explicit RowCheck(int line) : line_(line) {}
  void Fail(const std::string& field, const std::string& reason, const std::string& message) {
    errors_.push_back({line_, field, reason, absl::StrCat(field, ": ", message)});
  }
  void Required(const std::string& field, const std::string& value) {
    if (value.empty()) Fail(field, "REQUIRED", "required");
  }
  std::optional<absl::CivilDay> Date(const std::string& field, const std::string& value,
                                     absl::CivilDay today, bool required = true) {
    if (value.empty()) {
      if (required) Fail(field, "REQUIRED", "required");
      return std::nullopt;
    }
    auto day = ParseDate(value, field);
    if (!day.ok()) {
      Fail(field, "INVALID_DATE", absl::StrCat("'", value, "' is not a date (YYYY-MM-DD)"));
      return std::nullopt;
    }
    if (*day > today) {
      Fail(field, "DATE_IN_FUTURE", "after today");
      return std::nullopt;
    }
    return *day;
  }
  void OneOf(const std::string& field, const std::string& value, bool ok, const char* allowed) {
    if (!ok) Fail(field, "INVALID_VALUE", absl::StrCat("'", value, "' is not one of ", allowed));
  }
  bool ok() const { return errors_.empty(); }
  std::vector<RowError>& errors() { return errors_; }

 private:
  int line_;
  std::vector<RowError> errors_;
};

template <typename Record>
void Take(ParsedRows<Record>& out, RowCheck& check) {
  for (RowError& e : check.errors()) out.errors.push_back(std::move(e));
}

bool IsDisposalValue(const std::string& v) { return IsDisposal(v); }

}  // namespace

bool IsLetterKind(const std::string& k) {
  return k == "discipline" || k == "supervision" || k == "combined";
}
bool IsProblemState(const std::string& s) {
  return s == "open" || s == "in_progress" || s == "rectified" || s == "verified";
}

ParsedRows<ClueImport> ParseClueRows(const std::vector<ClueColumns>& rows, absl::CivilDay today) {
  ParsedRows<ClueImport> out;
  std::map<std::string, size_t> by_number;  // number -> index in out.records
  for (const ClueColumns& r : rows) {
    RowCheck check(r.line);
    int year = 0, seq = 0;
    if (r.number.size() != 11 || r.number.substr(0, 2) != "XS" || r.number[6] != '-' ||
        !absl::SimpleAtoi(r.number.substr(2, 4), &year) ||
        !absl::SimpleAtoi(r.number.substr(7), &seq) || seq <= 0) {
      check.Fail("number", "INVALID_NUMBER",
                 absl::StrCat("'", r.number, "' is not like XS2021-0001"));
    }
    auto received = check.Date("received_on", r.received_on, today);
    if (received && year != 0 && received->year() != year) {
      check.Fail("number", "NUMBER_YEAR_MISMATCH", "its year is not the year of received_on");
    }
    check.OneOf("source", r.source, IsSource(r.source),
                "petition, supervision, investigation, inspection, audit, transfer, media, "
                "big_data, other");
    check.Required("handling_unit", r.handling_unit);
    check.Required("subject_name", r.subject_name);
    check.OneOf("disposal", r.disposal, IsDisposalValue(r.disposal),
                "inquiry, verification, pending, closed");
    auto disposed = check.Date("disposed_on", r.disposed_on, today);
    if (received && disposed && *disposed < *received) {
      check.Fail("disposed_on", "DATE_TOO_EARLY", "before received_on");
    }
    auto filed = check.Date("filed_on", r.filed_on, today, /*required=*/false);
    if (filed && r.disposal != "verification") {
      check.Fail("filed_on", "FILED_WITHOUT_VERIFICATION",
                 "a case is filed only after a preliminary verification");
    }
    if (filed && disposed && *filed < *disposed) {
      check.Fail("filed_on", "DATE_TOO_EARLY", "before disposed_on");
    }
    Subject subject;
    subject.name = r.subject_name;
    subject.unit_code = r.subject_unit;
    subject.level = r.subject_level;
    auto it = by_number.find(r.number);
    if (check.ok() && it != by_number.end()) {
      // Another person of a clue already seen: the clue's own columns must agree.
      ClueImport& c = out.records[it->second];
      if (c.received_on != *received || c.source != r.source ||
          c.handling_unit != r.handling_unit || c.disposal != r.disposal ||
          c.disposed_on != *disposed || c.filed_on != filed) {
        check.Fail("number", "CONFLICTING_ROWS",
                   absl::StrCat("line ", c.line, " says otherwise about clue ", r.number));
      }
      for (const Subject& s : c.subjects) {
        if (s.name == r.subject_name) {
          check.Fail("subject_name", "DUPLICATE_SUBJECT",
                     absl::StrCat(r.subject_name, " is already on line ", c.line));
        }
      }
      if (check.ok()) c.subjects.push_back(subject);
    } else if (check.ok()) {
      by_number[r.number] = out.records.size();
      out.records.push_back({r.line,
                             r.number,
                             *received,
                             r.source,
                             r.handling_unit,
                             {subject},
                             r.disposal,
                             *disposed,
                             filed});
    }
    Take(out, check);
  }
  return out;
}

ParsedRows<OutcomeImport> ParseOutcomeRows(const std::vector<OutcomeColumns>& rows,
                                           absl::CivilDay today) {
  ParsedRows<OutcomeImport> out;
  for (const OutcomeColumns& r : rows) {
    RowCheck check(r.line);
    check.Required("clue", r.clue);
    check.Required("subject_name", r.subject_name);
    check.OneOf("outcome", r.outcome, IsOutcome(r.outcome), "the outcomes of CONTRACTS.md");
    int months = 0;
    if (!r.months.empty() && !absl::SimpleAtoi(r.months, &months)) {
      check.Fail("months", "INVALID_NUMBER", "a whole number of months");
    }
    auto decided = check.Date("decided_on", r.decided_on, today);
    if (check.ok()) {
      Outcome o{r.subject_name, r.outcome, r.detail, months, *decided};
      absl::Status valid = ValidateOutcome(o, "row", today);
      if (!valid.ok()) {
        std::string field = ErrorField(valid);
        check.Fail(field.substr(field.find('.') + 1), ErrorReason(valid),
                   std::string(valid.message()));
      } else {
        out.records.push_back({r.line, r.clue, o});
      }
    }
    Take(out, check);
  }
  return out;
}

ParsedRows<LetterImport> ParseLetterRows(const std::vector<LetterColumns>& rows,
                                         absl::CivilDay today) {
  ParsedRows<LetterImport> out;
  std::map<std::string, int> seen;
  for (const LetterColumns& r : rows) {
    RowCheck check(r.line);
    check.Required("code", r.code);
    if (!r.code.empty() && !seen.emplace(r.code, r.line).second) {
      check.Fail("code", "DUPLICATE_LETTER", absl::StrCat("already on line ", seen[r.code]));
    }
    check.OneOf("kind", r.kind, IsLetterKind(r.kind), "discipline, supervision, combined");
    check.Required("issuer", r.issuer);
    check.Required("unit", r.unit);
    auto issued = check.Date("issued_on", r.issued_on, today);
    std::optional<absl::CivilDay> due;
    if (r.reply_due.empty()) {
      check.Fail("reply_due", "REQUIRED", "reply_due: required");
    } else if (auto d = ParseDate(r.reply_due, "reply_due"); !d.ok()) {
      check.Fail("reply_due", "INVALID_DATE", "reply_due: not a date (YYYY-MM-DD)");
    } else {
      due = *d;  // may lie in the future
    }
    if (issued && due && *due < *issued) {
      check.Fail("reply_due", "DATE_TOO_EARLY", "reply_due: before issued_on");
    }
    auto replied = check.Date("replied_on", r.replied_on, today, /*required=*/false);
    if (issued && replied && *replied < *issued) {
      check.Fail("replied_on", "DATE_TOO_EARLY", "replied_on: before issued_on");
    }
    if (check.ok()) {
      out.records.push_back({r.line, r.code, r.kind, r.issuer, r.unit, *issued, *due, replied});
    }
    Take(out, check);
  }
  return out;
}

ParsedRows<ProblemImport> ParseProblemRows(const std::vector<ProblemColumns>& rows,
                                           absl::CivilDay today) {
  ParsedRows<ProblemImport> out;
  std::map<std::pair<std::string, int>, int> seen;
  for (const ProblemColumns& r : rows) {
    RowCheck check(r.line);
    check.Required("letter", r.letter);
    int seq = 0;
    if (!absl::SimpleAtoi(r.seq, &seq) || seq <= 0) {
      check.Fail("seq", "INVALID_NUMBER", "seq: 1, 2, ... within the letter");
    } else if (!seen.emplace(std::make_pair(r.letter, seq), r.line).second) {
      check.Fail("seq", "DUPLICATE_PROBLEM",
                 absl::StrCat("seq: already on line ", seen[{r.letter, seq}]));
    }
    check.Required("description", r.description);
    check.OneOf("state", r.state, IsProblemState(r.state),
                "open, in_progress, rectified, verified");
    auto rectified = check.Date("rectified_on", r.rectified_on, today, /*required=*/false);
    auto verified = check.Date("verified_on", r.verified_on, today, /*required=*/false);
    bool done = r.state == "rectified" || r.state == "verified";
    if (done && !rectified && r.rectified_on.empty()) {
      check.Fail("rectified_on", "REQUIRED", "rectified_on: required when rectified");
    }
    if (!done && !r.rectified_on.empty()) {
      check.Fail("rectified_on", "NOT_RECTIFIED", "rectified_on: only when rectified");
    }
    if (r.state == "verified" && !verified && r.verified_on.empty()) {
      check.Fail("verified_on", "REQUIRED", "verified_on: required when verified");
    }
    if (r.state != "verified" && !r.verified_on.empty()) {
      check.Fail("verified_on", "NOT_VERIFIED", "verified_on: only when verified");
    }
    if (rectified && verified && *verified < *rectified) {
      check.Fail("verified_on", "DATE_TOO_EARLY", "verified_on: before rectified_on");
    }
    if (check.ok()) {
      out.records.push_back({r.line, r.letter, seq, r.description, r.state, rectified, verified});
    }
    Take(out, check);
  }
  return out;
}

}  // namespace paizhu::clue
