#pragma once
// Create methods take an optional request_id: a retry with the same id returns the first
// result, never a duplicate. Each schema has the table (its own migration):
//   CREATE TABLE idempotency_keys (request_id VARCHAR(64) PRIMARY KEY,
//     method VARCHAR(128) NOT NULL, request_hash CHAR(64) NOT NULL,
//     resource VARCHAR(255) NOT NULL DEFAULT '', created_at TIMESTAMP(6) ...)
// Inside the use case's transaction, Claim() inserts the key first: a concurrent retry
// waits on that row's lock, then finds the committed result.

#include <optional>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "common/sql/transaction.h"

namespace paizhu::sql {

inline constexpr char kReasonRequestIdReused[] = "REQUEST_ID_REUSED";

class RequestKey {
 public:
  // `request` is the request's canonical bytes (e.g. serialized without request_id).
  RequestKey(std::string request_id, std::string method, absl::string_view request);

  bool empty() const { return request_id_.empty(); }

  // Returns the resource a previous call with this id made, or nullopt when this call is
  // the first (the key is then held until the transaction ends). The same id with a
  // different request is INVALID_ARGUMENT / REQUEST_ID_REUSED.
  absl::StatusOr<std::optional<std::string>> Claim(Transaction& tx) const;
  // Records what this call made, in the same transaction.
  absl::Status Complete(Transaction& tx, absl::string_view resource) const;

 private:
  std::string request_id_;
  std::string method_;
  std::string hash_;
};

}  // namespace paizhu::sql
