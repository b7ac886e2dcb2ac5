-- Filed cases (立案): their own numbers, one per clue.
CREATE TABLE cases (
  id                     BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
  number                 VARCHAR(32) NOT NULL,
  clue_id                BIGINT      NOT NULL,
  filed_on               DATE        NOT NULL,
  state                  VARCHAR(16) NOT NULL,
  due_on                 DATE        NULL,
  due_rule               VARCHAR(32) NOT NULL DEFAULT '',
  due_rule_version       INT         NOT NULL DEFAULT 0,
  due_start              DATE        NULL,
  due_extension_days     INT         NOT NULL DEFAULT 0,
  due_provisional        TINYINT(1)  NOT NULL DEFAULT 0,
  investigation_extended TINYINT(1)  NOT NULL DEFAULT 0,
  trial_extended         TINYINT(1)  NOT NULL DEFAULT 0,
  returned_from_trial    TINYINT(1)  NOT NULL DEFAULT 0,
  decided_on             DATE        NULL,
  version                BIGINT      NOT NULL DEFAULT 1,
  UNIQUE KEY cases_by_number (number),
  UNIQUE KEY cases_by_clue (clue_id),
  KEY cases_by_filed_on (filed_on),
  CONSTRAINT cases_clue FOREIGN KEY (clue_id) REFERENCES clues (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
