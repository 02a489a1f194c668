package io.vigie.intake.publish;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.vigie.events.AlertRaised;
import io.vigie.events.Topics;
import io.vigie.intake.IntakeRejection;
import io.vigie.intake.IntakeRejection.Reason;
import io.vigie.intake.alert.Alert;
import io.vigie.intake.source.IntakeProperties;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Keeps the evidence, drops repeats and publishes the rest, all in one database transaction that commits only after
 * the broker acknowledged every event (acks=all). A broker that cannot acknowledge within {@code ack-timeout} rolls
 * the transaction back, so a 503 leaves nothing behind and the sender's retry is a first delivery again.
 *
 * <p>Deliberately not the outbox: the sender's 2xx must mean "published", which only the broker's ack can say.
 * The one remaining window (acknowledged, then the commit fails) re-publishes on the retry with the same alert and
 * event ids, which consumers already de-duplicate.
 */
@Service
public class AlertPublisher {

    private final EvidenceArchive archive;
    private final KafkaTemplate<String, Object> kafka;
    private final Clock clock;
    private final Duration ackTimeout;
    private final Duration retryAfter;
    private final Duration dedupWindow;
    private final Timer ackLatency;

    AlertPublisher(EvidenceArchive archive, KafkaTemplate<String, Object> kafka, Clock clock,
                   IntakeProperties properties, MeterRegistry meters) {
        this.archive = archive;
        this.kafka = kafka;
        this.clock = clock;
        this.ackTimeout = properties.ackTimeout();
        this.retryAfter = properties.retryAfter();
        this.dedupWindow = properties.dedupWindow();
        this.ackLatency = Timer.builder("vigie.intake.broker.ack")
                .description("From sending a request's events to the broker's acknowledgement of all of them")
                .publishPercentileHistogram()
                .register(meters);
    }

    @Transactional
    public List<Receipt> publish(Evidence evidence, List<Alert> alerts) {
        UUID payloadId = archive.keep(evidence);
        Instant receivedAt = evidence.receivedAt();
        Instant windowStart = receivedAt.minus(dedupWindow);
        List<Receipt> receipts = new ArrayList<>(alerts.size());
        List<AlertRaised> events = new ArrayList<>();
        for (Alert alert : alerts) {
            Optional<UUID> earlier = dedupWindow.isZero() ? Optional.empty()
                    : archive.publishedSince(alert.sourceName(), alert.fingerprint(), windowStart);
            if (earlier.isPresent()) {
                archive.countRepeat(earlier.get(), receivedAt);
                receipts.add(new Receipt(earlier.get(), alert.sourceReference(), true));
            } else if (!archive.record(payloadId, alert, receivedAt)) {
                archive.countRepeat(alert.alertId(), receivedAt);
                receipts.add(new Receipt(alert.alertId(), alert.sourceReference(), true));
            } else {
                events.add(AlertRaisedMapper.toEvent(alert, receivedAt, clock.instant()));
                receipts.add(new Receipt(alert.alertId(), alert.sourceReference(), false));
            }
        }
        if (!events.isEmpty()) {
            sendAndAwaitAcks(events);
        }
        return receipts;
    }

    private void sendAndAwaitAcks(List<AlertRaised> events) {
        long started = System.nanoTime();
        try {
            List<CompletableFuture<?>> acks = new ArrayList<>(events.size());
            for (AlertRaised event : events) {
                acks.add(kafka.send(Topics.ALERT_RAISED, key(event), event));
            }
            CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new))
                    .get(ackTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw brokerUnavailable(e);
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            // RuntimeException: send() itself fails when no metadata arrives within max.block.ms (broker down).
            throw brokerUnavailable(e);
        } finally {
            ackLatency.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        }
    }

    /** Keyed by the asset, or the source reference when there is none (see {@link Topics#ALERT_RAISED_TOPIC}). */
    private static String key(AlertRaised event) {
        return event.getAsset() != null ? event.getAsset() : event.getSourceReference();
    }

    private IntakeRejection brokerUnavailable(Exception cause) {
        return IntakeRejection.retryLater(Reason.BROKER_UNAVAILABLE,
                "The event broker did not acknowledge the alert in time; nothing was kept. Retry after "
                        + retryAfter.toSeconds() + " s.", retryAfter, cause);
    }
}
