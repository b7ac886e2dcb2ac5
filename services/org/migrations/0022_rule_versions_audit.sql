-- Who set each rule version and when (SetRuleVersion); NULL for the shipped defaults.
ALTER TABLE rule_versions
  ADD COLUMN set_by VARCHAR(32) NULL,
  ADD COLUMN set_at DATETIME(6) NULL;
