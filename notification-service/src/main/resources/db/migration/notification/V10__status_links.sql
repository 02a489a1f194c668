-- The links to each client contact's status page. The signed token names a row here, so a link can be revoked before
-- it expires; a notice carries the contact's active link (not revoked, not expired), else a new one. No foreign key
-- to contact: a client's contacts are rewritten when the client is edited, and its links must survive that.
CREATE TABLE status_link (
    id         UUID                     NOT NULL PRIMARY KEY,
    client_id  VARCHAR(64)              NOT NULL,
    contact_id VARCHAR(64)              NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL,
    revoked_at TIMESTAMP WITH TIME ZONE,
    revoked_by VARCHAR(200)
);

CREATE INDEX status_link_contact ON status_link (client_id, contact_id, expires_at);

-- The status page reads a client's notices; the notices' own keys start with the incident.
CREATE INDEX notice_client ON notice (client_id, incident_id);
