-- The catalogue's files each group keeps, per year.
CREATE TABLE group_files (
  group_code  VARCHAR(32)  NOT NULL,
  year        INT          NOT NULL,
  item_code   VARCHAR(16)  NOT NULL,
  kept_on     DATE         NOT NULL,
  location    VARCHAR(200) CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci NOT NULL DEFAULT '',
  recorded_by VARCHAR(64)  NOT NULL,
  PRIMARY KEY (group_code, year, item_code),
  CONSTRAINT group_files_item FOREIGN KEY (item_code) REFERENCES file_catalogue (code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
