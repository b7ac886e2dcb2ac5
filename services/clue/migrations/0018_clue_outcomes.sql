-- Outcomes per person reported, with the four-forms class of the mapping version used.
CREATE TABLE clue_outcomes (
  id            BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  clue_id       BIGINT       NOT NULL,
  subject_name  VARCHAR(100) CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci NOT NULL,
  outcome       VARCHAR(32)  NOT NULL,
  detail        VARCHAR(200) CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci NOT NULL DEFAULT '',
  months        INT          NOT NULL DEFAULT 0,
  decided_on    DATE         NOT NULL,
  form          VARCHAR(8)   NOT NULL DEFAULT '',
  mapping       VARCHAR(32)  NOT NULL,
  effect_until  DATE         NULL,
  KEY clue_outcomes_by_clue (clue_id, id),
  KEY clue_outcomes_by_decided_on (decided_on),
  CONSTRAINT clue_outcomes_clue FOREIGN KEY (clue_id) REFERENCES clues (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
