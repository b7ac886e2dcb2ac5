-- Versions of the monthly report's due day, each in force from its date.
CREATE TABLE due_day_rules (
  effective_from DATE        NOT NULL PRIMARY KEY,
  due_day        INT         NOT NULL,
  recorded_by    VARCHAR(64) NOT NULL,
  created_at     TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
