-- Gap-free filing numbers per year (taken last, as the registry's).
CREATE TABLE case_counters (
  year SMALLINT NOT NULL PRIMARY KEY,
  last INT      NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
