#pragma once
// Propagation macros, named like the later Abseil ones (Debian's Abseil has none).

#include "absl/status/status.h"
#include "absl/status/statusor.h"

#define PAIZHU_STATUS_CONCAT_INNER(a, b) a##b
#define PAIZHU_STATUS_CONCAT(a, b) PAIZHU_STATUS_CONCAT_INNER(a, b)

// Returns the status from the enclosing function unless it is OK.
#define RETURN_IF_ERROR(expr)                        \
  do {                                               \
    ::absl::Status paizhu_status_ = (expr);          \
    if (!paizhu_status_.ok()) return paizhu_status_; \
  } while (0)

// ASSIGN_OR_RETURN(auto x, MaybeX()); returns the error or binds the value.
#define ASSIGN_OR_RETURN(lhs, expr) \
  PAIZHU_ASSIGN_OR_RETURN_IMPL(PAIZHU_STATUS_CONCAT(paizhu_statusor_, __LINE__), lhs, expr)

#define PAIZHU_ASSIGN_OR_RETURN_IMPL(statusor, lhs, expr)  \
  auto statusor = (expr);                                  \
  if (!statusor.ok()) return std::move(statusor).status(); \
  lhs = std::move(statusor).value()
