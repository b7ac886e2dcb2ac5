-- Training records, counted in person-times (人次).
CREATE TABLE trainings (
  id          BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  person_code VARCHAR(32)  NOT NULL,
  course      VARCHAR(200) CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci NOT NULL,
  organizer   VARCHAR(200) CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci NOT NULL DEFAULT '',
  day         DATE         NOT NULL,
  hours       DECIMAL(6,1) NOT NULL DEFAULT 0,
  KEY trainings_by_day (day),
  CONSTRAINT trainings_person FOREIGN KEY (person_code) REFERENCES people (code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
