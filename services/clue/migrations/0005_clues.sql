-- The central registry (全程登记备查). `number` is given at the end of the registering
-- transaction (the per-year counter is a hot row: taken last, held briefly).
CREATE TABLE clues (
  id                  BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  number              VARCHAR(32)  NULL,
  received_on         DATE         NOT NULL,
  source              VARCHAR(16)  NOT NULL,
  reporter_name       VARCHAR(100) CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci NOT NULL DEFAULT '',
  reporter_contact    VARCHAR(200) CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci NOT NULL DEFAULT '',
  reporter_anonymous  TINYINT(1)   NOT NULL DEFAULT 0,
  violations          VARCHAR(100) NOT NULL DEFAULT '',
  allegation          TEXT         CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci NOT NULL,
  handling_unit_code  VARCHAR(32)  NOT NULL,
  handlers            VARCHAR(500) NOT NULL DEFAULT '',
  registering_unit_code VARCHAR(32) NOT NULL,
  state               VARCHAR(32)  NOT NULL,
  registered_by       VARCHAR(64)  NOT NULL,
  version             BIGINT       NOT NULL DEFAULT 1,
  created_at          TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
  UNIQUE KEY clues_by_number (number),
  KEY clues_by_handling_unit (handling_unit_code, id),
  KEY clues_by_registering_unit (registering_unit_code, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
