-- The service's own view of each incident, built from the events, so a draft needs no call to another service.
-- The facts are one JSON document (TEXT, so the same SQL runs on H2 in the local stack): only this service reads it.
CREATE TABLE incident (
    incident_id UUID PRIMARY KEY,
    facts       TEXT                     NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

-- One row per event that happened to the incident; the event id as key keeps a replay from adding it twice.
CREATE TABLE timeline_entry (
    event_id    UUID PRIMARY KEY,
    incident_id UUID                     NOT NULL,
    occurred_at TIMESTAMP WITH TIME ZONE NOT NULL,
    kind        VARCHAR(40)              NOT NULL,
    actor       VARCHAR(200)             NOT NULL,
    description TEXT                     NOT NULL
);
CREATE INDEX timeline_entry_incident ON timeline_entry (incident_id, occurred_at);

-- At most one post-mortem per incident, whatever is replayed or raced.
CREATE TABLE postmortem (
    id                  UUID PRIMARY KEY,
    incident_id         UUID                     NOT NULL UNIQUE,
    status              VARCHAR(16)              NOT NULL,
    severity            VARCHAR(16)              NOT NULL,
    incident_category   VARCHAR(40)              NOT NULL,
    root_cause_category VARCHAR(40),
    resolved_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by          VARCHAR(200),
    analysis            TEXT                     NOT NULL,
    approved_by         VARCHAR(200),
    approved_at         TIMESTAMP WITH TIME ZONE,
    -- the incident facts as they were at approval: the approved report never changes with late events
    approved_facts      TEXT
);
CREATE INDEX postmortem_status ON postmortem (status);

CREATE TABLE action_item (
    id            UUID PRIMARY KEY,
    postmortem_id UUID                     NOT NULL REFERENCES postmortem (id),
    position      INT                      NOT NULL,
    description   TEXT                     NOT NULL,
    owner         VARCHAR(200),
    due_date      DATE,
    kind          VARCHAR(20)              NOT NULL,
    completed_at  TIMESTAMP WITH TIME ZONE
);
CREATE INDEX action_item_postmortem ON action_item (postmortem_id);
