#pragma once
// The demo city loaded once by scripts/load-demo into a suite of its own, shared by every
// LedgerTest (ledger_e2e_test.cc, live_city_e2e_test.cc), and how the tests run the CLI.

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "gtest/gtest.h"
#include "nlohmann/json.hpp"
#include "tests/support/mariadb.h"
#include "tests/support/process.h"
#include "tests/support/stack.h"

namespace paizhu {

inline constexpr char kDemoDir[] = PAIZHU_SOURCE_DIR "/data/demo";
// org's kinds in import order: the organisation, then its records (README.md, "org record
// imports"; liaisons after roles).
inline const std::vector<std::string> kOrgKinds = {
    "zones",          "units",           "supervision",       "people",         "assignments",
    "roles",          "trainings",       "vettings",          "transfer_talks", "mentoring",
    "accountability", "integrity_files", "integrity_entries", "liaisons"};

struct Result {
  int exit_code = -1;
  std::string output;  // stdout and stderr together
};

// A suite and the state folder the CLI uses with it (keys, env, token).
struct Suite {
  std::unique_ptr<testing::Stack> stack;
  std::string state;
};

// The keys of a JSON object (none when it is not an object).
inline std::set<std::string> Keys(const nlohmann::json& object) {
  std::set<std::string> keys;
  if (object.is_object()) {
    for (const auto& item : object.items()) keys.insert(item.key());
  }
  return keys;
}

// A command's output as JSON (null when it is not JSON).
inline nlohmann::json Json(const Result& result) {
  return nlohmann::json::parse(result.output, nullptr, /*allow_exceptions=*/false);
}

class LedgerTest : public ::testing::Test {
 protected:
  // Once for every suite of this binary (LedgerTest and those derived from it); the
  // environment below stops it at the end.
  static void SetUpTestSuite() {
    if (dir_ != nullptr) return;
    for (const char* name : {"PAIZHU_STATE", "PAIZHU_ADDR", "PAIZHU_TOKEN", "PAIZHU_TOKEN_FILE"}) {
      unsetenv(name);
    }
    dir_ = new std::string(testing::MakeTempDir("paizhu-ledger"));
    demo_ = new Suite(NewSuite("demo"));
    ASSERT_NE(demo_->stack, nullptr);
    load_ = new Result(Run({}, *demo_, true));
  }
  static void TearDownTestSuite() {}

 public:
  static void TearDownOnce() {
    delete demo_;
    delete load_;
    if (dir_ != nullptr && getenv("PAIZHU_KEEP_TEST_DATA") == nullptr) {
      std::filesystem::remove_all(*dir_);
    }
    delete dir_;
    dir_ = nullptr;
  }

 protected:
  static Suite NewSuite(const std::string& name) {
    Suite suite;
    testing::StackOptions options;
    options.org_calls_clue = true;  // as scripts/dev-up: integrity opinions
    auto stack = testing::Stack::Start(testing::SharedDatabase(), options);
    EXPECT_TRUE(stack.ok()) << stack.status();
    if (!stack.ok()) return suite;
    suite.stack = std::move(*stack);
    suite.state = absl::StrCat(*dir_, "/", name);
    std::filesystem::create_directories(suite.state + "/keys");
    testing::WriteFile(suite.state + "/keys/dev-jwt.pem", suite.stack->DevKeyPem());
    testing::WriteFile(suite.state + "/env",
                       absl::StrCat("export PAIZHU_STATE=", suite.state, "\n",
                                    "export PAIZHU_ADDR='127.0.0.1:", suite.stack->port("gateway"),
                                    "'\nexport PAIZHU_JWT_ISSUER=paizhu-dev\n",
                                    "export PAIZHU_JWT_AUDIENCE=paizhu\n"));
    return suite;
  }

  // `paizhu --state STATE args...`, or with `script`, the script with --state and --bin.
  static Result Run(std::vector<std::string> args, const Suite& suite, bool script = false) {
    static int run = 0;
    std::string log = absl::StrCat(*dir_, "/run-", ++run, ".log");
    std::vector<std::string> argv;
    if (script) {
      argv = {PAIZHU_SOURCE_DIR "/scripts/load-demo",
              "--state",
              suite.state,
              "--data",
              kDemoDir,
              "--bin",
              testing::BinaryDir()};
    } else {
      argv = {testing::BinaryDir() + "/paizhu", "--state", suite.state};
      argv.insert(argv.end(), args.begin(), args.end());
    }
    testing::Subprocess child;
    Result result;
    if (!child.Start(argv, log)) return result;
    result.exit_code = child.Wait(absl::Seconds(300));
    result.output = testing::ReadFile(log);
    return result;
  }
  static Result Paizhu(std::vector<std::string> args) { return Run(std::move(args), *demo_); }

  static std::string Write(const std::string& name, const std::string& text) {
    std::string path = absl::StrCat(*dir_, "/", name);
    testing::WriteFile(path, text);
    return path;
  }

  // The export of a kind as its sorted lines (the header first): the rows of history
  // kinds come in the order they were recorded, which an import does not keep.
  static std::vector<std::string> ExportLines(const Suite& suite, const std::string& kind,
                                              const std::string& as = "admin") {
    Result exported = Run({"login", "--dev", "--as", as}, suite);
    EXPECT_EQ(exported.exit_code, 0) << exported.output;
    exported = Run({"export", kind}, suite);
    EXPECT_EQ(exported.exit_code, 0) << exported.output;
    std::vector<std::string> lines = absl::StrSplit(exported.output, "\r\n", absl::SkipEmpty());
    if (lines.size() > 1) std::sort(lines.begin() + 1, lines.end());
    return lines;
  }

  // Run as `as` (logging in first).
  static Result As(const std::string& as, std::vector<std::string> args) {
    Result login = Paizhu({"login", "--dev", "--as", as});
    if (login.exit_code != 0) return login;
    return Paizhu(std::move(args));
  }

  inline static std::string* dir_ = nullptr;
  inline static Suite* demo_ = nullptr;
  inline static Result* load_ = nullptr;
};

// Stops the demo suite after the last test of the binary.
class LedgerSuiteCleanup : public ::testing::Environment {
 public:
  void TearDown() override { LedgerTest::TearDownOnce(); }
};
inline ::testing::Environment* const kLedgerSuiteCleanup =
    ::testing::AddGlobalTestEnvironment(new LedgerSuiteCleanup);

}  // namespace paizhu
