-- Joint cases (室组地): the parties of a clue besides its handling (lead) unit. One row
-- per clue and unit, kept through its states (requested, awaiting_approval, active,
-- declined, removed); changed only under the clue's row lock.
CREATE TABLE clue_participants (
  id             BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  clue_id        BIGINT       NOT NULL,
  unit_code      VARCHAR(32)  NOT NULL,
  state          VARCHAR(24)  NOT NULL,
  added_by       VARCHAR(32)  NOT NULL,
  added_on       DATE         NOT NULL,
  note           TEXT         CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci NOT NULL,
  decided_by     VARCHAR(32)  NOT NULL DEFAULT '',
  decided_on     DATE         NULL,
  decision_note  TEXT         CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci NULL,
  UNIQUE KEY clue_participants_by_clue (clue_id, unit_code),
  KEY clue_participants_by_unit (unit_code, state, clue_id),
  CONSTRAINT clue_participants_clue FOREIGN KEY (clue_id) REFERENCES clues (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
