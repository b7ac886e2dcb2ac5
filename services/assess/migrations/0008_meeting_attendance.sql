-- Each group's attendance at a work meeting.
CREATE TABLE meeting_attendance (
  meeting_id BIGINT       NOT NULL,
  group_code VARCHAR(32)  NOT NULL,
  attended   TINYINT(1)   NOT NULL,
  note       VARCHAR(200) CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci NOT NULL DEFAULT '',
  PRIMARY KEY (meeting_id, group_code),
  KEY attendance_by_group (group_code, meeting_id),
  CONSTRAINT attendance_meeting FOREIGN KEY (meeting_id) REFERENCES work_meetings (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
