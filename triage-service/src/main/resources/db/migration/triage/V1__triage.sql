-- Triage's own tables. Plain types only: the same SQL runs on PostgreSQL and on H2 in PostgreSQL mode.

-- Every policy ever activated, newest active; the document is kept as written, comments included.
CREATE TABLE triage_policy (
    version      VARCHAR(100)             NOT NULL PRIMARY KEY,
    document     TEXT                     NOT NULL,
    activated_at TIMESTAMP WITH TIME ZONE NOT NULL,
    activated_by VARCHAR(200)             NOT NULL
);

-- Assets and services, the clients owning or using them (comma-separated ids) and the data they hold.
CREATE TABLE inventory_item (
    name_key        VARCHAR(255)             NOT NULL PRIMARY KEY,
    name            VARCHAR(255)             NOT NULL,
    kind            VARCHAR(20)              NOT NULL,
    criticality     VARCHAR(20)              NOT NULL,
    clients         TEXT                     NOT NULL,
    data_categories TEXT                     NOT NULL,
    description     TEXT,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL
);

-- The known-threat list; values are stored lower-case, so a lookup is an exact match.
CREATE TABLE known_indicator (
    indicator_type  VARCHAR(20)              NOT NULL,
    indicator_value VARCHAR(1000)            NOT NULL,
    description     TEXT,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (indicator_type, indicator_value)
);

-- Incidents as triage sees them. The merged classification (clients, assets, data, playbook texts, rationale) is
-- a JSON document in "snapshot": it is read and written whole, never queried inside.
CREATE TABLE incident (
    id              UUID                     NOT NULL PRIMARY KEY,
    title           VARCHAR(500)             NOT NULL,
    severity        VARCHAR(10)              NOT NULL,
    category        VARCHAR(30)              NOT NULL,
    priority        INTEGER                  NOT NULL,
    alert_count     INTEGER                  NOT NULL,
    first_detected  TIMESTAMP WITH TIME ZONE NOT NULL,
    last_detected   TIMESTAMP WITH TIME ZONE NOT NULL,
    source_resolved BOOLEAN                  NOT NULL,
    personal_data   BOOLEAN                  NOT NULL,
    gdpr_deadline   TIMESTAMP WITH TIME ZONE,
    unknown_asset   BOOLEAN                  NOT NULL,
    policy_version  VARCHAR(100)             NOT NULL,
    snapshot        TEXT                     NOT NULL
);
CREATE INDEX incident_by_last_detected ON incident (last_detected);

-- The keys under which later alerts find an incident: source reference, asset + category.
CREATE TABLE correlation_key (
    correlation_key VARCHAR(1200) NOT NULL,
    incident_id     UUID          NOT NULL REFERENCES incident (id),
    PRIMARY KEY (correlation_key, incident_id)
);
CREATE INDEX correlation_key_by_incident ON correlation_key (incident_id);

-- Every alert triage handled and what it did with it (incident_id is null for a source-resolved alert that
-- matched no open incident).
CREATE TABLE incident_alert (
    alert_id    UUID                     NOT NULL PRIMARY KEY,
    incident_id UUID REFERENCES incident (id),
    change      VARCHAR(20)              NOT NULL,
    published   BOOLEAN                  NOT NULL,
    received_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX incident_alert_by_incident ON incident_alert (incident_id);
