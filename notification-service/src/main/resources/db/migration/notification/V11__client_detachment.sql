-- A client an analyst detached from an incident: it keeps its row (what it was told stays on record) but gets no
-- further notice about the incident, even when a later alert names it, until an analyst attaches it again.
ALTER TABLE incident_client ADD COLUMN detached_at TIMESTAMP WITH TIME ZONE;
