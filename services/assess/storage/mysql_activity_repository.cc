#include "services/assess/storage/mysql_activity_repository.h"

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "common/sql/transaction.h"
#include "common/status/macros.h"
#include "common/status/status.h"
#include "common/time/civil_date.h"

namespace paizhu::assess {
namespace {

constexpr char kColumns[] =
    "id, group_code, unit_code, day, kind, subkind, count, note, recorded_by";

Activity FromRow(const sql::Rows& rows, size_t r) {
  Activity a;
  a.id = rows.Int(r, 0);
  a.group_code = rows.Str(r, 1);
  a.unit_code = rows.Str(r, 2);
  if (auto day = ParseDate(rows.Str(r, 3), "day"); day.ok()) a.day = *day;
  a.kind = rows.Str(r, 4);
  a.subkind = rows.Str(r, 5);
  a.count = static_cast<int>(rows.Int(r, 6));
  a.note = rows.Str(r, 7);
  a.recorded_by = rows.Str(r, 8);
  return a;
}

absl::StatusOr<Activity> ReadActivity(sql::Transaction& tx, int64_t id) {
  ASSIGN_OR_RETURN(
      sql::Rows rows,
      tx.Query(absl::StrCat("SELECT ", kColumns, " FROM activities WHERE id = ?"), {id}));
  if (rows.empty()) return Internal("ACTIVITY_MISSING", "a recorded activity is missing");
  return FromRow(rows, 0);
}

}  // namespace

absl::StatusOr<int64_t> InsertActivity(sql::Transaction& tx, const Activity& activity) {
  RETURN_IF_ERROR(
      tx.Exec("INSERT INTO activities (group_code, unit_code, day, kind, subkind, count, "
              "note, recorded_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
              {activity.group_code, activity.unit_code, FormatDate(activity.day), activity.kind,
               activity.subkind, int64_t{activity.count}, activity.note, activity.recorded_by})
          .status());
  ASSIGN_OR_RETURN(sql::Rows id, tx.Query("SELECT LAST_INSERT_ID()"));
  return id.Int(0, 0);
}

absl::StatusOr<Activity> MysqlActivityRepository::Record(const Activity& activity,
                                                         const sql::RequestKey& key,
                                                         absl::Time deadline) {
  Activity stored;
  RETURN_IF_ERROR(
      sql::RunInTransaction(*pool_, deadline, [&](sql::Transaction& tx) -> absl::Status {
        ASSIGN_OR_RETURN(std::optional<std::string> earlier, key.Claim(tx));
        if (earlier) {
          int64_t id = 0;
          if (!absl::SimpleAtoi(*earlier, &id))
            return Internal("IDEMPOTENCY_RESULT_MISSING", "bad result");
          ASSIGN_OR_RETURN(stored, ReadActivity(tx, id));
          return absl::OkStatus();
        }
        ASSIGN_OR_RETURN(int64_t id, InsertActivity(tx, activity));
        RETURN_IF_ERROR(key.Complete(tx, absl::StrCat(id)));
        ASSIGN_OR_RETURN(stored, ReadActivity(tx, id));
        return absl::OkStatus();
      }));
  return stored;
}

absl::StatusOr<std::vector<Activity>> MysqlActivityRepository::List(const ActivityFilter& filter,
                                                                    const ActivityCursor& after,
                                                                    int limit,
                                                                    absl::Time deadline) {
  std::string sql = absl::StrCat("SELECT ", kColumns, " FROM activities WHERE 1=1");
  sql::Params params;
  if (!after.day.empty()) {
    // Row comparison on (day, id) walks the index without OFFSET.
    absl::StrAppend(&sql, " AND (day, id) > (?, ?)");
    params.push_back(after.day);
    params.push_back(after.id);
  }
  if (!filter.group_code.empty()) {
    absl::StrAppend(&sql, " AND group_code = ?");
    params.push_back(filter.group_code);
  }
  if (!filter.from_day.empty()) {
    absl::StrAppend(&sql, " AND day >= ?");
    params.push_back(filter.from_day);
  }
  if (!filter.to_day.empty()) {
    absl::StrAppend(&sql, " AND day <= ?");
    params.push_back(filter.to_day);
  }
  absl::StrAppend(&sql, " ORDER BY day, id LIMIT ?");
  params.push_back(int64_t{limit});
  std::vector<Activity> out;
  RETURN_IF_ERROR(
      sql::RunInTransaction(*pool_, deadline, [&](sql::Transaction& tx) -> absl::Status {
        ASSIGN_OR_RETURN(sql::Rows rows, tx.Query(sql, params));
        out.clear();
        for (size_t r = 0; r < rows.size(); ++r) out.push_back(FromRow(rows, r));
        return absl::OkStatus();
      }));
  return out;
}

absl::StatusOr<std::map<std::string, int64_t>> MysqlActivityRepository::SumCounts(
    const std::string& from_day, const std::string& to_day, absl::Time deadline) {
  std::map<std::string, int64_t> out;
  RETURN_IF_ERROR(
      sql::RunInTransaction(*pool_, deadline, [&](sql::Transaction& tx) -> absl::Status {
        ASSIGN_OR_RETURN(sql::Rows rows,
                         tx.Query("SELECT kind, SUM(count) FROM activities WHERE day >= ? AND "
                                  "day <= ? GROUP BY kind",
                                  {from_day, to_day}));
        out.clear();
        for (size_t r = 0; r < rows.size(); ++r) out[rows.Str(r, 0)] = rows.Int(r, 1);
        return absl::OkStatus();
      }));
  return out;
}

absl::StatusOr<std::map<std::string, std::map<std::string, int64_t>>>
MysqlActivityRepository::SumCountsFor(const std::vector<std::string>& codes, bool by_unit,
                                      const std::string& from_day, const std::string& to_day,
                                      absl::Time deadline) {
  std::map<std::string, std::map<std::string, int64_t>> out;
  if (codes.empty()) return out;
  const char* column = by_unit ? "unit_code" : "group_code";
  std::string sql = absl::StrCat("SELECT ", column, ", kind, subkind, SUM(count) FROM activities ",
                                 "WHERE day >= ? AND day <= ? AND ", column, " IN (");
  sql::Params params = {from_day, to_day};
  for (size_t i = 0; i < codes.size(); ++i) {
    absl::StrAppend(&sql, i ? ", ?" : "?");
    params.push_back(codes[i]);
  }
  absl::StrAppend(&sql, ") GROUP BY ", column, ", kind, subkind");
  RETURN_IF_ERROR(
      sql::RunInTransaction(*pool_, deadline, [&](sql::Transaction& tx) -> absl::Status {
        out.clear();
        ASSIGN_OR_RETURN(sql::Rows rows, tx.Query(sql, params));
        for (size_t r = 0; r < rows.size(); ++r) {
          auto& sums = out[rows.Str(r, 0)];
          sums[rows.Str(r, 1)] += rows.Int(r, 3);
          sums[absl::StrCat(rows.Str(r, 1), "/", rows.Str(r, 2))] += rows.Int(r, 3);
        }
        return absl::OkStatus();
      }));
  return out;
}

}  // namespace paizhu::assess
