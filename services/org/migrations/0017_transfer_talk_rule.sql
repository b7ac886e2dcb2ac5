-- 逢调必谈 from 2022-01-01 by default, versioned like vetting: transfers imported from
-- before it need no talk record.
INSERT INTO rule_versions (rule, from_date, value, note) VALUES
  ('transfer_talk_required', '2022-01-01', 'true', '逢调必谈');
