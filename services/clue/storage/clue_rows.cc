#include "services/clue/storage/clue_rows.h"

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "absl/time/clock.h"
#include "common/crypto/digest.h"
#include "common/status/macros.h"
#include "common/status/status.h"
#include "common/time/civil_date.h"

namespace paizhu::clue::rows {
namespace {

std::vector<std::string> SplitList(const std::string& text) {
  if (text.empty()) return {};
  return absl::StrSplit(text, ';');
}

absl::CivilDay Date(const sql::Rows& rows, size_t r, size_t c) {
  return OptDate(rows, r, c).value_or(absl::CivilDay());
}

DueDate DueFromRow(const sql::Rows& rows, size_t r, size_t first) {
  DueDate d;
  d.on = OptDate(rows, r, first);
  d.rule = rows.Str(r, first + 1);
  d.rule_version = static_cast<int>(rows.Int(r, first + 2));
  d.start = OptDate(rows, r, first + 3);
  d.provisional = rows.Int(r, first + 4) != 0;
  return d;
}

absl::Status ReadSubjects(sql::Transaction& tx, Clue& c) {
  ASSIGN_OR_RETURN(sql::Rows rows, tx.Query("SELECT name, unit_code, position, level, "
                                            "party_member, integrity_file, unit_leadership "
                                            "FROM clue_subjects WHERE clue_id = ? ORDER BY seq",
                                            {c.id}));
  c.subjects.clear();
  for (size_t r = 0; r < rows.size(); ++r) {
    c.subjects.push_back({rows.Str(r, 0), rows.Str(r, 1), rows.Str(r, 2), rows.Str(r, 3),
                          rows.Int(r, 4) != 0, rows.Str(r, 5), rows.Int(r, 6) != 0});
  }
  return absl::OkStatus();
}

absl::Status ReadWorkflow(sql::Transaction& tx, Clue& c, bool for_update) {
  ASSIGN_OR_RETURN(sql::Rows p, tx.Query("SELECT id, kind, value, note, proposed_by, proposed_on "
                                         "FROM clue_proposals WHERE clue_id = ? AND decision = '' "
                                         "ORDER BY id DESC LIMIT 1",
                                         {c.id}));
  c.proposal.reset();
  if (!p.empty()) {
    c.proposal =
        Proposal{p.Int(0, 0), p.Str(0, 1), p.Str(0, 2), p.Str(0, 3), p.Str(0, 4), Date(p, 0, 5)};
  }
  ASSIGN_OR_RETURN(sql::Rows rv, tx.Query("SELECT held_on, attendees, summary FROM clue_reviews "
                                          "WHERE clue_id = ? ORDER BY id",
                                          {c.id}));
  c.reviews.clear();
  for (size_t r = 0; r < rv.size(); ++r) {
    c.reviews.push_back({Date(rv, r, 0), SplitList(rv.Str(r, 1)), rv.Str(r, 2)});
  }
  ASSIGN_OR_RETURN(sql::Rows o, tx.Query("SELECT subject_name, outcome, detail, months, decided_on "
                                         "FROM clue_outcomes WHERE clue_id = ? ORDER BY id",
                                         {c.id}));
  c.outcomes.clear();
  for (size_t r = 0; r < o.size(); ++r) {
    c.outcomes.push_back(
        {o.Str(r, 0), o.Str(r, 1), o.Str(r, 2), static_cast<int>(o.Int(r, 3)), Date(o, r, 4)});
  }
  ASSIGN_OR_RETURN(
      sql::Rows k,
      tx.Query(absl::StrCat("SELECT id, number, filed_on, state, due_on, due_rule, "
                            "due_rule_version, due_start, due_provisional, due_extension_days, "
                            "investigation_extended, trial_extended, returned_from_trial, "
                            "decided_on, version FROM cases WHERE clue_id = ?",
                            for_update ? " FOR UPDATE" : ""),
               {c.id}));
  c.case_file.reset();
  if (!k.empty()) {
    CaseFile f;
    f.id = k.Int(0, 0);
    f.number = k.Str(0, 1);
    f.filed_on = Date(k, 0, 2);
    f.state = k.Str(0, 3);
    f.due = DueFromRow(k, 0, 4);
    f.due.extension_days = static_cast<int>(k.Int(0, 9));
    f.investigation_extended = k.Int(0, 10) != 0;
    f.trial_extended = k.Int(0, 11) != 0;
    f.returned_from_trial = k.Int(0, 12) != 0;
    f.decided_on = OptDate(k, 0, 13);
    f.version = k.Int(0, 14);
    c.case_file = f;
  }
  return absl::OkStatus();
}

}  // namespace

const char kClueColumns[] =
    "id, number, received_on, source, reporter_name, reporter_contact, reporter_anonymous, "
    "violations, allegation, handling_unit_code, handlers, registering_unit_code, state, "
    "registered_by, version, disposal, disposed_on, result, recusal, due_on, due_rule, "
    "due_rule_version, due_start, due_provisional, trial_since";

Clue ClueFromRow(const sql::Rows& rows, size_t r) {
  Clue c;
  c.id = rows.Int(r, 0);
  c.number = rows.Str(r, 1);
  c.received_on = Date(rows, r, 2);
  c.source = rows.Str(r, 3);
  c.reporter = {rows.Str(r, 4), rows.Str(r, 5), rows.Int(r, 6) != 0};
  c.violations = SplitList(rows.Str(r, 7));
  c.allegation = rows.Str(r, 8);
  c.handling_unit_code = rows.Str(r, 9);
  c.handler_codes = SplitList(rows.Str(r, 10));
  c.registering_unit_code = rows.Str(r, 11);
  c.state = rows.Str(r, 12);
  c.registered_by = rows.Str(r, 13);
  c.version = rows.Int(r, 14);
  c.disposal = rows.Str(r, 15);
  c.disposed_on = OptDate(rows, r, 16);
  c.result = rows.Str(r, 17);
  c.recusal = rows.Int(r, 18) != 0;
  c.due = DueFromRow(rows, r, 19);
  c.trial_since = OptDate(rows, r, 24);
  return c;
}

absl::StatusOr<std::optional<Clue>> ReadClue(sql::Transaction& tx, const std::string& number,
                                             bool for_update) {
  ASSIGN_OR_RETURN(sql::Rows rows,
                   tx.Query(absl::StrCat("SELECT ", kClueColumns, " FROM clues WHERE number = ?",
                                         for_update ? " FOR UPDATE" : ""),
                            {number}));
  if (rows.empty()) return std::nullopt;
  Clue c = ClueFromRow(rows, 0);
  RETURN_IF_ERROR(ReadSubjects(tx, c));
  RETURN_IF_ERROR(ReadWorkflow(tx, c, for_update));
  RETURN_IF_ERROR(ReadJoint(tx, c));
  return c;
}

Clue AsRegistered(const Clue& clue, int64_t id, const std::string& number,
                  const std::string& actor) {
  Clue c;
  c.id = id;
  c.number = number;
  c.received_on = clue.received_on;
  c.source = clue.source;
  c.reporter = clue.reporter;
  c.subjects = clue.subjects;
  // Stored joined; read back split, so the same list as a read gives.
  c.violations = SplitList(absl::StrJoin(clue.violations, ";"));
  c.allegation = clue.allegation;
  c.handling_unit_code = clue.handling_unit_code;
  c.handler_codes = SplitList(absl::StrJoin(clue.handler_codes, ";"));
  c.registering_unit_code = clue.registering_unit_code;
  c.state = "registered";
  c.registered_by = actor;
  c.version = 1;  // the column's default
  c.recusal = clue.recusal;
  c.due.on = clue.due.on;
  c.due.rule = clue.due.rule;
  c.due.rule_version = clue.due.rule_version;
  c.due.start = clue.due.start;
  c.due.provisional = clue.due.provisional;
  return c;
}

absl::Status WriteWorkflow(sql::Transaction& tx, Clue& c) {
  ASSIGN_OR_RETURN(
      int64_t changed,
      tx.Exec("UPDATE clues SET state = ?, handlers = ?, disposal = ?, disposed_on = ?, "
              "result = ?, due_on = ?, due_rule = ?, due_rule_version = ?, due_start = ?, "
              "due_provisional = ?, trial_since = ?, version = version + 1 "
              "WHERE id = ? AND version = ?",
              {c.state, absl::StrJoin(c.handler_codes, ";"), c.disposal, DateParam(c.disposed_on),
               c.result, DateParam(c.due.on), c.due.rule, int64_t{c.due.rule_version},
               DateParam(c.due.start), int64_t{c.due.provisional}, DateParam(c.trial_since), c.id,
               c.version}));
  if (changed != 1) return Aborted("CONCURRENT_CHANGE", "the clue changed meanwhile; try again");
  ++c.version;
  if (!c.case_file || c.case_file->id == 0) return absl::OkStatus();
  CaseFile& f = *c.case_file;
  ASSIGN_OR_RETURN(
      changed,
      tx.Exec("UPDATE cases SET state = ?, due_on = ?, due_rule = ?, due_rule_version = ?, "
              "due_start = ?, due_extension_days = ?, due_provisional = ?, "
              "investigation_extended = ?, trial_extended = ?, returned_from_trial = ?, "
              "decided_on = ?, version = version + 1 WHERE id = ? AND version = ?",
              {f.state, DateParam(f.due.on), f.due.rule, int64_t{f.due.rule_version},
               DateParam(f.due.start), int64_t{f.due.extension_days}, int64_t{f.due.provisional},
               int64_t{f.investigation_extended}, int64_t{f.trial_extended},
               int64_t{f.returned_from_trial}, DateParam(f.decided_on), f.id, f.version}));
  if (changed != 1) return Aborted("CONCURRENT_CHANGE", "the case changed meanwhile; try again");
  ++f.version;
  return absl::OkStatus();
}

std::string VisibilitySql(const Viewer& viewer, const std::string& prefix, sql::Params& params) {
  std::vector<std::string> any;
  if (!viewer.units.empty()) {
    std::string marks = absl::StrJoin(std::vector<std::string>(viewer.units.size(), "?"), ", ");
    any.push_back(absl::StrCat(prefix, "handling_unit_code IN (", marks, ")"));
    any.push_back(absl::StrCat(prefix, "registering_unit_code IN (", marks, ")"));
    for (int pass = 0; pass < 2; ++pass) {
      for (const std::string& unit : viewer.units) params.push_back(unit);
    }
  }
  if (viewer.trial) any.push_back(absl::StrCat(prefix, "trial_since IS NOT NULL"));
  std::string joint = ParticipantVisibilitySql(viewer, prefix, params);
  if (!joint.empty()) any.push_back(joint);
  if (any.empty()) return "FALSE";
  return absl::StrCat("(", absl::StrJoin(any, " OR "), ")");
}

std::string LetterVisibilitySql(const Viewer& viewer, sql::Params& params) {
  if (viewer.sees_all) return "TRUE";
  if (viewer.units.empty()) return "FALSE";
  std::string marks = absl::StrJoin(std::vector<std::string>(viewer.units.size(), "?"), ", ");
  for (int pass = 0; pass < 2; ++pass) {
    for (const std::string& u : viewer.units) params.push_back(u);
  }
  return absl::StrCat("(l.issuer_code IN (", marks, ") OR l.unit_code IN (", marks, "))");
}

std::string Digest(const Clue& c) { return crypto::HexEncode(crypto::Sha256(CanonicalText(c))); }

namespace {

absl::Status WriteAudit(sql::Transaction& tx, const std::string& key, int64_t clue_id,
                        const std::string& previous, bool first, AuditEntry entry,
                        const AuditNote* note) {
  entry.at_micros = absl::ToUnixMicros(absl::Now());
  entry.mac = EntryMac(key, clue_id, previous, entry);
  RETURN_IF_ERROR(
      tx.Exec("INSERT INTO clue_audit (clue_id, seq, at_micros, actor, action, digest_before, "
              "digest_after, mac) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
              {clue_id, entry.seq, entry.at_micros, entry.actor, entry.action, entry.digest_before,
               entry.digest_after, entry.mac})
          .status());
  if (note) {
    std::string facts = EncodeFacts(note->facts);
    std::string mac = NoteMac(key, entry.mac, NoteText(note->acting_unit, facts));
    RETURN_IF_ERROR(tx.Exec("INSERT INTO clue_audit_notes (clue_id, seq, acting_unit, facts, mac) "
                            "VALUES (?, ?, ?, ?, ?)",
                            {clue_id, entry.seq, note->acting_unit, facts, mac})
                        .status());
  }
  if (first) {
    return tx
        .Exec("INSERT INTO clue_audit_heads (clue_id, seq, mac) VALUES (?, ?, ?)",
              {clue_id, entry.seq, entry.mac})
        .status();
  }
  return tx
      .Exec("UPDATE clue_audit_heads SET seq = ?, mac = ? WHERE clue_id = ?",
            {entry.seq, entry.mac, clue_id})
      .status();
}

}  // namespace

absl::Status AppendAudit(sql::Transaction& tx, const std::string& key, int64_t clue_id,
                         AuditEntry entry, const AuditNote* note) {
  ASSIGN_OR_RETURN(
      sql::Rows head,
      tx.Query("SELECT seq, mac FROM clue_audit_heads WHERE clue_id = ? FOR UPDATE", {clue_id}));
  entry.seq = head.empty() ? 1 : head.Int(0, 0) + 1;
  return WriteAudit(tx, key, clue_id, head.empty() ? "" : head.Str(0, 1), head.empty(),
                    std::move(entry), note);
}

absl::Status AppendFirstAudit(sql::Transaction& tx, const std::string& key, int64_t clue_id,
                              AuditEntry entry, const AuditNote* note) {
  // Were a head there after all, its INSERT fails on the key: nothing is overwritten.
  entry.seq = 1;
  return WriteAudit(tx, key, clue_id, "", true, std::move(entry), note);
}

sql::Param DateParam(const std::optional<absl::CivilDay>& day) {
  if (!day) return nullptr;
  return FormatDate(*day);
}

std::optional<absl::CivilDay> OptDate(const sql::Rows& rows, size_t r, size_t c) {
  if (rows.IsNull(r, c)) return std::nullopt;
  auto day = ParseDate(rows.Str(r, c), "db");
  if (!day.ok()) return std::nullopt;
  return *day;
}

}  // namespace paizhu::clue::rows
