-- The assessor's scores and adjustments, never updated: the audit trail of a sheet.
CREATE TABLE run_adjustments (
  id            BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  run_id        BIGINT       NOT NULL,
  target        VARCHAR(64)  NOT NULL,
  task_code     VARCHAR(16)  NOT NULL,
  points        BIGINT       NOT NULL,
  justification VARCHAR(1000) CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci NOT NULL,
  adjusted_by   VARCHAR(64)  NOT NULL,
  adjusted_at   TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
  KEY adjustments_by_run (run_id, target, id),
  CONSTRAINT adjustments_run FOREIGN KEY (run_id) REFERENCES runs (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
