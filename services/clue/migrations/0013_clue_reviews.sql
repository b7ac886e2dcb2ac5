-- Collective reviews (集体研判) with their attendees.
CREATE TABLE clue_reviews (
  id        BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  clue_id   BIGINT       NOT NULL,
  held_on   DATE         NOT NULL,
  attendees VARCHAR(500) NOT NULL,
  summary   TEXT         CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci NOT NULL,
  KEY clue_reviews_by_clue (clue_id, id),
  CONSTRAINT clue_reviews_clue FOREIGN KEY (clue_id) REFERENCES clues (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
