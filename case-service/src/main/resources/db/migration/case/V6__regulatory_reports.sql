-- The reports the law asks of a client about an incident (GDPR, NIS2, DORA), as regulatory-service, the one owner of
-- every regulatory rule, reports them (RegulatoryReportChanged): one row per incident, client and report stage, the
-- latest of what it said. Nothing here computes a deadline. incident_case.gdpr_deadline and regulator_notified_at
-- (the GDPR clock this replaces) are no longer written and are kept for the existing rows.
CREATE TABLE case_regulatory_report (
    incident_id          UUID         NOT NULL REFERENCES incident_case (incident_id),
    client_id            VARCHAR(200) NOT NULL,
    report               VARCHAR(40)  NOT NULL,
    regime               VARCHAR(16)  NOT NULL,
    title                TEXT         NOT NULL,
    deadline_rule        TEXT         NOT NULL,
    authority            TEXT,
    aware_at             TIMESTAMP WITH TIME ZONE,
    due_at               TIMESTAMP WITH TIME ZONE,
    state                VARCHAR(16)  NOT NULL,
    submitted_at         TIMESTAMP WITH TIME ZONE,
    submitted_by         VARCHAR(200),
    authority_reference  TEXT,
    late                 BOOLEAN      NOT NULL,
    elements_to_follow   TEXT         NOT NULL,
    reason               TEXT,
    updated_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (incident_id, client_id, report)
);
