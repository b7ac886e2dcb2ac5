-- The years whose official arrangement is loaded: a deadline that touches any other year
-- is refused rather than computed on a guessed calendar.
CREATE TABLE calendar_years (
  year      SMALLINT     NOT NULL PRIMARY KEY,
  source    VARCHAR(200) NOT NULL,
  loaded_at TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
