#include "services/clue/storage/mysql_letter_repository.h"

#include "absl/strings/str_cat.h"
#include "common/sql/transaction.h"
#include "common/status/macros.h"
#include "common/status/status.h"
#include "common/time/civil_date.h"
#include "services/clue/storage/clue_rows.h"

namespace paizhu::clue {
namespace {

constexpr char kColumns[] =
    "l.id, l.code, l.kind, l.issuer_code, l.unit_code, l.issued_on, l.reply_due, l.replied_on, "
    "l.reply, l.version";

bool Sees(const Viewer& v, const Letter& l) {
  return v.sees_all || v.units.count(l.issuer) > 0 || v.units.count(l.unit) > 0;
}

Letter FromRow(const sql::Rows& r, size_t i) {
  Letter l;
  l.id = r.Int(i, 0);
  l.code = r.Str(i, 1);
  l.kind = r.Str(i, 2);
  l.issuer = r.Str(i, 3);
  l.unit = r.Str(i, 4);
  l.issued_on = rows::OptDate(r, i, 5).value_or(absl::CivilDay());
  l.reply_due = rows::OptDate(r, i, 6).value_or(absl::CivilDay());
  l.replied_on = rows::OptDate(r, i, 7);
  l.reply = r.Str(i, 8);
  l.version = r.Int(i, 9);
  return l;
}

absl::Status ReadProblems(sql::Transaction& tx, Letter& l) {
  ASSIGN_OR_RETURN(sql::Rows r, tx.Query("SELECT seq, description, state, rectified_on, "
                                         "verified_on, evidence FROM letter_problems WHERE "
                                         "letter_id = ? ORDER BY seq",
                                         {l.id}));
  l.problems.clear();
  for (size_t i = 0; i < r.size(); ++i) {
    l.problems.push_back({static_cast<int>(r.Int(i, 0)), r.Str(i, 1), r.Str(i, 2),
                          rows::OptDate(r, i, 3), rows::OptDate(r, i, 4), r.Str(i, 5)});
  }
  return absl::OkStatus();
}

absl::StatusOr<std::optional<Letter>> Read(sql::Transaction& tx, const std::string& code,
                                           bool for_update) {
  ASSIGN_OR_RETURN(sql::Rows r,
                   tx.Query(absl::StrCat("SELECT ", kColumns, " FROM letters l WHERE l.code = ?",
                                         for_update ? " FOR UPDATE" : ""),
                            {code}));
  if (r.empty()) return std::nullopt;
  Letter l = FromRow(r, 0);
  RETURN_IF_ERROR(ReadProblems(tx, l));
  return l;
}

// The SQL twin of IsLetterOverdue, so lists can order and filter by it.
std::string OverdueSql(sql::Params& params, absl::CivilDay today) {
  std::string t = FormatDate(today);
  params.push_back(t);
  params.push_back(t);
  return "((l.replied_on IS NULL AND l.reply_due < ?) OR (l.reply_due < ? AND EXISTS (SELECT 1 "
         "FROM letter_problems p WHERE p.letter_id = l.id AND p.state IN ('open', "
         "'in_progress'))))";
}

}  // namespace

absl::StatusOr<Letter> MysqlLetterRepository::Create(const Letter& letter, absl::Time deadline) {
  Letter out;
  RETURN_IF_ERROR(
      sql::RunInTransaction(*pool_, deadline, [&](sql::Transaction& tx) -> absl::Status {
        ASSIGN_OR_RETURN(sql::Rows existing,
                         tx.Query("SELECT id FROM letters WHERE code = ?", {letter.code}));
        if (!existing.empty()) {
          return AlreadyExists("LETTER_EXISTS",
                               absl::StrCat("letters/", letter.code, " was already issued"));
        }
        RETURN_IF_ERROR(tx.Exec("INSERT INTO letters (code, kind, issuer_code, unit_code, "
                                "issued_on, reply_due) VALUES (?, ?, ?, ?, ?, ?)",
                                {letter.code, letter.kind, letter.issuer, letter.unit,
                                 FormatDate(letter.issued_on), FormatDate(letter.reply_due)})
                            .status());
        ASSIGN_OR_RETURN(sql::Rows id, tx.Query("SELECT LAST_INSERT_ID()"));
        for (size_t i = 0; i < letter.problems.size(); ++i) {
          RETURN_IF_ERROR(
              tx.Exec("INSERT INTO letter_problems (letter_id, seq, description, "
                      "state) VALUES (?, ?, ?, 'open')",
                      {id.Int(0, 0), static_cast<int64_t>(i + 1), letter.problems[i].description})
                  .status());
        }
        ASSIGN_OR_RETURN(std::optional<Letter> stored, Read(tx, letter.code, false));
        out = *stored;
        return absl::OkStatus();
      }));
  return out;
}

absl::StatusOr<std::optional<Letter>> MysqlLetterRepository::Get(const std::string& code,
                                                                 const Viewer& viewer,
                                                                 absl::Time deadline) {
  std::optional<Letter> out;
  RETURN_IF_ERROR(
      sql::RunInTransaction(*pool_, deadline, [&](sql::Transaction& tx) -> absl::Status {
        ASSIGN_OR_RETURN(out, Read(tx, code, false));
        if (out && !Sees(viewer, *out)) out.reset();
        return absl::OkStatus();
      }));
  return out;
}

absl::StatusOr<std::vector<std::pair<Letter, bool>>> MysqlLetterRepository::List(
    const Viewer& viewer, const LetterFilter& filter, const LetterCursor& after, int limit,
    absl::Time deadline) {
  if (!viewer.sees_all && viewer.units.empty()) return std::vector<std::pair<Letter, bool>>{};
  sql::Params params;
  std::string inner = absl::StrCat("SELECT ", kColumns, ", ", OverdueSql(params, filter.today),
                                   " AS overdue FROM letters l WHERE TRUE");
  absl::StrAppend(&inner, " AND ", rows::LetterVisibilitySql(viewer, params));
  if (!filter.unit.empty()) {
    absl::StrAppend(&inner, " AND l.unit_code = ?");
    params.push_back(filter.unit);
  }
  if (!filter.issuer.empty()) {
    absl::StrAppend(&inner, " AND l.issuer_code = ?");
    params.push_back(filter.issuer);
  }
  std::string sql = absl::StrCat("SELECT * FROM (", inner, ") t WHERE TRUE");
  if (filter.overdue_only) absl::StrAppend(&sql, " AND overdue = 1");
  if (after.id > 0) {
    // Overdue first (1 before 0), then newest: the rows after (overdue, id).
    absl::StrAppend(&sql, " AND (overdue < ? OR (overdue = ? AND id < ?))");
    params.push_back(int64_t{after.overdue});
    params.push_back(int64_t{after.overdue});
    params.push_back(after.id);
  }
  absl::StrAppend(&sql, " ORDER BY overdue DESC, id DESC LIMIT ?");
  params.push_back(int64_t{limit});
  std::vector<std::pair<Letter, bool>> out;
  RETURN_IF_ERROR(
      sql::RunInTransaction(*pool_, deadline, [&](sql::Transaction& tx) -> absl::Status {
        out.clear();
        ASSIGN_OR_RETURN(sql::Rows r, tx.Query(sql, params));
        for (size_t i = 0; i < r.size(); ++i) {
          Letter l = FromRow(r, i);
          RETURN_IF_ERROR(ReadProblems(tx, l));
          out.emplace_back(std::move(l), r.Int(i, 10) != 0);
        }
        return absl::OkStatus();
      }));
  return out;
}

absl::StatusOr<std::optional<Letter>> MysqlLetterRepository::Update(
    const std::string& code, const Viewer& viewer,
    const std::function<absl::Status(Letter&)>& change, absl::Time deadline) {
  std::optional<Letter> out;
  RETURN_IF_ERROR(
      sql::RunInTransaction(*pool_, deadline, [&](sql::Transaction& tx) -> absl::Status {
        ASSIGN_OR_RETURN(out, Read(tx, code, true));
        if (!out || !Sees(viewer, *out)) {
          out.reset();
          return absl::OkStatus();
        }
        RETURN_IF_ERROR(change(*out));
        RETURN_IF_ERROR(tx.Exec("UPDATE letters SET replied_on = ?, reply = ?, version = version "
                                "+ 1 WHERE id = ?",
                                {rows::DateParam(out->replied_on), out->reply, out->id})
                            .status());
        ++out->version;
        for (const LetterProblem& p : out->problems) {
          RETURN_IF_ERROR(
              tx.Exec("UPDATE letter_problems SET state = ?, rectified_on = ?, "
                      "verified_on = ?, evidence = ? WHERE letter_id = ? AND seq = ?",
                      {p.state, rows::DateParam(p.rectified_on), rows::DateParam(p.verified_on),
                       p.evidence, out->id, int64_t{p.seq}})
                  .status());
        }
        return absl::OkStatus();
      }));
  return out;
}

}  // namespace paizhu::clue
