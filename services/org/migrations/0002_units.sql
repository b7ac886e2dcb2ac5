-- The organisation tree: commission, offices, stationed groups, supervised units, townships.
-- Codes compare case-sensitively (utf8mb4_bin); names are Chinese text.
CREATE TABLE units (
  code           VARCHAR(32)  NOT NULL PRIMARY KEY,
  kind           VARCHAR(32)  NOT NULL,
  display_name   VARCHAR(100) CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci NOT NULL,
  parent_code    VARCHAR(32)  NULL,
  established_on DATE         NOT NULL,
  dissolved_on   DATE         NULL,
  version        BIGINT       NOT NULL DEFAULT 1,
  created_at     TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
  updated_at     TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6),
  KEY units_by_kind (kind, code),
  KEY units_by_parent (parent_code, code),
  CONSTRAINT units_parent FOREIGN KEY (parent_code) REFERENCES units (code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
