// MysqlClueRepository's timeline: a clue's audit entries with the notes kept beside
// them, read under the same need-to-know as GetClue and audited like it.

#include "absl/strings/str_cat.h"
#include "common/sql/transaction.h"
#include "common/status/macros.h"
#include "services/clue/domain/audit_chain.h"
#include "services/clue/storage/clue_rows.h"
#include "services/clue/storage/mysql_clue_repository.h"

namespace paizhu::clue {

absl::StatusOr<std::optional<std::vector<TimelineEntry>>> MysqlClueRepository::ListEvents(
    const std::string& number, const Viewer& viewer, int64_t after_seq, int limit,
    bool include_reads, absl::Time deadline) {
  std::optional<std::vector<TimelineEntry>> out;
  RETURN_IF_ERROR(
      sql::RunInTransaction(*pool_, deadline, [&](sql::Transaction& tx) -> absl::Status {
        out.reset();
        ASSIGN_OR_RETURN(std::optional<Clue> clue, rows::ReadClue(tx, number, false));
        if (!clue || !rows::Visible(viewer, *clue)) return absl::OkStatus();  // as if missing
        ASSIGN_OR_RETURN(
            sql::Rows found,
            tx.Query(absl::StrCat("SELECT a.seq, a.at_micros, a.actor, a.action, "
                                  "COALESCE(n.acting_unit, ''), COALESCE(n.facts, ''), "
                                  "a.mac, COALESCE(n.mac, '') "
                                  "FROM clue_audit a LEFT JOIN clue_audit_notes n "
                                  "ON n.clue_id = a.clue_id AND n.seq = a.seq "
                                  "WHERE a.clue_id = ? AND a.seq > ?",
                                  include_reads ? "" : " AND a.action <> 'read'",
                                  " ORDER BY a.seq LIMIT ?"),
                     {clue->id, after_seq, int64_t{limit}}));
        std::vector<TimelineEntry> entries;
        for (size_t r = 0; r < found.size(); ++r) {
          TimelineEntry entry;
          entry.seq = found.Int(r, 0);
          entry.at_micros = found.Int(r, 1);
          entry.actor = found.Str(r, 2);
          entry.action = found.Str(r, 3);
          // A note that does not verify is not shown (VerifyAuditChain names it): the
          // timeline never presents edited facts as the record.
          std::string note_text = NoteText(found.Str(r, 4), found.Str(r, 5));
          if (!found.Str(r, 7).empty() &&
              NoteMac(audit_key_, found.Str(r, 6), note_text) == found.Str(r, 7)) {
            entry.note = AuditNote{found.Str(r, 4), DecodeFacts(found.Str(r, 5))};
          }
          entries.push_back(std::move(entry));
        }
        // The timeline shows the clue's details: it is a read like GetClue's.
        std::string digest = rows::Digest(*clue);
        RETURN_IF_ERROR(rows::AppendAudit(
            tx, audit_key_, clue->id, AuditEntry{0, 0, viewer.actor, "read", digest, digest, ""}));
        out = std::move(entries);
        return absl::OkStatus();
      }));
  return out;
}

}  // namespace paizhu::clue
