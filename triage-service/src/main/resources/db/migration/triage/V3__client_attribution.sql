-- Issue #23. client_unknown: the incident's clients must be told (notifyClients) but no alert named an affected one (an
-- asset the inventory does not know, no source bound to a client). It stays in the work queue, even once the source
-- says it is over, until an analyst names a client (ATTRIBUTED) or decides that no client is to be told (DISMISSED):
-- case-service's IncidentUpdated CLIENTS_CONFIRMED, with the client or with none.
ALTER TABLE incident ADD COLUMN client_unknown BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE incident ADD COLUMN attribution VARCHAR(16);
ALTER TABLE incident ADD COLUMN attribution_by VARCHAR(200);
ALTER TABLE incident ADD COLUMN attribution_at TIMESTAMP WITH TIME ZONE;

-- The incidents stored before: the snapshot is the classification as Jackson wrote it (no spaces, quotes inside
-- values escaped), so these patterns match its own fields only.
UPDATE incident SET client_unknown = TRUE
 WHERE snapshot LIKE '%"notifyClients":true%' AND snapshot LIKE '%"affectedClients":[]%';

-- The work queue lists the open incidents (neither resolved nor closed) whatever the age of their alerts, by priority.
CREATE INDEX incident_open_by_priority ON incident (resolved_at, closed_at, priority);
