-- What the statistics count about a person. Specialties: ';'-separated codes.
ALTER TABLE people
  ADD COLUMN gender      VARCHAR(8)   NULL AFTER display_name,
  ADD COLUMN birth_date  DATE         NULL AFTER gender,
  ADD COLUMN education   VARCHAR(16)  NULL AFTER birth_date,
  ADD COLUMN specialties VARCHAR(100) NOT NULL DEFAULT '' AFTER education,
  ADD COLUMN work_start  DATE         NULL AFTER specialties;
