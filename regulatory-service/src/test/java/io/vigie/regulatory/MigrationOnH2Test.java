package io.vigie.regulatory;

import org.junit.jupiter.api.Test;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The local stack runs the service on H2: its migration and its claim-once SQL must run there too. */
class MigrationOnH2Test {

    @Test
    void shouldMigrateAndClaimAStageTransitionOnlyOnce() {
        H2Database h2 = H2Database.migrated();
        UUID stage = UUID.randomUUID();
        Timestamp now = Timestamp.from(Instant.parse("2026-11-20T10:00:00Z"));
        String insert = "INSERT INTO report_stage (id, incident_id, client_id, report, status, opened_at, clock_start, "
                + "due_at) VALUES (?, ?, 'c', 'GDPR_AUTHORITY_NOTIFICATION', 'OPEN', ?, ?, ?) ON CONFLICT DO NOTHING";
        UUID incident = UUID.randomUUID();

        assertThat(h2.jdbc().update(insert, stage, incident, now, now, now)).isEqualTo(1);
        assertThat(h2.jdbc().update(insert, UUID.randomUUID(), incident, now, now, now)).isZero();
        String claim = "UPDATE report_stage SET warned_at = ? WHERE id = ? AND status = 'OPEN' AND warned_at IS NULL";
        assertThat(h2.jdbc().update(claim, now, stage)).isEqualTo(1);
        assertThat(h2.jdbc().update(claim, now, stage)).isZero();
    }
}
