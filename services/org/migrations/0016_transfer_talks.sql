-- 逢调必谈: the talk held with a person before a transfer.
CREATE TABLE transfer_talks (
  id          BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  person_code VARCHAR(32)  NOT NULL,
  talked_on   DATE         NOT NULL,
  talked_by   VARCHAR(32)  NULL,
  note        VARCHAR(500) CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci NOT NULL DEFAULT '',
  KEY transfer_talks_by_person (person_code, talked_on),
  CONSTRAINT transfer_talks_person FOREIGN KEY (person_code) REFERENCES people (code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
