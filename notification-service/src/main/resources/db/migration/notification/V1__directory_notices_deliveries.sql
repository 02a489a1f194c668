-- Plain types only: the same SQL runs on PostgreSQL and on H2 in PostgreSQL mode (local stack).

CREATE TABLE client (
    id               VARCHAR(64)              NOT NULL PRIMARY KEY,
    name             VARCHAR(200)             NOT NULL,
    minimum_severity VARCHAR(16)              NOT NULL,
    -- Channels in order of preference, comma-separated (EMAIL,SMS,WEBHOOK,PHONE).
    channels         VARCHAR(100)             NOT NULL,
    out_of_band      BOOLEAN                  NOT NULL,
    webhook_url      VARCHAR(2000),
    webhook_secret   VARCHAR(200),
    updated_at       TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE contact (
    client_id VARCHAR(64)  NOT NULL REFERENCES client (id) ON DELETE CASCADE,
    id        VARCHAR(64)  NOT NULL,
    position  INT          NOT NULL,
    name      VARCHAR(200) NOT NULL,
    role      VARCHAR(200),
    email     VARCHAR(320),
    phone     VARCHAR(32),
    language  VARCHAR(2)   NOT NULL,
    PRIMARY KEY (client_id, id)
);

-- What the service knows of an incident from the events it consumed: enough to write the later notices.
CREATE TABLE incident (
    id              UUID                     NOT NULL PRIMARY KEY,
    category        VARCHAR(32)              NOT NULL,
    severity        VARCHAR(16)              NOT NULL,
    status          VARCHAR(16)              NOT NULL,
    classified_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    facts           TEXT                     NOT NULL,
    update_sequence INT                      NOT NULL,
    next_update_at  TIMESTAMP WITH TIME ZONE
);

CREATE TABLE incident_client (
    incident_id              UUID        NOT NULL REFERENCES incident (id),
    client_id                VARCHAR(64) NOT NULL,
    impact                   TEXT        NOT NULL,
    email_may_be_compromised BOOLEAN     NOT NULL,
    PRIMARY KEY (incident_id, client_id)
);

-- One notice per (incident, client, stage, sequence): the constraint is what makes a replay send nothing.
CREATE TABLE notice (
    id          UUID                     NOT NULL PRIMARY KEY,
    incident_id UUID                     NOT NULL,
    client_id   VARCHAR(64)              NOT NULL,
    stage       VARCHAR(16)              NOT NULL,
    sequence    INT                      NOT NULL,
    category    VARCHAR(32)              NOT NULL,
    severity    VARCHAR(16)              NOT NULL,
    out_of_band BOOLEAN                  NOT NULL,
    content     TEXT                     NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT notice_once UNIQUE (incident_id, client_id, stage, sequence)
);

-- One row per contact and channel of a notice. A contact's channels form a chain by position: the first is PENDING,
-- the others WAITING until the one before FAILED for good.
CREATE TABLE delivery (
    id              UUID                     NOT NULL PRIMARY KEY,
    notice_id       UUID                     NOT NULL REFERENCES notice (id),
    contact_id      VARCHAR(64)              NOT NULL,
    contact_name    VARCHAR(200)             NOT NULL,
    channel         VARCHAR(16)              NOT NULL,
    position        INT                      NOT NULL,
    recipient       VARCHAR(2000)            NOT NULL,
    language        VARCHAR(2)               NOT NULL,
    state           VARCHAR(16)              NOT NULL,
    attempts        INT                      NOT NULL,
    next_attempt_at TIMESTAMP WITH TIME ZONE,
    lease_until     TIMESTAMP WITH TIME ZONE,
    last_error      TEXT,
    subject         TEXT,
    template_id     VARCHAR(100),
    sent_at         TIMESTAMP WITH TIME ZONE,
    CONSTRAINT delivery_once UNIQUE (notice_id, contact_id, channel)
);

CREATE INDEX delivery_due ON delivery (state, next_attempt_at);

CREATE TABLE acknowledgement (
    notice_id    UUID                     NOT NULL REFERENCES notice (id),
    contact_id   VARCHAR(64)              NOT NULL,
    answer       VARCHAR(16)              NOT NULL,
    responded_by VARCHAR(200)             NOT NULL,
    responded_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (notice_id, contact_id)
);

-- Edited templates; the shipped defaults live on the class path and apply where no row overrides them.
CREATE TABLE notice_template (
    category   VARCHAR(32)              NOT NULL,
    stage      VARCHAR(16)              NOT NULL,
    language   VARCHAR(2)               NOT NULL,
    subject    TEXT                     NOT NULL,
    text_body  TEXT                     NOT NULL,
    html_body  TEXT                     NOT NULL,
    updated_by VARCHAR(200)             NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (category, stage, language)
);
