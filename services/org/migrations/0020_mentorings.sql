-- 一帮一: a mentor paired with a new cadre, dated.
CREATE TABLE mentorings (
  id          BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
  mentor_code VARCHAR(32) NOT NULL,
  mentee_code VARCHAR(32) NOT NULL,
  from_date   DATE        NOT NULL,
  to_date     DATE        NULL,
  KEY mentorings_by_mentee (mentee_code, from_date),
  KEY mentorings_by_mentor (mentor_code, from_date),
  CONSTRAINT mentorings_mentor FOREIGN KEY (mentor_code) REFERENCES people (code),
  CONSTRAINT mentorings_mentee FOREIGN KEY (mentee_code) REFERENCES people (code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
