package io.vigie.localstack.demo;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Waits for something a user would see (a case, a post-mortem draft) by asking the service's API again every half
 * second until it answers or the time is up. The services work asynchronously, through Kafka: there is no call that
 * returns when they are done. A failed call is asked again too (a service busy with a storm may answer late once);
 * if the time runs out, the last failure is the reason given.
 */
final class Waiting {

    private static final long POLL_MILLIS = 500;

    private Waiting() {
    }

    /** The first value {@code check} gives within {@code timeout}; else fails saying what did not happen. */
    static <T> T until(String what, Duration timeout, Supplier<Optional<T>> check) {
        CompletableFuture<T> found = new CompletableFuture<>();
        AtomicReference<RuntimeException> lastFailure = new AtomicReference<>();
        ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "vigie-demo-poll");
            thread.setDaemon(true);
            return thread;
        });
        poller.scheduleWithFixedDelay(() -> {
            try {
                check.get().ifPresent(found::complete);
            } catch (RuntimeException e) {
                lastFailure.set(e);
            }
        }, 0, POLL_MILLIS, TimeUnit.MILLISECONDS);
        try {
            return found.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            RuntimeException failure = lastFailure.get();
            throw new IllegalStateException(what + " did not happen within " + timeout.toSeconds() + " s"
                    + (failure == null ? "" : " (last answer: " + failure.getMessage() + ")"), e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting until " + what, e);
        } finally {
            poller.shutdownNow();
        }
    }
}
