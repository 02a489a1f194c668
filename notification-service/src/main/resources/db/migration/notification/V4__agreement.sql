-- A client contact's formal answer to a notice that asked for agreement (e.g. isolating the client's machines).
CREATE TABLE agreement (
    notice_id    UUID                     NOT NULL REFERENCES notice (id),
    contact_id   VARCHAR(64)              NOT NULL,
    answer       VARCHAR(16)              NOT NULL,
    responded_by VARCHAR(200)             NOT NULL,
    responded_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (notice_id, contact_id)
);
