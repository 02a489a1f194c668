-- Client contacts' answers to the satisfaction survey, one per contact and incident. They arrive after approval, so
-- they are kept beside the post-mortem, not in its frozen facts. The event's claim stops a redelivery, the constraint a
-- replay under a new event id.
CREATE TABLE client_feedback (
    id                   UUID                     PRIMARY KEY,
    incident_id          UUID                     NOT NULL,
    client_id            VARCHAR(64)              NOT NULL,
    contact_id           VARCHAR(64)              NOT NULL,
    contact_name         VARCHAR(200)             NOT NULL,
    language             VARCHAR(2)               NOT NULL,
    handling_rating      INT                      NOT NULL,
    communication_rating INT                      NOT NULL,
    questions_answered   BOOLEAN                  NOT NULL,
    comment              TEXT,
    answered_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    -- the action item a low score or unanswered questions opened for the communications lead, once there is one
    action_item_id       UUID,
    CONSTRAINT client_feedback_once UNIQUE (incident_id, client_id, contact_id)
);

-- An action item a client's survey answer opened: left out of the client summary, which other clients read.
ALTER TABLE action_item ADD COLUMN from_client_feedback BOOLEAN NOT NULL DEFAULT FALSE;
