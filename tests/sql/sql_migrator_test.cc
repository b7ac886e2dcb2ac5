// The migrator on a real server: concurrent processes apply each file once; an applied
// file that was edited is refused; verify reports a schema that is behind.

#include <sys/wait.h>
#include <unistd.h>

#include "common/sql/connection.h"
#include "common/sql/migrator.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/support/mariadb.h"
#include "tests/support/status_matchers.h"

namespace paizhu::sql {
namespace {

using ::paizhu::testing::StatusIs;

std::vector<MigrationFile> History() {
  return {
      {"0001_create_log.sql", "CREATE TABLE log (note VARCHAR(50)) ENGINE=InnoDB;"},
      // Slow and not idempotent: applied twice, it would leave two rows.
      {"0002_seed_log.sql",
       "INSERT INTO log (note) SELECT 'seeded' FROM DUAL WHERE SLEEP(0.5) = 0;"},
      {"0003_add_column.sql", "ALTER TABLE log ADD COLUMN n INT NOT NULL DEFAULT 0;"},
  };
}

class MigratorTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto options = testing::CreateTestSchema(testing::SharedDatabase(), "migrate");
    ASSERT_OK(options);
    options_ = *options;
  }
  int64_t Count(const std::string& sql) {
    auto conn = Connection::Open(options_);
    EXPECT_TRUE(conn.ok());
    auto rows = (*conn)->Query(sql);
    EXPECT_TRUE(rows.ok()) << rows.status();
    return rows->Int(0, 0);
  }
  ConnectOptions options_;
};

TEST_F(MigratorTest, TwoProcessesAtOnceApplyEachFileOnce) {
  pid_t children[2];
  for (pid_t& child : children) {
    child = fork();
    ASSERT_GE(child, 0);
    if (child == 0) {
      auto conn = Connection::Open(options_);
      if (!conn.ok()) _exit(3);
      auto report = Migrator("paizhu_test", History()).Apply(**conn);
      _exit(report.ok() ? 0 : 1);
    }
  }
  for (pid_t child : children) {
    int status = 0;
    ASSERT_EQ(waitpid(child, &status, 0), child);
    EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << "a migrating process failed";
  }
  EXPECT_EQ(Count("SELECT COUNT(*) FROM schema_migrations"), 3);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM log"), 1);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM information_schema.columns WHERE table_schema = DATABASE() "
                  "AND table_name = 'log' AND column_name = 'n'"),
            1);
}

TEST_F(MigratorTest, ApplyingAgainChangesNothing) {
  ASSERT_OK_AND_ASSIGN(auto conn, Connection::Open(options_));
  ASSERT_OK_AND_ASSIGN(MigrationReport first, Migrator("t", History()).Apply(*conn));
  EXPECT_EQ(first.applied, 3);
  ASSERT_OK_AND_ASSIGN(MigrationReport second, Migrator("t", History()).Apply(*conn));
  EXPECT_EQ(second.applied, 0);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM log"), 1);
}

TEST_F(MigratorTest, EditedAppliedFileIsRefused) {
  ASSERT_OK_AND_ASSIGN(auto conn, Connection::Open(options_));
  std::vector<MigrationFile> files = History();
  files.pop_back();  // apply 1 and 2 only
  ASSERT_OK(Migrator("t", files).Apply(*conn));

  std::vector<MigrationFile> edited = History();
  edited[0].text = "CREATE TABLE log (note VARCHAR(80)) ENGINE=InnoDB;";
  absl::StatusOr<MigrationReport> report = Migrator("t", edited).Apply(*conn);
  EXPECT_THAT(report.status(),
              StatusIs(absl::StatusCode::kFailedPrecondition, kReasonMigrationEdited));
  EXPECT_THAT(std::string(report.status().message()), ::testing::HasSubstr("0001_create_log.sql"));
  // Refused before anything ran: the pending third file was not applied.
  EXPECT_EQ(Count("SELECT COUNT(*) FROM schema_migrations"), 2);
  EXPECT_THAT(Migrator("t", edited).Verify(*conn).status(),
              StatusIs(absl::StatusCode::kFailedPrecondition, kReasonMigrationEdited));
}

TEST_F(MigratorTest, VerifyReportsBehindCurrentAndAhead) {
  ASSERT_OK_AND_ASSIGN(auto conn, Connection::Open(options_));
  EXPECT_THAT(Migrator("t", History()).Verify(*conn).status(),
              StatusIs(absl::StatusCode::kFailedPrecondition, kReasonSchemaBehind));
  std::vector<MigrationFile> older = History();
  older.pop_back();
  ASSERT_OK(Migrator("t", older).Apply(*conn));
  EXPECT_THAT(Migrator("t", History()).Verify(*conn).status(),
              StatusIs(absl::StatusCode::kFailedPrecondition, kReasonSchemaBehind));
  ASSERT_OK(Migrator("t", History()).Apply(*conn));
  EXPECT_OK(Migrator("t", History()).Verify(*conn));
  // A binary one release behind still runs against the newer schema.
  EXPECT_OK(Migrator("t", older).Verify(*conn));
}

TEST_F(MigratorTest, MisnumberedFilesAreRefused) {
  ASSERT_OK_AND_ASSIGN(auto conn, Connection::Open(options_));
  std::vector<MigrationFile> gap = {{"0001_a.sql", "SELECT 1;"}, {"0003_c.sql", "SELECT 1;"}};
  EXPECT_THAT(Migrator("t", gap).Apply(*conn).status(),
              StatusIs(absl::StatusCode::kFailedPrecondition, kReasonBadMigration));
}

TEST_F(MigratorTest, FailingFileIsNotRecorded) {
  ASSERT_OK_AND_ASSIGN(auto conn, Connection::Open(options_));
  std::vector<MigrationFile> files = {{"0001_bad.sql", "CREATE TABLE broken (;"}};
  EXPECT_FALSE(Migrator("t", files).Apply(*conn).ok());
  EXPECT_EQ(Count("SELECT COUNT(*) FROM schema_migrations"), 0);
}

}  // namespace
}  // namespace paizhu::sql
