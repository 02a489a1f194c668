-- Satisfaction survey answers: one per contact and incident, from the contact's signed link in the FOLLOW_UP notice.
-- The comment is the contact's own words, kept as written and shown escaped.
CREATE TABLE survey_answer (
    id                   UUID                     NOT NULL PRIMARY KEY,
    incident_id          UUID                     NOT NULL,
    client_id            VARCHAR(64)              NOT NULL,
    contact_id           VARCHAR(64)              NOT NULL,
    notice_id            UUID                     NOT NULL REFERENCES notice (id),
    contact_name         VARCHAR(200)             NOT NULL,
    language             VARCHAR(2)               NOT NULL,
    handling_rating      INT                      NOT NULL,
    communication_rating INT                      NOT NULL,
    questions_answered   BOOLEAN                  NOT NULL,
    comment              VARCHAR(2000),
    answered_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT survey_answer_once UNIQUE (incident_id, client_id, contact_id),
    CONSTRAINT survey_answer_handling CHECK (handling_rating BETWEEN 1 AND 5),
    CONSTRAINT survey_answer_communication CHECK (communication_rating BETWEEN 1 AND 5)
);
