-- The key of every Reply-To address handed out (replies+<key>@domain) and what it was made for: a reply is matched to
-- its incident, client and contact by looking its key up here, never by anything else in the mail.
CREATE TABLE reply_key (
    reply_key   VARCHAR(32)              NOT NULL PRIMARY KEY,
    incident_id UUID                     NOT NULL,
    client_id   VARCHAR(64)              NOT NULL,
    contact_id  VARCHAR(64)              NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Every mail read from the replies mailbox, kept as it arrived (evidence) whatever became of it: ACCEPTED (on the
-- case), QUARANTINED (waiting for a human, with the reason), then ATTACHED or DISCARDED by that human. One row per
-- Message-ID, so a mail read twice, or by two instances at once, is handled once.
CREATE TABLE inbound_mail (
    id                UUID                     NOT NULL PRIMARY KEY,
    message_id        VARCHAR(998)             NOT NULL,
    received_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    raw               BYTEA                    NOT NULL,
    sha256            VARCHAR(64)              NOT NULL,
    from_address      VARCHAR(998),
    subject           VARCHAR(998),
    state             VARCHAR(16)              NOT NULL,
    reason            VARCHAR(32),
    -- What the key in the recipients was made for, when it named anything (shown to the human deciding).
    incident_id       UUID,
    client_id         VARCHAR(64),
    contact_id        VARCHAR(64),
    -- The reply without quoted text and signature.
    text              TEXT,
    client_message_id UUID,
    handled_by        VARCHAR(200),
    handled_at        TIMESTAMP WITH TIME ZONE,
    discard_reason    VARCHAR(500),
    CONSTRAINT inbound_mail_once UNIQUE (message_id)
);

CREATE INDEX inbound_mail_state ON inbound_mail (state, received_at);
CREATE INDEX inbound_mail_sha256 ON inbound_mail (sha256);
