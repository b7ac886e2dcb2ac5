-- Gap-free registry numbers per year: the highest number given so far.
CREATE TABLE clue_counters (
  year SMALLINT NOT NULL PRIMARY KEY,
  last INT      NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
