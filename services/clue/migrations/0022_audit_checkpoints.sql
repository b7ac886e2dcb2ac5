-- Signed checkpoints of every clue's audit head, chained: someone with SQL access who
-- deletes a whole chain with its head, or rewrites a head, no longer matches one.
CREATE TABLE audit_checkpoints (
  id              BIGINT   NOT NULL AUTO_INCREMENT PRIMARY KEY,
  taken_at_micros BIGINT   NOT NULL,
  heads           INT      NOT NULL,
  digest          CHAR(64) NOT NULL,
  previous_mac    CHAR(64) NOT NULL,
  mac             CHAR(64) NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
