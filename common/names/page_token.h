#pragma once
// Keyset pagination: a page token is opaque to clients; inside it holds the last key of
// the page and a fingerprint of the filter, so a token is refused with a different filter.
// Page sizes: 0 means the default; above the maximum is clamped (AIP-158).

#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace paizhu::names {

struct PageRequest {
  int limit = 0;          // rows to return
  std::string after_key;  // empty: the first page
};

// `filter` is any string that identifies the filter (e.g. "kind=group;parent=").
absl::StatusOr<PageRequest> ParsePage(int page_size, absl::string_view page_token,
                                      absl::string_view filter, int default_size = 100,
                                      int max_size = 1000);
std::string MakePageToken(absl::string_view last_key, absl::string_view filter);

}  // namespace paizhu::names
