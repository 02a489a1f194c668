-- What clients wrote to the SOC about an incident (a question from the signed page, a reply read from the replies
-- mailbox) and how each was answered. The client's text is kept as received, shown escaped, and never sent to
-- another client.
CREATE TABLE client_message (
    id              UUID                     NOT NULL PRIMARY KEY,
    incident_id     UUID                     NOT NULL,
    client_id       VARCHAR(64)              NOT NULL,
    contact_id      VARCHAR(64)              NOT NULL,
    contact_name    VARCHAR(200)             NOT NULL,
    language        VARCHAR(2)               NOT NULL,
    via             VARCHAR(16)              NOT NULL,
    text            TEXT                     NOT NULL,
    received_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    about_notice_id UUID,
    -- Where the message came from in its own system (an email's Message-ID): the same email read twice is one message.
    external_id     VARCHAR(998),
    evidence_sha256 VARCHAR(64),
    attached_by     VARCHAR(200),
    answered_at     TIMESTAMP WITH TIME ZONE,
    answered_by     VARCHAR(200),
    -- EMAIL_NOTICE when the answer was sent as a notice, PHONE when it was given on a call.
    answered_via    VARCHAR(16),
    answer_text     TEXT,
    answer_notice_id UUID,
    CONSTRAINT client_message_external_once UNIQUE (external_id)
);

CREATE INDEX client_message_incident ON client_message (incident_id, client_id, received_at);
