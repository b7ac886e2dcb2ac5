-- 问责: accountability of groups and their members. The subject is a person or a unit.
CREATE TABLE accountability (
  id            BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  subject_kind  VARCHAR(8)   NOT NULL,
  subject_code  VARCHAR(32)  NOT NULL,
  decided_on    DATE         NOT NULL,
  measure       VARCHAR(100) CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci NOT NULL,
  reason        VARCHAR(1000) CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci NOT NULL,
  KEY accountability_by_subject (subject_kind, subject_code, decided_on)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
