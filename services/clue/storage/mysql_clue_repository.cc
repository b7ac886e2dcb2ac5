#include "services/clue/storage/mysql_clue_repository.h"

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "common/crypto/digest.h"
#include "common/sql/transaction.h"
#include "common/status/macros.h"
#include "common/status/status.h"
#include "common/time/civil_date.h"

namespace paizhu::clue {
namespace {

constexpr char kColumns[] =
    "id, number, received_on, source, reporter_name, reporter_contact, reporter_anonymous, "
    "violations, allegation, "
    "handling_unit_code, handlers, registering_unit_code, state, registered_by, version";

std::vector<std::string> SplitList(const std::string& text) {
  if (text.empty()) return {};
  return absl::StrSplit(text, ';');
}

Clue FromRow(const sql::Rows& rows, size_t r) {
  Clue c;
  c.id = rows.Int(r, 0);
  c.number = rows.Str(r, 1);
  if (auto day = ParseDate(rows.Str(r, 2), "db"); day.ok()) c.received_on = *day;
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
  return c;
}

absl::Status ReadSubjects(sql::Transaction& tx, Clue& c) {
  ASSIGN_OR_RETURN(sql::Rows rows,
                   tx.Query("SELECT name, unit_code, position, level, party_member, integrity_file "
                            "FROM clue_subjects WHERE clue_id = ? ORDER BY seq",
                            {c.id}));
  c.subjects.clear();
  for (size_t r = 0; r < rows.size(); ++r) {
    c.subjects.push_back({rows.Str(r, 0), rows.Str(r, 1), rows.Str(r, 2), rows.Str(r, 3),
                          rows.Int(r, 4) != 0, rows.Str(r, 5)});
  }
  return absl::OkStatus();
}

absl::StatusOr<std::optional<Clue>> ReadByNumber(sql::Transaction& tx, const std::string& number) {
  ASSIGN_OR_RETURN(
      sql::Rows rows,
      tx.Query(absl::StrCat("SELECT ", kColumns, " FROM clues WHERE number = ?"), {number}));
  if (rows.empty()) return std::nullopt;
  Clue c = FromRow(rows, 0);
  RETURN_IF_ERROR(ReadSubjects(tx, c));
  return c;
}

std::string Digest(const Clue& c) { return crypto::HexEncode(crypto::Sha256(CanonicalText(c))); }

// Appends one entry to the clue's chain. Call it last in the transaction: the head row
// is hot (every read of the clue locks it).
absl::Status AppendAudit(sql::Transaction& tx, const std::string& key, int64_t clue_id,
                         AuditEntry entry) {
  ASSIGN_OR_RETURN(
      sql::Rows head,
      tx.Query("SELECT seq, mac FROM clue_audit_heads WHERE clue_id = ? FOR UPDATE", {clue_id}));
  std::string previous = head.empty() ? "" : head.Str(0, 1);
  entry.seq = head.empty() ? 1 : head.Int(0, 0) + 1;
  entry.at_micros = absl::ToUnixMicros(absl::Now());
  entry.mac = EntryMac(key, clue_id, previous, entry);
  RETURN_IF_ERROR(
      tx.Exec("INSERT INTO clue_audit (clue_id, seq, at_micros, actor, action, digest_before, "
              "digest_after, mac) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
              {clue_id, entry.seq, entry.at_micros, entry.actor, entry.action, entry.digest_before,
               entry.digest_after, entry.mac})
          .status());
  if (head.empty()) {
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

absl::StatusOr<Clue> MysqlClueRepository::Register(const Clue& clue, const sql::RequestKey& key,
                                                   const std::string& actor, absl::Time deadline) {
  Clue out;
  RETURN_IF_ERROR(
      sql::RunInTransaction(*pool_, deadline, [&](sql::Transaction& tx) -> absl::Status {
        ASSIGN_OR_RETURN(std::optional<std::string> earlier, key.Claim(tx));
        if (earlier) {
          ASSIGN_OR_RETURN(std::optional<Clue> first, ReadByNumber(tx, *earlier));
          if (!first) return Internal("IDEMPOTENCY_RESULT_MISSING", "the first result is gone");
          out = *first;
          return absl::OkStatus();
        }
        RETURN_IF_ERROR(
            tx.Exec("INSERT INTO clues (received_on, source, reporter_name, reporter_contact, "
                    "reporter_anonymous, violations, allegation, handling_unit_code, handlers, "
                    "registering_unit_code, state, registered_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, "
                    "?, ?, ?, ?)",
                    {FormatDate(clue.received_on), clue.source, clue.reporter.name,
                     clue.reporter.contact, int64_t{clue.reporter.anonymous},
                     absl::StrJoin(clue.violations, ";"), clue.allegation, clue.handling_unit_code,
                     absl::StrJoin(clue.handler_codes, ";"), clue.registering_unit_code,
                     std::string("registered"), actor})
                .status());
        ASSIGN_OR_RETURN(sql::Rows id, tx.Query("SELECT LAST_INSERT_ID()"));
        int64_t clue_id = id.Int(0, 0);
        for (size_t i = 0; i < clue.subjects.size(); ++i) {
          const Subject& s = clue.subjects[i];
          RETURN_IF_ERROR(
              tx.Exec("INSERT INTO clue_subjects (clue_id, seq, name, unit_code, position, level, "
                      "party_member, integrity_file) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                      {clue_id, static_cast<int64_t>(i + 1), s.name, s.unit_code, s.position,
                       s.level, int64_t{s.party_member}, s.integrity_file})
                  .status());
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
        ASSIGN_OR_RETURN(std::optional<Clue> stored, ReadByNumber(tx, number));
        out = *stored;
        return AppendAudit(tx, audit_key_, clue_id,
                           AuditEntry{0, 0, actor, "register", "", Digest(out), ""});
      }));
  return out;
}

absl::StatusOr<std::optional<Clue>> MysqlClueRepository::Get(const std::string& number,
                                                             const Viewer& viewer,
                                                             absl::Time deadline) {
  std::optional<Clue> out;
  RETURN_IF_ERROR(
      sql::RunInTransaction(*pool_, deadline, [&](sql::Transaction& tx) -> absl::Status {
        ASSIGN_OR_RETURN(out, ReadByNumber(tx, number));
        if (!out || !CanSee(viewer, out->handling_unit_code, out->registering_unit_code)) {
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
  if (!viewer.sees_all && viewer.units.empty()) return std::vector<Clue>{};
  // Need-to-know is part of the query, so pages are full and counts are right.
  std::string sql = absl::StrCat("SELECT ", kColumns, " FROM clues WHERE number IS NOT NULL");
  sql::Params params;
  if (before_id > 0) {
    absl::StrAppend(&sql, " AND id < ?");
    params.push_back(before_id);
  }
  if (!viewer.sees_all) {
    std::string marks = absl::StrJoin(std::vector<std::string>(viewer.units.size(), "?"), ", ");
    absl::StrAppend(&sql, " AND (handling_unit_code IN (", marks, ") OR registering_unit_code IN (",
                    marks, "))");
    for (int pass = 0; pass < 2; ++pass) {
      for (const std::string& unit : viewer.units) params.push_back(unit);
    }
  }
  if (!filter.handling_unit_code.empty()) {
    absl::StrAppend(&sql, " AND handling_unit_code = ?");
    params.push_back(filter.handling_unit_code);
  }
  if (!filter.state.empty()) {
    absl::StrAppend(&sql, " AND state = ?");
    params.push_back(filter.state);
  }
  absl::StrAppend(&sql, " ORDER BY id DESC LIMIT ?");
  params.push_back(int64_t{limit});
  std::vector<Clue> out;
  RETURN_IF_ERROR(
      sql::RunInTransaction(*pool_, deadline, [&](sql::Transaction& tx) -> absl::Status {
        ASSIGN_OR_RETURN(sql::Rows rows, tx.Query(sql, params));
        out.clear();
        for (size_t r = 0; r < rows.size(); ++r) out.push_back(FromRow(rows, r));
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
        ASSIGN_OR_RETURN(
            sql::Rows head,
            tx.Query("SELECT seq, mac FROM clue_audit_heads WHERE clue_id = ?", {clue_id}));
        std::optional<AuditHead> h;
        if (!head.empty()) h = AuditHead{head.Int(0, 0), head.Str(0, 1)};
        out = VerifyChain(audit_key_, clue_id, entries, h);
        return absl::OkStatus();
      }));
  return out;
}

}  // namespace paizhu::clue
