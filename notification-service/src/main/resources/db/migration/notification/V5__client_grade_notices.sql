-- Client-grade notices: the phrase catalogue's edited sets, the clients' contract settings and time zones, the
-- clients an analyst must confirm, and scheduled updates per client (each client may have its own cadence).

-- Edited phrase sets (JSON); the shipped ones live on the class path and apply where no row overrides them.
CREATE TABLE phrase_set (
    set_name   VARCHAR(32)              NOT NULL,
    language   VARCHAR(2)               NOT NULL,
    body       TEXT                     NOT NULL,
    updated_by VARCHAR(200)             NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (set_name, language)
);

-- The time zone of the dates a client's contacts read (a contact may have its own).
ALTER TABLE client ADD COLUMN time_zone VARCHAR(64);
-- What the client's contract says notices offer (JSON: support line and hours, offers, update cadences).
ALTER TABLE client ADD COLUMN contract TEXT;
ALTER TABLE contact ADD COLUMN time_zone VARCHAR(64);
-- Channels used together by severity (JSON, e.g. {"CRITICAL":["EMAIL","SMS"]}), for the client and per contact.
ALTER TABLE client ADD COLUMN channels_by_severity TEXT;
ALTER TABLE contact ADD COLUMN channels_by_severity TEXT;

-- When each told client hears next without a change (NULL: not scheduled).
ALTER TABLE incident_client ADD COLUMN next_update_at TIMESTAMP WITH TIME ZONE;
CREATE INDEX incident_client_due ON incident_client (next_update_at);

-- Clients an alert named that neither the inventory nor a bound source vouch for: no notice until confirmed.
CREATE TABLE suggested_client (
    incident_id UUID        NOT NULL REFERENCES incident (id),
    client_id   VARCHAR(64) NOT NULL,
    impact      TEXT        NOT NULL,
    PRIMARY KEY (incident_id, client_id)
);

-- The review gate: a client's rules (JSON: severities, categories, hold) under which its notices wait for a
-- communications user; a held notice's deliveries are HELD until it is approved or held_until passes.
ALTER TABLE client ADD COLUMN review_gate TEXT;
ALTER TABLE notice ADD COLUMN held_until TIMESTAMP WITH TIME ZONE;
ALTER TABLE notice ADD COLUMN released_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE notice ADD COLUMN released_by VARCHAR(200);
CREATE INDEX notice_held ON notice (held_until);
