-- The supervision ledger (台账): what a stationed group did in a supervised unit.
CREATE TABLE activities (
  id         BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  group_code VARCHAR(32)  NOT NULL,
  unit_code  VARCHAR(32)  NOT NULL,
  day        DATE         NOT NULL,
  kind       VARCHAR(32)  NOT NULL,
  subkind    VARCHAR(100) CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci NOT NULL DEFAULT '',
  count      INT          NOT NULL DEFAULT 1,
  note       VARCHAR(500) CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci NOT NULL DEFAULT '',
  recorded_by VARCHAR(64) NOT NULL,
  created_at TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
  KEY activities_by_group (group_code, day, id),
  KEY activities_by_day (day, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
