package io.vigie.load.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.vigie.events.AlertClassified;
import io.vigie.events.AlertRaised;
import io.vigie.events.ClientNotified;
import io.vigie.events.Topics;
import io.vigie.localstack.LocalWebhookSources;

/**
 * The whole pipeline under load: the local stack (broker, registry, SMTP mailbox, the five services; H2 files, or
 * PostgreSQL given {@code VIGIE_BENCH_DB_URL}) in a child JVM, seeded with clients, contacts and assets, then alerts
 * through the real webhooks, either at a fixed rate for a fixed time ({@code steady}) or as a storm about one incident
 * as fast as intake takes it ({@code burst}). It then waits for the pipeline to drain and writes a report directory:
 * {@code report.md} (the figures, the settings, the machine), {@code latency.html} (charts over time, inline SVG) and
 * the raw figures as CSV. It measures and prints; it asserts nothing.
 *
 * <pre>
 * java -cp ... io.vigie.load.pipeline.PipelineLoadDriver steady [RATE [SECONDS]] [--option=value ...]
 * java -cp ... io.vigie.load.pipeline.PipelineLoadDriver burst [ALERTS] [--option=value ...]
 * java -cp ... io.vigie.load.pipeline.PipelineLoadDriver crash|scale [RATE [SECONDS]] [--option=value ...]
 * </pre>
 * See {@link LoadOptions#USAGE} and system-tests/README.md.
 */
public final class PipelineLoadDriver {

    private static final long SAMPLE_MILLIS = 1000;
    private static final Pattern FAILED_DELIVERY = Pattern.compile("Delivery \\d+ of ([\\w.\\-]+)-\\d+@\\d+ failed: ([^;\\[]{1,120})");

    private final LoadOptions options;

    private PipelineLoadDriver(LoadOptions options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        LoadOptions options;
        try {
            options = LoadOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.print(LoadOptions.USAGE);
            System.exit(2);
            return;
        }
        new PipelineLoadDriver(options).run();
        // The HTTP and Kafka clients' pools would otherwise keep the JVM up a little longer for nothing.
        System.exit(0);
    }

    private void run() throws Exception {
        String runId = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        Path reportDirectory = options.reportDirectory() != null ? options.reportDirectory()
                : Path.of("target", "pipeline-load", runId + "-" + options.mode().name().toLowerCase(Locale.ROOT));
        Files.createDirectories(reportDirectory);
        configureLogging(reportDirectory.resolve("driver.log"));
        Path work = Files.createTempDirectory("vigie-pipeline-load-");
        Machine machine = Machine.now();
        BenchDatabases databases = BenchDatabases.fromEnvironment(System.getenv());
        Map<String, String> environment = databases == null ? Map.of() : databases.prepare();
        String database = databases == null ? "H2 files (PostgreSQL mode), as ./local-stack.sh" : "PostgreSQL " + databases.describe();
        System.out.printf("Vigie pipeline load, %s; %d cores, load average %s; database: %s%n",
                describe(), machine.cores(), machine.loadAverage(), database);
        if (options.mode() == LoadOptions.Mode.CRASH) {
            crash(runId, work, environment, reportDirectory);
            return;
        }
        if (options.mode() == LoadOptions.Mode.SCALE) {
            scale(runId, work, environment, reportDirectory, databases != null);
            return;
        }
        System.out.println("starting the stack in a child JVM (log: " + work.resolve("stack.log") + ")…");

        long startingAt = System.nanoTime();
        try (StackHandle stack = StackHandle.start(work, stackJvmOptions(), environment, Duration.ofMinutes(5));
             ProcessMonitor processes = new ProcessMonitor();
             LagMonitor lag = new LagMonitor(stack.property("kafka.bootstrap"))) {
            System.out.printf(Locale.ROOT, "  up in %.1f s (stack's own figure %.1f s), pid %d%n",
                    (System.nanoTime() - startingAt) / 1e9, Long.parseLong(stack.property("startup.millis")) / 1e3, stack.pid());
            processes.watch("driver", ProcessHandle.current().pid());
            processes.watch("stack", stack.pid());
            if (databases != null) {
                databases.postmaster(System.getenv()).ifPresentOrElse(pid -> processes.watch("postgresql", pid),
                        () -> System.out.println("  PostgreSQL's processes not found on this machine: not measured"));
            }
            processes.sampleEvery(SAMPLE_MILLIS);
            lag.sampleEvery(options.mode() == LoadOptions.Mode.BURST ? SAMPLE_MILLIS / 2 : SAMPLE_MILLIS);

            BenchWorld world = new BenchWorld(runId, options.clients());
            long seeding = System.nanoTime();
            world.seed(stack, options.incidents(), options.warmUpIncidents(), options.mode() == LoadOptions.Mode.BURST);
            double seedSeconds = (System.nanoTime() - seeding) / 1e9;
            System.out.printf(Locale.ROOT, "seeded %d clients (%d contacts) and %d assets in %.1f s%n", options.clients(),
                    options.clients() * BenchWorld.CONTACTS_PER_CLIENT,
                    options.incidents() + options.warmUpIncidents() + (options.mode() == LoadOptions.Mode.BURST ? 1 : 0),
                    seedSeconds);

            AlertRequests senders = new AlertRequests(stack, world, options.batchSize(), options.stormAlerts());
            WebhookLoad load = new WebhookLoad(options.connections());
            String warmUp = "none";
            if (options.warmUpSeconds() > 0) {
                int count = options.warmUpRate() * options.warmUpSeconds();
                System.out.printf("warm-up: %d alerts/s for %d s on other assets (left out of the figures)…%n",
                        options.warmUpRate(), options.warmUpSeconds());
                long warmingUp = System.nanoTime();
                load.fixedRate("warm-up", count, options.warmUpRate(), options.connections(), i -> senders.generic(
                        i / options.alertsPerIncident(), i % options.alertsPerIncident(), true));
                Drain warm = awaitDrain(stack, lag, options.warmUpIncidents() * BenchWorld.CONTACTS_PER_CLIENT,
                        Duration.ofSeconds(120));
                System.out.printf(Locale.ROOT, "  warm-up drained: %s%n", warm);
                String jit = options.jitWaitSeconds() == 0 ? "not awaited"
                        : awaitQuietJit(stack, Duration.ofSeconds(options.jitWaitSeconds()));
                System.out.println("  JIT: " + jit);
                warmUp = String.format(Locale.ROOT, "%s; all done %.0f s after its first request; JIT %s", warm,
                        (System.nanoTime() - warmingUp) / 1e9, jit);
            }
            int emailsBefore = stack.emails().size();
            StackHandle.JvmFigures jvmBefore = stack.jvm();
            long measuredFrom = System.currentTimeMillis();
            RequestLog requests;
            int expectedEmails;
            if (options.mode() == LoadOptions.Mode.STEADY) {
                System.out.printf("steady: %d alerts/s for %d s, %d alerts per incident (%d incidents)…%n",
                        options.rate(), options.seconds(), options.alertsPerIncident(), options.incidents());
                requests = load.fixedRate("steady", options.alerts(), options.rate(), options.connections(),
                        i -> senders.generic(i / options.alertsPerIncident(), i % options.alertsPerIncident(), false));
                expectedEmails = options.incidents() * BenchWorld.CONTACTS_PER_CLIENT;
            } else {
                int batches = LoadOptions.ceilDiv(options.stormAlerts(), options.batchSize());
                System.out.printf("burst: %d alerts about one asset in %d Alertmanager notifications of up to %d, "
                        + "%d connections…%n", options.stormAlerts(), batches, options.batchSize(), options.connections());
                Instant startsAt = Instant.now().minusSeconds(30);
                requests = load.asFastAsAnswered(batches, options.connections(), b -> senders.storm(b, startsAt));
                expectedEmails = BenchWorld.STORM_CLIENTS * BenchWorld.CONTACTS_PER_CLIENT;
            }
            long postedUntil = System.currentTimeMillis();
            System.out.printf(Locale.ROOT, "posted in %.1f s; waiting for the pipeline to drain (at most %d s)…%n",
                    (postedUntil - measuredFrom) / 1e3, options.drainTimeoutSeconds());
            Drain drain = awaitDrain(stack, lag, emailsBefore + expectedEmails,
                    Duration.ofSeconds(options.drainTimeoutSeconds()));
            System.out.println("  " + drain);
            StackHandle.JvmFigures jvmAfter = stack.jvm();
            // A last sample of each, so the figures end where the drain ended.
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(SAMPLE_MILLIS));

            System.out.println("reading the topics and the mailbox…");
            TopicReader topics = new TopicReader(stack.property("kafka.bootstrap"), stack.property("registry.url"));
            PipelineReport.Run run = new PipelineReport.Run(options, runId, machine, Machine.currentLoadAverage(), database,
                    Long.parseLong(stack.property("startup.millis")), seedSeconds, warmUp, requests, measuredFrom, postedUntil,
                    drain, stack.emails(),
                    topics.readAll(Topics.ALERT_RAISED, AlertRaised.class, PipelineReport.Raised::of),
                    topics.readAll(Topics.ALERT_CLASSIFIED, AlertClassified.class, PipelineReport.Classified::of),
                    topics.readAll(Topics.CLIENT_NOTIFIED, ClientNotified.class, PipelineReport.Notified::of),
                    lag.samples(), processes.samples(), lag.deadLetters(), jvmBefore, jvmAfter, world,
                    retriedDeliveries(work.resolve("var").resolve("logs").resolve("local-stack.log"), measuredFrom));
            PipelineReport report = new PipelineReport(run);
            report.write(reportDirectory);
            System.out.println();
            System.out.print(report.summary());
            System.out.println("report: " + reportDirectory.toAbsolutePath().resolve("report.md") + " and latency.html");
            System.out.println("stopping the stack…");
        }
        keepLogsAndRemove(work, reportDirectory);
    }

    /**
     * The stack killed with SIGKILL under steady load and started again on its data, then every acknowledged alert
     * looked for in every stage ({@link CrashRun}, as the suite's {@code CrashRecoveryIT} at a larger size). Writes the
     * report as {@code report.md} too, with the stack's logs.
     */
    private void crash(String runId, Path work, Map<String, String> environment, Path reportDirectory) throws Exception {
        CrashRun.Settings settings = new CrashRun.Settings(options.rate(), options.seconds(), options.secondsAfterRestart(),
                options.alertsPerIncident(), options.clients(), options.stackHeap(), environment,
                Duration.ofSeconds(options.drainTimeoutSeconds()));
        CrashReport report = new CrashRun(settings, runId, System.out::println).run(work);
        String summary = report.summary();
        List<String> failures = report.failures();
        System.out.println();
        System.out.print(summary);
        System.out.println(failures.isEmpty() ? "nothing lost or doubled" : failures.size() + " checks failed");
        Files.writeString(reportDirectory.resolve("report.md"), "```\n" + summary + "```\n");
        System.out.println("report: " + reportDirectory.toAbsolutePath().resolve("report.md"));
        keepLogsAndRemove(work, reportDirectory);
    }

    /**
     * A second instance of each service beside the stack's, each killed in turn under load ({@link ScaleRun}, as the
     * suite's {@code ScaleOutIT} at a larger size). Two JVMs cannot share an H2 file, so it takes PostgreSQL. Writes the
     * report as {@code report.md} too, with the stack's and the second instances' logs.
     */
    private void scale(String runId, Path work, Map<String, String> environment, Path reportDirectory, boolean postgres)
            throws Exception {
        if (!postgres) {
            System.out.println("scale: two instances of a service share its database, and an H2 file cannot be shared "
                    + "between JVMs: set VIGIE_BENCH_DB_URL (see system-tests/README.md)");
            keepLogsAndRemove(work, reportDirectory);
            System.exit(2);
        }
        ScaleRun.Settings settings = new ScaleRun.Settings(options.rate(), options.seconds(), options.stormAlerts(),
                options.batchSize(), options.alertsPerIncident(), options.clients(), options.connections(),
                options.stackHeap(), environment, Duration.ofSeconds(options.drainTimeoutSeconds()));
        ScaleReport report = new ScaleRun(settings, runId, System.out::println).run(work);
        String summary = report.summary() + "  load average at the end: " + Machine.currentLoadAverage() + "\n";
        List<String> failures = report.failures();
        System.out.println();
        System.out.print(summary);
        System.out.println(failures.isEmpty() ? "nothing lost or doubled" : failures.size() + " checks failed");
        Files.writeString(reportDirectory.resolve("report.md"), "```\n" + summary + "```\n");
        System.out.println("report: " + reportDirectory.toAbsolutePath().resolve("report.md"));
        try (var logs = Files.list(work.resolve("instances"))) {
            for (Path log : logs.toList()) {
                Files.copy(log, reportDirectory.resolve(log.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        keepLogsAndRemove(work, reportDirectory);
    }

    /**
     * Listener deliveries that failed and were retried during the measured phase, by topic and cause, from the
     * warnings kafka-support logs ({@code Delivery n of <topic>-<partition>@<offset> failed: <cause>}): a record that
     * succeeds on a later attempt leaves no other trace, and one that never does ends on the DLT.
     */
    private static Map<String, Integer> retriedDeliveries(Path stackLog, long fromMillis) throws IOException {
        Map<String, Integer> retried = new TreeMap<>();
        if (!Files.exists(stackLog)) {
            return retried;
        }
        DateTimeFormatter format = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");
        try (var lines = Files.lines(stackLog)) {
            lines.forEach(line -> {
                Matcher matcher = FAILED_DELIVERY.matcher(line);
                if (matcher.find()) {
                    long at = LocalDateTime.parse(line.substring(0, 23), format).atZone(ZoneId.systemDefault())
                            .toInstant().toEpochMilli();
                    if (at >= fromMillis) {
                        // Ids and H2's row numbers would make every failure a cause of its own.
                        String cause = matcher.group(2).replaceAll("[0-9a-fA-F]{8}-[0-9a-fA-F-]{27}", "…")
                                .replaceAll("/\\* \\d+ \\*/ ", "").trim();
                        retried.merge(matcher.group(1) + ": " + cause, 1, Integer::sum);
                    }
                }
            });
        }
        return retried;
    }

    /** The stack's logs go with the report; its broker, registry and databases are thrown away. */
    private static void keepLogsAndRemove(Path work, Path reportDirectory) throws IOException {
        for (Path log : List.of(work.resolve("stack.log"), work.resolve("var").resolve("logs").resolve("local-stack.log"))) {
            if (Files.exists(log)) {
                Files.copy(log, reportDirectory.resolve(log.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        try (var files = Files.walk(work)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    /**
     * The driver's own Kafka clients log every setting at INFO: to a file, with only warnings on the console, as the
     * local stack does (its configuration is reused). Set before the first logger exists.
     */
    private static void configureLogging(Path logFile) {
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("vigie.local-stack.log-file", logFile.toAbsolutePath().toString());
            System.setProperty("logback.configurationFile", "io/vigie/localstack/local-stack-logback.xml");
        }
    }

    private String describe() {
        return switch (options.mode()) {
            case STEADY -> String.format(Locale.ROOT, "steady %d alerts/s for %d s", options.rate(), options.seconds());
            case BURST -> String.format(Locale.ROOT, "burst of %d alerts", options.stormAlerts());
            case CRASH -> String.format(Locale.ROOT, "crash: %d alerts/s, SIGKILL after %d s, %d s more after the restart",
                    options.rate(), options.seconds(), options.secondsAfterRestart());
            case SCALE -> String.format(Locale.ROOT, "scale: two instances of each service, %d alerts/s for %d s, a storm "
                    + "of %d, each second instance SIGKILLed in turn", options.rate(), options.seconds(), options.stormAlerts());
        };
    }

    private List<String> stackJvmOptions() {
        return List.of("-Xms" + options.stackHeap(), "-Xmx" + options.stackHeap(),
                // As ./local-stack.sh runs it. With G1 on two cores shared with PostgreSQL and the driver, young pauses
                // took 100-400 ms and the first minute at 200 alerts/s built a backlog (p99 webhook → email 5.0 s over
                // 120 s); with the parallel collector they take 15-35 ms and the same run kept up (p99 0.98 s).
                "-XX:+UseParallelGC",
                // The per-source rate limit (200/s by default) would measure the limiter, not the pipeline; the local
                // stack passes the sources on its command line without a rate, so system properties can set one.
                "-Dvigie.intake.sources." + LocalWebhookSources.GENERIC + ".rate.per-second=" + options.sourceRate(),
                "-Dvigie.intake.sources." + LocalWebhookSources.GENERIC + ".rate.burst=" + options.sourceRate(),
                "-Dvigie.intake.sources." + LocalWebhookSources.ALERTMANAGER + ".rate.per-second=" + options.sourceRate(),
                "-Dvigie.intake.sources." + LocalWebhookSources.ALERTMANAGER + ".rate.burst=" + options.sourceRate());
    }

    /** How the wait for the pipeline ended. */
    record Drain(long atMillis, boolean complete, boolean timedOut, int emails, long lag) {
        @Override
        public String toString() {
            return (complete ? "drained" : timedOut ? "NOT drained (timeout)" : "quiet, but emails missing")
                    + String.format(Locale.ROOT, ": %d emails in the mailbox, lag %d", emails, lag);
        }
    }

    /**
     * Waits until every consumer group has committed everything (twice in a row, a second apart, so an outbox relay
     * that had yet to publish gets its chance) and the mailbox holds {@code expectedEmails}; or until nothing moved for
     * 20 s with the lag at zero; or the timeout.
     */
    private static Drain awaitDrain(StackHandle stack, LagMonitor lag, int expectedEmails, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        int zeroLagInARow = 0;
        int lastEmails = -1;
        long lastChange = System.nanoTime();
        while (true) {
            long total = lag.sample().total();
            int emails = stack.emails().size();
            zeroLagInARow = total == 0 ? zeroLagInARow + 1 : 0;
            if (emails != lastEmails || total > 0) {
                lastChange = System.nanoTime();
                lastEmails = emails;
            }
            if (zeroLagInARow >= 2 && emails >= expectedEmails) {
                return new Drain(System.currentTimeMillis(), true, false, emails, total);
            }
            if (zeroLagInARow >= 2 && System.nanoTime() - lastChange > TimeUnit.SECONDS.toNanos(20)) {
                return new Drain(System.currentTimeMillis(), false, false, emails, total);
            }
            if (System.nanoTime() > deadline) {
                return new Drain(System.currentTimeMillis(), false, true, emails, total);
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(500));
        }
    }

    /**
     * Waits until the stack's JIT compilers are nearly idle: under 5 % of one compiler thread over the last 5 s, or the
     * timeout. On two cores shared with the load, the C2 compiler falls minutes behind while the warm-up runs (its queue
     * still held over a hundred methods after 3 minutes at 200 alerts/s, and most of the compiled code was still C1's
     * profiled tier), so the measured phase would otherwise measure the compiler catching up.
     */
    private static String awaitQuietJit(StackHandle stack, Duration timeout) {
        long started = System.nanoTime();
        long deadline = started + timeout.toNanos();
        ArrayDeque<Long> lastSeconds = new ArrayDeque<>();
        while (true) {
            lastSeconds.addLast(stack.compilationMillis());
            if (lastSeconds.size() > 6) {
                lastSeconds.removeFirst();
            }
            long compiling = lastSeconds.getLast() - lastSeconds.getFirst();
            double waited = (System.nanoTime() - started) / 1e9;
            if (lastSeconds.size() == 6 && compiling < 250) {
                return String.format(Locale.ROOT, "quiet after %.0f s (%d ms compiling in the last 5 s)", waited, compiling);
            }
            if (System.nanoTime() > deadline) {
                return String.format(Locale.ROOT, "still compiling after %.0f s (%d ms in the last 5 s)", waited, compiling);
            }
            LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(1));
        }
    }
}
