-- Dated membership of groups and townships (and the office itself) in a zone.
CREATE TABLE zone_members (
  id        BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
  zone_code VARCHAR(32) NOT NULL,
  unit_code VARCHAR(32) NOT NULL,
  from_date DATE        NOT NULL,
  to_date   DATE        NULL,
  KEY zone_members_by_zone (zone_code, from_date),
  KEY zone_members_by_unit (unit_code, from_date),
  CONSTRAINT zone_members_zone FOREIGN KEY (zone_code) REFERENCES zones (code),
  CONSTRAINT zone_members_unit FOREIGN KEY (unit_code) REFERENCES units (code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
