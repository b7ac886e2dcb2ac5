#pragma once
// Hashing and MACs from OpenSSL, as plain functions over bytes.

#include <string>
#include "absl/strings/string_view.h"

#include "absl/status/statusor.h"

namespace paizhu::crypto {

std::string Sha256(absl::string_view data);                             // 32 raw bytes
std::string HmacSha256(absl::string_view key, absl::string_view data);  // 32 raw bytes
// Compares in time independent of where the inputs differ.
bool ConstantTimeEquals(absl::string_view a, absl::string_view b);

std::string HexEncode(absl::string_view bytes);  // lower case
absl::StatusOr<std::string> HexDecode(absl::string_view hex);
std::string RandomBytes(size_t n);

}  // namespace paizhu::crypto
