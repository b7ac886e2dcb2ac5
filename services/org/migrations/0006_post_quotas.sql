-- A group's authorised posts (核定编制) per post type, dated: one row per period.
CREATE TABLE post_quotas (
  id         BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  unit_code  VARCHAR(32)  NOT NULL,
  post       VARCHAR(16)  NOT NULL,
  count      INT          NOT NULL,
  rank_note  VARCHAR(100) CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci NOT NULL DEFAULT '',
  from_date  DATE         NOT NULL,
  to_date    DATE         NULL,
  KEY post_quotas_by_unit (unit_code, post, from_date),
  CONSTRAINT post_quotas_unit FOREIGN KEY (unit_code) REFERENCES units (code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
