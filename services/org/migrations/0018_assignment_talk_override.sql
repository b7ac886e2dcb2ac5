-- An explicit, recorded exception to 逢调必谈 on the assignment it allowed.
ALTER TABLE post_assignments ADD COLUMN talk_override_reason VARCHAR(200)
  CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci NOT NULL DEFAULT '' AFTER over_quota_reason;
