-- 内业管理: the standard file catalogue (统一材料目录) every group keeps against.
CREATE TABLE file_catalogue (
  code  VARCHAR(16)  NOT NULL PRIMARY KEY,
  title VARCHAR(200) CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
