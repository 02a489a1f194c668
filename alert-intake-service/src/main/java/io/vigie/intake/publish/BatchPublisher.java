package io.vigie.intake.publish;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.vigie.events.AlertRaised;
import io.vigie.events.Topics;
import io.vigie.intake.IntakeRejection;
import io.vigie.intake.IntakeRejection.Reason;
import io.vigie.intake.alert.Alert;
import io.vigie.intake.publish.internal.EvidenceArchive;
import io.vigie.intake.publish.internal.EvidenceArchive.NewAlert;
import io.vigie.intake.publish.internal.EvidenceArchive.Published;
import io.vigie.intake.publish.internal.EvidenceArchive.Repeat;
import io.vigie.intake.source.IntakeProperties;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Keeps the evidence of a batch of requests, drops repeats and publishes the rest, all in one database transaction
 * that commits only after the broker acknowledged every event (acks=all). A broker that cannot acknowledge within
 * {@code ack-timeout} rolls the whole batch back, so a 503 leaves nothing behind and each sender's retry is a first
 * delivery again.
 *
 * <p>Deliberately not the outbox: the sender's 2xx must mean "published", which only the broker's ack can say.
 * The one remaining window (acknowledged, then the commit fails) re-publishes on the retry with the same alert and
 * event ids, which consumers already de-duplicate.
 */
@Component
class BatchPublisher {

    private final EvidenceArchive archive;
    private final KafkaTemplate<String, Object> kafka;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final Duration ackTimeout;
    private final Duration retryAfter;
    private final Duration dedupWindow;
    private final Timer ackLatency;

    BatchPublisher(EvidenceArchive archive, KafkaTemplate<String, Object> kafka, PlatformTransactionManager transactions,
                   Clock clock, IntakeProperties properties, MeterRegistry meters) {
        this.archive = archive;
        this.kafka = kafka;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
        this.ackTimeout = properties.ackTimeout();
        this.retryAfter = properties.retryAfter();
        this.dedupWindow = properties.dedupWindow();
        this.ackLatency = Timer.builder("vigie.intake.broker.ack")
                .description("From sending a batch's events to the broker's acknowledgement of all of them")
                .publishPercentileHistogram()
                .register(meters);
    }

    /** The receipts of each request, in the order of {@code requests} and of each request's alerts. */
    List<List<Receipt>> publish(List<Request> requests) {
        return transaction.execute(status -> publishInTransaction(requests));
    }

    private List<List<Receipt>> publishInTransaction(List<Request> requests) {
        List<UUID> payloadIds = archive.keepAll(requests.stream().map(Request::evidence).toList());
        Map<String, List<Published>> earlier = publishedWithinTheWindow(requests);

        // First pass, in memory: which alerts repeat one published within the window (before, or earlier in this
        // batch); the others are candidates, recorded in one round trip.
        Receipt[][] receipts = new Receipt[requests.size()][];
        List<int[]> candidatePositions = new ArrayList<>();
        List<NewAlert> candidates = new ArrayList<>();
        List<Repeat> repeats = new ArrayList<>();
        for (int r = 0; r < requests.size(); r++) {
            Request request = requests.get(r);
            Instant receivedAt = request.evidence().receivedAt();
            receipts[r] = new Receipt[request.alerts().size()];
            for (int a = 0; a < request.alerts().size(); a++) {
                Alert alert = request.alerts().get(a);
                UUID repeated = dedupWindow.isZero() ? null
                        : firstSince(earlier.get(key(alert)), receivedAt.minus(dedupWindow));
                if (repeated != null) {
                    repeats.add(new Repeat(repeated, receivedAt));
                    receipts[r][a] = new Receipt(repeated, alert.origin().sourceReference(), true);
                } else {
                    candidatePositions.add(new int[] {r, a});
                    candidates.add(new NewAlert(payloadIds.get(r), alert, receivedAt));
                    earlier.computeIfAbsent(key(alert), k -> new ArrayList<>())
                            .add(new Published(alert.origin().fingerprint(), alert.alertId(), receivedAt));
                }
            }
        }

        boolean[] recorded = candidates.isEmpty() ? new boolean[0] : archive.recordAll(candidates);
        List<AlertRaised> events = new ArrayList<>();
        Instant publishedAt = clock.instant();
        for (int i = 0; i < candidates.size(); i++) {
            NewAlert candidate = candidates.get(i);
            int[] position = candidatePositions.get(i);
            Alert alert = candidate.alert();
            if (recorded[i]) {
                events.add(AlertRaisedMapper.toEvent(alert, candidate.receivedAt(), publishedAt));
            } else {
                repeats.add(new Repeat(alert.alertId(), candidate.receivedAt()));
            }
            receipts[position[0]][position[1]] = new Receipt(alert.alertId(), alert.origin().sourceReference(),
                    !recorded[i]);
        }
        if (!repeats.isEmpty()) {
            archive.countRepeats(repeats);
        }
        if (!events.isEmpty()) {
            sendAndAwaitAcks(events);
        }
        List<List<Receipt>> answers = new ArrayList<>(requests.size());
        for (Receipt[] request : receipts) {
            answers.add(List.of(request));
        }
        return answers;
    }

    /** Per source and fingerprint, the alerts published since the window opened for the batch's oldest request. */
    private Map<String, List<Published>> publishedWithinTheWindow(List<Request> requests) {
        Map<String, List<Published>> published = new HashMap<>();
        if (dedupWindow.isZero()) {
            return published;
        }
        Map<String, Set<String>> fingerprintsBySource = new LinkedHashMap<>();
        Instant oldest = null;
        for (Request request : requests) {
            Instant receivedAt = request.evidence().receivedAt();
            oldest = oldest == null || receivedAt.isBefore(oldest) ? receivedAt : oldest;
            for (Alert alert : request.alerts()) {
                fingerprintsBySource.computeIfAbsent(alert.origin().sourceName(), s -> new LinkedHashSet<>())
                        .add(alert.origin().fingerprint());
            }
        }
        Instant since = oldest == null ? clock.instant() : oldest.minus(dedupWindow);
        fingerprintsBySource.forEach((source, fingerprints) -> {
            for (Published alert : archive.publishedSince(source, fingerprints, since)) {
                published.computeIfAbsent(source + '\n' + alert.fingerprint(), k -> new ArrayList<>()).add(alert);
            }
        });
        return published;
    }

    /** The oldest of {@code published} (oldest first) received at or after {@code since}, or null. */
    private static UUID firstSince(List<Published> published, Instant since) {
        if (published != null) {
            for (Published alert : published) {
                if (!alert.receivedAt().isBefore(since)) {
                    return alert.alertId();
                }
            }
        }
        return null;
    }

    private static String key(Alert alert) {
        return alert.origin().sourceName() + '\n' + alert.origin().fingerprint();
    }

    private void sendAndAwaitAcks(List<AlertRaised> events) {
        long started = System.nanoTime();
        try {
            List<CompletableFuture<?>> acks = new ArrayList<>(events.size());
            for (AlertRaised event : events) {
                // A send that throws (no metadata within max.block.ms: the broker is down) ends the batch at once,
                // rather than waiting that long again for every event after it.
                acks.add(kafka.send(Topics.ALERT_RAISED, key(event), event));
            }
            CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new))
                    .get(ackTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw brokerUnavailable(e);
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            throw brokerUnavailable(e);
        } finally {
            ackLatency.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        }
    }

    /** Keyed by the asset, or the source reference when there is none (see {@link Topics#ALERT_RAISED_TOPIC}). */
    private static String key(AlertRaised event) {
        return event.getAsset() != null ? event.getAsset() : event.getSourceReference();
    }

    IntakeRejection brokerUnavailable(Exception cause) {
        return IntakeRejection.retryLater(Reason.BROKER_UNAVAILABLE,
                "The event broker did not acknowledge the alert in time; nothing was kept. Retry after "
                        + retryAfter.toSeconds() + " s.", retryAfter, cause);
    }

    /** One sender's request: its evidence and its normalised alerts. */
    record Request(Evidence evidence, List<Alert> alerts) {
    }
}
