#pragma once
// Numbered migrations, recorded with a SHA-256 checksum in `schema_migrations`.
// - Apply: under GET_LOCK (so replicas starting together apply each file once), runs
//   every file not yet recorded, in order, and records it.
// - Verify: the schema is current when every file is recorded with its checksum; a
//   schema ahead of the binary (a newer release migrated it) is accepted.
// - Either way, an applied file whose text changed since is refused: history is fixed.
// MariaDB DDL is not transactional: keep one DDL change per file.

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "common/sql/connection.h"
#include "common/sql/migration_file.h"

namespace paizhu::sql {

inline constexpr char kReasonMigrationEdited[] = "MIGRATION_EDITED";
inline constexpr char kReasonSchemaBehind[] = "SCHEMA_BEHIND";
inline constexpr char kReasonMigrationLock[] = "MIGRATION_LOCK_TIMEOUT";
inline constexpr char kReasonBadMigration[] = "BAD_MIGRATION";

struct MigrationReport {
  int known = 0;    // files in the binary
  int applied = 0;  // applied by this call
  int pending = 0;  // still not applied (Verify)
};

class Migrator {
 public:
  // `lock_name` is usually the schema name.
  Migrator(std::string lock_name, std::vector<MigrationFile> files);

  absl::StatusOr<MigrationReport> Apply(Connection& conn,
                                        absl::Duration lock_timeout = absl::Seconds(60)) const;
  absl::StatusOr<MigrationReport> Verify(Connection& conn) const;

  // Splits a file into statements at ';' outside quotes and comments.
  static std::vector<std::string> SplitStatements(const std::string& text);

 private:
  struct Applied {
    int version;
    std::string name;
    std::string checksum;
  };
  absl::Status CheckFiles() const;
  absl::StatusOr<std::vector<Applied>> ReadApplied(Connection& conn) const;
  absl::Status CheckChecksums(const std::vector<Applied>& applied) const;

  std::string lock_name_;
  std::vector<MigrationFile> files_;
};

}  // namespace paizhu::sql
