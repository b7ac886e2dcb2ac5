-- A joint case's tasks: each for one participant, assigned -> accepted -> completed (or
-- cancelled when its participant is removed).
CREATE TABLE clue_tasks (
  id            BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  clue_id       BIGINT       NOT NULL,
  unit_code     VARCHAR(32)  NOT NULL,
  title         VARCHAR(200) CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci NOT NULL,
  state         VARCHAR(16)  NOT NULL,
  due_on        DATE         NULL,
  assigned_by   VARCHAR(32)  NOT NULL,
  assigned_on   DATE         NOT NULL,
  accepted_by   VARCHAR(32)  NOT NULL DEFAULT '',
  completed_by  VARCHAR(32)  NOT NULL DEFAULT '',
  completed_on  DATE         NULL,
  note          TEXT         CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci NULL,
  KEY clue_tasks_by_clue (clue_id, id),
  CONSTRAINT clue_tasks_clue FOREIGN KEY (clue_id) REFERENCES clues (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
