-- Issue #21. A rollback activates an earlier version's document again under a new version (a version names one
-- document forever, and the history is never rewritten); restored_from names the version it came from, the shipped
-- default's included (which is never stored itself unless restored).
ALTER TABLE triage_policy ADD COLUMN restored_from VARCHAR(100);
