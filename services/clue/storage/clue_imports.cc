#include "services/clue/storage/clue_imports.h"

#include "absl/strings/str_cat.h"
#include "common/status/macros.h"
#include "common/status/status.h"
#include "common/time/civil_date.h"
#include "services/clue/storage/clue_rows.h"

namespace paizhu::clue {

absl::Status StoreImportedClue(sql::Transaction& tx, const ClueImport& c, const std::string& actor,
                               const std::string& audit_key) {
  ASSIGN_OR_RETURN(sql::Rows existing,
                   tx.Query("SELECT id FROM clues WHERE number = ?", {c.number}));
  if (!existing.empty()) {
    return MakeError(absl::StatusCode::kAlreadyExists, "DUPLICATE_CLUE",
                     absl::StrCat("number: ", c.number, " is already registered"), "number");
  }
  RETURN_IF_ERROR(
      tx.Exec(
            "INSERT INTO clues (number, received_on, source, allegation, handling_unit_code, "
            "registering_unit_code, state, registered_by, disposal, disposed_on, result, "
            "imported) VALUES (?, ?, ?, '', ?, ?, 'concluded', ?, ?, ?, ?, 1)",
            {c.number, FormatDate(c.received_on), c.source, c.handling_unit, c.handling_unit, actor,
             c.disposal, FormatDate(c.disposed_on), std::string(c.filed_on ? "filed" : "")})
          .status());
  ASSIGN_OR_RETURN(sql::Rows id, tx.Query("SELECT LAST_INSERT_ID()"));
  int64_t clue_id = id.Int(0, 0);
  for (size_t i = 0; i < c.subjects.size(); ++i) {
    const Subject& s = c.subjects[i];
    RETURN_IF_ERROR(tx.Exec("INSERT INTO clue_subjects (clue_id, seq, name, unit_code, level) "
                            "VALUES (?, ?, ?, ?, ?)",
                            {clue_id, static_cast<int64_t>(i + 1), s.name, s.unit_code, s.level})
                        .status());
  }
  if (c.filed_on) {
    int64_t year = c.filed_on->year();
    RETURN_IF_ERROR(tx.Exec("INSERT INTO case_counters (year, last) VALUES (?, 1) "
                            "ON DUPLICATE KEY UPDATE last = last + 1",
                            {year})
                        .status());
    ASSIGN_OR_RETURN(sql::Rows last,
                     tx.Query("SELECT last FROM case_counters WHERE year = ?", {year}));
    RETURN_IF_ERROR(tx.Exec("INSERT INTO cases (number, clue_id, filed_on, state) VALUES (?, ?, "
                            "?, 'archived')",
                            {CaseNumber(static_cast<int>(year), last.Int(0, 0)), clue_id,
                             FormatDate(*c.filed_on)})
                        .status());
  }
  // Live numbering of the year continues after the highest number imported.
  int64_t year = 0, seq = 0;
  year = std::stoll(c.number.substr(2, 4));
  seq = std::stoll(c.number.substr(7));
  RETURN_IF_ERROR(tx.Exec("INSERT INTO clue_counters (year, last) VALUES (?, ?) "
                          "ON DUPLICATE KEY UPDATE last = GREATEST(last, VALUES(last))",
                          {year, seq})
                      .status());
  ASSIGN_OR_RETURN(std::optional<Clue> stored, rows::ReadClue(tx, c.number, false));
  return rows::AppendAudit(tx, audit_key, clue_id,
                           AuditEntry{0, 0, actor, "import", "", rows::Digest(*stored), ""});
}

absl::Status StoreImportedOutcome(sql::Transaction& tx, const OutcomeImport& o,
                                  const std::string& actor, const std::string& audit_key) {
  ASSIGN_OR_RETURN(std::optional<Clue> clue, rows::ReadClue(tx, o.clue, true));
  if (!clue) {
    return MakeError(absl::StatusCode::kNotFound, "CLUE_NOT_FOUND",
                     absl::StrCat("clue: ", o.clue, " is not registered"), "clue");
  }
  RETURN_IF_ERROR(CheckOutcomeSubjects({o.outcome}, clue->subjects).ok()
                      ? absl::OkStatus()
                      : MakeError(absl::StatusCode::kInvalidArgument, "SUBJECT_NOT_ON_CLUE",
                                  absl::StrCat("subject_name: ", o.outcome.subject_name,
                                               " is not a person clue ", o.clue, " reports"),
                                  "subject_name"));
  for (const Outcome& had : clue->outcomes) {
    if (had.subject_name == o.outcome.subject_name && had.outcome == o.outcome.outcome &&
        had.decided_on == o.outcome.decided_on) {
      return MakeError(absl::StatusCode::kAlreadyExists, "DUPLICATE_OUTCOME",
                       "outcome: already recorded for this person on that day", "outcome");
    }
  }
  if (o.outcome.decided_on < clue->received_on) {
    return MakeError(absl::StatusCode::kInvalidArgument, "DATE_TOO_EARLY",
                     "decided_on: before the clue was received", "decided_on");
  }
  std::string before = rows::Digest(*clue);
  std::optional<absl::CivilDay> until = EffectUntil(o.outcome);
  RETURN_IF_ERROR(tx.Exec("INSERT INTO clue_outcomes (clue_id, subject_name, outcome, detail, "
                          "months, decided_on, form, mapping, effect_until) VALUES (?, ?, ?, ?, ?, "
                          "?, ?, ?, ?)",
                          {clue->id, o.outcome.subject_name, o.outcome.outcome, o.outcome.detail,
                           int64_t{o.outcome.months}, FormatDate(o.outcome.decided_on),
                           FourFormsClass(o.outcome.outcome), std::string(kFourFormsMappingVersion),
                           rows::DateParam(until)})
                      .status());
  clue->outcomes.push_back(o.outcome);
  return rows::AppendAudit(
      tx, audit_key, clue->id,
      AuditEntry{0, 0, actor, "import_outcome", before, rows::Digest(*clue), ""});
}

absl::Status StoreImportedLetter(sql::Transaction& tx, const LetterImport& l) {
  ASSIGN_OR_RETURN(sql::Rows existing, tx.Query("SELECT id FROM letters WHERE code = ?", {l.code}));
  if (!existing.empty()) {
    return MakeError(absl::StatusCode::kAlreadyExists, "DUPLICATE_LETTER",
                     absl::StrCat("code: letter ", l.code, " exists"), "code");
  }
  return tx
      .Exec(
          "INSERT INTO letters (code, kind, issuer_code, unit_code, issued_on, reply_due, "
          "replied_on) VALUES (?, ?, ?, ?, ?, ?, ?)",
          {l.code, l.kind, l.issuer, l.unit, FormatDate(l.issued_on), FormatDate(l.reply_due),
           rows::DateParam(l.replied_on)})
      .status();
}

absl::Status StoreImportedProblem(sql::Transaction& tx, const ProblemImport& p) {
  ASSIGN_OR_RETURN(sql::Rows letter,
                   tx.Query("SELECT id, issued_on FROM letters WHERE code = ?", {p.letter}));
  if (letter.empty()) {
    return MakeError(absl::StatusCode::kNotFound, "LETTER_NOT_FOUND",
                     absl::StrCat("letter: ", p.letter, " is not issued"), "letter");
  }
  int64_t letter_id = letter.Int(0, 0);
  std::optional<absl::CivilDay> issued = rows::OptDate(letter, 0, 1);
  if (p.rectified_on && issued && *p.rectified_on < *issued) {
    return MakeError(absl::StatusCode::kInvalidArgument, "DATE_TOO_EARLY",
                     "rectified_on: before the letter was issued", "rectified_on");
  }
  ASSIGN_OR_RETURN(sql::Rows existing,
                   tx.Query("SELECT 1 FROM letter_problems WHERE letter_id = ? AND seq = ?",
                            {letter_id, int64_t{p.seq}}));
  if (!existing.empty()) {
    return MakeError(absl::StatusCode::kAlreadyExists, "DUPLICATE_PROBLEM",
                     absl::StrCat("seq: letter ", p.letter, " already has problem ", p.seq), "seq");
  }
  return tx
      .Exec(
          "INSERT INTO letter_problems (letter_id, seq, description, state, rectified_on, "
          "verified_on) VALUES (?, ?, ?, ?, ?, ?)",
          {letter_id, int64_t{p.seq}, p.description, p.state, rows::DateParam(p.rectified_on),
           rows::DateParam(p.verified_on)})
      .status();
}

}  // namespace paizhu::clue
