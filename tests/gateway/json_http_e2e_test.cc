// JSON over HTTP on the gateway's HTTP port, end to end: a plain HTTP client for the
// error cases (Connect error JSON and HTTP status), the web console's files, and then
// clients that are not ours (tests/gateway/node: @connectrpc/connect-node for a create,
// a get, a list and errors; @grpc/grpc-js on the gRPC port) against the same suite.

#include <httplib.h>

#include <set>
#include <string>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "common/crypto/digest.h"
#include "google/protobuf/descriptor.h"
#include "google/protobuf/descriptor.pb.h"
#include "gtest/gtest.h"
#include "nlohmann/json.hpp"
#include "tests/support/mariadb.h"
#include "tests/support/process.h"
#include "tests/support/stack.h"

namespace paizhu {
namespace {

using Json = nlohmann::json;

class JsonHttpTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = testing::MakeTempDir("paizhu-json-http");
    std::system(("mkdir -p " + dir_ + "/web/assets").c_str());
    testing::WriteFile(dir_ + "/web/index.html", "<!doctype html><title>paizhu</title>", 0644);
    testing::WriteFile(dir_ + "/web/assets/app.js", "console.log('paizhu');", 0644);
    auto stack = testing::Stack::Start(
        testing::SharedDatabase(),
        testing::StackOptions{.gateway_flags = {"--http-listen=127.0.0.1:0",
                                                "--http-port-file=" + dir_ + "/http.port",
                                                "--web-root=" + dir_ + "/web"}});
    ASSERT_TRUE(stack.ok()) << stack.status();
    stack_ = stack->release();
    http_port_ = std::atoi(testing::ReadFile(dir_ + "/http.port").c_str());
    ASSERT_GT(http_port_, 0);
  }
  static void TearDownTestSuite() {
    delete stack_;
    if (std::getenv("PAIZHU_KEEP_TEST_DATA") == nullptr) std::system(("rm -rf " + dir_).c_str());
  }
  void SetUp() override { ASSERT_NE(stack_, nullptr); }

  static httplib::Client Client() {
    httplib::Client client("127.0.0.1", http_port_);
    client.set_read_timeout(10, 0);
    return client;
  }

  // POSTs `body` to /<method> as Connect's unary JSON; the token unless empty.
  static httplib::Result Post(const std::string& method, const std::string& body,
                              const std::string& token,
                              const std::string& content_type = "application/json",
                              const std::string& request_id = "") {
    httplib::Headers headers;
    if (!token.empty()) headers.emplace("Authorization", "Bearer " + token);
    if (!request_id.empty()) headers.emplace("X-Request-Id", request_id);
    return Client().Post(("/" + method).c_str(), headers, body, content_type.c_str());
  }

  // The readable copy of the error's google.rpc.ErrorInfo reason.
  static std::string Reason(const Json& error) {
    for (const Json& detail : error.value("details", Json::array())) {
      if (detail.value("type", "") == "google.rpc.ErrorInfo") {
        EXPECT_FALSE(detail.value("value", "").empty()) << detail;
        return detail["debug"].value("reason", "");
      }
    }
    return "";
  }

  static std::string dir_;
  static int http_port_;
  static testing::Stack* stack_;
};
std::string JsonHttpTest::dir_;
int JsonHttpTest::http_port_ = 0;
testing::Stack* JsonHttpTest::stack_ = nullptr;

constexpr char kListUnits[] = "paizhu.org.v1.OrgService/ListUnits";
constexpr char kGetUnit[] = "paizhu.org.v1.OrgService/GetUnit";

TEST_F(JsonHttpTest, AnAnswerIsTheResponseInProtobufJson) {
  auto res = Post(kGetUnit, R"({"name": "units/NOPE"})", stack_->Token("admin"));
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 404);
  EXPECT_EQ(res->get_header_value("Content-Type"), "application/json");
  Json error = Json::parse(res->body);
  EXPECT_EQ(error.value("code", ""), "not_found");
  EXPECT_FALSE(error.value("message", "").empty());
  EXPECT_EQ(Reason(error), "UNIT_NOT_FOUND");

  res = Post(kListUnits, R"({"page_size": 5})", stack_->Token("admin"), "application/json",
             "json-list");
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200) << res->body;
  Json list = Json::parse(res->body);
  ASSERT_TRUE(list.is_object()) << res->body;
  // Field names as in the proto; the bootstrap admin's stack has no units yet, or some.
  for (const Json& unit : list.value("units", Json::array())) {
    EXPECT_TRUE(unit.contains("name")) << unit;
  }
  EXPECT_EQ(res->get_header_value("X-Request-Id"), "json-list");
  std::string log = testing::ReadFile(stack_->Log("gateway"));
  EXPECT_NE(log.find(R"("request_id":"json-list")"), std::string::npos);
}

TEST_F(JsonHttpTest, BadCallsGetConnectErrors) {
  std::string token = stack_->Token("admin");
  struct Case {
    const char* what;
    httplib::Result result;
    int status;
    const char* code;
    const char* reason;
  };
  Case cases[] = {
      {"no token", Post(kListUnits, "{}", ""), 401, "unauthenticated", "UNAUTHENTICATED"},
      {"a bad token", Post(kListUnits, "{}", token + "x"), 401, "unauthenticated",
       "UNAUTHENTICATED"},
      {"bad JSON", Post(kListUnits, "{not json", token), 400, "invalid_argument", "BAD_JSON"},
      {"an unknown field", Post(kListUnits, R"({"no_such_field": 1})", token), 400,
       "invalid_argument", "BAD_JSON"},
      {"a wrong field type", Post(kListUnits, R"({"page_size": "many"})", token), 400,
       "invalid_argument", "BAD_JSON"},
      {"an unknown method", Post("paizhu.org.v1.OrgService/NoSuchMethod", "{}", token), 404,
       "unimplemented", "METHOD_NOT_ROUTED"},
      {"an unknown service", Post("paizhu.nope.v1.Nope/Get", "{}", token), 404, "unimplemented",
       "METHOD_NOT_ROUTED"},
      {"not JSON", Post(kListUnits, "{}", token, "text/plain"), 415, "invalid_argument",
       "UNSUPPORTED_CONTENT_TYPE"},
      // The administrator sees no clue: refused by the method's declared access.
      {"a role the method does not allow",
       Post("paizhu.clue.v1.ClueService/GetClue", R"({"name": "clues/XS2026-0001"})", token), 403,
       "permission_denied", "CALLER_NOT_ALLOWED"},
  };
  for (const Case& c : cases) {
    ASSERT_TRUE(c.result) << c.what;
    EXPECT_EQ(c.result->status, c.status) << c.what << ": " << c.result->body;
    Json error = Json::parse(c.result->body, nullptr, false);
    ASSERT_TRUE(error.is_object()) << c.what << ": " << c.result->body;
    EXPECT_EQ(error.value("code", ""), c.code) << c.what;
    EXPECT_EQ(Reason(error), c.reason) << c.what << ": " << c.result->body;
  }
  // Never a token in the log.
  EXPECT_EQ(testing::ReadFile(stack_->Log("gateway")).find(token), std::string::npos);
}

TEST_F(JsonHttpTest, TheWebConsoleIsServedWithClientSideRoutes) {
  auto client = Client();
  auto index = client.Get("/");
  ASSERT_TRUE(index);
  EXPECT_EQ(index->status, 200);
  EXPECT_NE(index->body.find("<title>paizhu</title>"), std::string::npos);
  auto asset = client.Get("/assets/app.js");
  ASSERT_TRUE(asset);
  EXPECT_EQ(asset->status, 200);
  EXPECT_EQ(asset->body, "console.log('paizhu');");
  // A client-side route: the console's page, which routes it itself.
  auto route = client.Get("/clues/XS2026-0001");
  ASSERT_TRUE(route);
  EXPECT_EQ(route->status, 200);
  EXPECT_NE(route->body.find("<title>paizhu</title>"), std::string::npos);
  // An API path is not a page.
  auto api = client.Get(("/" + std::string(kListUnits)).c_str());
  ASSERT_TRUE(api);
  EXPECT_EQ(api->status, 404);
  // Nothing outside the root.
  auto escape = client.Get("/../http.port");
  ASSERT_TRUE(escape);
  EXPECT_EQ(escape->body.find(std::to_string(http_port_)), std::string::npos);
}

// The public API's descriptors, as the gateway has them, for clients without codegen.
std::string DescriptorSet() {
  google::protobuf::FileDescriptorSet set;
  std::set<std::string> added;
  std::function<void(const google::protobuf::FileDescriptor*)> add =
      [&](const google::protobuf::FileDescriptor* file) {
        if (!added.insert(file->name()).second) return;
        for (int i = 0; i < file->dependency_count(); ++i) add(file->dependency(i));
        google::protobuf::FileDescriptorProto* proto = set.add_file();
        file->CopyTo(proto);
        file->CopyJsonNameTo(proto);  // CopyTo leaves the JSON names out
      };
  const auto* pool = google::protobuf::DescriptorPool::generated_pool();
  for (const char* name :
       {"paizhu/org/v1/org.proto", "paizhu/clue/v1/clue.proto", "paizhu/assess/v1/assess.proto",
        "google/rpc/status.proto", "google/rpc/error_details.proto"}) {
    const auto* file = pool->FindFileByName(name);
    EXPECT_NE(file, nullptr) << name;
    if (file != nullptr) add(file);
  }
  return set.SerializeAsString();
}

TEST_F(JsonHttpTest, ClientsThatAreNotOursRoundTrip) {
  testing::WriteFile(dir_ + "/api.binpb", DescriptorSet(), 0644);
  std::string unit = "NODE" + crypto::HexEncode(crypto::RandomBytes(3));
  for (auto& c : unit) c = std::toupper(c);
  std::string command = absl::StrCat(
      "cd '", PAIZHU_NODE_DIR, "' && PAIZHU_HTTP_URL=http://127.0.0.1:", http_port_,
      " PAIZHU_GRPC_ADDR=127.0.0.1:", stack_->port("gateway"),
      " PAIZHU_ADMIN_TOKEN=", stack_->Token("admin", absl::Minutes(10)),
      " PAIZHU_DESCRIPTORS=", dir_, "/api.binpb PAIZHU_UNIT=", unit,
      " node --test --test-reporter=spec gateway_clients.test.mjs > ", dir_, "/node.log 2>&1");
  int status = std::system(command.c_str());
  std::string output = testing::ReadFile(dir_ + "/node.log");
  EXPECT_EQ(status, 0) << output;
  std::cout << output;
}

}  // namespace
}  // namespace paizhu
