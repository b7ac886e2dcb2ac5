-- Recommendation letters (纪检监察建议书) to supervised units.
CREATE TABLE letters (
  id          BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
  code        VARCHAR(32) NOT NULL,
  kind        VARCHAR(16) NOT NULL,
  issuer_code VARCHAR(32) NOT NULL,
  unit_code   VARCHAR(32) NOT NULL,
  issued_on   DATE        NOT NULL,
  reply_due   DATE        NOT NULL,
  replied_on  DATE        NULL,
  reply       TEXT        CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci NULL,
  version     BIGINT      NOT NULL DEFAULT 1,
  UNIQUE KEY letters_by_code (code),
  KEY letters_by_issued_on (issued_on),
  KEY letters_by_unit (unit_code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
