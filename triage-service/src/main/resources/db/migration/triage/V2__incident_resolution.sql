-- IncidentResolved (case-service) and IncidentClosed (postmortem-service): a resolved or closed incident takes no
-- more alerts (a later alert with the same correlation key opens a new incident) and leaves the work queue.
ALTER TABLE incident ADD COLUMN resolved_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE incident ADD COLUMN closed_at TIMESTAMP WITH TIME ZONE;
