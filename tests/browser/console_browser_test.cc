// The collaboration console in Debian's Chromium against the whole suite with the demo
// city loaded (scripts/load-demo). One suite for every scenario: starting it and loading
// the city is most of the label's time. Each scenario is a node:test case in
// console.test.mjs, one gtest case each (read from the file, so a new scenario needs no
// C++), run by name; it saves a screenshot when it fails.

#include <cctype>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"
#include "tests/support/mariadb.h"
#include "tests/support/process.h"
#include "tests/support/stack.h"

namespace paizhu {
namespace {

constexpr char kChromium[] = "/usr/bin/chromium";
constexpr char kScenarios[] = PAIZHU_SOURCE_DIR "/tests/browser/console.test.mjs";

// The scenarios' names: each `test("NAME", ...)` at the start of a line of the file.
std::vector<std::string> ScenarioNames() {
  std::ifstream in(kScenarios);
  std::vector<std::string> names;
  const std::string open = "test(\"";
  for (std::string line; std::getline(in, line);) {
    if (line.rfind(open, 0) != 0) continue;
    size_t end = line.find('"', open.size());
    if (end != std::string::npos) names.push_back(line.substr(open.size(), end - open.size()));
  }
  return names;
}

// A name as a regular expression that matches exactly it.
std::string RegexQuote(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (std::strchr("\\^$.|?*+()[]{}", c) != nullptr) out += '\\';
    out += c;
  }
  return out;
}

class ConsoleTest : public ::testing::TestWithParam<std::string> {
 protected:
  static void SetUpTestSuite() {
    for (const char* name : {"PAIZHU_STATE", "PAIZHU_ADDR", "PAIZHU_TOKEN", "PAIZHU_TOKEN_FILE"}) {
      unsetenv(name);
    }
    dir_ = new std::string(testing::MakeTempDir("paizhu-browser"));
    testing::StackOptions options;
    options.gateway_flags = {"--http-listen=127.0.0.1:0",
                             "--http-port-file=" + *dir_ + "/http.port",
                             "--web-root=" PAIZHU_CONSOLE_DIR};
    auto stack = testing::Stack::Start(testing::SharedDatabase(), std::move(options));
    ASSERT_TRUE(stack.ok()) << stack.status();
    stack_ = stack->release();
    http_port_ = std::atoi(testing::ReadFile(*dir_ + "/http.port").c_str());
    ASSERT_GT(http_port_, 0);
    // The state folder the CLI uses with this suite (its dev key, its gateway).
    state_ = new std::string(*dir_ + "/state");
    std::filesystem::create_directories(*state_ + "/keys");
    testing::WriteFile(*state_ + "/keys/dev-jwt.pem", stack_->DevKeyPem());
    testing::WriteFile(*state_ + "/env",
                       absl::StrCat("export PAIZHU_STATE=", *state_, "\n",
                                    "export PAIZHU_ADDR='127.0.0.1:", stack_->port("gateway"),
                                    "'\nexport PAIZHU_JWT_ISSUER=paizhu-dev\n",
                                    "export PAIZHU_JWT_AUDIENCE=paizhu\n"));
    testing::Subprocess load;
    std::string log = *dir_ + "/load-demo.log";
    ASSERT_TRUE(load.Start(
        {PAIZHU_SOURCE_DIR "/scripts/load-demo", "--state", *state_, "--bin", testing::BinaryDir()},
        log));
    ASSERT_EQ(load.Wait(absl::Seconds(300)), 0) << testing::ReadFile(log);
  }
  static void TearDownTestSuite() {
    delete stack_;
    stack_ = nullptr;
    if (getenv("PAIZHU_KEEP_TEST_DATA") == nullptr) std::filesystem::remove_all(*dir_);
    delete dir_;
    delete state_;
  }
  void SetUp() override {
    ASSERT_NE(stack_, nullptr) << "the suite did not start";
    ASSERT_TRUE(std::filesystem::exists(kChromium))
        << "Debian's chromium is required (scripts/lib/common.sh installs it)";
    ASSERT_TRUE(std::filesystem::exists(PAIZHU_CONSOLE_DIR "/index.html"))
        << "the console was not built (test browser_console_build)";
  }

  // Runs the scenario of console.test.mjs with this exact name; its output is the message.
  static void RunScenario(const std::string& name) {
    std::string log = absl::StrCat(*dir_, "/node-", std::hash<std::string>()(name), ".log");
    testing::Subprocess node;
    ASSERT_TRUE(node.Start(
        {"/usr/bin/env", absl::StrCat("PAIZHU_CONSOLE_URL=http://127.0.0.1:", http_port_),
         absl::StrCat("PAIZHU_STATE=", *state_), "PAIZHU_BIN=" + testing::BinaryDir(),
         absl::StrCat("PAIZHU_CHROMIUM=", kChromium), "PAIZHU_SCREENSHOTS=" PAIZHU_SCREENSHOT_DIR,
         "PAIZHU_WEB_DIR=" PAIZHU_SOURCE_DIR "/web",
         "PAIZHU_DEMO_DIR=" PAIZHU_SOURCE_DIR "/data/demo", "node", "--test",
         "--test-reporter=spec", "--test-name-pattern=^" + RegexQuote(name) + "$", kScenarios},
        log));
    int status = node.Wait(absl::Seconds(240));
    std::string output = testing::ReadFile(log);
    EXPECT_EQ(status, 0) << output;
    // node --test exits 0 when the pattern matches nothing: the scenario must have run.
    EXPECT_NE(output.find("pass 1"), std::string::npos) << output;
  }

  static std::string* dir_;
  static std::string* state_;
  static testing::Stack* stack_;
  static int http_port_;
};
std::string* ConsoleTest::dir_ = nullptr;
std::string* ConsoleTest::state_ = nullptr;
testing::Stack* ConsoleTest::stack_ = nullptr;
int ConsoleTest::http_port_ = 0;

TEST_P(ConsoleTest, Scenario) { RunScenario(GetParam()); }

INSTANTIATE_TEST_SUITE_P(Console, ConsoleTest, ::testing::ValuesIn(ScenarioNames()),
                         [](const ::testing::TestParamInfo<std::string>& info) {
                           std::string name;
                           for (char c : info.param) {
                             if (std::isalnum(static_cast<unsigned char>(c))) name += c;
                             if (c == ' ') name += '_';
                           }
                           return name;
                         });

}  // namespace
}  // namespace paizhu
