-- When a CRITICAL notice was flagged for going unacknowledged past vigie.notification.acknowledgement.deadline.
ALTER TABLE notice ADD COLUMN unacknowledged_flagged_at TIMESTAMP WITH TIME ZONE;
