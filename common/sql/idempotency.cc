#include "common/sql/idempotency.h"

#include "absl/strings/str_cat.h"
#include "common/crypto/digest.h"
#include "common/sql/errors.h"
#include "common/status/macros.h"
#include "common/status/status.h"

namespace paizhu::sql {

RequestKey::RequestKey(std::string request_id, std::string method, absl::string_view request)
    : request_id_(std::move(request_id)),
      method_(std::move(method)),
      hash_(crypto::HexEncode(crypto::Sha256(request))) {}

absl::StatusOr<std::optional<std::string>> RequestKey::Claim(Transaction& tx) const {
  if (request_id_.empty()) return std::nullopt;
  if (request_id_.size() > 64) {
    return InvalidArgument("request_id", "INVALID_REQUEST_ID", "request_id: at most 64 characters");
  }
  auto inserted =
      tx.Exec("INSERT INTO idempotency_keys (request_id, method, request_hash) VALUES (?, ?, ?)",
              {request_id_, method_, hash_});
  if (inserted.ok()) return std::nullopt;
  if (ErrorReason(inserted.status()) != kReasonDuplicateKey) return inserted.status();
  ASSIGN_OR_RETURN(Rows rows,
                   tx.Query("SELECT method, request_hash, resource FROM idempotency_keys "
                            "WHERE request_id = ? FOR UPDATE",
                            {request_id_}));
  if (rows.empty()) return Aborted(kReasonDeadlock, "request key vanished; retry");
  if (rows.Str(0, 0) != method_ || rows.Str(0, 1) != hash_) {
    return InvalidArgument("request_id", kReasonRequestIdReused,
                           "request_id was already used for a different request");
  }
  return rows.Str(0, 2);
}

absl::Status RequestKey::Complete(Transaction& tx, absl::string_view resource) const {
  if (request_id_.empty()) return absl::OkStatus();
  return tx
      .Exec("UPDATE idempotency_keys SET resource = ? WHERE request_id = ?",
            {std::string(resource), request_id_})
      .status();
}

}  // namespace paizhu::sql
