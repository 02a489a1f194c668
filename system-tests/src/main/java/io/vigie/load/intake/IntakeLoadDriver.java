package io.vigie.load.intake;

import io.vigie.intake.AlertIntakeApplication;
import io.vigie.platform.kafka.broker.LocalKafkaBroker;
import io.vigie.platform.registry.SchemaRegistryServer;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Load on alert-intake-service as it really runs: the broker (acks=all) and the registry in this JVM, the service
 * with its database, archive, de-duplication and metrics, over HTTP/1.1 keep-alive. Posts single generic alerts,
 * then Alertmanager notifications of 50 alerts, at rising rates, and prints per step the achieved rate, p50/p99
 * (measured from each request's scheduled start, so a stall is not hidden) and the non-2xx count. Measures; asserts
 * nothing.
 *
 * <pre>
 * java -cp ... io.vigie.load.intake.IntakeLoadDriver [step seconds] [rates single, e.g. 500,1000,2000] [rates batch]
 * java -cp ... io.vigie.load.intake.IntakeLoadDriver serve [--stop-file=FILE]
 * VIGIE_BENCH_DB_URL / _USER / _PASSWORD: PostgreSQL (default: H2 in memory, PostgreSQL mode)
 * </pre>
 */
public final class IntakeLoadDriver {

    static final String TOKEN = "load-driver-token";
    private static final int CONNECTIONS = 64;

    private IntakeLoadDriver() {
    }

    public static void main(String[] args) throws Exception {
        boolean serve = args.length > 0 && args[0].equals("serve");
        StopSignal stop = serve ? new StopSignal(stopFile(args)) : null;
        int stepSeconds = !serve && args.length > 0 ? Integer.parseInt(args[0]) : 10;
        List<Integer> singleRates = rates(!serve && args.length > 1 ? args[1]
                : "500,1000,2000,4000,6000,8000,10000,12000");
        List<Integer> batchRates = rates(!serve && args.length > 2 ? args[2] : "20,50,100,200,400");
        Path data = Files.createTempDirectory("vigie-intake-load");
        try (LocalKafkaBroker broker = LocalKafkaBroker.start(data.resolve("kafka"));
             SchemaRegistryServer registry = SchemaRegistryServer.start(data.resolve("registry"), "127.0.0.1", 0)) {
            String dbUrl = System.getenv().getOrDefault("VIGIE_BENCH_DB_URL",
                    "jdbc:h2:mem:intake;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1");
            try (ConfigurableApplicationContext service = startIntake(broker, registry, dbUrl);
                 ConfigurableApplicationContext bare = startBare(broker, registry)) {
                String base = "http://127.0.0.1:" + service.getEnvironment().getProperty("local.server.port");
                String bareUrl = "http://127.0.0.1:" + bare.getEnvironment().getProperty("local.server.port") + "/bare";
                System.out.printf("intake at %s, database %s, %d connections, %d s per step%n", base,
                        dbUrl.replaceAll("password=[^;&]*", "password=***"), CONNECTIONS, stepSeconds);
                if (serve) {
                    serve(base, bareUrl, stop);
                    return;
                }
                HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                        .executor(Executors.newFixedThreadPool(4)).build();
                run(http, "warm-up bare", bareUrl, null, 300, 20, IntakeLoadDriver::genericAlert);
                run(http, "warm-up single", base + "/api/v1/alerts", "bench", 300, 20, IntakeLoadDriver::genericAlert);
                System.out.println("single generic alert (~1 KB): bare endpoint, then intake (one AlertRaised each)");
                boolean bareKeepsUp = true;
                for (int rate : singleRates) {
                    if (bareKeepsUp) {
                        bareKeepsUp = run(http, "bare", bareUrl, null, rate, stepSeconds, IntakeLoadDriver::genericAlert)
                                != Step.COLLAPSED;
                    }
                    if (run(http, "single", base + "/api/v1/alerts", "bench", rate, stepSeconds,
                            IntakeLoadDriver::genericAlert) == Step.COLLAPSED && !bareKeepsUp) {
                        break;
                    }
                }
                System.out.println("Alertmanager notification of 50 alerts, 50 AlertRaised each");
                for (int rate : batchRates) {
                    if (run(http, "batch50", base + "/webhooks/alertmanager/bench-am", null, rate, stepSeconds,
                            IntakeLoadDriver::alertmanagerBatch) == Step.COLLAPSED) {
                        break;
                    }
                }
            }
        } finally {
            if (stop != null) {
                System.out.println("stopped: intake, the bare endpoint, the registry and the broker are closed");
                System.out.flush();
                stop.closed();
            }
        }
    }

    /**
     * For an external load generator such as wrk (see {@code system-tests/wrk/}), which costs far less CPU than this
     * driver on a 2-core machine: prints the two URLs and keeps everything up until stopped by Ctrl-C, a SIGTERM
     * ({@code kill}) or the stop file. Standard input is not read, so it runs in the background or under a script.
     */
    private static void serve(String base, String bareUrl, StopSignal stop) throws InterruptedException {
        System.out.println("intake " + base + "/api/v1/alerts (source bench, token " + TOKEN + "), alertmanager "
                + base + "/webhooks/alertmanager/bench-am, bare " + bareUrl + ", framework alone "
                + bareUrl.replace("/bare", "/noop"));
        System.out.println("ports: INTAKE_PORT=" + URI.create(base).getPort() + " BARE_PORT="
                + URI.create(bareUrl).getPort());
        System.out.println("serving (pid " + ProcessHandle.current().pid() + "); stop with Ctrl-C, kill "
                + ProcessHandle.current().pid() + stop.describeFile());
        System.out.flush();
        String why = stop.await();
        System.out.println("stopping: " + why);
    }

    /** {@code serve --stop-file=FILE}: the file whose appearance stops it; null without the option. */
    private static Path stopFile(String[] args) {
        Path file = null;
        for (int i = 1; i < args.length; i++) {
            if (args[i].startsWith("--stop-file=") && args[i].length() > "--stop-file=".length()) {
                file = Path.of(args[i].substring("--stop-file=".length()));
            } else {
                throw new IllegalArgumentException("serve takes only --stop-file=FILE, not " + args[i]);
            }
        }
        return file;
    }

    private static ConfigurableApplicationContext startIntake(LocalKafkaBroker broker, SchemaRegistryServer registry,
                                                              String dbUrl) {
        return AlertIntakeApplication.application().run(
                "--server.port=0",
                "--spring.kafka.bootstrap-servers=" + broker.bootstrapServers(),
                "--spring.kafka.properties.schema.registry.url=" + registry.url(),
                "--spring.datasource.url=" + dbUrl,
                "--spring.datasource.username=" + System.getenv().getOrDefault("VIGIE_BENCH_DB_USER", "vigie"),
                "--spring.datasource.password=" + System.getenv().getOrDefault("VIGIE_BENCH_DB_PASSWORD", "vigie"),
                "--spring.datasource.hikari.maximum-pool-size=" + System.getenv().getOrDefault("VIGIE_BENCH_POOL", "20"),
                "--server.tomcat.threads.max=200",
                "--logging.level.root=WARN",
                "--vigie.intake.sources.bench.type=generic",
                "--vigie.intake.sources.bench.tokens=" + TOKEN,
                "--vigie.intake.sources.bench.rate.per-second=1000000",
                "--vigie.intake.sources.bench.rate.burst=1000000",
                "--vigie.intake.sources.bench-am.type=alertmanager",
                "--vigie.intake.sources.bench-am.tokens=" + TOKEN,
                "--vigie.intake.sources.bench-am.rate.per-second=1000000",
                "--vigie.intake.sources.bench-am.rate.burst=1000000",
                "--vigie.intake.max-batch-size=50");
    }

    private static ConfigurableApplicationContext startBare(LocalKafkaBroker broker, SchemaRegistryServer registry) {
        return new SpringApplicationBuilder(BareEndpoint.class).run(
                "--server.port=0", "--server.address=127.0.0.1",
                "--spring.application.name=bare-endpoint",
                "--spring.kafka.bootstrap-servers=" + broker.bootstrapServers(),
                "--spring.kafka.properties.schema.registry.url=" + registry.url(),
                "--spring.kafka.producer.value-serializer=org.apache.kafka.common.serialization.ByteArraySerializer",
                "--spring.datasource.url=jdbc:h2:mem:bare;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE",
                "--spring.flyway.locations=classpath:db/migration/platform",
                "--logging.level.root=WARN");
    }

    /** SUSTAINED: every answer 2xx, p99 under 50 ms, rate reached; COLLAPSED: under 80% of the rate. */
    enum Step { SUSTAINED, SHORT, COLLAPSED }

    interface Body {
        String next(long sequence);
    }

    /** One step at a fixed rate, measured from each request's scheduled start. */
    private static Step run(HttpClient http, String label, String url, String genericSource, int rate,
                               int seconds, Body bodies) throws InterruptedException {
        Recorder latencies = new Recorder(3);
        AtomicLong ok = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        AtomicLong sequence = new AtomicLong(System.nanoTime());
        int workers = Math.min(CONNECTIONS, Math.max(1, rate / 20));
        long intervalNanos = TimeUnit.SECONDS.toNanos(1) * workers / rate;
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(50);
        long end = start + TimeUnit.SECONDS.toNanos(seconds);
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        for (int w = 0; w < workers; w++) {
            long offset = intervalNanos * w / workers;
            pool.execute(() -> {
                for (long scheduled = start + offset; scheduled < end; scheduled += intervalNanos) {
                    long wait = scheduled - System.nanoTime();
                    if (wait > 0) {
                        java.util.concurrent.locks.LockSupport.parkNanos(wait);
                    }
                    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                            .timeout(Duration.ofSeconds(30))
                            .header("Content-Type", "application/json")
                            .header("Authorization", "Bearer " + TOKEN)
                            .POST(HttpRequest.BodyPublishers.ofString(bodies.next(sequence.incrementAndGet())));
                    if (genericSource != null) {
                        request.header("X-Vigie-Source", genericSource);
                    }
                    try {
                        HttpResponse<Void> response = http.send(request.build(), HttpResponse.BodyHandlers.discarding());
                        (response.statusCode() / 100 == 2 ? ok : failed).incrementAndGet();
                    } catch (Exception e) {
                        failed.incrementAndGet();
                    }
                    latencies.recordValue(Math.max(0, System.nanoTime() - scheduled));
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(seconds + 120L, TimeUnit.SECONDS);
        double elapsed = (System.nanoTime() - start) / 1e9;
        Histogram histogram = latencies.getIntervalHistogram();
        double achieved = (ok.get() + failed.get()) / elapsed;
        double p50 = histogram.getValueAtPercentile(50) / 1e6;
        double p99 = histogram.getValueAtPercentile(99) / 1e6;
        Step step = failed.get() == 0 && p99 < 50 && achieved >= rate * 0.95 ? Step.SUSTAINED
                : achieved < rate * 0.8 ? Step.COLLAPSED : Step.SHORT;
        System.out.printf(Locale.ROOT, "  %-14s target %6d/s  achieved %8.0f/s  p50 %7.1f ms  p99 %7.1f ms  max %7.1f ms"
                        + "  2xx %d  non-2xx %d  %s%n", label, rate, achieved, p50, p99,
                histogram.getMaxValue() / 1e6, ok.get(), failed.get(), step);
        return step;
    }

    private static String genericAlert(long n) {
        return """
                {"reference": "LOAD-%1$d", "title": "Multiple failed logins followed by a success",
                 "description": "User j.martin failed 27 logins from 198.51.100.23 in 2 minutes, then logged in successfully; the session then listed 1,400 mailbox folders. Correlated by the SIEM from the IdP and the mail gateway logs.",
                 "severity": "high", "detectedAt": "2026-11-23T01:45:00Z", "asset": "mail-%1$d.acme.internal",
                 "service": "webmail", "client": "acme", "accounts": ["j.martin"],
                 "ipAddresses": ["198.51.100.23", "10.0.8.21"],
                 "indicators": [{"type": "IP", "value": "198.51.100.23"}, {"type": "USER_AGENT", "value": "python-requests/2.31"}],
                 "tags": ["account-compromise", "mail"],
                 "links": [{"label": "SIEM search", "url": "https://siem.example.net/search?q=user%%3Dj.martin"}],
                 "attributes": {"idp.tenant": "acme-prod", "mail.folders": "1400", "rule": "brute-force-then-success"}}"""
                .formatted(n);
    }

    private static String alertmanagerBatch(long n) {
        StringBuilder alerts = new StringBuilder();
        for (int i = 0; i < 50; i++) {
            if (i > 0) {
                alerts.append(',');
            }
            alerts.append("""
                    {"status": "firing", "labels": {"alertname": "HighLoginFailureRate", "instance": "auth-%1$d-%2$d:9100",
                     "job": "node", "severity": "critical", "client": "acme"},
                     "annotations": {"summary": "Login failures above 50/s", "description": "auth-%1$d-%2$d rejected 312 logins"},
                     "startsAt": "2026-11-23T01:52:30Z", "endsAt": "0001-01-01T00:00:00Z",
                     "generatorURL": "http://prometheus.acme.internal:9090/graph", "fingerprint": "f%1$d-%2$d"}"""
                    .formatted(n, i));
        }
        return """
                {"receiver": "vigie", "status": "firing", "alerts": [%s], "groupLabels": {"alertname": "HighLoginFailureRate"},
                 "commonLabels": {"alertname": "HighLoginFailureRate"}, "commonAnnotations": {},
                 "externalURL": "http://alertmanager.acme.internal:9093", "version": "4",
                 "groupKey": "{}:{alertname=\\"HighLoginFailureRate\\", batch=\\"%d\\"}", "truncatedAlerts": 0}"""
                .formatted(alerts, n);
    }

    private static List<Integer> rates(String list) {
        List<Integer> rates = new ArrayList<>();
        for (String rate : list.split(",")) {
            rates.add(Integer.parseInt(rate.trim()));
        }
        return rates;
    }
}
