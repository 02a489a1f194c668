-- An analyst may detach a client from an incident (it was named by mistake, the asset is not its own). The row stays,
-- so a later classification naming the client again (INSERT ... ON CONFLICT DO NOTHING) does not bring it back: only
-- an analyst attaching it again does. Who detached it, when and why stay on record beside the timeline entry.
ALTER TABLE case_client ADD COLUMN detached_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE case_client ADD COLUMN detached_by VARCHAR(200);
ALTER TABLE case_client ADD COLUMN detach_reason TEXT;
