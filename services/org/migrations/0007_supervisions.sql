-- Which group supervises a unit, dated; at most one in force on any date (checked by the
-- service under a lock on the unit's row).
CREATE TABLE supervisions (
  id         BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
  unit_code  VARCHAR(32) NOT NULL,
  group_code VARCHAR(32) NOT NULL,
  from_date  DATE        NOT NULL,
  to_date    DATE        NULL,
  KEY supervisions_by_unit (unit_code, from_date),
  KEY supervisions_by_group (group_code, from_date),
  CONSTRAINT supervisions_unit FOREIGN KEY (unit_code) REFERENCES units (code),
  CONSTRAINT supervisions_group FOREIGN KEY (group_code) REFERENCES units (code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
