-- What the incident's client contacts wrote to the SOC (ClientMessageReceived: a question from the question page, or
-- an email reply) and how each was answered: in writing from here (IncidentUpdated CLIENT_ANSWERED, whose ANSWER
-- notice's delivery notification-service reports), or by phone (CLIENT_CALL). answered_at is NULL while nobody has:
-- the question's answer clock runs and the board marks the case.
CREATE TABLE case_client_message (
    incident_id         UUID         NOT NULL REFERENCES incident_case (incident_id),
    message_id          UUID         NOT NULL,
    client_id           VARCHAR(200) NOT NULL,
    contact_id          VARCHAR(200) NOT NULL,
    contact_name        TEXT         NOT NULL,
    language_code       VARCHAR(16)  NOT NULL,
    via                 VARCHAR(16)  NOT NULL,
    body                TEXT         NOT NULL,
    received_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    about_notice_id     UUID,
    evidence_sha256     VARCHAR(64),
    attached_by         VARCHAR(200),
    answered_at         TIMESTAMP WITH TIME ZONE,
    answered_by         VARCHAR(200),
    answered_by_phone   BOOLEAN,
    answer_text         TEXT,
    answer_delivery     VARCHAR(16),
    answer_delivery_at  TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (incident_id, message_id)
);

-- The satisfaction survey's answers (SurveyAnswered), one per contact and incident. answered_month is the UTC month
-- of answered_at ("2026-03"), the CSAT's period, so PostgreSQL and H2 group by it the same way whatever their zone.
CREATE TABLE case_survey_answer (
    incident_id           UUID         NOT NULL REFERENCES incident_case (incident_id),
    client_id             VARCHAR(200) NOT NULL,
    contact_id            VARCHAR(200) NOT NULL,
    contact_name          TEXT         NOT NULL,
    language_code         VARCHAR(16)  NOT NULL,
    handling_rating       INTEGER      NOT NULL,
    communication_rating  INTEGER      NOT NULL,
    questions_answered    BOOLEAN      NOT NULL,
    comment               TEXT,
    answered_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    answered_month        VARCHAR(7)   NOT NULL,
    PRIMARY KEY (incident_id, client_id, contact_id)
);

CREATE INDEX case_survey_answer_month ON case_survey_answer (answered_month);
