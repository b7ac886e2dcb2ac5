-- Groups: the supervision office that guides their case work (指导派驻机构执纪审查调查).
ALTER TABLE units ADD COLUMN guiding_office_code VARCHAR(32) NULL AFTER parent_code;
