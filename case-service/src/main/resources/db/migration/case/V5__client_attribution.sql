-- Issue #23: an incident whose clients must be told but that names none (an asset the inventory does not know, no
-- source bound to a client) waits for someone to say which client it concerns. AWAITING until an analyst names one
-- (ATTRIBUTED) or decides that no client is to be told (DISMISSED); NOT_NEEDED when triage named the affected clients
-- or nobody is to be notified.
ALTER TABLE incident_case ADD COLUMN attribution VARCHAR(16) DEFAULT 'NOT_NEEDED' NOT NULL;

-- The active cases that were already waiting, silently, when this version started.
UPDATE incident_case SET attribution = 'AWAITING'
 WHERE classified = TRUE AND notify_clients = TRUE AND status IN ('OPEN', 'NOTIFIED', 'IN_PROGRESS')
   AND NOT EXISTS (SELECT 1 FROM case_client cc WHERE cc.incident_id = incident_case.incident_id);
