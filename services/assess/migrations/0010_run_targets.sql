-- Each target of a run and the metric snapshot its sheet is computed from (JSON:
-- metric -> [value, evidence]); frozen with the run.
CREATE TABLE run_targets (
  run_id   BIGINT      NOT NULL,
  seq      INT         NOT NULL,
  target   VARCHAR(64) NOT NULL,
  metrics  MEDIUMTEXT  CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
  PRIMARY KEY (run_id, seq),
  UNIQUE KEY run_targets_by_target (run_id, target),
  CONSTRAINT run_targets_run FOREIGN KEY (run_id) REFERENCES runs (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
