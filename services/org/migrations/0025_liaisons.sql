-- Which commission leader liaises with which stationed group (联系派驻机构), dated; a
-- group may have several leaders, a leader several groups, never twice at once.
CREATE TABLE liaisons (
  id          BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
  group_code  VARCHAR(32) NOT NULL,
  person_code VARCHAR(32) NOT NULL,
  from_date   DATE        NOT NULL,
  to_date     DATE        NULL,
  KEY liaisons_by_group (group_code, from_date),
  KEY liaisons_by_person (person_code, from_date),
  CONSTRAINT liaisons_group FOREIGN KEY (group_code) REFERENCES units (code),
  CONSTRAINT liaisons_person FOREIGN KEY (person_code) REFERENCES people (code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
