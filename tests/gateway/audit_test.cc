// The access line's parts: the principal's label, the resource name read from the
// serialized request, and the fields written.

#include "services/gateway/domain/audit.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "paizhu/clue/v1/clue.pb.h"
#include "paizhu/org/v1/org.pb.h"
#include "services/gateway/domain/routes.h"
#include "tests/support/status_matchers.h"

namespace paizhu::gateway {
namespace {

TEST(PrincipalLabelTest, KindAndSubjectOrAnonymous) {
  auth::Principal p;
  EXPECT_EQ(PrincipalLabel(p), "anonymous");
  p.set_kind(auth::Principal::PERSON);
  EXPECT_EQ(PrincipalLabel(p), "anonymous");
  p.set_subject("P0001");
  EXPECT_EQ(PrincipalLabel(p), "person:P0001");
  p.set_kind(auth::Principal::SYSTEM);
  p.set_subject("hr");
  EXPECT_EQ(PrincipalLabel(p), "system:hr");
}

class ResourceNameTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto routes = RouteTable::Build(
        {{"paizhu.org.v1.OrgService", "org"}, {"paizhu.clue.v1.ClueService", "clue"}});
    ASSERT_TRUE(routes.ok()) << routes.status();
    routes_ = new RouteTable(*std::move(routes));
  }
  static void TearDownTestSuite() { delete routes_; }

  static const Route& RouteOf(const std::string& path) {
    auto route = routes_->Find(path);
    EXPECT_TRUE(route.ok()) << path;
    return **route;
  }
  static RouteTable* routes_;
};
RouteTable* ResourceNameTest::routes_ = nullptr;

TEST_F(ResourceNameTest, TheNameOfAGet) {
  const Route& get = RouteOf("/paizhu.org.v1.OrgService/GetUnit");
  ASSERT_NE(get.request_prototype, nullptr);
  org::v1::GetUnitRequest request;
  request.set_name("units/G01");
  EXPECT_EQ(ResourceNameOf(*get.request_prototype, request.SerializeAsString()), "units/G01");
  // An empty request has no resource.
  EXPECT_EQ(ResourceNameOf(*get.request_prototype, ""), "");
}

TEST_F(ResourceNameTest, TheParentOfAList) {
  const Route& list = RouteOf("/paizhu.org.v1.OrgService/ListUnits");
  ASSERT_NE(list.request_prototype, nullptr);
  org::v1::ListUnitsRequest request;
  request.set_parent("units/C001");
  request.set_page_size(5);
  EXPECT_EQ(ResourceNameOf(*list.request_prototype, request.SerializeAsString()), "units/C001");
}

TEST_F(ResourceNameTest, NothingForRequestsWithoutNameOrParent) {
  const Route& compute = RouteOf("/paizhu.clue.v1.ClueService/ComputeDeadline");
  EXPECT_EQ(compute.request_prototype, nullptr);
  EXPECT_FALSE(HasResourceField(clue::v1::ComputeDeadlineRequest::descriptor()));
  EXPECT_TRUE(HasResourceField(org::v1::GetUnitRequest::descriptor()));
}

TEST_F(ResourceNameTest, BytesThatDoNotParseGiveNothing) {
  const Route& get = RouteOf("/paizhu.org.v1.OrgService/GetUnit");
  ASSERT_NE(get.request_prototype, nullptr);
  EXPECT_EQ(ResourceNameOf(*get.request_prototype, std::string("\xff\xff\xff\xff", 4)), "");
}

TEST(AccessLogFieldsTest, HasEveryFieldAndNothingElse) {
  AccessRecord record;
  record.principal = "person:P0001";
  record.method = "/paizhu.org.v1.OrgService/GetUnit";
  record.resource = "units/G01";
  record.code = "NOT_FOUND";
  record.reason = "UNIT_NOT_FOUND";
  record.latency = absl::Microseconds(2500);
  record.deadline = absl::Seconds(10);
  record.request_id = "r1";
  log::Fields fields = AccessLogFields(record);
  EXPECT_EQ(fields["principal"], "person:P0001");
  EXPECT_EQ(fields["method"], "/paizhu.org.v1.OrgService/GetUnit");
  EXPECT_EQ(fields["resource"], "units/G01");
  EXPECT_EQ(fields["code"], "NOT_FOUND");
  EXPECT_EQ(fields["reason"], "UNIT_NOT_FOUND");
  EXPECT_DOUBLE_EQ(fields["latency_ms"].get<double>(), 2.5);
  EXPECT_EQ(fields["deadline_ms"], 10000);
  EXPECT_EQ(fields["request_id"], "r1");
  EXPECT_EQ(fields.size(), 8u);
}

TEST(AccessLogFieldsTest, NoResourceOrReasonWhenThereIsNone) {
  AccessRecord record;
  record.method = "/paizhu.clue.v1.ClueService/ComputeDeadline";
  record.code = "OK";
  record.reason = "OK";
  log::Fields fields = AccessLogFields(record);
  EXPECT_EQ(fields["principal"], "anonymous");
  EXPECT_FALSE(fields.contains("resource"));
  EXPECT_FALSE(fields.contains("reason"));
}

}  // namespace
}  // namespace paizhu::gateway
