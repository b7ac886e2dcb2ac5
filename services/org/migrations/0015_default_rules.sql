-- The shipped defaults. vetting_required: a group post starting on or after the version's
-- date needs a passed vetting (逢进必审; default from 2022-01-01). specialist_target_share:
-- the wanted share of law, finance, accounting and audit staff (the report asks for more).
INSERT INTO rule_versions (rule, from_date, value, note) VALUES
  ('vetting_required', '2022-01-01', 'true', '逢进必审'),
  ('specialist_target_share', '2000-01-01', '0.30', 'share of law/finance/accounting/audit staff');
