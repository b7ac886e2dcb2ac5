// Method access read from the (paizhu.common.v1.access) options of org.proto, and who
// Authorize lets through.

#include "common/auth/access.h"

#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/support/status_matchers.h"

namespace paizhu::auth {
namespace {

using ::paizhu::testing::StatusIs;
using ::testing::ElementsAre;
using ::testing::IsEmpty;

constexpr char kGetUnit[] = "/paizhu.org.v1.OrgService/GetUnit";
constexpr char kCreateUnit[] = "/paizhu.org.v1.OrgService/CreateUnit";
constexpr char kResolvePrincipal[] = "/paizhu.org.v1.OrgService/ResolvePrincipal";

Principal Person(const std::string& code, const std::string& role) {
  Principal p;
  p.set_kind(Principal::PERSON);
  p.set_subject(code);
  if (!role.empty()) {
    auto* grant = p.add_roles();
    grant->set_role(role);
    grant->set_unit("units/U001");
  }
  return p;
}

Principal Service(const std::string& name) {
  Principal p;
  p.set_kind(Principal::SERVICE);
  p.set_subject(name);
  return p;
}

auto Denied() { return StatusIs(absl::StatusCode::kPermissionDenied, kReasonNotAllowed); }

TEST(FindMethodAccessTest, ReadsTheDeclaredRoles) {
  ASSERT_OK_AND_ASSIGN(MethodAccess access, FindMethodAccess(kCreateUnit));
  EXPECT_THAT(access.roles(), ElementsAre("admin"));
  EXPECT_THAT(access.services(), IsEmpty());
  EXPECT_THAT(access.scopes(), IsEmpty());
}

TEST(FindMethodAccessTest, ReadsRolesAndServices) {
  ASSERT_OK_AND_ASSIGN(MethodAccess access, FindMethodAccess(kGetUnit));
  EXPECT_THAT(access.roles(), ElementsAre("*"));
  EXPECT_THAT(access.services(), ElementsAre("clue", "assess"));
}

TEST(FindMethodAccessTest, UnknownMethodIsNotFound) {
  EXPECT_THAT(FindMethodAccess("/paizhu.org.v1.OrgService/DropEverything"),
              StatusIs(absl::StatusCode::kNotFound));
  EXPECT_THAT(FindMethodAccess("/no.such.Service/GetUnit"), StatusIs(absl::StatusCode::kNotFound));
  EXPECT_THAT(FindMethodAccess(""), StatusIs(absl::StatusCode::kNotFound));
}

TEST(AuthorizeTest, AdminMayCreateUnit) {
  ASSERT_OK_AND_ASSIGN(MethodAccess access, FindMethodAccess(kCreateUnit));
  EXPECT_OK(Authorize(Person("P001", "admin"), access, kCreateUnit));
}

TEST(AuthorizeTest, OtherRoleMayNotCreateUnit) {
  ASSERT_OK_AND_ASSIGN(MethodAccess access, FindMethodAccess(kCreateUnit));
  EXPECT_THAT(Authorize(Person("P002", "group"), access, kCreateUnit), Denied());
}

TEST(AuthorizeTest, AnyOfSeveralRolesSuffices) {
  ASSERT_OK_AND_ASSIGN(MethodAccess access, FindMethodAccess(kCreateUnit));
  Principal p = Person("P003", "group");
  p.add_roles()->set_role("admin");
  EXPECT_OK(Authorize(p, access, kCreateUnit));
}

TEST(AuthorizeTest, StarLetsAnyPersonCall) {
  ASSERT_OK_AND_ASSIGN(MethodAccess access, FindMethodAccess(kGetUnit));
  EXPECT_OK(Authorize(Person("P002", "group"), access, kGetUnit));
  EXPECT_OK(Authorize(Person("P004", ""), access, kGetUnit));
}

TEST(AuthorizeTest, StarIsNotAServiceOrSystemGrant) {
  ASSERT_OK_AND_ASSIGN(MethodAccess access, FindMethodAccess(kGetUnit));
  EXPECT_THAT(Authorize(Service("gateway"), access, kGetUnit), Denied());
  Principal system;
  system.set_kind(Principal::SYSTEM);
  system.set_subject("inspection-system");
  system.add_scopes("clues.submit");
  EXPECT_THAT(Authorize(system, access, kGetUnit), Denied());
}

TEST(AuthorizeTest, DeclaredServiceMayCallGetUnitButNotCreateUnit) {
  ASSERT_OK_AND_ASSIGN(MethodAccess get_unit, FindMethodAccess(kGetUnit));
  ASSERT_OK_AND_ASSIGN(MethodAccess create_unit, FindMethodAccess(kCreateUnit));
  EXPECT_OK(Authorize(Service("assess"), get_unit, kGetUnit));
  EXPECT_THAT(Authorize(Service("assess"), create_unit, kCreateUnit), Denied());
}

TEST(AuthorizeTest, GatewayServiceMayResolvePrincipalButAPersonMayNot) {
  ASSERT_OK_AND_ASSIGN(MethodAccess access, FindMethodAccess(kResolvePrincipal));
  EXPECT_OK(Authorize(Service("gateway"), access, kResolvePrincipal));
  EXPECT_THAT(Authorize(Person("P001", "admin"), access, kResolvePrincipal), Denied());
  EXPECT_THAT(Authorize(Service("clue"), access, kResolvePrincipal), Denied());
}

TEST(AuthorizeTest, PersonNamedLikeAServiceGetsNoServiceGrant) {
  ASSERT_OK_AND_ASSIGN(MethodAccess access, FindMethodAccess(kResolvePrincipal));
  EXPECT_THAT(Authorize(Person("gateway", ""), access, kResolvePrincipal), Denied());
}

TEST(AuthorizeTest, SystemNeedsADeclaredScope) {
  MethodAccess access;
  access.add_scopes("clues.submit");
  Principal system;
  system.set_kind(Principal::SYSTEM);
  system.set_subject("inspection-system");
  system.add_scopes("clues.read");
  EXPECT_THAT(Authorize(system, access, "/x.Y/Z"), Denied());
  system.add_scopes("clues.submit");
  EXPECT_OK(Authorize(system, access, "/x.Y/Z"));
}

TEST(AuthorizeTest, UnspecifiedKindIsDenied) {
  ASSERT_OK_AND_ASSIGN(MethodAccess access, FindMethodAccess(kGetUnit));
  Principal nobody;
  nobody.set_subject("P001");
  nobody.add_roles()->set_role("admin");
  EXPECT_THAT(Authorize(nobody, access, kGetUnit), Denied());
}

}  // namespace
}  // namespace paizhu::auth
