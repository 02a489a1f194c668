-- Notices notification-service holds for a communications user's review (ClientNotified HELD): they go out when
-- someone approves them here (IncidentUpdated NOTICE_APPROVED) or by themselves at held_until. released_at is the
-- first delivery sent or failed afterwards, whichever released it; delivered says whether one was sent.
CREATE TABLE case_held_notice (
    incident_id   UUID         NOT NULL REFERENCES incident_case (incident_id),
    notice_id     UUID         NOT NULL,
    client_id     VARCHAR(200) NOT NULL,
    stage         VARCHAR(16)  NOT NULL,
    sequence_no   INTEGER      NOT NULL,
    held_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    held_until    TIMESTAMP WITH TIME ZONE,
    approved_by   VARCHAR(200),
    approved_at   TIMESTAMP WITH TIME ZONE,
    released_at   TIMESTAMP WITH TIME ZONE,
    delivered     BOOLEAN      NOT NULL,
    PRIMARY KEY (incident_id, notice_id)
);

-- The languages of the contacts a held notice's deliveries are for: the approval form asks for a text in each.
CREATE TABLE case_held_notice_language (
    incident_id    UUID        NOT NULL,
    notice_id      UUID        NOT NULL,
    language_code  VARCHAR(8)  NOT NULL,
    PRIMARY KEY (incident_id, notice_id, language_code),
    FOREIGN KEY (incident_id, notice_id) REFERENCES case_held_notice (incident_id, notice_id)
);
