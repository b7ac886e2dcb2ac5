-- What a person may do, dated: a role (admin, office, group, ...) in a unit (none for admin).
CREATE TABLE role_grants (
  id          BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  person_code VARCHAR(32)  NOT NULL,
  role        VARCHAR(32)  NOT NULL,
  unit_code   VARCHAR(32)  NULL,
  from_date   DATE         NOT NULL,
  to_date     DATE         NULL,
  created_at  TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
  KEY role_grants_by_person (person_code, from_date),
  KEY role_grants_by_role (role, from_date),
  CONSTRAINT role_grants_person FOREIGN KEY (person_code) REFERENCES people (code),
  CONSTRAINT role_grants_unit FOREIGN KEY (unit_code) REFERENCES units (code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
