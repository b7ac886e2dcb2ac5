-- DOMAIN.md's defaults: disposal opinion 1 month from receipt; inquiry reply 15 working
-- days; verification 3 months; investigation 90 days (one extension of up to 90);
-- supplementary investigation after a return from trial 1 month; trial 1 month.
INSERT INTO deadline_rules (name, version, amount, unit, effective_from) VALUES
  ('disposal_opinion', 1, 1, 'months', '2000-01-01'),
  ('inquiry_reply', 1, 15, 'working_days', '2000-01-01'),
  ('verification', 1, 3, 'months', '2000-01-01'),
  ('investigation', 1, 90, 'calendar_days', '2000-01-01'),
  ('supplementary_investigation', 1, 1, 'months', '2000-01-01'),
  ('trial', 1, 1, 'months', '2000-01-01');
