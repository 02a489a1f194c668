package io.vigie.system.faults;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A Splunk instance sending its webhook alerts at a steady rate, and retrying as a SIEM's delivery queue would: a 503
 * (or 429, or no answer at all) is sent again after the server's {@code Retry-After}, capped at {@link #MAX_RETRY_DELAY}
 * to keep the tests short; any other refusal is a failure the test reports.
 *
 * <p>Every alert is a new occurrence (its own search id) by a different account, so none is a repeat of another;
 * they cycle over the given hosts, so each host's alerts make one incident; a {@link #storm} is about one host.
 *
 * <p>Given several intake instances ({@link #spreadOver}), it spreads its deliveries over them as a load balancer in
 * front of them would, and sends an attempt that got no answer to the next instance.
 */
final class SiemDriver implements AutoCloseable {

    static final Duration MAX_RETRY_DELAY = Duration.ofSeconds(3);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<String> webhookUrls = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final String run;
    private final List<String> hosts;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private final ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor(daemon("siem-clock"));
    private final ExecutorService senders = Executors.newFixedThreadPool(32, daemon("siem-sender"));
    private final AtomicInteger sent = new AtomicInteger();
    private final AtomicInteger attempts = new AtomicInteger();
    private final ConcurrentMap<Integer, String> stormHosts = new ConcurrentHashMap<>();
    private final Set<String> accepted = ConcurrentHashMap.newKeySet();
    private final AtomicInteger unavailable = new AtomicInteger();
    private final AtomicInteger unreachable = new AtomicInteger();
    private final ConcurrentMap<String, Integer> unavailableReasons = new ConcurrentHashMap<>();
    private final AtomicInteger withoutRetryAfter = new AtomicInteger();
    private final ConcurrentMap<Integer, String> failures = new ConcurrentHashMap<>();
    private final AtomicInteger planned = new AtomicInteger();

    SiemDriver(String webhookUrl, String run, List<String> hosts) {
        this.webhookUrls.add(webhookUrl);
        this.run = run;
        this.hosts = List.copyOf(hosts);
    }

    /** From now on, deliveries go in turn to these webhook URLs as well (more instances of alert-intake-service). */
    void spreadOver(List<String> moreWebhookUrls) {
        webhookUrls.addAll(moreWebhookUrls);
    }

    /** Starts sending {@code count} alerts at {@code perSecond}, cycling over the hosts; returns at once. */
    void send(int count, int perSecond) {
        schedule(count, perSecond, null);
    }

    /** Starts sending {@code count} alerts at {@code perSecond} about {@code host} alone (one thing going wrong); returns at once. */
    void storm(int count, int perSecond, String host) {
        schedule(count, perSecond, host);
    }

    private void schedule(int count, int perSecond, String host) {
        planned.addAndGet(count);
        AtomicInteger ofThisSchedule = new AtomicInteger();
        java.util.concurrent.CompletableFuture<java.util.concurrent.ScheduledFuture<?>> ticks =
                new java.util.concurrent.CompletableFuture<>();
        long periodMicros = 1_000_000L / perSecond;
        ticks.complete(clock.scheduleAtFixedRate(() -> {
            if (ofThisSchedule.incrementAndGet() > count) {
                ticks.thenAccept(done -> done.cancel(false));
                return;
            }
            int number = sent.incrementAndGet();
            if (host != null) {
                stormHosts.put(number, host);
            }
            senders.execute(() -> deliver(number));
        }, 0, periodMicros, TimeUnit.MICROSECONDS));
    }

    int sent() {
        return sent.get();
    }

    int planned() {
        return planned.get();
    }

    /** The alert ids answered with a 2xx: what the SIEM was told Vigie took on. */
    Set<String> accepted() {
        return Set.copyOf(accepted);
    }

    /** Answers 503 (or 429), each retried. */
    int unavailableAnswers() {
        return unavailable.get();
    }

    /** The 503 and 429 answers by the problem's {@code reason} ({@code storage_unavailable}, …). */
    Map<String, Integer> unavailableReasons() {
        return Map.copyOf(unavailableReasons);
    }

    /** The 503 and 429 answers that did not say when to come back. */
    int unavailableWithoutRetryAfter() {
        return withoutRetryAfter.get();
    }

    /** Attempts that got no answer (connection refused, timeout), each retried. */
    int unreachableAttempts() {
        return unreachable.get();
    }

    /** Alerts refused for good, by number: status and body. None is expected under any fault. */
    Map<Integer, String> failures() {
        return Map.copyOf(failures);
    }

    /** The source reference (Splunk search id) of alert {@code number}: it names the run, so checks find this run's alerts. */
    String sid(int number) {
        return "scheduler__vigie__faults__" + run + "_at_" + number;
    }

    boolean isOfThisRun(String sourceReference) {
        return sourceReference.startsWith("scheduler__vigie__faults__" + run + "_at_");
    }

    @Override
    public void close() {
        clock.shutdownNow();
        senders.shutdownNow();
    }

    private void deliver(int number) {
        HttpResponse<String> response;
        try {
            response = http.send(request(number), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            unreachable.incrementAndGet();
            retry(number, MAX_RETRY_DELAY);
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        int status = response.statusCode();
        if (status / 100 == 2) {
            accepted.add(alertId(response.body()));
        } else if (status == 503 || status == 429) {
            unavailable.incrementAndGet();
            unavailableReasons.merge(reason(response.body()), 1, Integer::sum);
            if (response.headers().firstValue("Retry-After").isEmpty()) {
                withoutRetryAfter.incrementAndGet();
            }
            long retryAfter = response.headers().firstValueAsLong("Retry-After").orElse(1);
            retry(number, Duration.ofSeconds(Math.max(1, Math.min(retryAfter, MAX_RETRY_DELAY.toSeconds()))));
        } else {
            failures.put(number, status + " " + response.body());
        }
    }

    private void retry(int number, Duration delay) {
        if (!clock.isShutdown()) {
            clock.schedule(() -> senders.execute(() -> deliver(number)), delay.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    // As Splunk's webhook alert action sends it: the first result row, the search's sid and name, owner and app.
    private HttpRequest request(int number) {
        String sid = sid(number);
        String host = stormHosts.getOrDefault(number, hosts.get(number % hosts.size()));
        String body;
        try {
            body = JSON.writeValueAsString(Map.of(
                    "result", Map.of("_time", (System.currentTimeMillis() / 1000) + ".000", "host", host,
                            "user", "svc-" + run + "-" + number, "src", "203.0.113.45", "action", "failure",
                            "count", "12", "urgency", "high", "tag", List.of("authentication"),
                            "sourcetype", "WinEventLog:Security"),
                    "sid", sid,
                    "results_link", "https://splunk.example:8000/app/search/@go?sid=" + sid,
                    "search_name", "Access - Repeated failed logins - Rule",
                    "owner", "admin",
                    "app", "search"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        String webhookUrl = webhookUrls.get(Math.floorMod(attempts.getAndIncrement(), webhookUrls.size()));
        return HttpRequest.newBuilder(URI.create(webhookUrl)).timeout(Duration.ofSeconds(15))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
    }

    private static String alertId(String body) {
        try {
            JsonNode answer = JSON.readTree(body);
            return answer.get("alertId").asText();
        } catch (IOException e) {
            throw new IllegalStateException("Not an intake answer: " + body, e);
        }
    }

    private static String reason(String problem) {
        try {
            JsonNode reason = JSON.readTree(problem).get("reason");
            return reason == null ? "none" : reason.asText();
        } catch (IOException e) {
            return "not a problem+json";
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        AtomicInteger threads = new AtomicInteger();
        return work -> {
            Thread thread = new Thread(work, name + "-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
