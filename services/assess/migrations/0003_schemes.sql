-- Assessment schemes (考核评分细则), one row per version; a stored version never changes.
CREATE TABLE schemes (
  scheme_key  VARCHAR(40)  NOT NULL,
  version     INT          NOT NULL,
  title       VARCHAR(200) CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci NOT NULL,
  target_kind VARCHAR(32)  NOT NULL,
  document    MEDIUMTEXT   CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
  created_by  VARCHAR(64)  NOT NULL,
  created_at  TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
  PRIMARY KEY (scheme_key, version)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
