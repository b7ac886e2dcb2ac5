-- Configurable rules as versioned data (DOMAIN.md): each row is one version of a rule,
-- in force from its date. Values are text; the service parses them.
CREATE TABLE rule_versions (
  rule       VARCHAR(64)  NOT NULL,
  from_date  DATE         NOT NULL,
  value      VARCHAR(200) NOT NULL,
  note       VARCHAR(300) CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci NOT NULL DEFAULT '',
  PRIMARY KEY (rule, from_date)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
