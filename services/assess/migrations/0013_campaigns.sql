-- Special campaigns (专项整治 / 专项监督).
CREATE TABLE campaigns (
  id          BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  kind        VARCHAR(24)  NOT NULL,
  title       VARCHAR(200) CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci NOT NULL,
  from_day    DATE         NOT NULL,
  to_day      DATE         NOT NULL,
  recorded_by VARCHAR(64)  NOT NULL,
  created_at  TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
  KEY campaigns_by_period (from_day, to_day, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
