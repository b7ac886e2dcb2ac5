// paizhu-bench --smoke --json on a fresh private MariaDB and suite: every scenario of
// the full run appears, did calls, had no error, and carries its baseline ratio; the
// write figures carry the durability settings. No figure is compared with a time.

#include <cstdio>
#include <string>

#include "gtest/gtest.h"
#include "nlohmann/json.hpp"
#include "tests/support/process.h"

namespace paizhu {
namespace {

std::string RunBench() {
  std::string command = testing::BinaryDir() + "/paizhu-bench --smoke --json 2>/dev/null";
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) return "";
  std::string out;
  char buffer[4096];
  while (size_t n = fread(buffer, 1, sizeof(buffer), pipe)) out.append(buffer, n);
  EXPECT_EQ(pclose(pipe), 0) << "paizhu-bench failed; run it by hand to see why";
  return out;
}

TEST(BenchSmokeTest, EveryScenarioRunsWithoutErrors) {
  nlohmann::json doc = nlohmann::json::parse(RunBench(), nullptr, /*allow_exceptions=*/false);
  ASSERT_TRUE(doc.is_object()) << "paizhu-bench printed no JSON document";
  EXPECT_EQ(doc["profile"], "smoke");

  std::vector<std::string> ids;
  for (const auto& s : doc["scenarios"]) {
    const std::string id = s["id"];
    ids.push_back(id);
    EXPECT_GT(s["calls"].get<int64_t>(), 0) << id;
    EXPECT_TRUE(s["errors"].empty()) << id << " had errors: " << s["errors"].dump();
    const auto& l = s["latency_us"];
    EXPECT_LE(l["p50"].get<int64_t>(), l["p90"].get<int64_t>()) << id;
    EXPECT_LE(l["p90"].get<int64_t>(), l["p99"].get<int64_t>()) << id;
    EXPECT_LE(l["p99"].get<int64_t>(), l["p99.9"].get<int64_t>()) << id;
    EXPECT_LE(l["p99.9"].get<int64_t>(), l["max"].get<int64_t>()) << id;
    // CPU per call is read for every process involved, this one included.
    EXPECT_TRUE(s["cpu_us_per_call"].contains("bench")) << id;
    EXPECT_TRUE(s["cpu_us_per_call"].contains("mariadb")) << id;
    EXPECT_TRUE(s["cpu_us_per_call"].contains("gateway")) << id;
    if (!s["baseline"].get<std::string>().empty()) {
      EXPECT_TRUE(s.contains("ratio")) << id << " has no ratio to " << s["baseline"];
    }
    if (id[0] == 'W') {
      EXPECT_TRUE(s["notes"].contains("innodb_flush_log_at_trx_commit")) << id;
      EXPECT_TRUE(s["notes"].contains("sync_binlog")) << id;
    }
  }
  EXPECT_EQ(ids, (std::vector<std::string>{"B1", "B2", "B4", "B4d", "D1", "W1", "W2", "W2d", "B1o",
                                           "B2o", "P1", "P10000", "A1", "A100"}));
  EXPECT_EQ(doc["scenarios"][1]["mode"], "closed");
  EXPECT_EQ(doc["scenarios"][8]["mode"], "open");
  EXPECT_FALSE(doc["targets"].empty());
  for (const auto& t : doc["targets"]) EXPECT_TRUE(t.contains("name") && t.contains("limit"));
}

}  // namespace
}  // namespace paizhu
