-- The last entry of each clue's chain, updated in the same transaction: a deleted tail
-- or a deleted chain no longer matches its head.
CREATE TABLE clue_audit_heads (
  clue_id BIGINT   NOT NULL PRIMARY KEY,
  seq     BIGINT   NOT NULL,
  mac     CHAR(64) NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
