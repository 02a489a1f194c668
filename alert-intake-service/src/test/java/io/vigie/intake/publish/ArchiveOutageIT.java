package io.vigie.intake.publish;

import io.vigie.intake.IntakeITSupport;
import io.vigie.intake.publish.internal.EvidenceArchive;
import io.vigie.intake.source.IntakeProperties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The archive is part of "accepted": when it cannot keep the evidence, nothing is published and the sender retries. */
class ArchiveOutageIT extends IntakeITSupport {

    @Autowired
    private EvidenceArchive archive;

    @Autowired
    private IntakeProperties properties;

    private boolean tableMoved;

    @AfterEach
    void archiveBack() {
        if (tableMoved) {
            jdbc.execute("ALTER TABLE intake_alert_away RENAME TO intake_alert");
            tableMoved = false;
        }
    }

    @Test
    void shouldAnswer503AndKeepNothingWhenTheArchiveRefusesThenAcceptTheRetryOnce() {
        String id = newId();
        String alert = GroupCommitIT.alert("ARCH-" + id, "Archive outage " + id, null);

        // given the alert table cannot be written (a lost disk, a revoked grant, a botched migration)
        jdbc.execute("ALTER TABLE intake_alert RENAME TO intake_alert_away");
        tableMoved = true;
        HttpResponse<String> refused = post("/api/v1/alerts", alert, "X-Vigie-Source", "soar",
                "Authorization", bearer(GENERIC_TOKEN));
        archiveBack();

        // then the sender is told to retry, and neither the evidence nor an event was kept
        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("10");
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(json(refused).get("reason").stringValue()).isEqualTo("storage_unavailable");
        assertThat(refused.body()).doesNotContain("intake_alert").doesNotContain("SQL");
        assertThat(rows("raw_payload", "convert_from(body, 'UTF8') LIKE ?", "%ARCH-" + id + "%")).isZero();

        // and the retry, once the archive is back, is a first delivery
        HttpResponse<String> retry = post("/api/v1/alerts", alert, "X-Vigie-Source", "soar",
                "Authorization", bearer(GENERIC_TOKEN));
        assertThat(retry.statusCode()).isEqualTo(202);
        assertThat(publishedFrom("soar", "ARCH-" + id)).hasSize(1);
    }

    @Test
    void shouldForgetEvidenceOlderThanTheRetentionAndKeepTheRest() {
        String id = newId();
        String older = json(post("/api/v1/alerts", GroupCommitIT.alert("OLD-" + id, "Old " + id, null),
                "X-Vigie-Source", "soar", "Authorization", bearer(GENERIC_TOKEN))).get("alertId").stringValue();
        String newer = json(post("/api/v1/alerts", GroupCommitIT.alert("NEW-" + id, "New " + id, null),
                "X-Vigie-Source", "soar", "Authorization", bearer(GENERIC_TOKEN))).get("alertId").stringValue();
        Instant olderAt = receivedAt(older);
        Instant newerAt = receivedAt(newer);
        assumeTrue(olderAt.isBefore(newerAt), "the two requests must have been received at different instants");

        // when the retention job runs the day the newer one reaches the end of its retention
        new EvidenceRetention(archive, Clock.fixed(newerAt.plus(properties.retention()), ZoneOffset.UTC), properties)
                .forgetExpired();

        assertThat(rows("intake_alert", "alert_id = ?::uuid", older)).isZero();
        assertThat(rows("raw_payload", "convert_from(body, 'UTF8') LIKE ?", "%OLD-" + id + "%")).isZero();
        assertThat(rows("intake_alert", "alert_id = ?::uuid", newer)).isOne();
        assertThat(rows("raw_payload", "convert_from(body, 'UTF8') LIKE ?", "%NEW-" + id + "%")).isOne();
    }

    private Instant receivedAt(String alertId) {
        return jdbc.queryForObject("SELECT received_at FROM intake_alert WHERE alert_id = ?::uuid",
                OffsetDateTime.class, alertId).toInstant();
    }
}
