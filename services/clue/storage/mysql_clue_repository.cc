#include "services/clue/storage/mysql_clue_repository.h"

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "common/crypto/digest.h"
#include "common/sql/transaction.h"
#include "common/status/macros.h"
#include "common/status/status.h"
#include "common/time/civil_date.h"
#include "services/clue/storage/clue_rows.h"

namespace paizhu::clue {

using rows::AppendAudit;
using rows::Digest;
using rows::Visible;

absl::StatusOr<Clue> MysqlClueRepository::Register(const Clue& clue, const sql::RequestKey& key,
                                                   const std::string& actor, absl::Time deadline) {
  Clue out;
  RETURN_IF_ERROR(
      sql::RunInTransaction(*pool_, deadline, [&](sql::Transaction& tx) -> absl::Status {
        ASSIGN_OR_RETURN(std::optional<std::string> earlier, key.Claim(tx));
        if (earlier) {
          ASSIGN_OR_RETURN(std::optional<Clue> first, rows::ReadClue(tx, *earlier, false));
          if (!first) return Internal("IDEMPOTENCY_RESULT_MISSING", "the first result is gone");
          out = *first;
          return absl::OkStatus();
        }
        RETURN_IF_ERROR(
            tx.Exec("INSERT INTO clues (received_on, source, reporter_name, reporter_contact, "
                    "reporter_anonymous, violations, allegation, handling_unit_code, handlers, "
                    "registering_unit_code, state, registered_by, recusal, due_on, due_rule, "
                    "due_rule_version, due_start, due_provisional) VALUES (?, ?, ?, ?, ?, ?, ?, "
                    "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    {FormatDate(clue.received_on), clue.source, clue.reporter.name,
                     clue.reporter.contact, int64_t{clue.reporter.anonymous},
                     absl::StrJoin(clue.violations, ";"), clue.allegation, clue.handling_unit_code,
                     absl::StrJoin(clue.handler_codes, ";"), clue.registering_unit_code,
                     std::string("registered"), actor, int64_t{clue.recusal},
                     rows::DateParam(clue.due.on), clue.due.rule, int64_t{clue.due.rule_version},
                     rows::DateParam(clue.due.start), int64_t{clue.due.provisional}})
                .status());
        ASSIGN_OR_RETURN(sql::Rows id, tx.Query("SELECT LAST_INSERT_ID()"));
        int64_t clue_id = id.Int(0, 0);
        if (!clue.subjects.empty()) {
          // All subjects in one statement: one round trip however many there are.
          std::string insert =
              "INSERT INTO clue_subjects (clue_id, seq, name, unit_code, position, level, "
              "party_member, integrity_file, unit_leadership) VALUES ";
          sql::Params params;
          for (size_t i = 0; i < clue.subjects.size(); ++i) {
            const Subject& s = clue.subjects[i];
            absl::StrAppend(&insert, i == 0 ? "" : ", ", "(?, ?, ?, ?, ?, ?, ?, ?, ?)");
            params.insert(params.end(), {clue_id, static_cast<int64_t>(i + 1), s.name, s.unit_code,
                                         s.position, s.level, int64_t{s.party_member},
                                         s.integrity_file, int64_t{s.unit_leadership}});
          }
          RETURN_IF_ERROR(tx.Exec(insert, params).status());
        }
        // The per-year counter: a hot row, so taken as late as possible and held briefly.
        int year = static_cast<int>(clue.received_on.year());
        RETURN_IF_ERROR(tx.Exec("INSERT INTO clue_counters (year, last) VALUES (?, 1) "
                                "ON DUPLICATE KEY UPDATE last = last + 1",
                                {int64_t{year}})
                            .status());
        ASSIGN_OR_RETURN(sql::Rows last, tx.Query("SELECT last FROM clue_counters WHERE year = ?",
                                                  {int64_t{year}}));
        std::string number = ClueNumber(year, last.Int(0, 0));
        RETURN_IF_ERROR(
            tx.Exec("UPDATE clues SET number = ? WHERE id = ?", {number, clue_id}).status());
        RETURN_IF_ERROR(key.Complete(tx, number));
        // What was just written, not read back: the clue as ReadClue would return it.
        out = rows::AsRegistered(clue, clue_id, number, actor);
        AuditNote note{out.registering_unit_code, ChangedFacts(nullptr, out)};
        return rows::AppendFirstAudit(tx, audit_key_, clue_id,
                                      AuditEntry{0, 0, actor, "register", "", Digest(out), ""},
                                      &note);
      }));
  return out;
}

absl::StatusOr<std::optional<Clue>> MysqlClueRepository::Get(const std::string& number,
                                                             const Viewer& viewer,
                                                             absl::Time deadline) {
  std::optional<Clue> out;
  RETURN_IF_ERROR(
      sql::RunInTransaction(*pool_, deadline, [&](sql::Transaction& tx) -> absl::Status {
        ASSIGN_OR_RETURN(out, rows::ReadClue(tx, number, false));
        if (!out || !Visible(viewer, *out)) {
          out.reset();  // exactly as if it did not exist
          return absl::OkStatus();
        }
        std::string digest = Digest(*out);
        return AppendAudit(tx, audit_key_, out->id,
                           AuditEntry{0, 0, viewer.actor, "read", digest, digest, ""});
      }));
  return out;
}

absl::StatusOr<std::vector<Clue>> MysqlClueRepository::List(const Viewer& viewer,
                                                            const ClueFilter& filter,
                                                            int64_t before_id, int limit,
                                                            absl::Time deadline) {
  if (!viewer.sees_all && viewer.units.empty() && !viewer.trial && viewer.person.empty() &&
      viewer.leads.empty()) {
    return std::vector<Clue>{};
  }
  // Need-to-know is part of the query, so pages are full and counts are right.
  std::string sql =
      absl::StrCat("SELECT ", rows::kClueColumns, " FROM clues WHERE number IS NOT NULL");
  sql::Params params;
  if (before_id > 0) {
    absl::StrAppend(&sql, " AND id < ?");
    params.push_back(before_id);
  }
  if (!viewer.sees_all) absl::StrAppend(&sql, " AND ", rows::VisibilitySql(viewer, "", params));
  if (!filter.handling_unit_code.empty()) {
    absl::StrAppend(&sql, " AND handling_unit_code = ?");
    params.push_back(filter.handling_unit_code);
  }
  if (!filter.state.empty()) {
    absl::StrAppend(&sql, " AND state = ?");
    params.push_back(filter.state);
  }
  if (!filter.source.empty()) {
    absl::StrAppend(&sql, " AND source = ?");
    params.push_back(filter.source);
  }
  if (!filter.party_unit_code.empty()) {
    absl::StrAppend(&sql,
                    " AND EXISTS (SELECT 1 FROM clue_participants fp WHERE fp.clue_id = clues.id "
                    "AND fp.unit_code = ? AND fp.state = ?)");
    params.push_back(filter.party_unit_code);
    params.push_back(filter.party_state.empty() ? std::string("active") : filter.party_state);
  }
  absl::StrAppend(&sql, " ORDER BY id DESC LIMIT ?");
  params.push_back(int64_t{limit});
  std::vector<Clue> out;
  RETURN_IF_ERROR(
      sql::RunInTransaction(*pool_, deadline, [&](sql::Transaction& tx) -> absl::Status {
        ASSIGN_OR_RETURN(sql::Rows rows, tx.Query(sql, params));
        out.clear();
        for (size_t r = 0; r < rows.size(); ++r) out.push_back(rows::ClueFromRow(rows, r));
        return absl::OkStatus();
      }));
  return out;
}

absl::StatusOr<std::optional<ChainCheck>> MysqlClueRepository::VerifyAudit(
    const std::string& number, absl::Time deadline) {
  std::optional<ChainCheck> out;
  RETURN_IF_ERROR(
      sql::RunInTransaction(*pool_, deadline, [&](sql::Transaction& tx) -> absl::Status {
        ASSIGN_OR_RETURN(sql::Rows clue,
                         tx.Query("SELECT id FROM clues WHERE number = ?", {number}));
        if (clue.empty()) return absl::OkStatus();
        int64_t clue_id = clue.Int(0, 0);
        ASSIGN_OR_RETURN(
            sql::Rows rows,
            tx.Query("SELECT seq, at_micros, actor, action, digest_before, digest_after, mac "
                     "FROM clue_audit WHERE clue_id = ? ORDER BY seq",
                     {clue_id}));
        std::vector<AuditEntry> entries;
        for (size_t r = 0; r < rows.size(); ++r) {
          entries.push_back({rows.Int(r, 0), rows.Int(r, 1), rows.Str(r, 2), rows.Str(r, 3),
                             rows.Str(r, 4), rows.Str(r, 5), rows.Str(r, 6)});
        }
        ASSIGN_OR_RETURN(sql::Rows note_rows,
                         tx.Query("SELECT seq, acting_unit, facts, mac FROM clue_audit_notes "
                                  "WHERE clue_id = ?",
                                  {clue_id}));
        std::vector<SealedNote> notes;
        for (size_t r = 0; r < note_rows.size(); ++r) {
          notes.push_back({note_rows.Int(r, 0), NoteText(note_rows.Str(r, 1), note_rows.Str(r, 2)),
                           note_rows.Str(r, 3)});
        }
        ASSIGN_OR_RETURN(
            sql::Rows head,
            tx.Query("SELECT seq, mac FROM clue_audit_heads WHERE clue_id = ?", {clue_id}));
        std::optional<AuditHead> h;
        if (!head.empty()) h = AuditHead{head.Int(0, 0), head.Str(0, 1)};
        out = VerifyChain(audit_key_, clue_id, entries, h, notes);
        return absl::OkStatus();
      }));
  return out;
}

}  // namespace paizhu::clue
