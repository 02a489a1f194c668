-- GDPR art. 33 notification to the supervisory authority, prepared for the DPO; art. 34 decision about telling the
-- people concerned. One per incident involving personal data.
CREATE TABLE regulator_notice (
    incident_id           UUID                     NOT NULL PRIMARY KEY,
    aware_at              TIMESTAMP WITH TIME ZONE NOT NULL,
    deadline              TIMESTAMP WITH TIME ZONE NOT NULL,
    nature                TEXT                     NOT NULL,
    data_categories       TEXT                     NOT NULL,
    client_ids            TEXT                     NOT NULL,
    approximate_people    BIGINT,
    approximate_records   BIGINT,
    dpo_contact           TEXT                     NOT NULL,
    likely_consequences   TEXT,
    measures              TEXT                     NOT NULL,
    submitted_at          TIMESTAMP WITH TIME ZONE,
    submitted_by          VARCHAR(200),
    submission_reference  VARCHAR(200),
    art34_notify_subjects BOOLEAN,
    art34_reason          TEXT,
    art34_decided_by      VARCHAR(200),
    art34_decided_at      TIMESTAMP WITH TIME ZONE,
    updated_by            VARCHAR(200),
    updated_at            TIMESTAMP WITH TIME ZONE NOT NULL
);
