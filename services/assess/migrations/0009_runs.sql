-- Assessment runs: a scheme version over a period; draft until finalised, then frozen.
CREATE TABLE runs (
  id             BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  scheme_key     VARCHAR(40)  NOT NULL,
  scheme_version INT          NOT NULL,
  period         VARCHAR(16)  NOT NULL,
  from_day       DATE         NOT NULL,
  to_day         DATE         NOT NULL,
  state          VARCHAR(8)   NOT NULL,
  grades         TEXT         NOT NULL,
  created_by     VARCHAR(64)  NOT NULL,
  finalised_by   VARCHAR(64)  NOT NULL DEFAULT '',
  finalised_at   TIMESTAMP(6) NULL,
  created_at     TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
  KEY runs_by_scheme (scheme_key, scheme_version)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
