-- Clients an alert names that neither the inventory nor the alert source's bindings vouch for (AlertClassified
-- suggestedClients): nobody notifies them until someone confirms them. A confirmed row stays, with who and when, so a
-- second confirmation changes nothing; a pending one goes when the client turns out to be affected anyway.
CREATE TABLE case_suggested_client (
    incident_id   UUID         NOT NULL REFERENCES incident_case (incident_id),
    client_id     VARCHAR(200) NOT NULL,
    assets        TEXT         NOT NULL,
    services      TEXT         NOT NULL,
    suggested_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    confirmed_by  VARCHAR(200),
    confirmed_at  TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (incident_id, client_id)
);

-- The languages the incident's client contacts were written to in (ClientNotified language): the forms ask for a
-- client text in each of them.
CREATE TABLE case_contact_language (
    incident_id    UUID         NOT NULL REFERENCES incident_case (incident_id),
    client_id      VARCHAR(200) NOT NULL,
    language_code  VARCHAR(8)   NOT NULL,
    PRIMARY KEY (incident_id, client_id, language_code)
);
