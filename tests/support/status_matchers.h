#pragma once
// GoogleTest helpers for absl::Status and absl::StatusOr<T>, named like the later Abseil
// ones (Debian's Abseil has none):
//   ASSERT_OK(expr); EXPECT_OK(expr);           // expr: Status or StatusOr<T>
//   ASSERT_OK_AND_ASSIGN(auto x, MaybeX());     // fails the test or binds the value
//   EXPECT_THAT(s, StatusIs(absl::StatusCode::kNotFound, "UNIT_NOT_FOUND"));
//   EXPECT_THAT(s, HasField("page_token"));
// StatusIs also checks paizhu::ErrorReason (an empty reason is not checked); HasField
// checks paizhu::ErrorField. Failures print the code, message, reason and field.

#include <ostream>
#include <string>
#include <utility>

#include "absl/base/config.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "common/status/status.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace paizhu::testing {
namespace internal {

inline const absl::Status& GetStatus(const absl::Status& status) { return status; }
template <typename T>
const absl::Status& GetStatus(const absl::StatusOr<T>& status_or) {
  return status_or.status();
}

// "NOT_FOUND: no such unit [reason UNIT_NOT_FOUND, field unit]"
inline std::string Describe(const absl::Status& status) {
  if (status.ok()) return "OK";
  std::string out = absl::StatusCodeToString(status.code());
  out += ": ";
  out.append(status.message().data(), status.message().size());
  out += " [reason " + paizhu::ErrorReason(status);
  if (std::string field = paizhu::ErrorField(status); !field.empty()) out += ", field " + field;
  out += "]";
  return out;
}

template <typename T>
::testing::AssertionResult IsOkFormatter(const char* expr, const T& value) {
  const absl::Status& status = GetStatus(value);
  if (status.ok()) return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure() << expr << " is not OK: " << Describe(status);
}

class StatusIsImpl {
 public:
  StatusIsImpl(absl::StatusCode code, std::string reason)
      : code_(code), reason_(std::move(reason)) {}

  template <typename T>
  bool MatchAndExplain(const T& value, ::testing::MatchResultListener* listener) const {
    const absl::Status& status = GetStatus(value);
    *listener << "whose status is " << Describe(status);
    if (status.code() != code_) return false;
    return reason_.empty() || paizhu::ErrorReason(status) == reason_;
  }
  void DescribeTo(std::ostream* os) const {
    *os << "has status code " << absl::StatusCodeToString(code_);
    if (!reason_.empty()) *os << " and reason " << reason_;
  }
  void DescribeNegationTo(std::ostream* os) const {
    *os << "does not have status code " << absl::StatusCodeToString(code_);
    if (!reason_.empty()) *os << " with reason " << reason_;
  }

 private:
  absl::StatusCode code_;
  std::string reason_;
};

class HasFieldImpl {
 public:
  explicit HasFieldImpl(std::string field) : field_(std::move(field)) {}

  template <typename T>
  bool MatchAndExplain(const T& value, ::testing::MatchResultListener* listener) const {
    const absl::Status& status = GetStatus(value);
    *listener << "whose status is " << Describe(status);
    return paizhu::ErrorField(status) == field_;
  }
  void DescribeTo(std::ostream* os) const { *os << "has error field \"" << field_ << "\""; }
  void DescribeNegationTo(std::ostream* os) const {
    *os << "does not have error field \"" << field_ << "\"";
  }

 private:
  std::string field_;
};

}  // namespace internal

// Matches a Status or StatusOr<T> with `code` and, unless `reason` is empty, that reason.
inline ::testing::PolymorphicMatcher<internal::StatusIsImpl> StatusIs(absl::StatusCode code,
                                                                      std::string reason = "") {
  return ::testing::MakePolymorphicMatcher(internal::StatusIsImpl(code, std::move(reason)));
}

// Matches a Status or StatusOr<T> whose error field (paizhu::ErrorField) is `field`.
inline ::testing::PolymorphicMatcher<internal::HasFieldImpl> HasField(std::string field) {
  return ::testing::MakePolymorphicMatcher(internal::HasFieldImpl(std::move(field)));
}

}  // namespace paizhu::testing

// Debian's Abseil cannot print a StatusOr, so gtest would dump its bytes; later Abseil
// releases define this PrintTo themselves.
#if defined(ABSL_LTS_RELEASE_VERSION) && ABSL_LTS_RELEASE_VERSION <= 20230125
namespace absl {
template <typename T>
void PrintTo(const StatusOr<T>& status_or, std::ostream* os) {
  if (status_or.ok()) {
    *os << ::testing::PrintToString(*status_or);
  } else {
    *os << ::paizhu::testing::internal::Describe(status_or.status());
  }
}
}  // namespace absl
#endif

#define PAIZHU_TESTING_CONCAT_INNER(a, b) a##b
#define PAIZHU_TESTING_CONCAT(a, b) PAIZHU_TESTING_CONCAT_INNER(a, b)

#define EXPECT_OK(expr) EXPECT_PRED_FORMAT1(::paizhu::testing::internal::IsOkFormatter, expr)
#define ASSERT_OK(expr) ASSERT_PRED_FORMAT1(::paizhu::testing::internal::IsOkFormatter, expr)

// ASSERT_OK_AND_ASSIGN(auto x, MaybeX()); ends the test on an error, else binds the value.
#define ASSERT_OK_AND_ASSIGN(lhs, expr)                                                            \
  PAIZHU_ASSERT_OK_AND_ASSIGN_IMPL(PAIZHU_TESTING_CONCAT(paizhu_testing_statusor_, __LINE__), lhs, \
                                   expr)
#define PAIZHU_ASSERT_OK_AND_ASSIGN_IMPL(statusor, lhs, expr)                \
  auto statusor = (expr);                                                    \
  GTEST_ASSERT_(::paizhu::testing::internal::IsOkFormatter(#expr, statusor), \
                GTEST_FATAL_FAILURE_);                                       \
  lhs = std::move(statusor).value()
