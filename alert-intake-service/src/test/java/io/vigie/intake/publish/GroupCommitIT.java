package io.vigie.intake.publish;

import io.vigie.intake.IntakeITSupport;
import io.vigie.intake.alert.Alert;
import io.vigie.intake.normalise.Normalisers;
import io.vigie.intake.publish.BatchPublisher.Request;
import io.vigie.intake.source.Source;
import io.vigie.intake.source.SourceType;
import io.vigie.intake.source.Sources;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests published together (group commit) are answered as if each had been alone: every alert once, every
 * repeat recognised, whether it repeats an alert of an earlier batch or of the same one.
 */
class GroupCommitIT extends IntakeITSupport {

    @Autowired
    private BatchPublisher batches;

    @Autowired
    private Normalisers normalisers;

    @Autowired
    private Sources sources;

    @Test
    void shouldAcceptManyConcurrentSendersEachExactlyOnce() throws Exception {
        String id = newId();
        int senders = 48;

        List<HttpResponse<String>> responses = concurrently(senders, i -> post("/api/v1/alerts",
                alert("GC-" + id + "-" + i, "Host " + i + " of " + id, null), "X-Vigie-Source", "soar",
                "Authorization", bearer(GENERIC_TOKEN)));

        assertThat(responses).extracting(HttpResponse::statusCode).containsOnly(202);
        assertThat(responses).extracting(response -> json(response).get("duplicate").booleanValue()).containsOnly(false);
        assertThat(publishedFrom("soar", "GC-" + id)).hasSize(senders);
        assertThat(rows("intake_alert", "source_reference LIKE ?", "GC-" + id + "-%")).isEqualTo(senders);
        assertThat(rows("raw_payload p JOIN intake_alert a ON a.payload_id = p.payload_id",
                "a.source_reference LIKE ?", "GC-" + id + "-%")).isEqualTo(senders);
    }

    @Test
    void shouldPublishOneOfManyConcurrentAlertsWithTheSameFingerprint() throws Exception {
        String id = newId();
        int senders = 24;

        // Different references, one fingerprint: the same problem reported by a SIEM's parallel searches.
        List<HttpResponse<String>> responses = concurrently(senders, i -> post("/api/v1/alerts",
                alert("SAME-" + id + "-" + i, "Disk full", "disk-" + id), "X-Vigie-Source", "soar",
                "Authorization", bearer(GENERIC_TOKEN)));

        assertThat(responses).extracting(HttpResponse::statusCode).containsOnly(202, 200);
        List<JsonNode> answers = responses.stream().map(IntakeITSupport::json).toList();
        assertThat(answers).filteredOn(answer -> !answer.get("duplicate").booleanValue()).hasSize(1);
        assertThat(answers).extracting(answer -> answer.get("alertId").stringValue()).containsOnly(
                answers.stream().filter(answer -> !answer.get("duplicate").booleanValue()).findFirst().orElseThrow()
                        .get("alertId").stringValue());
        assertThat(publishedFrom("soar", "SAME-" + id)).hasSize(1);
        assertThat(jdbc.queryForObject("SELECT repeat_count FROM intake_alert WHERE fingerprint IN "
                + "(SELECT fingerprint FROM intake_alert WHERE source_reference LIKE ?)", Long.class, "SAME-" + id + "-%"))
                .isEqualTo(senders - 1L);
    }

    @Test
    void shouldTellRepeatsWithinOneBatchFromNewAlerts() {
        String id = newId();
        Source source = sources.find(SourceType.GENERIC, "soar").orElseThrow();
        Instant now = Instant.now();
        Request first = request(source, now, alert("B1-" + id, "Printer jammed", "printer-" + id));
        Request sameFingerprint = request(source, now, alert("B2-" + id, "Printer jammed", "printer-" + id));
        Request redelivery = request(source, now, alert("B1-" + id, "Printer jammed", "printer-" + id));
        Request other = request(source, now, alert("B3-" + id, "Toner low", null));

        List<List<Receipt>> receipts = batches.publish(List.of(first, sameFingerprint, redelivery, other));

        Receipt published = receipts.get(0).get(0);
        assertThat(published.duplicate()).isFalse();
        assertThat(receipts.get(1)).singleElement().isEqualTo(new Receipt(published.alertId(), "B2-" + id, true));
        assertThat(receipts.get(2)).singleElement().isEqualTo(new Receipt(published.alertId(), "B1-" + id, true));
        assertThat(receipts.get(3)).singleElement().satisfies(receipt -> assertThat(receipt.duplicate()).isFalse());
        assertThat(publishedFrom("soar", id)).extracting(p -> p.event().getSourceReference())
                .containsExactlyInAnyOrder("B1-" + id, "B3-" + id);
        assertThat(jdbc.queryForObject("SELECT repeat_count FROM intake_alert WHERE alert_id = ?", Long.class,
                published.alertId())).isEqualTo(2L);
        assertThat(rows("raw_payload", "convert_from(body, 'UTF8') LIKE ?", "%-" + id + "\"%")).isEqualTo(4);
    }

    private Request request(Source source, Instant receivedAt, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        List<Alert> alerts = normalisers.normalise(source, bytes, receivedAt);
        return new Request(new Evidence(SourceType.GENERIC, source.name(), receivedAt, "127.0.0.1", Map.of(), bytes),
                alerts);
    }

    static String alert(String reference, String title, String fingerprint) {
        return """
                {"reference": "%s", "title": "%s", "severity": "medium", "detectedAt": "2026-11-23T01:45:00Z",
                 "asset": "srv-01", %s"tags": ["ops"]}"""
                .formatted(reference, title, fingerprint == null ? "" : "\"fingerprint\": \"" + fingerprint + "\", ");
    }

    /** Runs the calls at the same moment, so that the service sees them together. */
    private static <T> List<T> concurrently(int count, java.util.function.IntFunction<T> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(count);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<CompletableFuture<T>> calls = new ArrayList<>();
            IntStream.range(0, count).forEach(i -> calls.add(CompletableFuture.supplyAsync(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
                return call.apply(i);
            }, pool)));
            start.countDown();
            List<T> results = new ArrayList<>();
            for (CompletableFuture<T> future : calls) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
