-- Dated entries of an integrity file: declarations, talks, reminders, notes.
CREATE TABLE integrity_entries (
  id          BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  file_code   VARCHAR(32)  NOT NULL,
  kind        VARCHAR(16)  NOT NULL,
  day         DATE         NOT NULL,
  summary     VARCHAR(500) CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci NOT NULL,
  recorded_by VARCHAR(32)  NOT NULL DEFAULT '',
  KEY integrity_entries_by_file (file_code, day, id),
  CONSTRAINT integrity_entries_file FOREIGN KEY (file_code) REFERENCES integrity_files (code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
