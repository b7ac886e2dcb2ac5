// Signed principals: what a service accepts from the gateway and from another service,
// and everything it must refuse. Also the key file format.

#include "common/auth/principal.h"

#include <cstdio>
#include <fstream>
#include <string>
#include <vector>

#include "absl/time/time.h"
#include "common/crypto/digest.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/support/status_matchers.h"

namespace paizhu::auth {
namespace {

using ::paizhu::testing::HasField;
using ::paizhu::testing::StatusIs;

constexpr char kGetUnit[] = "/paizhu.org.v1.OrgService/GetUnit";
constexpr char kCreateUnit[] = "/paizhu.org.v1.OrgService/CreateUnit";

// Fixed keys: 32 bytes each, as LoadKeyFile returns them.
const std::string kOrgKey(32, '\x11');
const std::string kClueKey(32, '\x22');

Principal Person(const std::string& code) {
  Principal p;
  p.set_kind(Principal::PERSON);
  p.set_subject(code);
  auto* grant = p.add_roles();
  grant->set_role("admin");
  return p;
}

Principal Service(const std::string& name) {
  Principal p;
  p.set_kind(Principal::SERVICE);
  p.set_subject(name);
  return p;
}

auto Refused() { return StatusIs(absl::StatusCode::kUnauthenticated, kReasonUnauthenticated); }

class PrincipalTest : public ::testing::Test {
 protected:
  absl::Time now_ = absl::FromUnixSeconds(1767225600);  // 2026-01-01T00:00:00Z
  PrincipalVerifier org_{"org", kOrgKey};
  PrincipalSigner gateway_to_org_ = PrincipalSigner::ForGateway(kOrgKey);
};

TEST_F(PrincipalTest, GatewaySignedPrincipalVerifies) {
  std::string value = gateway_to_org_.Sign(Person("P001"), "org", kGetUnit, now_);
  ASSERT_OK_AND_ASSIGN(Principal p, org_.Verify(value, kGetUnit, now_));
  EXPECT_EQ(p.kind(), Principal::PERSON);
  EXPECT_EQ(p.subject(), "P001");
  ASSERT_EQ(p.roles_size(), 1);
  EXPECT_EQ(p.roles(0).role(), "admin");
  EXPECT_EQ(p.audience(), "org");
  EXPECT_EQ(p.method(), kGetUnit);
  EXPECT_EQ(p.issued_at_unix(), absl::ToUnixSeconds(now_));
  EXPECT_EQ(p.expires_at_unix(), absl::ToUnixSeconds(now_ + kPrincipalValidity));
}

TEST_F(PrincipalTest, VerifiesAShortWhileLater) {
  std::string value = gateway_to_org_.Sign(Person("P001"), "org", kGetUnit, now_);
  EXPECT_OK(org_.Verify(value, kGetUnit, now_ + absl::Seconds(30)));
  EXPECT_OK(org_.Verify(value, kGetUnit, now_ + kPrincipalValidity));
}

TEST_F(PrincipalTest, AlteredPrincipalIsRefused) {
  std::string value = gateway_to_org_.Sign(Person("P001"), "org", kGetUnit, now_);
  common::v1::SignedPrincipal signed_principal;
  ASSERT_TRUE(signed_principal.ParseFromString(value));
  Principal p;
  ASSERT_TRUE(p.ParseFromString(signed_principal.principal()));
  p.set_subject("P999");  // someone else, keeping the old MAC
  signed_principal.set_principal(p.SerializeAsString());
  EXPECT_THAT(org_.Verify(signed_principal.SerializeAsString(), kGetUnit, now_), Refused());
}

TEST_F(PrincipalTest, FlippedMacByteIsRefused) {
  std::string value = gateway_to_org_.Sign(Person("P001"), "org", kGetUnit, now_);
  common::v1::SignedPrincipal signed_principal;
  ASSERT_TRUE(signed_principal.ParseFromString(value));
  std::string mac = signed_principal.mac();
  ASSERT_FALSE(mac.empty());
  mac[0] ^= 0x01;
  signed_principal.set_mac(mac);
  EXPECT_THAT(org_.Verify(signed_principal.SerializeAsString(), kGetUnit, now_), Refused());
}

TEST_F(PrincipalTest, WrongKeyIsRefused) {
  std::string value =
      PrincipalSigner::ForGateway(kClueKey).Sign(Person("P001"), "org", kGetUnit, now_);
  EXPECT_THAT(org_.Verify(value, kGetUnit, now_), Refused());
}

TEST_F(PrincipalTest, WrongAudienceIsRefused) {
  // Signed with org's key but naming clue as the audience.
  std::string value = gateway_to_org_.Sign(Person("P001"), "clue", kGetUnit, now_);
  EXPECT_THAT(org_.Verify(value, kGetUnit, now_), Refused());
}

TEST_F(PrincipalTest, WrongMethodIsRefused) {
  std::string value = gateway_to_org_.Sign(Person("P001"), "org", kGetUnit, now_);
  EXPECT_THAT(org_.Verify(value, kCreateUnit, now_), Refused());
}

TEST_F(PrincipalTest, ExpiredIsRefused) {
  std::string value =
      gateway_to_org_.Sign(Person("P001"), "org", kGetUnit, now_ - absl::Minutes(2));
  EXPECT_THAT(org_.Verify(value, kGetUnit, now_), Refused());
}

TEST_F(PrincipalTest, IssuedInTheFutureBeyondSkewIsRefused) {
  std::string value =
      gateway_to_org_.Sign(Person("P001"), "org", kGetUnit, now_ + kClockSkew + absl::Seconds(5));
  EXPECT_THAT(org_.Verify(value, kGetUnit, now_), Refused());
}

TEST_F(PrincipalTest, IssuedSlightlyInTheFutureWithinSkewIsAccepted) {
  std::string value =
      gateway_to_org_.Sign(Person("P001"), "org", kGetUnit, now_ + absl::Seconds(2));
  EXPECT_OK(org_.Verify(value, kGetUnit, now_));
}

TEST_F(PrincipalTest, PrincipalWithoutKindOrSubjectIsRefused) {
  Principal no_kind;
  no_kind.set_subject("P001");
  EXPECT_THAT(org_.Verify(gateway_to_org_.Sign(no_kind, "org", kGetUnit, now_), kGetUnit, now_),
              Refused());
  Principal no_subject;
  no_subject.set_kind(Principal::PERSON);
  EXPECT_THAT(org_.Verify(gateway_to_org_.Sign(no_subject, "org", kGetUnit, now_), kGetUnit, now_),
              Refused());
}

TEST_F(PrincipalTest, ServiceSignerVerifiesForItself) {
  PrincipalSigner clue_to_org = PrincipalSigner::ForService("clue", DeriveCallKey(kOrgKey, "clue"));
  EXPECT_EQ(clue_to_org.service_name(), "clue");
  std::string value = clue_to_org.Sign(Service("clue"), "org", kGetUnit, now_);
  ASSERT_OK_AND_ASSIGN(Principal p, org_.Verify(value, kGetUnit, now_));
  EXPECT_EQ(p.kind(), Principal::SERVICE);
  EXPECT_EQ(p.subject(), "clue");
}

TEST_F(PrincipalTest, ServiceSignerCannotSignAPerson) {
  PrincipalSigner clue_to_org = PrincipalSigner::ForService("clue", DeriveCallKey(kOrgKey, "clue"));
  std::string value = clue_to_org.Sign(Person("P001"), "org", kGetUnit, now_);
  EXPECT_THAT(org_.Verify(value, kGetUnit, now_), Refused());
}

TEST_F(PrincipalTest, ServiceSignerCannotSignAnotherService) {
  PrincipalSigner clue_to_org = PrincipalSigner::ForService("clue", DeriveCallKey(kOrgKey, "clue"));
  std::string value = clue_to_org.Sign(Service("assess"), "org", kGetUnit, now_);
  EXPECT_THAT(org_.Verify(value, kGetUnit, now_), Refused());
}

TEST_F(PrincipalTest, ServiceCannotClaimAnotherServicesName) {
  // clue's call key under assess's name: org derives assess's key, which differs.
  PrincipalSigner pretender = PrincipalSigner::ForService("assess", DeriveCallKey(kOrgKey, "clue"));
  std::string value = pretender.Sign(Service("assess"), "org", kGetUnit, now_);
  EXPECT_THAT(org_.Verify(value, kGetUnit, now_), Refused());
}

TEST_F(PrincipalTest, CallKeyForAnotherDestinationIsRefused) {
  PrincipalSigner clue_to_assess =
      PrincipalSigner::ForService("clue", DeriveCallKey(kClueKey, "clue"));
  std::string value = clue_to_assess.Sign(Service("clue"), "org", kGetUnit, now_);
  EXPECT_THAT(org_.Verify(value, kGetUnit, now_), Refused());
}

TEST(DeriveCallKeyTest, DependsOnDestinationAndCaller) {
  EXPECT_EQ(DeriveCallKey(kOrgKey, "clue").size(), 32u);
  EXPECT_EQ(DeriveCallKey(kOrgKey, "clue"), DeriveCallKey(kOrgKey, "clue"));
  EXPECT_NE(DeriveCallKey(kOrgKey, "clue"), DeriveCallKey(kOrgKey, "assess"));
  EXPECT_NE(DeriveCallKey(kOrgKey, "clue"), DeriveCallKey(kClueKey, "clue"));
  EXPECT_EQ(DeriveCallKey(kOrgKey, "clue"), crypto::HmacSha256(kOrgKey, "service:clue"));
}

std::string SignByHand(const Principal& p, const std::string& key, const std::string& signer) {
  common::v1::SignedPrincipal signed_principal;
  signed_principal.set_principal(p.SerializeAsString());
  signed_principal.set_mac(crypto::HmacSha256(key, signed_principal.principal()));
  signed_principal.set_signer(signer);
  return signed_principal.SerializeAsString();
}

Principal Stamped(Principal p, absl::Time now) {
  p.set_audience("org");
  p.set_method(kGetUnit);
  p.set_issued_at_unix(absl::ToUnixSeconds(now));
  p.set_expires_at_unix(absl::ToUnixSeconds(now + kPrincipalValidity));
  return p;
}

TEST_F(PrincipalTest, HandSignedGatewayPrincipalVerifies) {
  // The control for the unknown-signer cases below: only the signer differs.
  EXPECT_OK(
      org_.Verify(SignByHand(Stamped(Person("P001"), now_), kOrgKey, "gateway"), kGetUnit, now_));
}

TEST_F(PrincipalTest, UnknownSignerIsRefused) {
  Principal p = Stamped(Person("P001"), now_);
  EXPECT_THAT(org_.Verify(SignByHand(p, kOrgKey, "root"), kGetUnit, now_), Refused());
  EXPECT_THAT(org_.Verify(SignByHand(p, kOrgKey, ""), kGetUnit, now_), Refused());
  EXPECT_THAT(org_.Verify(SignByHand(p, kOrgKey, "Gateway"), kGetUnit, now_), Refused());
  Principal s = Stamped(Service("clue"), now_);
  EXPECT_THAT(org_.Verify(SignByHand(s, DeriveCallKey(kOrgKey, ""), "service:"), kGetUnit, now_),
              Refused());
}

TEST_F(PrincipalTest, GarbageMetadataIsRefused) {
  EXPECT_THAT(org_.Verify(std::string("\xff\xff\xff\xff", 4), kGetUnit, now_), Refused());
  EXPECT_THAT(org_.Verify("not a principal", kGetUnit, now_), Refused());
}

TEST_F(PrincipalTest, EmptyMetadataIsRefused) {
  EXPECT_THAT(org_.Verify("", kGetUnit, now_), Refused());
}

class LoadKeyFileTest : public ::testing::Test {
 protected:
  std::string WriteFile(const std::string& name, const std::string& text) {
    std::string path = ::testing::TempDir() + "/paizhu_principal_test_" + name;
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

TEST_F(LoadKeyFileTest, SixtyFourHexCharactersAreThirtyTwoBytes) {
  std::string hex = "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f";
  std::string path = WriteFile("key", hex + "\n");
  ASSERT_OK_AND_ASSIGN(std::string key, LoadKeyFile("org-key-file", path));
  ASSERT_EQ(key.size(), 32u);
  for (int i = 0; i < 32; ++i) EXPECT_EQ(static_cast<unsigned char>(key[i]), i);
}

TEST_F(LoadKeyFileTest, ShortKeyIsRefused) {
  std::string path = WriteFile("short", std::string(62, 'a') + "\n");
  auto key = LoadKeyFile("org-key-file", path);
  EXPECT_THAT(key, StatusIs(absl::StatusCode::kInvalidArgument, "BAD_KEY_FILE"));
  EXPECT_THAT(key, HasField("org-key-file"));
}

TEST_F(LoadKeyFileTest, NonHexKeyIsRefused) {
  std::string path = WriteFile("nonhex", std::string(64, 'z') + "\n");
  auto key = LoadKeyFile("org-key-file", path);
  EXPECT_THAT(key, StatusIs(absl::StatusCode::kInvalidArgument, "BAD_KEY_FILE"));
  EXPECT_THAT(key, HasField("org-key-file"));
}

TEST_F(LoadKeyFileTest, MissingFileIsRefused) {
  auto key = LoadKeyFile("org-key-file", ::testing::TempDir() + "/no/such/key");
  EXPECT_THAT(key, StatusIs(absl::StatusCode::kInvalidArgument, "SECRET_FILE_UNREADABLE"));
  EXPECT_THAT(key, HasField("org-key-file"));
}

}  // namespace
}  // namespace paizhu::auth
