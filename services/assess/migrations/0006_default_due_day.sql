-- The default: reports are due on the 5th of their month.
INSERT INTO due_day_rules (effective_from, due_day, recorded_by) VALUES ('2000-01-01', 5, 'migration');
