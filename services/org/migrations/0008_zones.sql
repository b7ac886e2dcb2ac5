-- Collaboration zones (协作区): one office leads some groups and townships (室组地).
CREATE TABLE zones (
  code           VARCHAR(32)  NOT NULL PRIMARY KEY,
  display_name   VARCHAR(100) CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci NOT NULL,
  office_code    VARCHAR(32)  NOT NULL,
  established_on DATE         NOT NULL,
  dissolved_on   DATE         NULL,
  version        BIGINT       NOT NULL DEFAULT 1,
  CONSTRAINT zones_office FOREIGN KEY (office_code) REFERENCES units (code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
