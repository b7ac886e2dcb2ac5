-- Decisions that wait for an approver: proposed by one person, decided by another.
-- At most one open proposal per clue (decided_at IS NULL), enforced under the clue's lock.
CREATE TABLE clue_proposals (
  id           BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  clue_id      BIGINT       NOT NULL,
  kind         VARCHAR(32)  NOT NULL,
  value        VARCHAR(32)  NOT NULL,
  note         TEXT         CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci NOT NULL,
  proposed_by  VARCHAR(32)  NOT NULL,
  proposed_on  DATE         NOT NULL,
  decision     VARCHAR(16)  NOT NULL DEFAULT '',
  decided_by   VARCHAR(32)  NOT NULL DEFAULT '',
  decided_on   DATE         NULL,
  decision_note TEXT        CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci NULL,
  KEY clue_proposals_by_clue (clue_id, id),
  CONSTRAINT clue_proposals_clue FOREIGN KEY (clue_id) REFERENCES clues (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
