#include "common/sql/rows.h"

#include "absl/strings/numbers.h"

namespace paizhu::sql {

Param NullIfEmpty(const std::string& value) {
  if (value.empty()) return nullptr;
  return value;
}

const std::string& Rows::Str(size_t row, size_t col) const {
  static const std::string kEmpty;
  const auto& cell = rows_[row][col];
  return cell ? *cell : kEmpty;
}

int64_t Rows::Int(size_t row, size_t col) const {
  int64_t value = 0;
  const auto& cell = rows_[row][col];
  if (cell) (void)absl::SimpleAtoi(*cell, &value);
  return value;
}

}  // namespace paizhu::sql
