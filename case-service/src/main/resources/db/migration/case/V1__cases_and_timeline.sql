-- The case of each incident: a projection of the events and of the commands taken here. Lists of identifiers are
-- stored one per line in TEXT, so the same SQL runs on PostgreSQL and on H2 (local stack).
CREATE TABLE incident_case (
    incident_id            UUID         PRIMARY KEY,
    classified             BOOLEAN      NOT NULL,
    title                  VARCHAR(1000) NOT NULL,
    summary                TEXT,
    severity               VARCHAR(16),
    priority               INTEGER      NOT NULL,
    category               VARCHAR(40),
    status                 VARCHAR(16)  NOT NULL,
    assignee               VARCHAR(200),
    notify_clients         BOOLEAN      NOT NULL,
    personal_data          BOOLEAN      NOT NULL,
    gdpr_deadline          TIMESTAMP WITH TIME ZONE,
    impact                 TEXT,
    affected_assets        TEXT         NOT NULL,
    affected_services      TEXT         NOT NULL,
    data_categories        TEXT         NOT NULL,
    detected_at            TIMESTAMP WITH TIME ZONE,
    opened_at              TIMESTAMP WITH TIME ZONE NOT NULL,
    classified_at          TIMESTAMP WITH TIME ZONE,
    first_notified_at      TIMESTAMP WITH TIME ZONE,
    first_acknowledged_at  TIMESTAMP WITH TIME ZONE,
    regulator_notified_at  TIMESTAMP WITH TIME ZONE,
    resolved_at            TIMESTAMP WITH TIME ZONE,
    closed_at              TIMESTAMP WITH TIME ZONE,
    resolution_summary     TEXT,
    data_compromised       BOOLEAN,
    updated_at             TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX incident_case_status ON incident_case (status);
CREATE INDEX incident_case_opened ON incident_case (opened_at);

-- Each affected client and where its notices stand (the latest outcome; acknowledged wins).
CREATE TABLE case_client (
    incident_id   UUID         NOT NULL REFERENCES incident_case (incident_id),
    client_id     VARCHAR(200) NOT NULL,
    status        VARCHAR(16)  NOT NULL,
    last_stage    VARCHAR(16),
    last_channel  VARCHAR(16),
    last_error    TEXT,
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (incident_id, client_id)
);

CREATE INDEX case_client_client ON case_client (client_id);

-- Alerts, as raised (AlertRaised) and as attached to an incident (AlertClassified), whichever arrives first.
CREATE TABLE case_alert (
    alert_id          UUID         PRIMARY KEY,
    incident_id       UUID,
    raised_known      BOOLEAN      NOT NULL,
    title             VARCHAR(1000) NOT NULL,
    source            VARCHAR(40)  NOT NULL,
    source_name       VARCHAR(200),
    source_reference  VARCHAR(1000) NOT NULL,
    asset             VARCHAR(500),
    description       TEXT,
    detected_at       TIMESTAMP WITH TIME ZONE,
    received_at       TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX case_alert_incident ON case_alert (incident_id);

-- The append-only, hash-chained trace of an incident. hash = SHA-256(previous_hash + canonical entry content);
-- rows are only ever inserted, so an edited or deleted row breaks the chain from that entry on.
CREATE TABLE timeline_entry (
    incident_id    UUID         NOT NULL,
    sequence_no    BIGINT       NOT NULL,
    entry_id       UUID         NOT NULL UNIQUE,
    occurred_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    recorded_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    actor          VARCHAR(200) NOT NULL,
    entry_type     VARCHAR(40)  NOT NULL,
    content        TEXT         NOT NULL,
    previous_hash  VARCHAR(64)  NOT NULL,
    hash           VARCHAR(64)  NOT NULL,
    PRIMARY KEY (incident_id, sequence_no)
);
