-- 逢进必审: a vetting record before a person joins a group.
CREATE TABLE vettings (
  id          BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  person_code VARCHAR(32)  NOT NULL,
  vetted_on   DATE         NOT NULL,
  passed      TINYINT(1)   NOT NULL,
  note        VARCHAR(500) CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci NOT NULL DEFAULT '',
  KEY vettings_by_person (person_code, vetted_on),
  CONSTRAINT vettings_person FOREIGN KEY (person_code) REFERENCES people (code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
