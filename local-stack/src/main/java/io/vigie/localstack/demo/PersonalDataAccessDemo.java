package io.vigie.localstack.demo;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;

import io.vigie.localstack.LocalStack;
import io.vigie.localstack.VigieService;

/**
 * Unauthorised access to a client database holding personal data, replayed through the real Wazuh webhook: the
 * Wazuh agent on client B's patient database reports a reporting account reading the patient table from an address
 * it never used. Triage classifies it a CRITICAL data breach with personal and health data; notification-service tells
 * client B's contacts, and regulatory-service opens the reports the law asks of the clinic (see {@link RegulatoryDemo}).
 */
final class PersonalDataAccessDemo {

    // Wazuh's own timestamp format (alerts.json): milliseconds and a numeric offset without a colon.
    private static final DateTimeFormatter WAZUH_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ").withZone(ZoneOffset.UTC);

    private PersonalDataAccessDemo() {
    }

    static DemoHttp.Posted post(LocalStack stack, DemoHttp http) {
        Instant now = Instant.now();
        // The alert id Wazuh gives: "<epoch seconds>.<offset in the alerts file>"; a new one per replay.
        String id = now.getEpochSecond() + "." + (now.getNano() / 1000);
        String body = """
                {"timestamp": "%s",
                 "rule": {"level": 12, "id": "100210",
                          "description": "PostgreSQL: unauthorized access to the patient database: role 'reporting' read 48213 rows of patients.records from an unknown address",
                          "firedtimes": 1, "mail": true,
                          "groups": ["postgresql", "database", "unauthorized-db-access", "gdpr"],
                          "mitre": {"id": ["T1078", "T1213"], "tactic": ["Initial Access", "Collection"],
                                    "technique": ["Valid Accounts", "Data from Information Repositories"]},
                          "gdpr": ["IV_35.7.d", "IV_32.2"], "hipaa": ["164.312.b"]},
                 "agent": {"id": "014", "name": "%s", "ip": "10.30.0.21", "labels": {"client": "client-b"}},
                 "manager": {"name": "wazuh-manager"},
                 "id": "%s",
                 "cluster": {"name": "wazuh", "node": "master"},
                 "full_log": "%s UTC [48213] reporting@patients LOG:  duration: 5120.214 ms  statement: SELECT * FROM records WHERE updated_at > now() - interval '3 years'",
                 "predecoder": {"program_name": "postgres", "hostname": "db01"},
                 "decoder": {"parent": "postgresql-log", "name": "postgresql-log"},
                 "data": {"srcip": "203.0.113.150", "dstuser": "reporting", "database": "patients",
                          "table": "records", "rows": "48213"},
                 "location": "/var/log/postgresql/postgresql-15-main.log"}
                """.formatted(WAZUH_TIME.format(now), SeedData.CLIENT_B_DATABASE, id,
                DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS").withZone(ZoneOffset.UTC).format(now));
        String intake = stack.service(VigieService.ALERT_INTAKE).baseUrl();
        return http.postAlert("Wazuh", stack.webhookSources().wazuhUrl(intake), body,
                Map.of("Authorization", "Bearer " + stack.webhookSources().wazuhToken()));
    }
}
