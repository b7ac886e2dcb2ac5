// Flags and environment: defaults, both flag spellings, PAIZHU_* variables, the command
// line winning, and the errors a mistyped command line gets; secrets read from files.

#include "common/config/flags.h"

#include <cstdlib>
#include <fstream>
#include <string>
#include <vector>

#include "absl/time/time.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/support/status_matchers.h"

namespace paizhu::config {
namespace {

using ::paizhu::testing::HasField;
using ::paizhu::testing::StatusIs;
using ::testing::HasSubstr;

// Environment variables these tests set; cleared around every test.
constexpr const char* kEnvVars[] = {"PAIZHU_FOO_BAR", "PAIZHU_PORT", "PAIZHU_VERBOSE",
                                    "PAIZHU_TIMEOUT"};

class FlagSetTest : public ::testing::Test {
 protected:
  void SetUp() override {
    for (const char* name : kEnvVars) unsetenv(name);
    flags_.Define("foo-bar", "default-foo", "a string flag");
    flags_.Define("port", "8080", "the port");
    flags_.Define("verbose", "false", "log more", /*is_bool=*/true);
    flags_.Define("timeout", "5s", "how long to wait");
  }
  void TearDown() override {
    for (const char* name : kEnvVars) unsetenv(name);
  }

  absl::Status Parse(std::vector<const char*> args) {
    args.insert(args.begin(), "prog");
    return flags_.Parse(static_cast<int>(args.size()), args.data());
  }

  FlagSet flags_{"prog"};
};

TEST_F(FlagSetTest, DefaultsWhenNothingGiven) {
  ASSERT_OK(Parse({}));
  EXPECT_EQ(flags_.Get("foo-bar"), "default-foo");
  EXPECT_EQ(flags_.Get("port"), "8080");
  ASSERT_OK_AND_ASSIGN(int port, flags_.GetInt("port"));
  EXPECT_EQ(port, 8080);
  ASSERT_OK_AND_ASSIGN(bool verbose, flags_.GetBool("verbose"));
  EXPECT_FALSE(verbose);
  ASSERT_OK_AND_ASSIGN(absl::Duration timeout, flags_.GetDuration("timeout"));
  EXPECT_EQ(timeout, absl::Seconds(5));
}

TEST_F(FlagSetTest, FlagWithEqualsValue) {
  ASSERT_OK(Parse({"--port=9000"}));
  EXPECT_EQ(flags_.Get("port"), "9000");
}

TEST_F(FlagSetTest, FlagWithSeparateValue) {
  ASSERT_OK(Parse({"--port", "9000", "--foo-bar", "x"}));
  EXPECT_EQ(flags_.Get("port"), "9000");
  EXPECT_EQ(flags_.Get("foo-bar"), "x");
}

TEST_F(FlagSetTest, ValueMayContainEquals) {
  ASSERT_OK(Parse({"--foo-bar=a=b"}));
  EXPECT_EQ(flags_.Get("foo-bar"), "a=b");
}

TEST_F(FlagSetTest, BoolFlagWithoutValueIsTrue) {
  ASSERT_OK(Parse({"--verbose", "--port=1"}));
  ASSERT_OK_AND_ASSIGN(bool verbose, flags_.GetBool("verbose"));
  EXPECT_TRUE(verbose);
  EXPECT_EQ(flags_.Get("port"), "1");  // the next flag was not taken as the bool's value
}

TEST_F(FlagSetTest, BoolFlagWithExplicitFalse) {
  flags_.Define("color", "true", "colour output", /*is_bool=*/true);
  ASSERT_OK(Parse({"--color=false"}));
  ASSERT_OK_AND_ASSIGN(bool color, flags_.GetBool("color"));
  EXPECT_FALSE(color);
}

TEST_F(FlagSetTest, EnvironmentUsedWhenFlagAbsent) {
  setenv("PAIZHU_FOO_BAR", "from-env", 1);
  ASSERT_OK(Parse({}));
  EXPECT_EQ(flags_.Get("foo-bar"), "from-env");
}

TEST_F(FlagSetTest, EnvironmentSetsBoolFlag) {
  setenv("PAIZHU_VERBOSE", "true", 1);
  ASSERT_OK(Parse({}));
  ASSERT_OK_AND_ASSIGN(bool verbose, flags_.GetBool("verbose"));
  EXPECT_TRUE(verbose);
}

TEST_F(FlagSetTest, CommandLineWinsOverEnvironment) {
  setenv("PAIZHU_FOO_BAR", "from-env", 1);
  setenv("PAIZHU_PORT", "1111", 1);
  ASSERT_OK(Parse({"--foo-bar=from-flag", "--port", "2222"}));
  EXPECT_EQ(flags_.Get("foo-bar"), "from-flag");
  EXPECT_EQ(flags_.Get("port"), "2222");
}

TEST_F(FlagSetTest, UnknownFlagIsRefusedWithItsName) {
  absl::Status s = Parse({"--no-such-flag=1"});
  EXPECT_THAT(s, StatusIs(absl::StatusCode::kInvalidArgument, "UNKNOWN_FLAG"));
  EXPECT_THAT(s, HasField("no-such-flag"));
}

TEST_F(FlagSetTest, UnknownFlagWithoutValueIsRefused) {
  absl::Status s = Parse({"--prot", "9000"});
  EXPECT_THAT(s, StatusIs(absl::StatusCode::kInvalidArgument, "UNKNOWN_FLAG"));
  EXPECT_THAT(s, HasField("prot"));
}

TEST_F(FlagSetTest, StrayArgumentIsRefused) {
  absl::Status s = Parse({"--port=1", "stray"});
  EXPECT_THAT(s, StatusIs(absl::StatusCode::kInvalidArgument, "UNEXPECTED_ARGUMENT"));
  EXPECT_THAT(s.message(), HasSubstr("stray"));
}

TEST_F(FlagSetTest, SingleDashIsRefused) {
  EXPECT_THAT(Parse({"-port=1"}), StatusIs(absl::StatusCode::kInvalidArgument));
}

TEST_F(FlagSetTest, MissingValueIsRefused) {
  absl::Status s = Parse({"--port"});
  EXPECT_THAT(s, StatusIs(absl::StatusCode::kInvalidArgument, "FLAG_NEEDS_VALUE"));
  EXPECT_THAT(s, HasField("port"));
}

TEST_F(FlagSetTest, HelpReturnsUsage) {
  absl::Status s = Parse({"--help"});
  EXPECT_THAT(s, StatusIs(absl::StatusCode::kNotFound, "HELP"));
  EXPECT_THAT(s.message(), HasSubstr("--foo-bar"));
  EXPECT_THAT(s.message(), HasSubstr("a string flag"));
}

TEST_F(FlagSetTest, GetDurationParsesMilliseconds) {
  ASSERT_OK(Parse({"--timeout=250ms"}));
  ASSERT_OK_AND_ASSIGN(absl::Duration timeout, flags_.GetDuration("timeout"));
  EXPECT_EQ(timeout, absl::Milliseconds(250));
}

TEST_F(FlagSetTest, BadDurationIsRefused) {
  ASSERT_OK(Parse({"--timeout=soon"}));
  auto timeout = flags_.GetDuration("timeout");
  EXPECT_THAT(timeout, StatusIs(absl::StatusCode::kInvalidArgument, "BAD_FLAG_VALUE"));
  EXPECT_THAT(timeout, HasField("timeout"));
}

TEST_F(FlagSetTest, DurationWithoutUnitIsRefused) {
  ASSERT_OK(Parse({"--timeout=250"}));
  EXPECT_THAT(flags_.GetDuration("timeout"),
              StatusIs(absl::StatusCode::kInvalidArgument, "BAD_FLAG_VALUE"));
}

TEST_F(FlagSetTest, NegativeDurationIsRefused) {
  ASSERT_OK(Parse({"--timeout=-1s"}));
  EXPECT_THAT(flags_.GetDuration("timeout"),
              StatusIs(absl::StatusCode::kInvalidArgument, "BAD_FLAG_VALUE"));
}

TEST_F(FlagSetTest, BadIntAndBoolAreRefused) {
  ASSERT_OK(Parse({"--port=eighty", "--verbose=maybe"}));
  EXPECT_THAT(flags_.GetInt("port"),
              StatusIs(absl::StatusCode::kInvalidArgument, "BAD_FLAG_VALUE"));
  EXPECT_THAT(flags_.GetInt("port"), HasField("port"));
  EXPECT_THAT(flags_.GetBool("verbose"),
              StatusIs(absl::StatusCode::kInvalidArgument, "BAD_FLAG_VALUE"));
}

TEST(EnvNameTest, UpperCasesAndReplacesDashes) {
  EXPECT_EQ(EnvName("foo-bar"), "PAIZHU_FOO_BAR");
  EXPECT_EQ(EnvName("db-password-file"), "PAIZHU_DB_PASSWORD_FILE");
}

class ReadSecretFileTest : public ::testing::Test {
 protected:
  std::string WriteFile(const std::string& name, const std::string& text) {
    std::string path = ::testing::TempDir() + "/paizhu_flags_test_" + name;
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << text;
    paths_.push_back(path);
    return path;
  }
  void TearDown() override {
    for (const auto& path : paths_) std::remove(path.c_str());
  }
  std::vector<std::string> paths_;
};

TEST_F(ReadSecretFileTest, TrimsTrailingNewline) {
  std::string path = WriteFile("secret", "s3cret\n");
  ASSERT_OK_AND_ASSIGN(std::string secret, ReadSecretFile("db-password-file", path));
  EXPECT_EQ(secret, "s3cret");
}

TEST_F(ReadSecretFileTest, KeepsInnerAndLeadingCharacters) {
  std::string path = WriteFile("secret2", " a b\tc \r\n\n");
  ASSERT_OK_AND_ASSIGN(std::string secret, ReadSecretFile("db-password-file", path));
  EXPECT_EQ(secret, " a b\tc");
}

TEST_F(ReadSecretFileTest, MissingFileIsUnreadable) {
  auto secret = ReadSecretFile("db-password-file", ::testing::TempDir() + "/no/such/file");
  EXPECT_THAT(secret, StatusIs(absl::StatusCode::kInvalidArgument, "SECRET_FILE_UNREADABLE"));
  EXPECT_THAT(secret, HasField("db-password-file"));
}

TEST_F(ReadSecretFileTest, EmptyPathIsMissing) {
  auto secret = ReadSecretFile("db-password-file", "");
  EXPECT_THAT(secret, StatusIs(absl::StatusCode::kInvalidArgument, "SECRET_FILE_MISSING"));
  EXPECT_THAT(secret, HasField("db-password-file"));
}

}  // namespace
}  // namespace paizhu::config
