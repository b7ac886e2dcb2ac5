-- The workflow's facts on the clue row: its first disposal, how it ended, the due date of
-- the limit running in its state (and how to recompute it), recusal, trial visibility.
ALTER TABLE clues
  ADD COLUMN disposal            VARCHAR(16) NOT NULL DEFAULT '',
  ADD COLUMN disposed_on         DATE        NULL,
  ADD COLUMN result              VARCHAR(16) NOT NULL DEFAULT '',
  ADD COLUMN recusal             TINYINT(1)  NOT NULL DEFAULT 0,
  ADD COLUMN due_on              DATE        NULL,
  ADD COLUMN due_rule            VARCHAR(32) NOT NULL DEFAULT '',
  ADD COLUMN due_rule_version    INT         NOT NULL DEFAULT 0,
  ADD COLUMN due_start           DATE        NULL,
  ADD COLUMN due_provisional     TINYINT(1)  NOT NULL DEFAULT 0,
  ADD COLUMN trial_since         DATE        NULL,
  ADD COLUMN imported            TINYINT(1)  NOT NULL DEFAULT 0;
