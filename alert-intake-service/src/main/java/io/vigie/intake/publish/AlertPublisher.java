package io.vigie.intake.publish;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.vigie.intake.IntakeRejection;
import io.vigie.intake.alert.Alert;
import io.vigie.intake.publish.BatchPublisher.Request;
import io.vigie.intake.source.IntakeProperties;
import io.vigie.platform.loop.WorkLoop;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.stereotype.Service;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Group commit: request threads hand their request over and wait; one publishing thread takes every request waiting
 * at that moment and keeps, de-duplicates and publishes them together (one transaction, one wait for the broker's
 * acks), then answers each. Alone, a request is a batch of one; under load, the batches grow with the queue, so the
 * database round trips, the commit and the ack wait are paid once per batch instead of once per request. One thread
 * also means that de-duplication within the window never races: two requests with the same fingerprint are seen in
 * order.
 *
 * <p>No half state: a request that waited longer than {@code ack-timeout} without being taken is withdrawn and
 * answered 503 (nothing of it was kept); once taken, its outcome is the batch's, which ends within the batch's own
 * bounds (the producer's {@code max.block.ms} and {@code ack-timeout}). A batch whose database work fails is retried
 * request by request, so one request the archive refuses does not fail the others; unless the database itself is
 * unreachable, which fails the whole batch at once.
 */
@Service
public class AlertPublisher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(AlertPublisher.class);

    // Bounds one transaction: large enough for any backlog a 2-core host builds, small enough to commit in milliseconds.
    private static final int MAX_REQUESTS_PER_BATCH = 256;
    private static final int MAX_ALERTS_PER_BATCH = 2_000;

    private final BatchPublisher batches;
    private final Duration ackTimeout;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final DistributionSummary batchSize;
    // Waits on the queue itself; on stop it is not interrupted: it publishes what senders are already waiting for.
    private final WorkLoop loop;

    AlertPublisher(BatchPublisher batches, IntakeProperties properties, MeterRegistry meters) {
        this.batches = batches;
        this.ackTimeout = properties.ackTimeout();
        this.batchSize = DistributionSummary.builder("vigie.intake.publish.batch")
                .description("Requests kept and published together in one transaction (group commit)")
                .baseUnit("requests")
                .register(meters);
        this.loop = new WorkLoop(new WorkLoop.Settings("intake-publisher", Duration.ZERO, Duration.ofMillis(100),
                ackTimeout.multipliedBy(2), true, false), this::publishNextBatch,
                (failure, retryIn) -> log.error("The publishing thread failed, going on in {}", retryIn, failure));
    }

    /**
     * Keeps the evidence, drops repeats and publishes the rest; returns once the broker acknowledged this request's
     * events and the archive committed them.
     *
     * @throws IntakeRejection    503 when the broker did not acknowledge in time, or the request could not be taken
     * @throws DataAccessException when the archive refused the request (the caller answers 503 too)
     */
    public List<Receipt> publish(Evidence evidence, List<Alert> alerts) {
        Pending pending = new Pending(new Request(evidence, alerts));
        if (!loop.isRunning()) {
            throw batches.brokerUnavailable(new IllegalStateException("The service is stopping"));
        }
        queue.add(pending);
        try {
            try {
                return pending.outcome.get(ackTimeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                if (pending.withdraw()) {
                    throw batches.brokerUnavailable(e);
                }
                // Taken just now: its batch decides, within its own bounds.
                return pending.outcome.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            if (pending.withdraw()) {
                throw batches.brokerUnavailable(e);
            }
            return pending.outcome.join();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Takes what is queued (waiting a little for the first request) and publishes it as one batch. */
    private boolean publishNextBatch() throws InterruptedException {
        Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
        if (first == null) {
            return false;
        }
        List<Pending> batch = new ArrayList<>();
        try {
            take(first, batch);
            int alerts = batch.isEmpty() ? 0 : first.request.alerts().size();
            for (Pending next; batch.size() < MAX_REQUESTS_PER_BATCH && alerts < MAX_ALERTS_PER_BATCH
                    && (next = queue.poll()) != null; ) {
                if (take(next, batch)) {
                    alerts += next.request.alerts().size();
                }
            }
            if (!batch.isEmpty()) {
                publish(batch);
            }
        } catch (RuntimeException | Error e) {
            // Never leave a sender waiting on a batch that can no longer be answered.
            log.error("The publishing thread failed a batch of {} requests", batch.size(), e);
            batch.forEach(pending -> pending.outcome.completeExceptionally(e));
        }
        return true;
    }

    private static boolean take(Pending pending, List<Pending> batch) {
        if (pending.take()) {
            batch.add(pending);
            return true;
        }
        return false;
    }

    private void publish(List<Pending> batch) {
        batchSize.record(batch.size());
        try {
            List<List<Receipt>> receipts = batches.publish(batch.stream().map(pending -> pending.request).toList());
            for (int i = 0; i < batch.size(); i++) {
                batch.get(i).outcome.complete(receipts.get(i));
            }
        } catch (DataAccessException e) {
            // An unreachable database refuses every request alike: trying them one by one would only hold the thread
            // (each waiting for a connection) while the requests queued behind time out.
            if (batch.size() == 1 || e instanceof DataAccessResourceFailureException
                    || e instanceof TransientDataAccessResourceException) {
                batch.forEach(pending -> pending.outcome.completeExceptionally(e));
                return;
            }
            // One request the archive refuses must not fail the others: each goes again, alone.
            for (Pending pending : batch) {
                publish(List.of(pending));
            }
        } catch (RuntimeException e) {
            // The broker did not acknowledge (IntakeRejection) or the commit failed: the whole batch was rolled back.
            batch.forEach(pending -> pending.outcome.completeExceptionally(e));
        }
    }

    private void failWaiting() {
        for (Pending pending; (pending = queue.poll()) != null; ) {
            if (pending.take()) {
                pending.outcome.completeExceptionally(
                        batches.brokerUnavailable(new IllegalStateException("The service is stopping")));
            }
        }
    }

    @Override
    public void start() {
        loop.start();
    }

    /** Publishes what is already waiting, then stops; the web server stopped taking requests before (phase). */
    @Override
    public void stop() {
        loop.stop();
        failWaiting();
    }

    @Override
    public boolean isRunning() {
        return loop.isRunning();
    }

    /** Below the web server's phases: started before it takes requests, stopped after it finished them. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 4096;
    }

    /** A request waiting for its batch: queued, then taken by the publishing thread or withdrawn by its sender. */
    private static final class Pending {

        private static final int QUEUED = 0;
        private static final int TAKEN = 1;
        private static final int WITHDRAWN = 2;

        private final Request request;
        private final CompletableFuture<List<Receipt>> outcome = new CompletableFuture<>();
        private final AtomicInteger state = new AtomicInteger(QUEUED);

        Pending(Request request) {
            this.request = request;
        }

        boolean take() {
            return state.compareAndSet(QUEUED, TAKEN);
        }

        boolean withdraw() {
            return state.compareAndSet(QUEUED, WITHDRAWN);
        }
    }
}
