-- The handlers a participant names: need-to-know looks them up by person.
CREATE TABLE clue_participant_handlers (
  participant_id BIGINT      NOT NULL,
  person_code    VARCHAR(32) NOT NULL,
  PRIMARY KEY (participant_id, person_code),
  KEY clue_participant_handlers_by_person (person_code, participant_id),
  CONSTRAINT clue_participant_handlers_participant FOREIGN KEY (participant_id)
    REFERENCES clue_participants (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
