-- Statutory time limits as versioned data: a new version takes effect from its date;
-- a period uses the version in force on the day it starts.
CREATE TABLE deadline_rules (
  name           VARCHAR(32) NOT NULL,
  version        INT         NOT NULL,
  amount         INT         NOT NULL,
  unit           VARCHAR(16) NOT NULL,
  effective_from DATE        NOT NULL,
  PRIMARY KEY (name, version)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
