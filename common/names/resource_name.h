#pragma once
// Resource names as the API writes them ("units/U001") and the bare codes that CSV files
// and tables hold ("U001"). Codes: 1-32 of A-Z a-z 0-9 '-' '_'. Clue and case numbers
// (XS2026-0001) fit the same shape.

#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace paizhu::names {

bool IsValidCode(absl::string_view code);

// "units/U001" -> "U001". Errors name `field` and say what was expected.
absl::StatusOr<std::string> ParseName(absl::string_view name, absl::string_view collection,
                                      absl::string_view field);
// Accepts "units/U001" or "U001" (the CLI's leniency lives in one place).
absl::StatusOr<std::string> ParseNameOrCode(absl::string_view text, absl::string_view collection,
                                            absl::string_view field);
std::string MakeName(absl::string_view collection, absl::string_view code);

}  // namespace paizhu::names
