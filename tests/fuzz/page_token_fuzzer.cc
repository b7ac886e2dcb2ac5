// Fuzzes page tokens (common/names/page_token.cc). The input is split at its first 0 byte
// into a token a client sends and a filter: parsing any token never crashes, and a token
// is only accepted with the filter it was made for. Then the same bytes as a last key:
// the token made for it reads back as exactly that key.

#include <cstdint>
#include <cstdlib>
#include <string>

#include "common/names/page_token.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string input(reinterpret_cast<const char*>(data), size);
  size_t zero = input.find('\0');
  std::string token = input.substr(0, zero);
  std::string filter = zero == std::string::npos ? "" : input.substr(zero + 1);
  int page_size = size > 0 ? static_cast<int8_t>(data[0]) : 0;

  auto page = paizhu::names::ParsePage(page_size, token, filter, 50, 500);
  if (page.ok() && (page->limit < 1 || page->limit > 500)) std::abort();

  std::string made = paizhu::names::MakePageToken(input, filter);
  auto back = paizhu::names::ParsePage(0, made, filter, 50, 500);
  if (!back.ok() || back->after_key != input || back->limit != 50) std::abort();
  // Made for one filter, refused with another.
  if (paizhu::names::ParsePage(0, made, filter + "x", 50, 500).ok()) std::abort();
  return 0;
}
