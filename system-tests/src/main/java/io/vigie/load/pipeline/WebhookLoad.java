package io.vigie.load.pipeline;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;
import java.util.function.ObjIntConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Posts webhooks over a fixed number of HTTP/1.1 keep-alive connections, as SIEMs do, each connection a thread that
 * sends a request and reads its answer before the next. Two ways: an open loop at a fixed rate (each request is due
 * at its own time whatever happened to the ones before; its latency counts from that due time, so a request that
 * waited for a free connection shows the wait and there is no coordinated omission), or back to back as fast as
 * intake answers (a storm).
 *
 * <p>Blocking {@link HttpURLConnection}s rather than {@code java.net.http.HttpClient}: the driver shares the two
 * cores with the stack it measures. With the asynchronous client and a connection per request in flight (hundreds,
 * each a Tomcat thread in the stack, once the stack fell behind) the driver took 30 % of a core at 150 requests/s;
 * with these, 11-15 % at 200/s.
 */
final class WebhookLoad {

    private static final Pattern ALERT_ID = Pattern.compile("\"alertId\"\\s*:\\s*\"([0-9a-f-]{36})\"");
    private static final Pattern PUBLISHED = Pattern.compile("\"published\"\\s*:\\s*(\\d+)");
    private static final int CONNECT_TIMEOUT_MILLIS = 5_000;
    private static final int READ_TIMEOUT_MILLIS = 30_000;

    WebhookLoad(int connections) {
        // The JDK keeps at most 5 idle connections per host unless told: the others would be closed after each
        // answer and opened again. Read once, when the first connection is made.
        if (System.getProperty("http.maxConnections") == null) {
            System.setProperty("http.maxConnections", Integer.toString(Math.max(5, connections)));
        }
    }

    /** One webhook request with what it carries: its alert count and the incident it is about (-1 for none). */
    record Outgoing(URL url, Map<String, String> headers, byte[] body, int alerts, int incident) {
    }

    /**
     * Sends {@code count} requests at {@code rate} per second on {@code connections} connections, then waits for the
     * last answers. When every connection is busy, a due request waits for the next free one, and its latency shows it.
     */
    RequestLog fixedRate(String label, int count, double rate, int connections, IntFunction<Outgoing> requests)
            throws InterruptedException {
        return fixedRate(label, count, rate, connections, requests, (answer, request) -> { });
    }

    /** As {@link #fixedRate(String, int, double, int, IntFunction)}, telling {@code answers} what each request got. */
    RequestLog fixedRate(String label, int count, double rate, int connections, IntFunction<Outgoing> requests,
                         ObjIntConsumer<Answer> answers) throws InterruptedException {
        RequestLog log = new RequestLog(count);
        AtomicInteger next = new AtomicInteger();
        AtomicLong failed = new AtomicLong();
        long startNanos = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(100);
        long startMicros = epochMicros() + 100_000;
        long intervalNanos = Math.round(1e9 / rate);
        List<Thread> senders = start(connections, "webhook-sender", () -> {
            for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                long due = startNanos + i * intervalNanos;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                Outgoing outgoing = requests.apply(i);
                Answer answer = post(outgoing, log);
                if (answer.status() / 100 != 2) {
                    failed.incrementAndGet();
                }
                answers.accept(answer, i);
                log.record(startMicros + (due - startNanos) / 1000, System.nanoTime() - due, answer.status(),
                        outgoing.alerts(), answer.published(), outgoing.incident());
            }
        });
        long nextReport = startNanos + TimeUnit.SECONDS.toNanos(10);
        while (!joined(senders, nextReport)) {
            long now = System.nanoTime();
            long dueSoFar = Math.min(count, Math.max(0, (now - startNanos) / intervalNanos + 1));
            int answered = log.size();
            System.out.printf(Locale.ROOT, "  %s: %d s, %d answered, %d not 2xx, %d due and unanswered%n", label,
                    TimeUnit.NANOSECONDS.toSeconds(now - startNanos), answered, failed.get(),
                    Math.max(0, dueSoFar - answered));
            nextReport += TimeUnit.SECONDS.toNanos(10);
        }
        return log;
    }

    /** Sends {@code count} requests back to back on {@code connections} connections; latency from each send. */
    RequestLog asFastAsAnswered(int count, int connections, IntFunction<Outgoing> requests) throws InterruptedException {
        RequestLog log = new RequestLog(count);
        AtomicInteger next = new AtomicInteger();
        List<Thread> senders = start(connections, "storm-sender", () -> {
            for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                Outgoing outgoing = requests.apply(i);
                long sentMicros = epochMicros();
                long sent = System.nanoTime();
                Answer answer = post(outgoing, log);
                log.record(sentMicros, System.nanoTime() - sent, answer.status(), outgoing.alerts(),
                        answer.published(), outgoing.incident());
            }
        });
        for (Thread thread : senders) {
            thread.join();
        }
        return log;
    }

    /**
     * What intake answered one request: its status (0 for no answer), how many alerts it published, and the alert's id
     * when the request carried one alert (null otherwise).
     */
    record Answer(int status, int published, String alertId) {

        boolean accepted() {
            return status / 100 == 2;
        }
    }

    /**
     * One request on this thread's keep-alive connection (the JDK reuses it once the answer was read to the end).
     * Status 0 is no answer: the cause is counted in the log.
     */
    private static Answer post(Outgoing outgoing, RequestLog log) {
        HttpURLConnection connection = null;
        try {
            connection = (HttpURLConnection) outgoing.url().openConnection();
            connection.setConnectTimeout(CONNECT_TIMEOUT_MILLIS);
            connection.setReadTimeout(READ_TIMEOUT_MILLIS);
            connection.setRequestMethod("POST");
            connection.setDoOutput(true);
            // Streaming with a known length also means a POST is never silently sent twice on a stale connection.
            connection.setFixedLengthStreamingMode(outgoing.body().length);
            outgoing.headers().forEach(connection::setRequestProperty);
            try (OutputStream out = connection.getOutputStream()) {
                out.write(outgoing.body());
            }
            int status = connection.getResponseCode();
            String body;
            try (InputStream in = status >= 400 ? connection.getErrorStream() : connection.getInputStream()) {
                body = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            Matcher alertId = ALERT_ID.matcher(body);
            return new Answer(status, published(body), alertId.find() ? alertId.group(1) : null);
        } catch (IOException | RuntimeException e) {
            log.failed(e);
            if (connection != null) {
                connection.disconnect();
            }
            return new Answer(0, 0, null);
        }
    }

    private static List<Thread> start(int connections, String name, Runnable sender) {
        List<Thread> threads = new ArrayList<>(connections);
        for (int c = 0; c < connections; c++) {
            Thread thread = new Thread(sender, name + "-" + (c + 1));
            thread.setDaemon(true);
            thread.start();
            threads.add(thread);
        }
        return threads;
    }

    /** Whether every thread ended, waiting at most until {@code untilNanos}. */
    private static boolean joined(List<Thread> threads, long untilNanos) throws InterruptedException {
        for (Thread thread : threads) {
            long left = untilNanos - System.nanoTime();
            if (left > 0) {
                thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
            }
            if (thread.isAlive()) {
                return false;
            }
        }
        return true;
    }

    private static int published(String body) {
        Matcher matcher = PUBLISHED.matcher(body);
        return matcher.find() ? Integer.parseInt(matcher.group(1)) : 0;
    }

    static long epochMicros() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
    }
}
