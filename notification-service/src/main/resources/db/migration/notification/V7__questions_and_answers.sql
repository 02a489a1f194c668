-- An ANSWER notice names the client message it answers: one answer notice per message, whatever replays the event.
ALTER TABLE notice ADD COLUMN answers_message_id UUID;
ALTER TABLE notice ADD CONSTRAINT notice_answers_once UNIQUE (answers_message_id);

-- The internal email that tells the SOC's communications mailbox a client wrote: written in the transaction that
-- stores the message, sent after it committed, retried until the mail server takes it. One per message.
CREATE TABLE comms_alert (
    message_id      UUID                     NOT NULL PRIMARY KEY,
    incident_id     UUID                     NOT NULL,
    recipient       VARCHAR(320)             NOT NULL,
    subject         TEXT                     NOT NULL,
    body            TEXT                     NOT NULL,
    -- PENDING (due at next_attempt_at) -> SENDING (leased until lease_until) -> SENT, back to PENDING, or FAILED
    -- when the server refused the address itself.
    state           VARCHAR(16)              NOT NULL,
    attempts        INT                      NOT NULL,
    next_attempt_at TIMESTAMP WITH TIME ZONE,
    lease_until     TIMESTAMP WITH TIME ZONE,
    last_error      TEXT,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    sent_at         TIMESTAMP WITH TIME ZONE
);

CREATE INDEX comms_alert_due ON comms_alert (state, next_attempt_at);
