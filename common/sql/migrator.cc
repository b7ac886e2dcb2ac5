#include "common/sql/migrator.h"

#include <algorithm>
#include <map>

#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "common/crypto/digest.h"
#include "common/log/log.h"
#include "common/status/macros.h"
#include "common/status/status.h"

namespace paizhu::sql {
namespace {

constexpr char kCreateTable[] =
    "CREATE TABLE IF NOT EXISTS schema_migrations ("
    " version INT NOT NULL PRIMARY KEY,"
    " name VARCHAR(255) NOT NULL,"
    " checksum CHAR(64) NOT NULL,"
    " applied_at TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6)"
    ") ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci";

int VersionOf(const std::string& name) {
  int version = 0;
  (void)absl::SimpleAtoi(name.substr(0, 4), &version);
  return version;
}

std::string Checksum(const std::string& text) { return crypto::HexEncode(crypto::Sha256(text)); }

}  // namespace

Migrator::Migrator(std::string lock_name, std::vector<MigrationFile> files)
    : lock_name_(std::move(lock_name)), files_(std::move(files)) {
  std::sort(files_.begin(), files_.end(),
            [](const auto& a, const auto& b) { return a.name < b.name; });
}

absl::Status Migrator::CheckFiles() const {
  for (size_t i = 0; i < files_.size(); ++i) {
    const std::string& name = files_[i].name;
    bool shaped = name.size() > 9 && name[4] == '_' && name.ends_with(".sql") &&
                  std::all_of(name.begin(), name.begin() + 4, absl::ascii_isdigit);
    if (!shaped || VersionOf(name) != static_cast<int>(i + 1)) {
      return FailedPrecondition(kReasonBadMigration,
                                absl::StrCat("migration '", name, "' should be numbered ", i + 1,
                                             " as NNNN_name.sql with no gaps"));
    }
  }
  return absl::OkStatus();
}

std::vector<std::string> Migrator::SplitStatements(const std::string& text) {
  std::vector<std::string> out;
  std::string current;
  char quote = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (quote) {
      current += c;
      if (c == '\\' && quote != '`' && i + 1 < text.size()) {
        current += text[++i];
      } else if (c == quote) {
        quote = 0;
      }
      continue;
    }
    if (c == '-' && i + 1 < text.size() && text[i + 1] == '-') {  // comment to end of line
      while (i < text.size() && text[i] != '\n') ++i;
      current += '\n';
      continue;
    }
    if (c == '\'' || c == '"' || c == '`') quote = c;
    if (c == ';') {
      if (!absl::StripAsciiWhitespace(current).empty()) {
        out.emplace_back(absl::StripAsciiWhitespace(current));
      }
      current.clear();
      continue;
    }
    current += c;
  }
  if (!absl::StripAsciiWhitespace(current).empty())
    out.emplace_back(absl::StripAsciiWhitespace(current));
  return out;
}

absl::StatusOr<std::vector<Migrator::Applied>> Migrator::ReadApplied(Connection& conn) const {
  ASSIGN_OR_RETURN(
      Rows rows,
      conn.Query("SELECT version, name, checksum FROM schema_migrations ORDER BY version"));
  std::vector<Applied> applied;
  for (size_t r = 0; r < rows.size(); ++r) {
    applied.push_back({static_cast<int>(rows.Int(r, 0)), rows.Str(r, 1), rows.Str(r, 2)});
  }
  return applied;
}

absl::Status Migrator::CheckChecksums(const std::vector<Applied>& applied) const {
  for (const Applied& a : applied) {
    if (a.version < 1 || a.version > static_cast<int>(files_.size())) continue;  // newer release
    const MigrationFile& file = files_[a.version - 1];
    std::string sum = Checksum(file.text);
    if (sum != a.checksum) {
      return FailedPrecondition(
          kReasonMigrationEdited,
          absl::StrCat("migration ", file.name, " was edited after it was applied to ", lock_name_,
                       " (applied checksum ", a.checksum.substr(0, 12), ", file now ",
                       sum.substr(0, 12), "); add a new migration instead of editing an old one"));
    }
  }
  return absl::OkStatus();
}

absl::StatusOr<MigrationReport> Migrator::Apply(Connection& conn,
                                                absl::Duration lock_timeout) const {
  RETURN_IF_ERROR(CheckFiles());
  std::string lock = absl::StrCat("paizhu_migrate:", lock_name_);
  ASSIGN_OR_RETURN(Rows got,
                   conn.Query("SELECT GET_LOCK(?, ?)", {lock, absl::ToInt64Seconds(lock_timeout)}));
  if (got.Int(0, 0) != 1) {
    return MakeError(absl::StatusCode::kUnavailable, kReasonMigrationLock,
                     absl::StrCat("another process held the migration lock of ", lock_name_,
                                  " for longer than ", absl::FormatDuration(lock_timeout)));
  }
  auto run = [&]() -> absl::StatusOr<MigrationReport> {
    RETURN_IF_ERROR(conn.ExecText(kCreateTable));
    ASSIGN_OR_RETURN(std::vector<Applied> applied, ReadApplied(conn));
    RETURN_IF_ERROR(CheckChecksums(applied));
    std::map<int, bool> done;
    for (const Applied& a : applied) done[a.version] = true;
    MigrationReport report{static_cast<int>(files_.size()), 0, 0};
    for (const MigrationFile& file : files_) {
      int version = VersionOf(file.name);
      if (done.count(version)) continue;
      for (const std::string& statement : SplitStatements(file.text)) {
        absl::Status s = conn.ExecText(statement);
        if (!s.ok()) {
          return MakeError(s.code(), ErrorReason(s),
                           absl::StrCat("migration ", file.name, " failed: ", s.message()));
        }
      }
      RETURN_IF_ERROR(
          conn.Exec("INSERT INTO schema_migrations (version, name, checksum) VALUES (?, ?, ?)",
                    {int64_t{version}, file.name, Checksum(file.text)})
              .status());
      log::Info("applied migration", {{"schema", lock_name_}, {"migration", file.name}});
      ++report.applied;
    }
    return report;
  };
  auto report = run();
  // Released even on failure; a dead session releases it by closing.
  (void)conn.Query("SELECT RELEASE_LOCK(?)", {lock});
  return report;
}

absl::StatusOr<MigrationReport> Migrator::Verify(Connection& conn) const {
  RETURN_IF_ERROR(CheckFiles());
  ASSIGN_OR_RETURN(
      Rows exists,
      conn.Query("SELECT COUNT(*) FROM information_schema.tables "
                 "WHERE table_schema = DATABASE() AND table_name = 'schema_migrations'"));
  std::vector<Applied> applied;
  if (exists.Int(0, 0) > 0) {
    ASSIGN_OR_RETURN(applied, ReadApplied(conn));
  }
  RETURN_IF_ERROR(CheckChecksums(applied));
  MigrationReport report{static_cast<int>(files_.size()), 0, 0};
  std::map<int, bool> done;
  for (const Applied& a : applied) done[a.version] = true;
  for (const MigrationFile& file : files_) {
    if (!done.count(VersionOf(file.name))) ++report.pending;
  }
  if (report.pending > 0) {
    return FailedPrecondition(kReasonSchemaBehind,
                              absl::StrCat("schema ", lock_name_, " lacks ", report.pending, " of ",
                                           report.known, " migrations; run --migrate-only"));
  }
  return report;
}

}  // namespace paizhu::sql
