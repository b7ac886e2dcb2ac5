-- Who held which post in which unit, dated; history is kept, never overwritten.
CREATE TABLE post_assignments (
  id                BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  person_code       VARCHAR(32)  NOT NULL,
  unit_code         VARCHAR(32)  NOT NULL,
  post              VARCHAR(16)  NOT NULL,
  from_date         DATE         NOT NULL,
  to_date           DATE         NULL,
  reason            VARCHAR(200) CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci NOT NULL DEFAULT '',
  over_quota_reason VARCHAR(200) CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci NOT NULL DEFAULT '',
  KEY post_assignments_by_person (person_code, from_date),
  KEY post_assignments_by_unit (unit_code, post, from_date),
  CONSTRAINT post_assignments_person FOREIGN KEY (person_code) REFERENCES people (code),
  CONSTRAINT post_assignments_unit FOREIGN KEY (unit_code) REFERENCES units (code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
