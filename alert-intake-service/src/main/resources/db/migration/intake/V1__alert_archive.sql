-- The evidence: every accepted request as it arrived (raw body, the headers that matter, who sent it, when).
-- Credentials never reach this table: the Authorization header is not kept and Splunk's URL token is not stored.
CREATE TABLE raw_payload (
    payload_id     UUID PRIMARY KEY,
    source_name    VARCHAR(200)             NOT NULL,
    source_type    VARCHAR(20)              NOT NULL,
    received_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    remote_address VARCHAR(100),
    headers        TEXT                     NOT NULL,
    body           BYTEA                    NOT NULL
);

CREATE INDEX raw_payload_received_at ON raw_payload (received_at);

-- One row per published alert. alert_id is derived from (source name, occurrence), so its primary key is the
-- de-duplication of redeliveries; the fingerprint index serves de-duplication within a time window.
CREATE TABLE intake_alert (
    alert_id         UUID PRIMARY KEY,
    payload_id       UUID                     NOT NULL REFERENCES raw_payload (payload_id) ON DELETE CASCADE,
    source_name      VARCHAR(200)             NOT NULL,
    source_reference TEXT                     NOT NULL,
    fingerprint      VARCHAR(64)              NOT NULL,
    resolved         BOOLEAN                  NOT NULL,
    received_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    repeat_count     BIGINT                   NOT NULL DEFAULT 0,
    last_seen_at     TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX intake_alert_fingerprint ON intake_alert (source_name, fingerprint, received_at);
CREATE INDEX intake_alert_payload ON intake_alert (payload_id);
