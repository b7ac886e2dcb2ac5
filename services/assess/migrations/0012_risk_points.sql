-- The risk register (廉政风险点): each supervised unit's points, kept by its group.
CREATE TABLE risk_points (
  id            BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  group_code    VARCHAR(32)  NOT NULL,
  unit_code     VARCHAR(32)  NOT NULL,
  category      VARCHAR(24)  NOT NULL,
  description   VARCHAR(500) CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci NOT NULL,
  measures      VARCHAR(1000) CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci NOT NULL DEFAULT '',
  state         VARCHAR(16)  NOT NULL,
  identified_on DATE         NOT NULL,
  reviewed_on   DATE         NULL,
  version       BIGINT       NOT NULL DEFAULT 1,
  recorded_by   VARCHAR(64)  NOT NULL,
  created_at    TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
  KEY risk_points_by_group (group_code, unit_code, id),
  KEY risk_points_by_unit (unit_code, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
