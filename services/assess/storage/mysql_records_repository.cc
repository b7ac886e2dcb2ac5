#include "services/assess/storage/mysql_records_repository.h"

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "common/sql/transaction.h"
#include "common/status/macros.h"
#include "common/status/status.h"
#include "common/time/civil_date.h"

namespace paizhu::assess {
namespace {

absl::CivilDay DayOf(const std::string& text) {
  absl::StatusOr<absl::CivilDay> day = ParseDate(text, "day");
  return day.ok() ? *day : absl::CivilDay();
}

constexpr char kRiskColumns[] =
    "SELECT id, group_code, unit_code, category, description, measures, state, identified_on, "
    "reviewed_on, version, recorded_by FROM risk_points WHERE ";

absl::StatusOr<std::vector<RiskPoint>> ReadRiskPoints(sql::Transaction& tx,
                                                      const std::string& where,
                                                      const sql::Params& params) {
  ASSIGN_OR_RETURN(sql::Rows rows, tx.Query(absl::StrCat(kRiskColumns, where), params));
  std::vector<RiskPoint> out;
  for (size_t r = 0; r < rows.size(); ++r) {
    RiskPoint p;
    p.id = rows.Int(r, 0);
    p.group_code = rows.Str(r, 1);
    p.unit_code = rows.Str(r, 2);
    p.category = rows.Str(r, 3);
    p.description = rows.Str(r, 4);
    p.measures = rows.Str(r, 5);
    p.state = rows.Str(r, 6);
    p.identified_on = DayOf(rows.Str(r, 7));
    if (!rows.IsNull(r, 8)) p.reviewed_on = DayOf(rows.Str(r, 8));
    p.version = rows.Int(r, 9);
    p.recorded_by = rows.Str(r, 10);
    out.push_back(std::move(p));
  }
  return out;
}

absl::StatusOr<RiskPoint> ReadRiskPoint(sql::Transaction& tx, int64_t id) {
  ASSIGN_OR_RETURN(std::vector<RiskPoint> points, ReadRiskPoints(tx, "id = ?", {id}));
  if (points.empty()) {
    return NotFound("RISK_POINT_NOT_FOUND", absl::StrCat("risk-points/", id, " does not exist"));
  }
  return points.front();
}

// Campaigns matching `where` with their units.
absl::StatusOr<std::vector<Campaign>> ReadCampaigns(sql::Transaction& tx, const std::string& where,
                                                    const sql::Params& params, int limit) {
  ASSIGN_OR_RETURN(sql::Rows rows,
                   tx.Query(absl::StrCat("SELECT id, kind, title, from_day, to_day, recorded_by "
                                         "FROM campaigns WHERE ",
                                         where, " ORDER BY from_day, id LIMIT ", limit),
                            params));
  std::vector<Campaign> out;
  for (size_t r = 0; r < rows.size(); ++r) {
    Campaign c;
    c.id = rows.Int(r, 0);
    c.kind = rows.Str(r, 1);
    c.title = rows.Str(r, 2);
    c.from = DayOf(rows.Str(r, 3));
    c.to = DayOf(rows.Str(r, 4));
    c.recorded_by = rows.Str(r, 5);
    ASSIGN_OR_RETURN(sql::Rows u, tx.Query("SELECT unit_code, group_code, followed_up_on, "
                                           "problems_found, problems_rectified, findings FROM "
                                           "campaign_units WHERE campaign_id = ? ORDER BY "
                                           "unit_code",
                                           {c.id}));
    for (size_t i = 0; i < u.size(); ++i) {
      CampaignUnit unit;
      unit.unit_code = u.Str(i, 0);
      unit.group_code = u.Str(i, 1);
      if (!u.IsNull(i, 2)) unit.followed_up_on = DayOf(u.Str(i, 2));
      unit.problems_found = static_cast<int>(u.Int(i, 3));
      unit.problems_rectified = static_cast<int>(u.Int(i, 4));
      unit.findings = u.Str(i, 5);
      c.units.push_back(std::move(unit));
    }
    out.push_back(std::move(c));
  }
  return out;
}

sql::Param DayOrNull(const std::optional<absl::CivilDay>& day) {
  if (!day) return nullptr;
  return FormatDate(*day);
}

}  // namespace

absl::StatusOr<RiskPoint> MysqlRecordsRepository::RecordRiskPoint(const RiskPoint& point,
                                                                  const sql::RequestKey& key,
                                                                  absl::Time deadline) {
  RiskPoint stored;
  RETURN_IF_ERROR(
      sql::RunInTransaction(*pool_, deadline, [&](sql::Transaction& tx) -> absl::Status {
        ASSIGN_OR_RETURN(std::optional<std::string> earlier, key.Claim(tx));
        int64_t id = 0;
        if (earlier) {
          if (!absl::SimpleAtoi(*earlier, &id)) {
            return Internal("IDEMPOTENCY_RESULT_MISSING", "bad result");
          }
        } else {
          RETURN_IF_ERROR(
              tx.Exec("INSERT INTO risk_points (group_code, unit_code, category, description, "
                      "measures, state, identified_on, reviewed_on, recorded_by) VALUES "
                      "(?, ?, ?, ?, ?, ?, ?, ?, ?)",
                      {point.group_code, point.unit_code, point.category, point.description,
                       point.measures, point.state, FormatDate(point.identified_on),
                       DayOrNull(point.reviewed_on), point.recorded_by})
                  .status());
          ASSIGN_OR_RETURN(sql::Rows last, tx.Query("SELECT LAST_INSERT_ID()"));
          id = last.Int(0, 0);
          RETURN_IF_ERROR(key.Complete(tx, absl::StrCat(id)));
        }
        ASSIGN_OR_RETURN(stored, ReadRiskPoint(tx, id));
        return absl::OkStatus();
      }));
  return stored;
}

absl::StatusOr<RiskPoint> MysqlRecordsRepository::GetRiskPoint(int64_t id, absl::Time deadline) {
  RiskPoint out;
  RETURN_IF_ERROR(
      sql::RunInTransaction(*pool_, deadline, [&](sql::Transaction& tx) -> absl::Status {
        ASSIGN_OR_RETURN(out, ReadRiskPoint(tx, id));
        return absl::OkStatus();
      }));
  return out;
}

absl::StatusOr<RiskPoint> MysqlRecordsRepository::ReviewRiskPoint(const RiskPoint& reviewed,
                                                                  absl::Time deadline) {
  RiskPoint out;
  RETURN_IF_ERROR(
      sql::RunInTransaction(*pool_, deadline, [&](sql::Transaction& tx) -> absl::Status {
        ASSIGN_OR_RETURN(int64_t changed,
                         tx.Exec("UPDATE risk_points SET state = ?, reviewed_on = ?, measures = "
                                 "?, version = version + 1 WHERE id = ? AND version = ?",
                                 {reviewed.state, DayOrNull(reviewed.reviewed_on),
                                  reviewed.measures, reviewed.id, reviewed.version}));
        if (changed == 0) {
          RETURN_IF_ERROR(ReadRiskPoint(tx, reviewed.id).status());  // NOT_FOUND first
          return Aborted("ETAG_MISMATCH",
                         "the risk point changed since it was read; read it again");
        }
        ASSIGN_OR_RETURN(out, ReadRiskPoint(tx, reviewed.id));
        return absl::OkStatus();
      }));
  return out;
}

absl::StatusOr<std::vector<RiskPoint>> MysqlRecordsRepository::RiskPoints(
    const std::string& group_code, const std::string& unit_code, int limit, absl::Time deadline) {
  std::vector<RiskPoint> out;
  RETURN_IF_ERROR(
      sql::RunInTransaction(*pool_, deadline, [&](sql::Transaction& tx) -> absl::Status {
        ASSIGN_OR_RETURN(out,
                         ReadRiskPoints(tx,
                                        absl::StrCat("(? = '' OR group_code = ?) AND (? = '' OR "
                                                     "unit_code = ?) ORDER BY unit_code, id LIMIT ",
                                                     limit),
                                        {group_code, group_code, unit_code, unit_code}));
        return absl::OkStatus();
      }));
  return out;
}

absl::StatusOr<Campaign> MysqlRecordsRepository::CreateCampaign(const Campaign& campaign,
                                                                const sql::RequestKey& key,
                                                                absl::Time deadline) {
  Campaign stored;
  RETURN_IF_ERROR(
      sql::RunInTransaction(*pool_, deadline, [&](sql::Transaction& tx) -> absl::Status {
        ASSIGN_OR_RETURN(std::optional<std::string> earlier, key.Claim(tx));
        int64_t id = 0;
        if (earlier) {
          if (!absl::SimpleAtoi(*earlier, &id)) {
            return Internal("IDEMPOTENCY_RESULT_MISSING", "bad result");
          }
        } else {
          RETURN_IF_ERROR(tx.Exec("INSERT INTO campaigns (kind, title, from_day, to_day, "
                                  "recorded_by) VALUES (?, ?, ?, ?, ?)",
                                  {campaign.kind, campaign.title, FormatDate(campaign.from),
                                   FormatDate(campaign.to), campaign.recorded_by})
                              .status());
          ASSIGN_OR_RETURN(sql::Rows last, tx.Query("SELECT LAST_INSERT_ID()"));
          id = last.Int(0, 0);
          for (const CampaignUnit& u : campaign.units) {
            RETURN_IF_ERROR(tx.Exec("INSERT INTO campaign_units (campaign_id, unit_code, "
                                    "group_code) VALUES (?, ?, ?)",
                                    {id, u.unit_code, u.group_code})
                                .status());
          }
          RETURN_IF_ERROR(key.Complete(tx, absl::StrCat(id)));
        }
        ASSIGN_OR_RETURN(std::vector<Campaign> read, ReadCampaigns(tx, "id = ?", {id}, 1));
        if (read.empty()) return Internal("CAMPAIGN_MISSING", "a created campaign is missing");
        stored = read.front();
        return absl::OkStatus();
      }));
  return stored;
}

absl::StatusOr<Campaign> MysqlRecordsRepository::GetCampaign(int64_t id, absl::Time deadline) {
  Campaign out;
  RETURN_IF_ERROR(
      sql::RunInTransaction(*pool_, deadline, [&](sql::Transaction& tx) -> absl::Status {
        ASSIGN_OR_RETURN(std::vector<Campaign> read, ReadCampaigns(tx, "id = ?", {id}, 1));
        if (read.empty()) {
          return NotFound("CAMPAIGN_NOT_FOUND", absl::StrCat("campaigns/", id, " does not exist"));
        }
        out = read.front();
        return absl::OkStatus();
      }));
  return out;
}

absl::Status MysqlRecordsRepository::RecordFollowUp(int64_t campaign_id,
                                                    const CampaignUnit& follow_up,
                                                    absl::Time deadline) {
  return sql::RunInTransaction(*pool_, deadline, [&](sql::Transaction& tx) -> absl::Status {
    ASSIGN_OR_RETURN(sql::Rows found, tx.Query("SELECT 1 FROM campaign_units WHERE campaign_id "
                                               "= ? AND unit_code = ? FOR UPDATE",
                                               {campaign_id, follow_up.unit_code}));
    if (found.empty()) {
      return NotFound(
          "UNIT_NOT_IN_CAMPAIGN",
          absl::StrCat("units/", follow_up.unit_code, " is not a unit of campaigns/", campaign_id));
    }
    return tx
        .Exec(
            "UPDATE campaign_units SET followed_up_on = ?, problems_found = ?, "
            "problems_rectified = ?, findings = ? WHERE campaign_id = ? AND unit_code = ?",
            {DayOrNull(follow_up.followed_up_on), int64_t{follow_up.problems_found},
             int64_t{follow_up.problems_rectified}, follow_up.findings, campaign_id,
             follow_up.unit_code})
        .status();
  });
}

absl::StatusOr<std::vector<Campaign>> MysqlRecordsRepository::Campaigns(absl::CivilDay from,
                                                                        absl::CivilDay to,
                                                                        int limit,
                                                                        absl::Time deadline) {
  std::vector<Campaign> out;
  RETURN_IF_ERROR(
      sql::RunInTransaction(*pool_, deadline, [&](sql::Transaction& tx) -> absl::Status {
        ASSIGN_OR_RETURN(out, ReadCampaigns(tx, "from_day <= ? AND to_day >= ?",
                                            {FormatDate(to), FormatDate(from)}, limit));
        return absl::OkStatus();
      }));
  return out;
}

absl::StatusOr<std::vector<FileItem>> MysqlRecordsRepository::FileCatalogue(absl::Time deadline) {
  std::vector<FileItem> out;
  RETURN_IF_ERROR(
      sql::RunInTransaction(*pool_, deadline, [&](sql::Transaction& tx) -> absl::Status {
        out.clear();
        ASSIGN_OR_RETURN(sql::Rows rows,
                         tx.Query("SELECT code, title FROM file_catalogue ORDER BY code"));
        for (size_t r = 0; r < rows.size(); ++r) out.push_back({rows.Str(r, 0), rows.Str(r, 1)});
        return absl::OkStatus();
      }));
  return out;
}

absl::Status MysqlRecordsRepository::RecordGroupFile(const GroupFile& file, absl::Time deadline) {
  return sql::RunInTransaction(*pool_, deadline, [&](sql::Transaction& tx) -> absl::Status {
    return tx
        .Exec(
            "INSERT INTO group_files (group_code, year, item_code, kept_on, location, "
            "recorded_by) VALUES (?, ?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE kept_on = "
            "VALUES(kept_on), location = VALUES(location), recorded_by = VALUES(recorded_by)",
            {file.group_code, int64_t{file.year}, file.item_code, FormatDate(file.kept_on),
             file.location, file.recorded_by})
        .status();
  });
}

absl::StatusOr<std::map<std::string, GroupFile>> MysqlRecordsRepository::GroupFiles(
    const std::string& group_code, int year, absl::Time deadline) {
  std::map<std::string, GroupFile> out;
  RETURN_IF_ERROR(
      sql::RunInTransaction(*pool_, deadline, [&](sql::Transaction& tx) -> absl::Status {
        out.clear();
        ASSIGN_OR_RETURN(sql::Rows rows,
                         tx.Query("SELECT item_code, kept_on, location, recorded_by FROM "
                                  "group_files WHERE group_code = ? AND year = ?",
                                  {group_code, int64_t{year}}));
        for (size_t r = 0; r < rows.size(); ++r) {
          out[rows.Str(r, 0)] = {group_code,     year,
                                 rows.Str(r, 0), DayOf(rows.Str(r, 1)),
                                 rows.Str(r, 2), rows.Str(r, 3)};
        }
        return absl::OkStatus();
      }));
  return out;
}

}  // namespace paizhu::assess
