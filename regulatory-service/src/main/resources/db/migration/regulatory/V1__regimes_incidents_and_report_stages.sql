-- Plain SQL that runs on PostgreSQL and on H2 in PostgreSQL mode (the local stack on a bare machine).

-- The regimes each client is bound by, and the language its filings are written in (the authority's language).
-- A NULL authority means the regime does not apply to the client.
CREATE TABLE client_regime (
    client_id             VARCHAR(200) PRIMARY KEY,
    language              VARCHAR(2)               NOT NULL,
    gdpr_contact_point    VARCHAR(500),
    gdpr_authority        VARCHAR(200),
    nis2_entity_type      VARCHAR(16),
    nis2_authority        VARCHAR(200),
    dora_authority        VARCHAR(200),
    updated_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by            VARCHAR(200)             NOT NULL
);

-- Client names from notification-service's directory (ClientDirectoryChanged), for the filings' headers only.
CREATE TABLE client_name (
    client_id VARCHAR(200) PRIMARY KEY,
    name      VARCHAR(500) NOT NULL
);

-- The service's own view of each incident, built from the events: one JSON document (TEXT, for H2 too).
CREATE TABLE incident (
    incident_id UUID PRIMARY KEY,
    facts       TEXT                     NOT NULL,
    resolved    BOOLEAN                  NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX incident_unresolved ON incident (resolved);

-- When each client became aware of the incident: the start of every regime's clocks for that client.
CREATE TABLE awareness (
    incident_id UUID                     NOT NULL,
    client_id   VARCHAR(200)             NOT NULL,
    aware_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    set_by      VARCHAR(200),
    reason      TEXT,
    PRIMARY KEY (incident_id, client_id)
);

-- An analyst's statement that personal data of a client is involved, when the events did not say so.
CREATE TABLE personal_data_flag (
    incident_id UUID                     NOT NULL,
    client_id   VARCHAR(200)             NOT NULL,
    flagged_by  VARCHAR(200)             NOT NULL,
    reason      TEXT                     NOT NULL,
    flagged_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (incident_id, client_id)
);

-- Whether a regime applies to an incident for a client: proposed by a trigger (personal data, a criterion), then
-- confirmed or overridden by a manager. The GDPR rows are also the Art. 33(5) breach register.
CREATE TABLE regime_applicability (
    incident_id  UUID                     NOT NULL,
    client_id    VARCHAR(200)             NOT NULL,
    regime       VARCHAR(8)               NOT NULL,
    status       VARCHAR(16)              NOT NULL,
    triggered_by TEXT,
    proposed_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    decided_at   TIMESTAMP WITH TIME ZONE,
    decided_by   VARCHAR(200),
    reason       TEXT,
    high_risk    BOOLEAN,
    PRIMARY KEY (incident_id, client_id, regime)
);
CREATE INDEX regime_applicability_client ON regime_applicability (client_id, regime);

-- One row per report the law asks of a client about an incident, with its clock. warned_at and overdue_at are
-- claimed with a conditional UPDATE so that two instances never announce the same transition twice.
CREATE TABLE report_stage (
    id                  UUID PRIMARY KEY,
    incident_id         UUID                     NOT NULL,
    client_id           VARCHAR(200)             NOT NULL,
    report              VARCHAR(40)              NOT NULL,
    status              VARCHAR(16)              NOT NULL,
    opened_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    clock_start         TIMESTAMP WITH TIME ZONE NOT NULL,
    due_at              TIMESTAMP WITH TIME ZONE,
    warned_at           TIMESTAMP WITH TIME ZONE,
    overdue_at          TIMESTAMP WITH TIME ZONE,
    closed_reason       TEXT,
    submitted_at        TIMESTAMP WITH TIME ZONE,
    submitted_by        VARCHAR(200),
    authority_reference VARCHAR(500),
    elements_to_follow  TEXT,
    delay_reason        TEXT,
    late                BOOLEAN,
    submitted_text      TEXT,
    CONSTRAINT report_stage_once UNIQUE (incident_id, client_id, report)
);
CREATE INDEX report_stage_open ON report_stage (status, due_at);

-- Every saved version of a report's draft: none is overwritten.
CREATE TABLE draft_version (
    stage_id  UUID                     NOT NULL REFERENCES report_stage (id),
    version   INT                      NOT NULL,
    elements  TEXT                     NOT NULL,
    saved_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    saved_by  VARCHAR(200)             NOT NULL,
    PRIMARY KEY (stage_id, version)
);
