-- The days that differ from a plain Monday-to-Friday week: public holidays (weekend days
-- inside a holiday span included) and weekend days worked instead (调休).
CREATE TABLE calendar_days (
  day  DATE                       NOT NULL PRIMARY KEY,
  kind ENUM('holiday', 'workday') NOT NULL,
  name VARCHAR(50) CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
