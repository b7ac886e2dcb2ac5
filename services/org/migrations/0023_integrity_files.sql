-- 廉政档案: the integrity file of a cadre of a supervised unit.
CREATE TABLE integrity_files (
  code         VARCHAR(32)  NOT NULL PRIMARY KEY,
  cadre_name   VARCHAR(100) CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci NOT NULL,
  unit_code    VARCHAR(32)  NOT NULL,
  position     VARCHAR(100) CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci NOT NULL DEFAULT '',
  level        VARCHAR(50)  CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci NOT NULL DEFAULT '',
  key_minority VARCHAR(32)  NOT NULL DEFAULT '',
  focus_tags   VARCHAR(200) NOT NULL DEFAULT '',
  version      BIGINT       NOT NULL DEFAULT 1,
  KEY integrity_files_by_unit (unit_code, code),
  CONSTRAINT integrity_files_unit FOREIGN KEY (unit_code) REFERENCES units (code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
