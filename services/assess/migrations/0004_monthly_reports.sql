-- 一报告: one monthly report per group and month, as submitted. Late and missing are
-- derived from these and the due-day rule, never stored.
CREATE TABLE monthly_reports (
  group_code   VARCHAR(32)   NOT NULL,
  month        CHAR(7)       NOT NULL,
  submitted_on DATE          NOT NULL,
  summary      VARCHAR(2000) CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci NOT NULL DEFAULT '',
  recorded_by  VARCHAR(64)   NOT NULL,
  created_at   TIMESTAMP(6)  NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
  PRIMARY KEY (group_code, month)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
