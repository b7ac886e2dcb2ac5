-- A subject in the leading group of their unit (recusal of the supervising group's leader).
ALTER TABLE clue_subjects ADD COLUMN unit_leadership TINYINT(1) NOT NULL DEFAULT 0;
