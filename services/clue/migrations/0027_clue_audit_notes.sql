-- Beside each change in a clue's audit chain: the unit its actor acted for and the
-- facts it changed (domain/timeline.h), for the clue's timeline. Reads have none. The
-- chain's MACs cover the digests of the facts, not these notes.
CREATE TABLE clue_audit_notes (
  clue_id     BIGINT       NOT NULL,
  seq         BIGINT       NOT NULL,
  acting_unit VARCHAR(64)  NOT NULL DEFAULT '',
  facts       MEDIUMTEXT   NOT NULL,
  PRIMARY KEY (clue_id, seq)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
