-- The heads a checkpoint covers (its digest is over these rows in clue order).
CREATE TABLE audit_checkpoint_heads (
  checkpoint_id BIGINT   NOT NULL,
  clue_id       BIGINT   NOT NULL,
  seq           BIGINT   NOT NULL,
  mac           CHAR(64) NOT NULL,
  PRIMARY KEY (checkpoint_id, clue_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
