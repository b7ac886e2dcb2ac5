-- Every change and every read of a clue's details, chained per clue: `mac` is
-- HMAC-SHA256(key, previous mac | the entry's fields); the key is a file, never in here.
CREATE TABLE clue_audit (
  id            BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  clue_id       BIGINT       NOT NULL,
  seq           BIGINT       NOT NULL,
  at_micros     BIGINT       NOT NULL,
  actor         VARCHAR(100) NOT NULL,
  action        VARCHAR(32)  NOT NULL,
  digest_before CHAR(64)     NOT NULL DEFAULT '',
  digest_after  CHAR(64)     NOT NULL DEFAULT '',
  mac           CHAR(64)     NOT NULL,
  UNIQUE KEY clue_audit_by_clue (clue_id, seq)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
