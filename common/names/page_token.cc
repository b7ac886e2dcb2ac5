#include "common/names/page_token.h"

#include <algorithm>

#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"
#include "common/crypto/digest.h"
#include "common/status/status.h"

namespace paizhu::names {
namespace {

std::string Fingerprint(absl::string_view filter) {
  return crypto::HexEncode(crypto::Sha256(filter)).substr(0, 16);
}

}  // namespace

absl::StatusOr<PageRequest> ParsePage(int page_size, absl::string_view page_token,
                                      absl::string_view filter, int default_size, int max_size) {
  if (page_size < 0) {
    return InvalidArgument("page_size", "INVALID_PAGE_SIZE", "page_size: must not be negative");
  }
  PageRequest page;
  page.limit = page_size == 0 ? default_size : std::min(page_size, max_size);
  if (page_token.empty()) return page;
  std::string raw;
  if (!absl::WebSafeBase64Unescape(page_token, &raw) || raw.size() < 17 || raw[16] != ':' ||
      raw.substr(0, 16) != Fingerprint(filter)) {
    return InvalidArgument("page_token", "INVALID_PAGE_TOKEN",
                           "page_token: not a token this list returned for the same filter");
  }
  page.after_key = raw.substr(17);
  return page;
}

std::string MakePageToken(absl::string_view last_key, absl::string_view filter) {
  return absl::WebSafeBase64Escape(absl::StrCat(Fingerprint(filter), ":", last_key));
}

}  // namespace paizhu::names
