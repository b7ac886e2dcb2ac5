-- Each unit of a campaign, the group that follows it up, and its follow-up.
CREATE TABLE campaign_units (
  campaign_id        BIGINT       NOT NULL,
  unit_code          VARCHAR(32)  NOT NULL,
  group_code         VARCHAR(32)  NOT NULL,
  followed_up_on     DATE         NULL,
  problems_found     INT          NOT NULL DEFAULT 0,
  problems_rectified INT          NOT NULL DEFAULT 0,
  findings           VARCHAR(1000) CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci NOT NULL DEFAULT '',
  PRIMARY KEY (campaign_id, unit_code),
  KEY campaign_units_by_group (group_code, campaign_id),
  CONSTRAINT campaign_units_campaign FOREIGN KEY (campaign_id) REFERENCES campaigns (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
