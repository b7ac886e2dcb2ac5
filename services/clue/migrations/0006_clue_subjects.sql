-- The people a clue reports (one or more).
CREATE TABLE clue_subjects (
  id             BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  clue_id        BIGINT       NOT NULL,
  seq            INT          NOT NULL,
  name           VARCHAR(100) CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci NOT NULL,
  unit_code      VARCHAR(32)  NOT NULL DEFAULT '',
  position       VARCHAR(100) CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci NOT NULL DEFAULT '',
  level          VARCHAR(50)  CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci NOT NULL DEFAULT '',
  party_member   TINYINT(1)   NOT NULL DEFAULT 0,
  integrity_file VARCHAR(64)  NOT NULL DEFAULT '',
  UNIQUE KEY clue_subjects_by_clue (clue_id, seq),
  CONSTRAINT clue_subjects_clue FOREIGN KEY (clue_id) REFERENCES clues (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
