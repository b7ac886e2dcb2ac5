#pragma once
// Query parameters and results, free of Connector/C++ types: a result is read whole into
// memory (pages are bounded), so no driver exception can escape a repository.

#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace paizhu::sql {

using Param = std::variant<std::nullptr_t, int64_t, std::string, double>;
using Params = std::vector<Param>;

// An optional string parameter: NULL when empty.
Param NullIfEmpty(const std::string& value);

class Rows {
 public:
  using Row = std::vector<std::optional<std::string>>;

  Rows() = default;
  explicit Rows(std::vector<Row> rows) : rows_(std::move(rows)) {}

  size_t size() const { return rows_.size(); }
  bool empty() const { return rows_.empty(); }

  bool IsNull(size_t row, size_t col) const { return !rows_[row][col].has_value(); }
  // NULL reads as "" and 0.
  const std::string& Str(size_t row, size_t col) const;
  int64_t Int(size_t row, size_t col) const;

 private:
  std::vector<Row> rows_;
};

}  // namespace paizhu::sql
