// The systems file: certificate subjects to system principals with scopes.

#include "services/gateway/domain/systems.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/support/status_matchers.h"

namespace paizhu::gateway {
namespace {

using ::paizhu::testing::StatusIs;
using ::testing::ElementsAre;

TEST(SystemDirectoryTest, MapsASubjectToItsSystemAndScopes) {
  auto directory = SystemDirectory::FromJson(R"({"systems": [
    {"subject": "CN=hr,O=City HR Bureau", "name": "hr", "scopes": ["people.read"]},
    {"subject": "CN=letters,O=Petition Office", "name": "letters-and-visits",
     "scopes": ["clues.submit"]}]})");
  ASSERT_TRUE(directory.ok()) << directory.status();
  EXPECT_EQ(directory->size(), 2u);
  auto hr = directory->Find("CN=hr,O=City HR Bureau");
  ASSERT_TRUE(hr.has_value());
  EXPECT_EQ(hr->kind(), auth::Principal::SYSTEM);
  EXPECT_EQ(hr->subject(), "hr");
  EXPECT_THAT(hr->scopes(), ElementsAre("people.read"));
  EXPECT_TRUE(hr->roles().empty());
  // Exact match only: no prefix, no other order, no case folding.
  EXPECT_FALSE(directory->Find("CN=hr").has_value());
  EXPECT_FALSE(directory->Find("O=City HR Bureau,CN=hr").has_value());
  EXPECT_FALSE(directory->Find("cn=hr,o=city hr bureau").has_value());
  EXPECT_FALSE(directory->Find("").has_value());
}

TEST(SystemDirectoryTest, RefusesFilesThatDoNotSayWhoAndWhat) {
  for (const char* bad : {
           "not json",
           R"({"systems": {}})",
           R"({"systems": [{"name": "hr", "scopes": ["people.read"]}]})",
           R"({"systems": [{"subject": "CN=hr", "scopes": ["people.read"]}]})",
           R"({"systems": [{"subject": "CN=hr", "name": "HR", "scopes": ["people.read"]}]})",
           R"({"systems": [{"subject": "CN=hr", "name": "hr"}]})",
           R"({"systems": [{"subject": "CN=hr", "name": "hr", "scopes": []}]})",
           R"({"systems": [{"subject": "CN=hr", "name": "hr", "scopes": [""]}]})",
           R"({"systems": [{"subject": "CN=hr", "name": "hr", "scopes": ["a"]},
                           {"subject": "CN=hr", "name": "hr2", "scopes": ["b"]}]})",
       }) {
    EXPECT_THAT(SystemDirectory::FromJson(bad),
                StatusIs(absl::StatusCode::kInvalidArgument, "BAD_SYSTEMS_FILE"))
        << bad;
  }
  EXPECT_THAT(SystemDirectory::FromFile("/nonexistent/systems.json"),
              StatusIs(absl::StatusCode::kInvalidArgument, "BAD_SYSTEMS_FILE"));
}

}  // namespace
}  // namespace paizhu::gateway
