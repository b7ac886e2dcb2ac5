// MysqlClueRepository's checkpoints: a signed, chained record of every audit head, so
// that deleting a whole chain with its head, or rolling a head back, shows.

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "common/sql/transaction.h"
#include "common/status/macros.h"
#include "services/clue/storage/mysql_clue_repository.h"

namespace paizhu::clue {

absl::StatusOr<Checkpoint> MysqlClueRepository::TakeCheckpoint(absl::Time deadline) {
  Checkpoint c;
  RETURN_IF_ERROR(
      sql::RunInTransaction(*pool_, deadline, [&](sql::Transaction& tx) -> absl::Status {
        c = Checkpoint{};
        // The last checkpoint locked first: two replicas checkpointing chain in turn.
        ASSIGN_OR_RETURN(sql::Rows last, tx.Query("SELECT mac FROM audit_checkpoints ORDER BY "
                                                  "id DESC LIMIT 1 FOR UPDATE"));
        c.previous_mac = last.empty() ? "" : last.Str(0, 0);
        ASSIGN_OR_RETURN(sql::Rows heads, tx.Query("SELECT clue_id, seq, mac FROM "
                                                   "clue_audit_heads ORDER BY clue_id"));
        for (size_t r = 0; r < heads.size(); ++r) {
          c.heads.push_back({heads.Int(r, 0), heads.Int(r, 1), heads.Str(r, 2)});
        }
        c.taken_at_micros = absl::ToUnixMicros(absl::Now());
        c.digest = HeadsDigest(c.heads);
        c.mac = CheckpointMac(audit_key_, c);
        RETURN_IF_ERROR(tx.Exec("INSERT INTO audit_checkpoints (taken_at_micros, heads, digest, "
                                "previous_mac, mac) VALUES (?, ?, ?, ?, ?)",
                                {c.taken_at_micros, static_cast<int64_t>(c.heads.size()), c.digest,
                                 c.previous_mac, c.mac})
                            .status());
        ASSIGN_OR_RETURN(sql::Rows id, tx.Query("SELECT LAST_INSERT_ID()"));
        c.id = id.Int(0, 0);
        for (const HeadAt& h : c.heads) {
          RETURN_IF_ERROR(tx.Exec("INSERT INTO audit_checkpoint_heads (checkpoint_id, clue_id, "
                                  "seq, mac) VALUES (?, ?, ?, ?)",
                                  {c.id, h.clue_id, h.seq, h.mac})
                              .status());
        }
        return absl::OkStatus();
      }));
  return c;
}

absl::StatusOr<ChainCheck> MysqlClueRepository::VerifyCheckpoints(absl::Time deadline) {
  ChainCheck out;
  RETURN_IF_ERROR(
      sql::RunInTransaction(*pool_, deadline, [&](sql::Transaction& tx) -> absl::Status {
        out = ChainCheck{};
        ASSIGN_OR_RETURN(sql::Rows rows, tx.Query("SELECT id, taken_at_micros, heads, digest, "
                                                  "previous_mac, mac FROM audit_checkpoints "
                                                  "ORDER BY id"));
        std::string previous;
        Checkpoint latest;
        for (size_t r = 0; r < rows.size(); ++r) {
          Checkpoint c;
          c.id = rows.Int(r, 0);
          c.taken_at_micros = rows.Int(r, 1);
          c.digest = rows.Str(r, 3);
          c.previous_mac = rows.Str(r, 4);
          c.mac = rows.Str(r, 5);
          ASSIGN_OR_RETURN(sql::Rows heads, tx.Query("SELECT clue_id, seq, mac FROM "
                                                     "audit_checkpoint_heads WHERE "
                                                     "checkpoint_id = ? ORDER BY clue_id",
                                                     {c.id}));
          for (size_t h = 0; h < heads.size(); ++h) {
            c.heads.push_back({heads.Int(h, 0), heads.Int(h, 1), heads.Str(h, 2)});
          }
          ++out.entries;
          bool heads_ok = static_cast<int64_t>(c.heads.size()) == rows.Int(r, 2) &&
                          HeadsDigest(c.heads) == c.digest;
          if (c.previous_mac != previous || CheckpointMac(audit_key_, c) != c.mac || !heads_ok) {
            out.intact = false;
            out.first_broken_seq = c.id;
            out.problem = absl::StrCat("checkpoint ", c.id, " does not verify");
            return absl::OkStatus();
          }
          previous = c.mac;
          latest = std::move(c);
        }
        // Every head the latest checkpoint saw is still in its clue's trail, and the
        // head has not gone back.
        for (const HeadAt& h : latest.heads) {
          ASSIGN_OR_RETURN(sql::Rows entry,
                           tx.Query("SELECT a.mac, hd.seq, c.number FROM clues c LEFT JOIN "
                                    "clue_audit a ON a.clue_id = c.id AND a.seq = ? LEFT JOIN "
                                    "clue_audit_heads hd ON hd.clue_id = c.id WHERE c.id = ?",
                                    {h.seq, h.clue_id}));
          std::string clue = entry.empty() ? absl::StrCat("clue id ", h.clue_id)
                                           : absl::StrCat("clues/", entry.Str(0, 2));
          if (entry.empty() || entry.IsNull(0, 0) || entry.Str(0, 0) != h.mac ||
              entry.IsNull(0, 1) || entry.Int(0, 1) < h.seq) {
            out.intact = false;
            out.first_broken_seq = latest.id;
            out.problem = absl::StrCat(clue, ": entry ", h.seq, " of checkpoint ", latest.id,
                                       " is gone or changed");
            return absl::OkStatus();
          }
        }
        return absl::OkStatus();
      }));
  return out;
}

}  // namespace paizhu::clue
