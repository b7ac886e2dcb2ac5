-- Results of create calls by request_id, so a retried request returns its first result.
CREATE TABLE idempotency_keys (
  request_id   VARCHAR(64)  NOT NULL PRIMARY KEY,
  method       VARCHAR(128) NOT NULL,
  request_hash CHAR(64)     NOT NULL,
  resource     VARCHAR(255) NOT NULL DEFAULT '',
  created_at   TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
