package io.vigie.load.pipeline;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Posts webhooks over HTTP/1.1 keep-alive, as SIEMs do, in one of two ways: an open loop at a fixed rate (each request
 * is sent when it is due whatever the answers to the previous ones, and its latency counts from that due time, so
 * there is no coordinated omission), or as fast as intake answers on a fixed number of connections (a storm).
 */
final class WebhookLoad implements AutoCloseable {

    private static final Pattern PUBLISHED = Pattern.compile("\"published\"\\s*:\\s*(\\d+)");

    private final ExecutorService callbacks = Executors.newFixedThreadPool(4, daemon("webhook-client"));
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).executor(callbacks).build();

    /** One webhook request with what it carries: its alert count and the incident it is about (-1 for none). */
    record Outgoing(HttpRequest request, int alerts, int incident) {
    }

    /**
     * Sends {@code count} requests at {@code rate} per second, at most {@code maxInFlight} unanswered at once (beyond
     * that the sender waits, and the wait shows in the latencies), then waits for the last answers.
     */
    RequestLog fixedRate(String label, int count, double rate, int maxInFlight, IntFunction<Outgoing> requests)
            throws InterruptedException {
        RequestLog log = new RequestLog(count);
        Semaphore inFlight = new Semaphore(maxInFlight);
        AtomicLong failed = new AtomicLong();
        long startNanos = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(100);
        long startMicros = epochMicros() + 100_000;
        long intervalNanos = Math.round(1e9 / rate);
        long nextReport = startNanos + TimeUnit.SECONDS.toNanos(10);
        for (int i = 0; i < count; i++) {
            long due = startNanos + i * intervalNanos;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            inFlight.acquire();
            Outgoing outgoing = requests.apply(i);
            long dueMicros = startMicros + (due - startNanos) / 1000;
            http.sendAsync(outgoing.request(), HttpResponse.BodyHandlers.ofString()).whenComplete((response, failure) -> {
                long latency = System.nanoTime() - due;
                int status = failure == null ? response.statusCode() : 0;
                if (status / 100 != 2) {
                    failed.incrementAndGet();
                }
                if (failure != null) {
                    log.failed(failure);
                }
                log.record(dueMicros, latency, status, outgoing.alerts(), published(response), outgoing.incident());
                inFlight.release();
            });
            if (System.nanoTime() >= nextReport) {
                System.out.printf(Locale.ROOT, "  %s: %d s, %d sent, %d answered, %d not 2xx, %d in flight%n", label,
                        TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - startNanos), i + 1, log.size(), failed.get(),
                        maxInFlight - inFlight.availablePermits());
                nextReport += TimeUnit.SECONDS.toNanos(10);
            }
        }
        awaitAnswers(inFlight, maxInFlight);
        return log;
    }

    /** Sends {@code count} requests back to back on {@code connections} connections; latency from each send. */
    RequestLog asFastAsAnswered(int count, int connections, IntFunction<Outgoing> requests) throws InterruptedException {
        RequestLog log = new RequestLog(count);
        AtomicInteger next = new AtomicInteger();
        ExecutorService senders = Executors.newFixedThreadPool(connections, daemon("storm-sender"));
        for (int c = 0; c < connections; c++) {
            senders.execute(() -> {
                for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                    Outgoing outgoing = requests.apply(i);
                    long sentMicros = epochMicros();
                    long sent = System.nanoTime();
                    HttpResponse<String> response = null;
                    try {
                        response = http.send(outgoing.request(), HttpResponse.BodyHandlers.ofString());
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    } catch (Exception e) {
                        log.failed(e);
                    }
                    log.record(sentMicros, System.nanoTime() - sent, response == null ? 0 : response.statusCode(),
                            outgoing.alerts(), published(response), outgoing.incident());
                }
            });
        }
        senders.shutdown();
        if (!senders.awaitTermination(30, TimeUnit.MINUTES)) {
            senders.shutdownNow();
        }
        return log;
    }

    private static void awaitAnswers(Semaphore inFlight, int maxInFlight) throws InterruptedException {
        // Request timeouts bound this; the margin covers the callbacks.
        if (!inFlight.tryAcquire(maxInFlight, 120, TimeUnit.SECONDS)) {
            System.out.println("  some requests were still unanswered after 120 s; they count as unanswered");
        }
    }

    private static int published(HttpResponse<String> response) {
        if (response == null || response.body() == null) {
            return 0;
        }
        Matcher matcher = PUBLISHED.matcher(response.body());
        return matcher.find() ? Integer.parseInt(matcher.group(1)) : 0;
    }

    static long epochMicros() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
    }

    private static ThreadFactory daemon(String name) {
        AtomicInteger number = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    @Override
    public void close() {
        callbacks.shutdownNow();
    }
}
