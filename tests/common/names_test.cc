// Resource names ("units/U001"), bare codes, and page tokens and sizes.

#include "common/names/resource_name.h"

#include <string>

#include "absl/strings/escaping.h"
#include "common/names/page_token.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/support/status_matchers.h"

namespace paizhu::names {
namespace {

using ::paizhu::testing::HasField;
using ::paizhu::testing::StatusIs;
using ::testing::HasSubstr;

auto BadName() { return StatusIs(absl::StatusCode::kInvalidArgument, "INVALID_NAME"); }

TEST(ParseNameTest, ReturnsTheCode) {
  ASSERT_OK_AND_ASSIGN(std::string code, ParseName("units/U001", "units", "unit"));
  EXPECT_EQ(code, "U001");
  ASSERT_OK_AND_ASSIGN(code, ParseName("clues/XS2026-0001", "clues", "clue"));
  EXPECT_EQ(code, "XS2026-0001");
  ASSERT_OK_AND_ASSIGN(code, ParseName("units/a_b-C9", "units", "unit"));
  EXPECT_EQ(code, "a_b-C9");
}

TEST(ParseNameTest, ThirtyTwoCharactersAreAllowed) {
  std::string code(32, 'A');
  ASSERT_OK_AND_ASSIGN(std::string parsed, ParseName("units/" + code, "units", "unit"));
  EXPECT_EQ(parsed, code);
}

TEST(ParseNameTest, WrongCollectionIsRefusedNamingTheField) {
  auto code = ParseName("groups/U001", "units", "parent");
  EXPECT_THAT(code, BadName());
  EXPECT_THAT(code, HasField("parent"));
  EXPECT_THAT(code.status().message(), HasSubstr("units/"));
}

TEST(ParseNameTest, CollectionMustMatchExactly) {
  EXPECT_THAT(ParseName("unitsX/U001", "units", "unit"), BadName());
  EXPECT_THAT(ParseName("Units/U001", "units", "unit"), BadName());
  EXPECT_THAT(ParseName("/units/U001", "units", "unit"), BadName());
}

TEST(ParseNameTest, EmptyCodeIsRefused) {
  auto code = ParseName("units/", "units", "unit");
  EXPECT_THAT(code, BadName());
  EXPECT_THAT(code, HasField("unit"));
  EXPECT_THAT(ParseName("", "units", "unit"), BadName());
}

TEST(ParseNameTest, ThirtyThreeCharactersAreRefused) {
  auto code = ParseName("units/" + std::string(33, 'A'), "units", "unit");
  EXPECT_THAT(code, BadName());
  EXPECT_THAT(code, HasField("unit"));
}

TEST(ParseNameTest, BadCharactersAreRefused) {
  for (const char* name : {"units/U 01", "units/U.01", "units/U001/x", "units/U001 ", "units/单位",
                           "units/U%01", "units/U001\n"}) {
    auto code = ParseName(name, "units", "unit");
    EXPECT_THAT(code, BadName()) << name;
    EXPECT_THAT(code, HasField("unit")) << name;
  }
}

TEST(ParseNameTest, BareCodeIsNotAName) {
  EXPECT_THAT(ParseName("U001", "units", "unit"), BadName());
}

TEST(ParseNameOrCodeTest, AcceptsNameAndBareCode) {
  ASSERT_OK_AND_ASSIGN(std::string code, ParseNameOrCode("units/U001", "units", "unit"));
  EXPECT_EQ(code, "U001");
  ASSERT_OK_AND_ASSIGN(code, ParseNameOrCode("U001", "units", "unit"));
  EXPECT_EQ(code, "U001");
}

TEST(ParseNameOrCodeTest, RefusesOtherCollectionsAndBadCodes) {
  auto code = ParseNameOrCode("groups/U001", "units", "unit");
  EXPECT_THAT(code, BadName());
  EXPECT_THAT(code, HasField("unit"));
  EXPECT_THAT(ParseNameOrCode("U 001", "units", "unit"), BadName());
  EXPECT_THAT(ParseNameOrCode("", "units", "unit"), BadName());
}

TEST(MakeNameTest, JoinsCollectionAndCode) {
  EXPECT_EQ(MakeName("units", "U001"), "units/U001");
  ASSERT_OK_AND_ASSIGN(std::string code, ParseName(MakeName("units", "U001"), "units", "unit"));
  EXPECT_EQ(code, "U001");
}

TEST(IsValidCodeTest, Shape) {
  EXPECT_TRUE(IsValidCode("U001"));
  EXPECT_TRUE(IsValidCode("XS2026-0001"));
  EXPECT_TRUE(IsValidCode("a"));
  EXPECT_FALSE(IsValidCode(""));
  EXPECT_FALSE(IsValidCode(std::string(33, 'a')));
  EXPECT_FALSE(IsValidCode("a/b"));
  EXPECT_FALSE(IsValidCode("a b"));
}

// --- pages ---

constexpr char kFilter[] = "kind=group;parent=units/U001";

TEST(ParsePageTest, FirstPageWithoutToken) {
  ASSERT_OK_AND_ASSIGN(PageRequest page, ParsePage(10, "", kFilter));
  EXPECT_EQ(page.limit, 10);
  EXPECT_EQ(page.after_key, "");
}

TEST(ParsePageTest, TokenRoundTrips) {
  std::string token = MakePageToken("U050", kFilter);
  EXPECT_FALSE(token.empty());
  ASSERT_OK_AND_ASSIGN(PageRequest page, ParsePage(10, token, kFilter));
  EXPECT_EQ(page.after_key, "U050");
  EXPECT_EQ(page.limit, 10);
}

TEST(ParsePageTest, KeyWithSeparatorsRoundTrips) {
  std::string key = "2026-01-01:U050/x y";
  ASSERT_OK_AND_ASSIGN(PageRequest page, ParsePage(10, MakePageToken(key, kFilter), kFilter));
  EXPECT_EQ(page.after_key, key);
}

TEST(ParsePageTest, TokenIsUrlSafe) {
  std::string token = MakePageToken(std::string("\xfb\xff\xfe key", 8), kFilter);
  EXPECT_EQ(token.find_first_of("+/="), std::string::npos) << token;
}

TEST(ParsePageTest, TokenForAnotherFilterIsRefused) {
  std::string token = MakePageToken("U050", kFilter);
  auto page = ParsePage(10, token, "kind=office;parent=units/U001");
  EXPECT_THAT(page, StatusIs(absl::StatusCode::kInvalidArgument, "INVALID_PAGE_TOKEN"));
  EXPECT_THAT(page, HasField("page_token"));
}

TEST(ParsePageTest, GarbageTokenIsRefused) {
  for (const char* token : {"garbage!", "abc", "AAAAAAAAAAAAAAAAAAAAAAAAAAAA"}) {
    auto page = ParsePage(10, token, kFilter);
    EXPECT_THAT(page, StatusIs(absl::StatusCode::kInvalidArgument, "INVALID_PAGE_TOKEN")) << token;
    EXPECT_THAT(page, HasField("page_token")) << token;
  }
}

TEST(ParsePageTest, TokenWithEditedFingerprintIsRefused) {
  // Editing the fingerprint in the token text does not get it past the check.
  std::string raw;
  ASSERT_TRUE(absl::WebSafeBase64Unescape(MakePageToken("U050", kFilter), &raw));
  raw[0] = raw[0] == '0' ? '1' : '0';
  EXPECT_THAT(ParsePage(10, absl::WebSafeBase64Escape(raw), kFilter),
              StatusIs(absl::StatusCode::kInvalidArgument, "INVALID_PAGE_TOKEN"));
}

TEST(ParsePageTest, ZeroPageSizeMeansTheDefault) {
  ASSERT_OK_AND_ASSIGN(PageRequest page, ParsePage(0, "", kFilter));
  EXPECT_EQ(page.limit, 100);
  ASSERT_OK_AND_ASSIGN(page, ParsePage(0, "", kFilter, /*default_size=*/20, /*max_size=*/50));
  EXPECT_EQ(page.limit, 20);
}

TEST(ParsePageTest, LargePageSizeIsClamped) {
  ASSERT_OK_AND_ASSIGN(PageRequest page, ParsePage(5000, "", kFilter));
  EXPECT_EQ(page.limit, 1000);
  ASSERT_OK_AND_ASSIGN(page, ParsePage(1000, "", kFilter));
  EXPECT_EQ(page.limit, 1000);
  ASSERT_OK_AND_ASSIGN(page, ParsePage(60, "", kFilter, /*default_size=*/20, /*max_size=*/50));
  EXPECT_EQ(page.limit, 50);
}

TEST(ParsePageTest, NegativePageSizeIsRefused) {
  auto page = ParsePage(-1, "", kFilter);
  EXPECT_THAT(page, StatusIs(absl::StatusCode::kInvalidArgument, "INVALID_PAGE_SIZE"));
  EXPECT_THAT(page, HasField("page_size"));
}

}  // namespace
}  // namespace paizhu::names
