-- Each timeline note gets its own MAC, bound to its chain entry's MAC, so an edited or
-- forged note is found by VerifyAuditChain like an edited entry (0027 left notes bare).
ALTER TABLE clue_audit_notes ADD COLUMN mac CHAR(64) NOT NULL DEFAULT '';
