package io.vigie.notification.delivery;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;
import io.vigie.events.IncidentCategory;
import io.vigie.events.Topics;
import io.vigie.notification.NotificationIntegrationTest;
import io.vigie.notification.directory.Channel;
import io.vigie.notification.incident.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;


/**
 * Measures, does not assert: notices per second into the SMTP server, and the time from classification to the email
 * accepted by SMTP. Run with {@code -Dvigie.benchmark=true -Dit.test=NoticeThroughputBenchmarkIT}.
 */
@EnabledIfSystemProperty(named = "vigie.benchmark", matches = "true")
class NoticeThroughputBenchmarkIT extends NotificationIntegrationTest {

    private static final int NOTICES = 1000;
    private static final int PACED = 200;

    @Autowired
    MeterRegistry meters;

    @Test
    void measureNoticesPerSecondAndLatency() throws Exception {
        String clientId = unique("bench");
        client(clientId, Severity.LOW, List.of(Channel.EMAIL), false, contact(clientId, "bob", "en", false));
        String address = "bob@" + clientId + ".test";
        // warm-up: one notice through the whole path
        UUID warmUp = UUID.randomUUID();
        publish(Topics.ALERT_CLASSIFIED, warmUp.toString(), opened(warmUp, IncidentCategory.MALWARE, clientId).build());
        awaitMails(address, 1);

        // latency below capacity: a steady 20 notices per second for 10 seconds
        Timer latency = meters.get("vigie.notification.time-to-first-notice").timer();
        INFRASTRUCTURE.purgeMail();
        for (int i = 0; i < PACED; i++) {
            long due = System.nanoTime() + 50_000_000L;
            UUID incident = UUID.randomUUID();
            kafka.send(Topics.ALERT_CLASSIFIED, incident.toString(),
                    opened(incident, IncidentCategory.MALWARE, clientId).build());
            LockSupport.parkNanos(due - System.nanoTime());
        }
        INFRASTRUCTURE.mail().waitForIncomingEmail(Duration.ofMinutes(2).toMillis(), PACED);
        StringBuilder report = new StringBuilder();
        report.append(String.format("%n[benchmark] steady %d notices/s for %d s:%n", 20, PACED / 20));
        for (ValueAtPercentile value : latency.takeSnapshot().percentileValues()) {
            report.append(String.format("[benchmark]   classification -> email accepted by SMTP, p%.0f: %.0f ms%n",
                    value.percentile() * 100, value.value(TimeUnit.MILLISECONDS)));
        }

        // throughput: a burst of notices, as fast as they go
        INFRASTRUCTURE.purgeMail();
        long start = System.nanoTime();
        List<CompletableFuture<?>> sends = new ArrayList<>();
        for (int i = 0; i < NOTICES; i++) {
            UUID incident = UUID.randomUUID();
            sends.add(kafka.send(Topics.ALERT_CLASSIFIED, incident.toString(),
                    opened(incident, IncidentCategory.MALWARE, clientId).build()));
        }
        CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        // GreenMail's own wait: polling and parsing the mailbox here would compete with the service for the CPU.
        boolean all = INFRASTRUCTURE.mail().waitForIncomingEmail(Duration.ofMinutes(5).toMillis(), NOTICES);
        double seconds = (System.nanoTime() - start) / 1e9;

        report.append(String.format("[benchmark] burst of %d INITIAL notices to GreenMail in %.1f s: %.0f notices/s%s%n",
                NOTICES, seconds, NOTICES / seconds, all ? "" : " (NOT ALL ARRIVED)"));
        for (ValueAtPercentile value : latency.takeSnapshot().percentileValues()) {
            report.append(String.format("[benchmark]   with the burst queued, p%.0f: %.0f ms%n",
                    value.percentile() * 100, value.value(TimeUnit.MILLISECONDS)));
        }
        System.out.println(report);
    }
}
