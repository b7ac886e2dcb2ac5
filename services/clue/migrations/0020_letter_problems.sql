-- The problems a letter names and their rectification (整改) state.
CREATE TABLE letter_problems (
  letter_id     BIGINT       NOT NULL,
  seq           INT          NOT NULL,
  description   TEXT         CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci NOT NULL,
  state         VARCHAR(16)  NOT NULL,
  rectified_on  DATE         NULL,
  verified_on   DATE         NULL,
  evidence      TEXT         CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci NULL,
  PRIMARY KEY (letter_id, seq),
  CONSTRAINT letter_problems_letter FOREIGN KEY (letter_id) REFERENCES letters (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
