#pragma once
// What parsing an import's rows yields, for every owner's Import<Kind> RPC: the good rows
// as records and every problem of the bad ones as (line, CSV column, reason). Pure.

#include <string>
#include <vector>

namespace paizhu::imports {

struct RowError {
  int line = 0;
  std::string field;   // the CSV column
  std::string reason;  // stable, e.g. INVALID_DATE
  std::string message;
  bool operator==(const RowError&) const = default;
};

// The good rows as records and the problems of the bad ones (in file order). A row is in
// exactly one of the two.
template <typename Record>
struct ParsedRows {
  std::vector<Record> records;
  std::vector<RowError> errors;
};

}  // namespace paizhu::imports
