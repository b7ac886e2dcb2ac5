// MysqlClueRepository's statistics half: the facts of a period, filtered by need-to-know
// in SQL; domain/statistics.cc counts them.

#include "absl/strings/str_cat.h"
#include "common/sql/transaction.h"
#include "common/status/macros.h"
#include "common/time/civil_date.h"
#include "services/clue/storage/clue_rows.h"
#include "services/clue/storage/mysql_clue_repository.h"

namespace paizhu::clue {
namespace {

absl::CivilDay Day(const sql::Rows& rows, size_t r, size_t c) {
  return rows::OptDate(rows, r, c).value_or(absl::CivilDay());
}

}  // namespace

absl::StatusOr<StatisticsFacts> MysqlClueRepository::LoadStatisticsFacts(const Viewer& viewer,
                                                                         absl::CivilDay from,
                                                                         absl::CivilDay to,
                                                                         absl::Time deadline) {
  std::string f = FormatDate(from), t = FormatDate(to);
  auto visible = [&](sql::Params& params) {
    return viewer.sees_all ? std::string("TRUE") : rows::VisibilitySql(viewer, "c.", params);
  };
  StatisticsFacts out;
  RETURN_IF_ERROR(
      sql::RunInTransaction(*pool_, deadline, [&](sql::Transaction& tx) -> absl::Status {
        out = StatisticsFacts{};
        sql::Params p1{f, t, f, t};
        std::string v1 = visible(p1);
        ASSIGN_OR_RETURN(
            sql::Rows clues,
            tx.Query(absl::StrCat("SELECT c.id, c.handling_unit_code, c.source, c.received_on, "
                                  "c.disposal, c.disposed_on, EXISTS (SELECT 1 FROM "
                                  "clue_participants jc WHERE jc.clue_id = c.id AND jc.state IN "
                                  "('active', 'removed')) FROM clues c WHERE c.number IS NOT "
                                  "NULL AND (c.received_on BETWEEN ? AND ? OR c.disposed_on "
                                  "BETWEEN ? AND ?) AND ",
                                  v1),
                     p1));
        for (size_t r = 0; r < clues.size(); ++r) {
          out.clues.push_back({clues.Int(r, 0), clues.Str(r, 1), clues.Str(r, 2), Day(clues, r, 3),
                               clues.Str(r, 4), rows::OptDate(clues, r, 5), clues.Int(r, 6) != 0});
        }
        sql::Params p2{f, t};
        std::string v2 = visible(p2);
        ASSIGN_OR_RETURN(
            sql::Rows cases,
            tx.Query(absl::StrCat("SELECT c.handling_unit_code, k.filed_on FROM cases k JOIN "
                                  "clues c ON c.id = k.clue_id WHERE k.filed_on BETWEEN ? AND ? "
                                  "AND ",
                                  v2),
                     p2));
        for (size_t r = 0; r < cases.size(); ++r) {
          out.cases.push_back({cases.Str(r, 0), Day(cases, r, 1)});
        }
        sql::Params p3{f, t};
        std::string v3 = visible(p3);
        ASSIGN_OR_RETURN(
            sql::Rows outcomes,
            tx.Query(absl::StrCat("SELECT o.clue_id, c.handling_unit_code, o.subject_name, "
                                  "o.outcome, o.decided_on FROM clue_outcomes o JOIN clues c ON "
                                  "c.id = o.clue_id WHERE o.decided_on BETWEEN ? AND ? AND ",
                                  v3),
                     p3));
        for (size_t r = 0; r < outcomes.size(); ++r) {
          out.outcomes.push_back({outcomes.Int(r, 0), outcomes.Str(r, 1), outcomes.Str(r, 2),
                                  outcomes.Str(r, 3), Day(outcomes, r, 4)});
        }
        sql::Params p4{f, t};
        std::string v4 = rows::LetterVisibilitySql(viewer, p4);
        ASSIGN_OR_RETURN(
            sql::Rows letters,
            tx.Query(absl::StrCat("SELECT l.id, l.issuer_code, l.unit_code, l.issued_on, "
                                  "l.reply_due, l.replied_on FROM letters l WHERE l.issued_on "
                                  "BETWEEN ? AND ? AND ",
                                  v4),
                     p4));
        for (size_t r = 0; r < letters.size(); ++r) {
          out.letters.push_back({letters.Int(r, 0), letters.Str(r, 1), letters.Str(r, 2),
                                 Day(letters, r, 3), Day(letters, r, 4),
                                 rows::OptDate(letters, r, 5)});
        }
        sql::Params p5{f, t};
        std::string v5 = rows::LetterVisibilitySql(viewer, p5);
        ASSIGN_OR_RETURN(
            sql::Rows problems,
            tx.Query(absl::StrCat("SELECT p.letter_id, p.state, p.rectified_on FROM "
                                  "letter_problems p JOIN letters l ON l.id = p.letter_id WHERE "
                                  "l.issued_on BETWEEN ? AND ? AND ",
                                  v5),
                     p5));
        for (size_t r = 0; r < problems.size(); ++r) {
          out.problems.push_back(
              {problems.Int(r, 0), problems.Str(r, 1), rows::OptDate(problems, r, 2)});
        }
        return absl::OkStatus();
      }));
  return out;
}

}  // namespace paizhu::clue
